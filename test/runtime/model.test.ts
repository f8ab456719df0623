import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { CharModel, ModelError } from '../../src/runtime/onnxModel';
import { defaultCodeVocab } from '../../src/model/vocab';
import { buildInferenceModel } from '../../training/graph/inference';
import { initParams, mulberry32, Params } from '../../training/params';
import { referenceForward, zeroRefState } from '../helpers/reference';
import { tmpDir } from '../helpers/tmp';

function randomModel(layers: number, hidden: number, embed: number, seed: number): { p: Params; file: string } {
  const vocab = defaultCodeVocab();
  const p = initParams({ vocab: vocab.length, embed, layers, hidden }, seed);
  // Larger than init so that every gate is exercised away from zero.
  for (let k = 0; k < p.flat.length; k++) p.flat[k] *= 3;
  const file = path.join(tmpDir('rt'), 'm.onnx');
  fs.writeFileSync(file, buildInferenceModel(p, { vocab }));
  return { p, file };
}

function randomTokens(B: number, T: number, V: number, seed: number): number[][] {
  const r = mulberry32(seed);
  return Array.from({ length: B }, () => Array.from({ length: T }, () => Math.floor(r() * V)));
}

describe('runtime: CharModel', () => {
  for (const layers of [1, 2]) {
    it(`logits equal the float64 reference forward pass (L=${layers})`, async () => {
      const { p, file } = randomModel(layers, 24, 8, 7 + layers);
      const m = await CharModel.load(file);
      const B = 3;
      const T = 11;
      const toks = randomTokens(B, T, p.shape.vocab, 99);
      const r = await m.run(toks.flat(), B, T, m.zeroState(B));
      const ref = referenceForward(p, toks, zeroRefState(p, B));
      let maxErr = 0;
      const V = p.shape.vocab;
      for (let b = 0; b < B; b++)
        for (let t = 0; t < T; t++)
          for (let v = 0; v < V; v++) maxErr = Math.max(maxErr, Math.abs(r.logits[(b * T + t) * V + v] - ref[b][t][v]));
      assert.ok(maxErr < 1e-4, `max |logit error| ${maxErr}`);
      await m.release();
    });
  }

  it('state carried across chunks gives the same logits as one long run', async () => {
    const { p, file } = randomModel(2, 16, 8, 3);
    const m = await CharModel.load(file);
    const V = p.shape.vocab;
    const toks = randomTokens(2, 20, V, 5);
    const whole = await m.run(toks.flat(), 2, 20, m.zeroState(2));
    let state = m.zeroState(2);
    const parts: Float32Array[] = [];
    for (const [a, b] of [[0, 7], [7, 8], [8, 20]]) {
      const r = await m.run(toks.map((s) => s.slice(a, b)).flat(), 2, b - a, state);
      parts.push(r.logits);
      state = r.state;
    }
    // re-assemble per batch row
    let maxErr = 0;
    for (let b = 0; b < 2; b++) {
      let t = 0;
      for (const [i, [a, e]] of [[0, 7], [7, 8], [8, 20]].entries()) {
        const len = e - a;
        for (let k = 0; k < len; k++, t++)
          for (let v = 0; v < V; v++)
            maxErr = Math.max(maxErr, Math.abs(parts[i][(b * len + k) * V + v] - whole.logits[(b * 20 + t) * V + v]));
      }
    }
    assert.ok(maxErr < 1e-5, `chunked vs whole: ${maxErr}`);
    for (let k = 0; k < whole.state.h.length; k++) assert.ok(Math.abs(whole.state.h[k] - state.h[k]) < 1e-5);
    await m.release();
  });

  describe('bad input gets one clear message', () => {
    const dir = tmpDir('bad');
    const expectError = async (file: string, pattern: RegExp) => {
      await assert.rejects(CharModel.load(file), (e: unknown) => {
        assert.ok(e instanceof ModelError, `expected ModelError, got ${e}`);
        assert.match(e.message, pattern);
        assert.ok(!e.message.includes('\n'), 'message is one line');
        return true;
      });
    };
    it('missing file', () => expectError(path.join(dir, 'nope.onnx'), /cannot read model file .*no such file/));
    it('a folder', () => expectError(dir, /it is a folder/));
    it('not ONNX', async () => {
      const f = path.join(dir, 'text.onnx');
      fs.writeFileSync(f, 'hello, I am not a model\n'.repeat(10));
      await expectError(f, /not an ONNX model/);
    });
    it('an empty file', async () => {
      const f = path.join(dir, 'empty.onnx');
      fs.writeFileSync(f, '');
      await expectError(f, /not an ONNX model/);
    });
  });
});
