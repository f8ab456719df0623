/**
 * Model files for tests: ours (training/graph/inference.ts with random weights), a
 * bigram model with hand-set logits for decoding tests, and byte-level edits of a model
 * for contract tests.
 */
import * as fs from 'fs';
import * as path from 'path';
import { onnx } from 'onnx-proto';
import { GraphBuilder } from '../../training/graph/builder';
import { buildInferenceModel } from '../../training/graph/inference';
import { initParams, Params } from '../../training/params';
import { FORMAT_VERSION, INPUT, META, OUTPUT } from '../../src/model/contract';
import { tmpDir } from './tmp';

export interface OurModel {
  p: Params;
  vocab: string[];
  bytes: Uint8Array;
}

/** Our inference graph over random weights, scaled up so that every gate does something. */
export function ourModel(vocab: string[], layers: number, hidden: number, embed: number, seed: number, scale = 3): OurModel {
  const p = initParams({ vocab: vocab.length, embed, layers, hidden }, seed);
  for (let k = 0; k < p.flat.length; k++) p.flat[k] *= scale;
  return { p, vocab, bytes: buildInferenceModel(p, { vocab }) };
}

/** Decodes a model, lets `edit` change it, encodes it again. */
export function editModel(bytes: Uint8Array, edit: (m: onnx.ModelProto) => void): Uint8Array {
  const m = onnx.ModelProto.decode(bytes);
  edit(m);
  return onnx.ModelProto.encode(m).finish();
}

/** Sets (or with `undefined`, removes) one metadata entry. */
export function setMeta(m: onnx.ModelProto, key: string, value: string | undefined): void {
  const rest = (m.metadataProps ?? []).filter((p) => p.key !== key);
  m.metadataProps = value === undefined ? rest : [...rest, onnx.StringStringEntryProto.create({ key, value })];
}

/**
 * A contract-following model without an LSTM: logits[b, t] = table[tokens[b, t]], so the
 * next character depends only on the current one; hn/cn pass h0/c0 through.
 * `next` maps a character ('' for the unknown token) to the character it predicts; every
 * other logit is 0 and the predicted one is `strength`.
 */
export function bigramModel(vocab: string[], next: Record<string, string>, strength = 10): Uint8Array {
  const V = vocab.length;
  const H = 4;
  const table = new Float32Array(V * V);
  for (const [from, to] of Object.entries(next)) {
    const a = from === '' ? 0 : vocab.indexOf(from, 1);
    const b = to === '' ? 0 : vocab.indexOf(to, 1);
    if (a < 0 || b < 0) throw new Error(`bigram ${JSON.stringify(from)} -> ${JSON.stringify(to)} is outside the vocabulary`);
    table[a * V + b] = strength;
  }
  const g = new GraphBuilder('bigram');
  const tokens = g.input(INPUT.tokens, 'int64', ['batch', 'time']);
  const h0 = g.input(INPUT.h0, 'float', [1, 'batch', H]);
  const c0 = g.input(INPUT.c0, 'float', [1, 'batch', H]);
  const t = g.initializer('table', table, [V, V]);
  g.output(g.op('Gather', [t, tokens], { axis: 0 }), OUTPUT.logits, 'float', ['batch', 'time', V]);
  g.output(g.op('Identity', [h0]), OUTPUT.hn, 'float', [1, 'batch', H]);
  g.output(g.op('Identity', [c0]), OUTPUT.cn, 'float', [1, 'batch', H]);
  return g.toModel({
    metadata: {
      [META.format]: FORMAT_VERSION,
      [META.vocab]: JSON.stringify(vocab),
      [META.layers]: '1',
      [META.hidden]: String(H),
    },
  });
}

/** Writes bytes to a fresh temp folder and returns the file's path. */
export function writeTemp(bytes: Uint8Array | string, name = 'model.onnx', tag = 'model'): string {
  const file = path.join(tmpDir(tag), name);
  fs.writeFileSync(file, bytes);
  return file;
}
