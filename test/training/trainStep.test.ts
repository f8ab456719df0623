import * as assert from 'node:assert/strict';
import { TrainSession, Batch } from '../../training/trainSession';
import { initParams, mulberry32, Params, Shape } from '../../training/params';
import { buildInferenceModel } from '../../training/graph/inference';
import { CharModel } from '../../src/runtime/onnxModel';
import { referenceForward, RefState } from '../helpers/reference';

const shape: Shape = { vocab: 11, embed: 5, layers: 2, hidden: 6 };
const B = 3;
const T = 7;

function setup(seed: number) {
  const p = initParams(shape, seed);
  for (let k = 0; k < p.flat.length; k++) p.flat[k] *= 2.5; // exercise the gates away from zero
  const r = mulberry32(seed + 1);
  const tok = Array.from({ length: B }, () => Array.from({ length: T }, () => Math.floor(r() * shape.vocab)));
  const tgt = Array.from({ length: B }, () => Array.from({ length: T }, () => Math.floor(r() * shape.vocab)));
  const w = Array.from({ length: B }, (_, b) => Array.from({ length: T }, (_, t) => (b === 2 && t > 4 ? 0 : 0.5 + r())));
  const total = w.flat().reduce((a, x) => a + x, 0);
  const wn = w.map((row) => row.map((x) => x / total));
  const n = shape.layers * B * shape.hidden;
  const h0 = Float32Array.from({ length: n }, () => r() - 0.5);
  const c0 = Float32Array.from({ length: n }, () => 2 * r() - 1);
  const batch: Batch = {
    batch: B,
    time: T,
    tokens: BigInt64Array.from(tok.flat().map(BigInt)),
    targets: BigInt64Array.from(tgt.flat().map(BigInt)),
    weights: Float32Array.from(wn.flat()),
  };
  return { p, tok, tgt, wn, h0, c0, batch };
}

function refState(h0: Float32Array, c0: Float32Array): RefState {
  const { layers: L, hidden: H } = shape;
  const cut = (a: Float32Array) =>
    Array.from({ length: L }, (_, l) => Array.from({ length: B }, (_, b) => Array.from(a.subarray((l * B + b) * H, (l * B + b + 1) * H))));
  return { h: cut(h0), c: cut(c0) };
}

/** Weighted mean of -ln p(target), in float64, from the naive reference forward pass. */
function refLoss(p: Params, s: ReturnType<typeof setup>): number {
  const logits = referenceForward(p, s.tok, refState(s.h0, s.c0));
  let loss = 0;
  for (let b = 0; b < B; b++)
    for (let t = 0; t < T; t++) {
      const z = logits[b][t];
      const m = Math.max(...z);
      const lse = m + Math.log(z.reduce((a, x) => a + Math.exp(x - m), 0));
      loss += s.wn[b][t] * (lse - z[s.tgt[b][t]]);
    }
  return loss;
}

describe('train-step graph', function () {
  this.timeout(120000);

  it('loss and carried state equal the float64 reference forward pass', async () => {
    const s = setup(11);
    const sess = await TrainSession.create(shape);
    const r = await sess.step(s.p, s.batch, s.h0, s.c0);
    assert.ok(Math.abs(r.loss - refLoss(s.p, s)) < 1e-5, `loss ${r.loss} vs ${refLoss(s.p, s)}`);
    const st = refState(s.h0, s.c0);
    referenceForward(s.p, s.tok, st);
    const { hidden: H } = shape;
    for (let l = 0; l < shape.layers; l++)
      for (let b = 0; b < B; b++)
        for (let j = 0; j < H; j++) {
          assert.ok(Math.abs(r.h[(l * B + b) * H + j] - st.h[l][b][j]) < 1e-5, 'hn');
          assert.ok(Math.abs(r.c[(l * B + b) * H + j] - st.c[l][b][j]) < 1e-5, 'cn');
        }
    await sess.release();
  });

  it('every parameter gradient matches central finite differences of the float64 loss', async () => {
    const s = setup(5);
    const sess = await TrainSession.create(shape);
    const r = await sess.step(s.p, s.batch, s.h0, s.c0);
    const pick = mulberry32(3);
    for (const spec of s.p.specs) {
      let checked = 0;
      let worst = 0;
      const idx = spec.size <= 40 ? [...Array(spec.size).keys()] : Array.from({ length: 40 }, () => Math.floor(pick() * spec.size));
      for (const k of idx) {
        const at = spec.offset + k;
        const x = s.p.flat[at];
        s.p.flat[at] = x + 1e-3;
        const up = refLoss(s.p, s);
        const xUp = s.p.flat[at];
        s.p.flat[at] = x - 1e-3;
        const down = refLoss(s.p, s);
        const xDown = s.p.flat[at];
        s.p.flat[at] = x;
        const numeric = (up - down) / (xUp - xDown);
        const err = Math.abs(r.grads[at] - numeric);
        worst = Math.max(worst, err / (1e-4 + 1e-2 * Math.abs(numeric)));
        assert.ok(err <= 1e-4 + 1e-2 * Math.abs(numeric), `${spec.name}[${k}]: graph ${r.grads[at]} vs numeric ${numeric}`);
        checked++;
      }
      assert.ok(checked > 0);
    }
    // The gradient is not trivially zero anywhere.
    for (const spec of s.p.specs) {
      const g = r.grads.subarray(spec.offset, spec.offset + spec.size);
      assert.ok(g.some((v) => Math.abs(v) > 1e-6), `${spec.name} gradient is all zero`);
    }
    await sess.release();
  });

  it("forward logits equal the exported inference graph's on the same weights", async () => {
    const s = setup(9);
    const sess = await TrainSession.create(shape, { withLogits: true });
    const zero = new Float32Array(shape.layers * B * shape.hidden);
    const r = await sess.step(s.p, s.batch, zero, zero);
    const vocab = ['', ...'abcdefghij'];
    const m = await CharModel.fromBytes(buildInferenceModel(s.p, { vocab }), 'exported');
    const inf = await m.run(s.tok.flat(), B, T, m.zeroState(B));
    const V = shape.vocab;
    let worst = 0;
    for (let b = 0; b < B; b++)
      for (let t = 0; t < T; t++)
        for (let v = 0; v < V; v++) worst = Math.max(worst, Math.abs(r.logits![(t * B + b) * V + v] - inf.logits[(b * T + t) * V + v]));
    assert.ok(worst < 1e-5, `max logit difference ${worst}`);
    await m.release();
    await sess.release();
  });
});
