/**
 * Helpers for the engine tests: a model whose next-character probabilities are set by
 * hand, and a wrapper that counts what is fed to a model.
 */
import { GraphBuilder } from '../../training/graph/builder';
import { FORMAT_VERSION, INPUT, META, OUTPUT } from '../../src/model/contract';
import type { LstmState, RunResult } from '../../src/runtime/onnxModel';
import type { GreedyDecodeOptions, GreedyDecodeResult, StepModel } from '../../src/engine/stepModel';
import type { CompletionRequest } from '../../src/engine/types';

/**
 * A contract-following model where p(next | current) is given by hand: rows[from][to] is a
 * probability ('' is the unknown token). Characters a row leaves out share what is left of
 * the probability equally (or get 1e-9 when nothing is left). logits = log p, so softmax
 * gives back exactly these probabilities. hn/cn pass h0/c0 through.
 */
export function tableModel(vocab: string[], rows: Record<string, Record<string, number>>): Uint8Array {
  const V = vocab.length;
  const H = 4;
  const index = (ch: string) => {
    const k = ch === '' ? 0 : vocab.indexOf(ch, 1);
    if (k < 0) throw new Error(`${JSON.stringify(ch)} is outside the vocabulary`);
    return k;
  };
  const table = new Float32Array(V * V);
  for (let a = 0; a < V; a++) {
    const row = rows[a === 0 ? '' : vocab[a]] ?? {};
    const given = new Map(Object.entries(row).map(([ch, p]) => [index(ch), p]));
    let rest = 1;
    for (const p of given.values()) rest -= p;
    const share = Math.max(rest, 0) / (V - given.size);
    for (let b = 0; b < V; b++) table[a * V + b] = Math.log(given.get(b) ?? (share > 1e-9 ? share : 1e-9));
  }
  const g = new GraphBuilder('table');
  const tokens = g.input(INPUT.tokens, 'int64', ['batch', 'time']);
  const h0 = g.input(INPUT.h0, 'float', [1, 'batch', H]);
  const c0 = g.input(INPUT.c0, 'float', [1, 'batch', H]);
  g.output(g.op('Gather', [g.initializer('table', table, [V, V]), tokens], { axis: 0 }), OUTPUT.logits, 'float', ['batch', 'time', V]);
  g.output(g.op('Identity', [h0]), OUTPUT.hn, 'float', [1, 'batch', H]);
  g.output(g.op('Identity', [c0]), OUTPUT.cn, 'float', [1, 'batch', H]);
  return g.toModel({
    metadata: { [META.format]: FORMAT_VERSION, [META.vocab]: JSON.stringify(vocab), [META.layers]: '1', [META.hidden]: String(H) },
  });
}

/** Wraps a model and records every run: tokens fed and batch sizes. `fast: false` hides decodeGreedy. */
export class CountingModel implements StepModel {
  tokens = 0;
  runs = 0;
  batches: number[] = [];
  greedyCalls = 0;
  decodeGreedy?: (logits: Float32Array, state: LstmState, opts: GreedyDecodeOptions) => Promise<GreedyDecodeResult | undefined>;

  constructor(
    readonly inner: StepModel,
    fast = true,
  ) {
    const dg = inner.decodeGreedy?.bind(inner);
    if (fast && dg) {
      this.decodeGreedy = (logits, state, opts) => {
        this.greedyCalls++;
        return dg(logits, state, opts);
      };
    }
  }
  get vocab() {
    return this.inner.vocab;
  }
  get layers() {
    return this.inner.layers;
  }
  get hidden() {
    return this.inner.hidden;
  }
  zeroState(batch: number): LstmState {
    return this.inner.zeroState(batch);
  }
  run(tokens: ArrayLike<number>, batch: number, time: number, state: LstmState): Promise<RunResult> {
    this.tokens += batch * time;
    this.runs++;
    this.batches.push(batch);
    return this.inner.run(tokens, batch, time, state);
  }
  reset(): void {
    this.tokens = 0;
    this.runs = 0;
    this.batches = [];
    this.greedyCalls = 0;
  }
}

/** A request at the end of `prefix`. */
export function request(prefix: string, over: Partial<CompletionRequest> = {}): CompletionRequest {
  return { docId: 'doc', prefix, lineSuffix: '', languageId: 'plaintext', ...over };
}

/**
 * A request from a document written with a cursor marker `|`: text before it is the
 * prefix, the rest of its line the lineSuffix.
 */
export function at(doc: string, over: Partial<CompletionRequest> = {}): CompletionRequest {
  const k = doc.indexOf('|');
  if (k < 0) throw new Error('no cursor marker | in the document');
  const after = doc.slice(k + 1);
  const eol = after.indexOf('\n');
  return request(doc.slice(0, k), { lineSuffix: eol >= 0 ? after.slice(0, eol) : after, ...over });
}
