import * as assert from 'node:assert/strict';
import { evaluate } from '../../src/engine/evaluate';
import { CharModel } from '../../src/runtime/onnxModel';
import { log2Softmax, referenceForward, zeroRefState } from '../helpers/reference';
import { ourModel } from '../helpers/models';

const vocab = ['', '\n', 'a', 'b', 'c', ' '];
// Different lengths (batching pads), an empty file, \r\n, and characters outside the vocabulary.
const texts = ['abc abc\ncab', 'a', '', 'ba cab\r\nc bba  ac\nxyz ab', 'cc\n'];

/** The hand computation: per file, float64 forward from zero state after '\n'. */
function byHand(model: ReturnType<typeof ourModel>): { bits: number; chars: number; correct: number } {
  let bits = 0;
  let chars = 0;
  let correct = 0;
  const V = vocab.length;
  for (const text of texts) {
    const chs = [...text.replace(/\r\n/g, '\n')];
    if (chs.length === 0) continue;
    const toks = [1, ...chs.map((ch) => Math.max(0, vocab.indexOf(ch, 1)))];
    const logits = referenceForward(model.p, [toks.slice(0, -1)], zeroRefState(model.p, 1))[0];
    for (let t = 0; t < chs.length; t++) {
      bits -= log2Softmax(logits[t], 0, V, toks[t + 1]);
      if (logits[t].indexOf(Math.max(...logits[t])) === toks[t + 1]) correct++;
    }
    chars += chs.length;
  }
  return { bits, chars, correct };
}

describe('engine: evaluate', () => {
  const m = ourModel(vocab, 1, 2, 3, 21, 4);
  let model: CharModel;
  before(async () => {
    model = await CharModel.fromBytes(m.bytes, 'tiny.onnx');
  });
  after(() => model.release());

  for (const [batchSize, chunkSteps] of [[2, 3], [1, 1], [16, 512], [3, 7]]) {
    it(`bpc and top-1 equal the hand computation (batch ${batchSize}, chunk ${chunkSteps})`, async () => {
      const want = byHand(m);
      const r = await evaluate(model, texts, { batchSize, chunkSteps });
      assert.equal(r.chars, 11 + 1 + 23 + 3);
      assert.equal(r.chars, want.chars);
      assert.equal(r.files, texts.length);
      assert.ok(Math.abs(r.bpc - want.bits / want.chars) < 1e-4, `bpc ${r.bpc} vs ${want.bits / want.chars}`);
      assert.equal(r.correct, want.correct);
      assert.ok(Math.abs(r.top1 - want.correct / want.chars) < 1e-12);
      assert.ok(r.bpc > 0.5 && r.bpc < 10, `a plausible bpc for random weights: ${r.bpc}`);
    });
  }

  it('pools by characters, not by files', async () => {
    const long = await evaluate(model, [texts[3]]);
    const short = await evaluate(model, [texts[1]]);
    const both = await evaluate(model, [texts[3], texts[1]]);
    const pooled = (long.bits + short.bits) / (long.chars + short.chars);
    assert.ok(Math.abs(both.bpc - pooled) < 1e-9);
    assert.ok(Math.abs(both.bpc - (long.bpc + short.bpc) / 2) > 1e-3, 'differs from the mean of per-file bpc');
  });

  it('reports progress and gives NaN for no characters', async () => {
    const seen: number[] = [];
    await evaluate(model, texts, { batchSize: 2, chunkSteps: 4, onProgress: (done) => seen.push(done) });
    assert.equal(seen[seen.length - 1], 38);
    assert.ok(seen.every((d, k) => k === 0 || d >= seen[k - 1]));
    const none = await evaluate(model, ['', '']);
    assert.equal(none.chars, 0);
    assert.ok(Number.isNaN(none.bpc));
  });
});
