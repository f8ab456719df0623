import * as assert from 'node:assert/strict';
import { initParams, mulberry32, widenParams } from '../../training/params';
import { buildInferenceModel } from '../../training/graph/inference';
import { defaultCodeVocab } from '../../src/model/vocab';
import { CharModel } from '../../src/runtime/onnxModel';

describe('widenParams', () => {
  const vocab = defaultCodeVocab();
  const shape = { vocab: vocab.length, embed: 8, layers: 2, hidden: 12 };

  async function logits(p: ReturnType<typeof initParams>, tokens: number[]): Promise<Float32Array> {
    const m = await CharModel.fromBytes(buildInferenceModel(p, { vocab }), 'widen test', { threads: 1 });
    try {
      return (await m.run(tokens, 1, tokens.length, m.zeroState(1))).logits;
    } finally {
      await m.release();
    }
  }

  it('keeps every logit of the narrower model, and the new units are live', async () => {
    const p = initParams(shape, 3);
    // Non-trivial weights everywhere (a fresh init has zero output bias).
    const rnd = mulberry32(9);
    for (let k = 0; k < p.flat.length; k++) p.flat[k] += (rnd() - 0.5) * 0.2;
    const rndTok = mulberry32(5);
    const tokens = Array.from({ length: 40 }, () => 1 + Math.floor(rndTok() * (vocab.length - 1)));
    const wide = widenParams(p, 20, 7);
    assert.equal(wide.shape.hidden, 20);
    const a = await logits(p, tokens);
    const b = await logits(wide, tokens);
    assert.equal(a.length, b.length);
    let worst = 0;
    for (let k = 0; k < a.length; k++) worst = Math.max(worst, Math.abs(a[k] - b[k]));
    assert.ok(worst < 1e-5, `max logit difference ${worst}`);
    // New units have non-zero incoming weights (they compute something) and zero outgoing ones.
    const wx1 = wide.view('l1.wx');
    let newIn = 0;
    for (let c = 0; c < 20; c++) newIn += Math.abs(wx1[(0 * 20 + 15) * 20 + c]);
    assert.ok(newIn > 0);
    const ow = wide.view('out.w');
    for (let v = 0; v < vocab.length; v++) for (let j = 12; j < 20; j++) assert.equal(ow[v * 20 + j], 0);
  });

  it('refuses to narrow', () => {
    assert.throws(() => widenParams(initParams(shape, 1), 8, 1), /cannot narrow/);
  });
});
