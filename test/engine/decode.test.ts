import * as assert from 'node:assert/strict';
import { best, decode, DecodeSettings, mixCopy } from '../../src/engine/decode';
import { CopyTracker, copyWeight } from '../../src/engine/copyModel';
import { StopOptions } from '../../src/engine/stopRules';
import { CharModel } from '../../src/runtime/onnxModel';
import { buildForeignModel } from '../helpers/foreignModel';
import { ourModel } from '../helpers/models';
import { CountingModel, tableModel } from './engineHelpers';

const GREEDY: DecodeSettings = { temperature: 0, topK: 0, topP: 1, candidates: 1 };
const stopAt = (maxChars: number, over: Partial<StopOptions> = {}): StopOptions => ({ maxChars, multiline: false, minConfidence: 0, indent: '', ...over });

/** The primed context after `prefix`, straight from the model. */
async function primed(model: CharModel, prefix: string) {
  const t = [model.vocab.startToken, ...model.vocab.encode(prefix)];
  const r = await model.run(t, 1, t.length, model.zeroState(1));
  const V = model.vocab.size;
  return { state: r.state, logits: r.logits.slice((t.length - 1) * V) };
}

/** A queue of uniform draws, then 0.5 forever. */
const draws = (...xs: number[]) => () => xs.shift() ?? 0.5;

describe('engine: decode', () => {
  const lstmVocab = ['', '\n', ' ', 'a', 'b', 'c', 'd', '(', ')', '.', '\t'];
  let lstm: CharModel;
  let foreign: CharModel;
  before(async () => {
    lstm = await CharModel.fromBytes(ourModel(lstmVocab, 2, 16, 6, 11, 2).bytes, 'lstm.onnx');
    foreign = await CharModel.fromBytes(buildForeignModel(77).bytes, 'foreign.onnx');
  });
  after(async () => {
    await lstm.release();
    await foreign.release();
  });

  for (const [name, get, prefixes] of [
    ['our LSTM', () => lstm, ['', 'a', 'ab (c', 'd.a\n\tb', 'cab ba\n', 'é ?']],
    ['a model written by someone else', () => foreign, ['', 'import os\n', 'def f(x):\n\t', 'print("a")', 'if __name__']],
  ] as const) {
    it(`greedy in one ONNX Loop gives the picks of one run per character (${name})`, async () => {
      const model = get();
      let slowRuns = 0;
      for (const prefix of prefixes) {
        for (const stop of [stopAt(30), stopAt(30, { multiline: true }), stopAt(12, { minConfidence: 0.2 }), stopAt(25, { minJoint: 0.01 })]) {
          const ctx = await primed(model, prefix);
          const fast = new CountingModel(model);
          const slow = new CountingModel(model, false);
          const a = await decode(fast, ctx, GREEDY, stop, Math.random);
          const b = await decode(slow, ctx, GREEDY, stop, Math.random);
          assert.equal(fast.greedyCalls, 1, 'the fast path ran');
          assert.equal(fast.runs, 0, 'and no per-character runs');
          slowRuns += slow.runs;
          assert.equal(a?.text, b?.text, `${JSON.stringify(prefix)} ${JSON.stringify(stop)}`);
          assert.equal(a?.reason, b?.reason);
          assert.ok(Math.abs(a!.meanLogProb - b!.meanLogProb) < 1e-4);
        }
      }
      assert.ok(slowRuns > 20, 'the suggestions were not all empty');
    });
  }

  describe('candidates', () => {
    // '>' is followed by 'a' (0.3) or 'b' (0.7); 'a' by a run of confident 'c's; 'b' by a newline.
    const vocab = ['', '\n', '>', 'a', 'b', 'c'];
    let table: CharModel;
    before(async () => {
      table = await CharModel.fromBytes(tableModel(vocab, { '>': { a: 0.3, b: 0.7 }, a: { c: 1 }, c: { c: 1 }, b: { '\n': 1 } }), 'table.onnx');
    });
    after(() => table.release());
    const sample: DecodeSettings = { temperature: 1, topK: 0, topP: 1, candidates: 2 };

    it('are sampled as one batch and ranked by mean log-probability', async () => {
      const model = new CountingModel(table);
      const ctx = await primed(table, '>');
      // Row 0 draws 0.1 (-> 'b', the likelier first character), row 1 draws 0.9 (-> 'a').
      const r = await decode(model, ctx, sample, stopAt(10), draws(0.1, 0.9));
      assert.equal(r?.text, 'a' + 'c'.repeat(9), 'mean log p = log(0.3)/10 beats log(0.7)');
      assert.ok(Math.abs(r!.meanLogProb - Math.log(0.3) / 10) < 1e-5);
      assert.ok(model.batches.length > 0 && model.batches.every((b) => b === 2), `every run has both rows: ${model.batches}`);
      const one = await decode(table, ctx, { ...sample, candidates: 1 }, stopAt(10), draws(0.1, 0.9));
      assert.equal(one?.text, 'b', 'a single candidate keeps its own draw');
    });

    it('best() skips empty candidates and keeps the first on ties', () => {
      const r = (text: string, meanLogProb: number) => ({ text, meanLogProb, reason: 'newline' as const });
      assert.equal(best([r('', 0), r('x', -2), r('y', -1), r('z', -1)]).text, 'y');
      assert.equal(best([r('', 0), r('', 0)]).text, '');
    });

    it('cancellation between steps stops decoding early', async () => {
      const model = new CountingModel(table, false);
      const ctx = await primed(table, '>');
      const token = { get isCancellationRequested() {
        return model.runs >= 3;
      } };
      assert.equal(await decode(model, ctx, sample, stopAt(40), draws(0.9, 0.9), token), undefined);
      assert.equal(model.runs, 3);
      model.reset();
      const afterA = await primed(table, '>a');
      assert.equal(await decode(model, afterA, GREEDY, stopAt(40), Math.random, token), undefined, 'greedy, one run per character');
      assert.equal(model.runs, 3);
    });
  });
  describe('copying from the document', () => {
    // A model with no opinion: every character (and the unknown token) has p = 1/8, and
    // greedy decoding alone picks the unknown token, which shows nothing.
    const vocab = ['', '\n', '>', 'a', 'b', 'c', 'x', 'y'];
    let flat: CharModel;
    before(async () => {
      flat = await CharModel.fromBytes(tableModel(vocab, {}), 'flat.onnx');
    });
    after(() => flat.release());
    const doc = 'abcab\nabcab\nabc';

    it('suggests what followed the earlier match, with the mixed probabilities', async () => {
      const ctx = await primed(flat, doc);
      const model = new CountingModel(flat);
      const r = await decode(model, ctx, GREEDY, stopAt(20), Math.random, undefined, { source: doc, context: doc });
      assert.equal(r?.text, 'ab');
      assert.equal(r?.reason, 'newline', 'the copy goes on to the newline, which ends a single-line suggestion');
      const p = (len: number) => (1 - copyWeight(len)) / 8 + copyWeight(len);
      assert.ok(Math.abs(r!.meanLogProb - (Math.log(p(9)) + Math.log(p(10))) / 2) < 1e-5, 'match of 9, then 10 characters');
      assert.equal(model.greedyCalls, 0, 'the one-call path cannot mix: one run per character instead');
      assert.ok(model.runs >= 2);
      assert.equal((await decode(flat, ctx, GREEDY, stopAt(20), Math.random))?.text, '', 'without copying: nothing');
    });

    it('keeps the one-call greedy path when the document has no match', async () => {
      const other = 'xyxy\nab';
      const ctx = await primed(flat, other);
      const model = new CountingModel(flat);
      const r = await decode(model, ctx, GREEDY, stopAt(20), Math.random, undefined, { source: other, context: other });
      assert.equal(r?.text, '');
      assert.equal(model.greedyCalls, 1);
    });

    it('the joint gate sees the mixed probabilities', async () => {
      const ctx = await primed(flat, doc);
      const run = (minJoint: number) => decode(flat, ctx, GREEDY, stopAt(20, { minJoint }), Math.random, undefined, { source: doc, context: doc });
      assert.equal((await run(0.3))?.text, 'ab', `p(ab) = ${(((1 - copyWeight(9)) / 8 + copyWeight(9)) * ((1 - copyWeight(10)) / 8 + copyWeight(10))).toFixed(3)}`);
      assert.equal((await run(0.5))?.text, '', 'gated inside "ab": cut back to nothing');
    });

    it('mixCopy gives a distribution: (1 - w) softmax + w p_copy', () => {
      const logits = Float32Array.from([0.5, -1, 2, 0, 1, -2, 0.3, 0.1]);
      const text = 'xaya\nxaya\nxay';
      const tracker = new CopyTracker(text, text);
      const out = new Float32Array(8);
      mixCopy({ vocab: flat.vocab } as never, logits, 0, tracker, out);
      const sum = Array.from(out).reduce((a, x) => a + Math.exp(x), 0);
      assert.ok(Math.abs(sum - 1) < 1e-5, `sums to ${sum}`);
      const z = Array.from(logits).reduce((a, x) => a + Math.exp(x), 0);
      const w = copyWeight(tracker.matchLength);
      assert.ok(w > 0);
      assert.ok(Math.abs(Math.exp(out[3]) - ((1 - w) * Math.exp(logits[3])) / z - w) < 1e-5, "'a' gets the copy share");
      assert.ok(Math.abs(Math.exp(out[4]) - ((1 - w) * Math.exp(logits[4])) / z) < 1e-6, "'b' only the model's");
    });
  });
});
