import * as assert from 'node:assert/strict';
import { DEFAULT_ENGINE_SETTINGS, LstmCompletionEngine, normalizeSettings } from '../../src/engine/engine';
import type { EngineSettings } from '../../src/engine/types';
import { CharModel } from '../../src/runtime/onnxModel';
import { bigramModel, ourModel } from '../helpers/models';
import { at, CountingModel, request, tableModel } from './engineHelpers';

const OFF: EngineSettings = { ...DEFAULT_ENGINE_SETTINGS, minConfidence: 0, minJointConfidence: 0 };

describe('engine: LstmCompletionEngine', () => {
  // After 'a' comes 'b', then 'c', then a newline; 'z' repeats forever; ' ' gives 'q', then the unknown token.
  const bigramVocab = ['', '\n', 'a', 'b', 'c', 'z', ' ', 'q'];
  const next = { '\n': 'a', a: 'b', b: 'c', c: '\n', z: 'z', ' ': 'q', q: '', '': 'z' };
  // Known probabilities: x ( ) . are confident, b a are 0.9, and r after a only 0.3.
  const tableVocab = ['', '\n', 'x', '(', ')', '.', 'b', 'a', 'r', 'k'];
  const rows = { x: { '(': 0.95 }, '(': { ')': 0.95 }, ')': { '.': 0.95 }, '.': { b: 0.9 }, b: { a: 0.9 }, a: { r: 0.3 }, k: { k: 0.99 } };
  let bigram: CharModel;
  let table: CharModel;
  let lstm: CharModel;
  before(async () => {
    bigram = await CharModel.fromBytes(bigramModel(bigramVocab, next), 'bigram.onnx');
    table = await CharModel.fromBytes(tableModel(tableVocab, rows), 'table.onnx');
    lstm = await CharModel.fromBytes(ourModel(['', '\n', ' ', 'a', 'b', 'c', '(', ')', '.'], 2, 16, 6, 3, 2).bytes, 'lstm.onnx');
  });
  after(async () => {
    await Promise.all([bigram.release(), table.release(), lstm.release()]);
  });

  const text = async (model: CharModel, prefix: string, s: Partial<EngineSettings> = {}, over = {}) =>
    (await new LstmCompletionEngine(model).suggest(request(prefix, over), { ...DEFAULT_ENGINE_SETTINGS, ...s }))?.text;

  it('greedy single line: stops before a newline, at the unknown token and at maxChars', async () => {
    assert.equal(await text(bigram, 'xa'), 'bc');
    assert.equal(await text(bigram, 'c'), undefined, 'nothing to show before a newline');
    assert.equal(await text(bigram, ''), 'abc', 'an empty prefix starts from the newline start token');
    assert.equal(await text(bigram, 'z', { maxChars: 5 }), 'zzzzz');
    assert.equal(await text(bigram, ' '), 'q');
    assert.equal(await text(bigram, 'abé', { maxChars: 3 }), 'zzz', 'a character outside the vocabulary is the unknown token');
    assert.equal(await text(bigram, 'c\r\n'), 'abc', '\\r\\n is read as \\n');
  });

  it('confidence gate with known probabilities: cut back to a token boundary, nothing when unsure from the start', async () => {
    assert.equal(await text(table, 'x'), '().', 'r (0.3) is gated; "ba" would be half a word');
    assert.equal(await text(table, 'x', { minConfidence: 0.2, minJointConfidence: 0 }), '().bar', 'a lower gate lets r through');
    assert.equal(await text(table, '.'), undefined, '"ba" is cut away entirely');
    assert.equal(await text(table, 'a'), undefined, 'the first character is already unsure');
    assert.equal(await text(table, 'x', { minConfidence: 0, minJointConfidence: 0.7 }), '().', '0.95^3 * 0.9 * 0.9 = 0.69 < 0.7 at "a": cut to "()."');
    assert.equal(await text(table, 'x', { minConfidence: 0, minJointConfidence: 0.9 }), '()', '0.95^3 = 0.857 < 0.9 at "."');
    assert.equal(await text(table, 'k', { maxChars: 6 }), 'kkkkkk');
  });

  it('etiquette: no model work when real text follows the cursor; closers that follow are not doubled', async () => {
    const counting = new CountingModel(table);
    const engine = new LstmCompletionEngine(counting);
    assert.equal(await engine.suggest(at('x|foo'), DEFAULT_ENGINE_SETTINGS), undefined);
    assert.equal(counting.runs + counting.greedyCalls, 0);
    assert.equal((await engine.suggest(at('x|  );'), DEFAULT_ENGINE_SETTINGS))?.text, '().');
    assert.equal((await engine.suggest(at('x(|'), DEFAULT_ENGINE_SETTINGS))?.text, ').');
    assert.equal(await engine.suggest(at('x(|)'), DEFAULT_ENGINE_SETTINGS), undefined, 'the ")" that follows ends the suggestion: nothing left');
  });

  it('selectedCompletion: the suggestion continues after the selected item', async () => {
    const engine = new LstmCompletionEngine(table);
    assert.equal((await engine.suggest(request('x', { selectedCompletion: '()' }), DEFAULT_ENGINE_SETTINGS))?.text, '()', '"." alone is too short to show after a gate');
    assert.equal((await engine.suggest(request('x', { selectedCompletion: '((' }), DEFAULT_ENGINE_SETTINGS))?.text, '(().');
    assert.equal((await engine.suggest(request('x', { selectedCompletion: 'ba' }), DEFAULT_ENGINE_SETTINGS))?.text, 'ba', 'the item alone');
  });

  it('cached and uncached engines give the same suggestions while typing', async () => {
    const doc = 'ab (c).a\nba c(a) b.c\n'.repeat(6);
    const cached = new LstmCompletionEngine(lstm, { rememberRejections: false });
    let shown = 0;
    for (let n = 0; n <= doc.length; n += 3) {
      const a = await cached.suggest(request(doc.slice(0, n)), OFF);
      const b = await new LstmCompletionEngine(lstm).suggest(request(doc.slice(0, n)), OFF);
      assert.equal(a?.text, b?.text, `at ${n}`);
      if (a) shown++;
    }
    assert.ok(shown > 10);
    assert.ok(cached.contextTokensFed < doc.length + 40, `fed ${cached.contextTokensFed}`);
  });

  it('sampling is seeded by the context: the same context gives the same text, in any document', async () => {
    const soft = await CharModel.fromBytes(bigramModel(bigramVocab, next, 1.5), 'soft.onnx');
    const s = { ...OFF, temperature: 1, maxChars: 20 };
    const engine = new LstmCompletionEngine(soft);
    const outs = new Set<string>();
    for (const prefix of ['a', 'b', 'z', 'za', 'zb', 'azq', ' a', 'qqa']) {
      const first = await engine.suggest(request(prefix, { docId: 'one' }), s);
      const again = await engine.suggest(request(prefix, { docId: 'two' }), s);
      const fresh = await new LstmCompletionEngine(soft).suggest(request(prefix), s);
      assert.equal(again?.text, first?.text);
      assert.equal(fresh?.text, first?.text);
      outs.add(first?.text ?? '');
    }
    assert.ok(outs.size > 3, `different contexts, different samples: ${[...outs]}`);
    const seeded = await engine.suggest(request('a'), { ...s, candidates: 1, seed: 1 });
    const seeds = await Promise.all([2, 3, 4, 5, 6].map((seed) => engine.suggest(request('a'), { ...s, candidates: 1, seed })));
    assert.ok(seeds.some((x) => x?.text !== seeded?.text), 'the seed setting changes the draw');
    await soft.release();
  });

  it('top-k 1 and a tiny top-p are greedy at any temperature', async () => {
    const engine = new LstmCompletionEngine(lstm);
    for (const prefix of ['a', 'ab (', 'c.a\nb', 'ba c']) {
      const greedy = await engine.suggest(request(prefix), OFF);
      for (const s of [{ temperature: 2, topK: 1 }, { temperature: 2, topP: 1e-6 }]) {
        assert.equal((await engine.suggest(request(prefix), { ...OFF, ...s }))?.text, greedy?.text, `${prefix} ${JSON.stringify(s)}`);
      }
    }
  });

  it('cancellation: a cancelled request returns undefined and stops the model work', async () => {
    const counting = new CountingModel(lstm, false);
    const engine = new LstmCompletionEngine(counting, { checkpointEvery: 8 });
    assert.equal(await engine.suggest(request('ab (c)'), OFF, { isCancellationRequested: true }), undefined);
    assert.equal(counting.runs, 0);
    const token = { get isCancellationRequested() {
      return counting.runs >= 2;
    } };
    assert.equal(await engine.suggest(request('ab (c).a\nba c(a) b.c\n'), OFF, token), undefined);
    assert.equal(counting.runs, 2, 'stopped between context chunks');
  });

  it('requests run one at a time; one cancelled while waiting never reaches the model', async () => {
    const counting = new CountingModel(lstm, false);
    let inflight = 0;
    let maxInflight = 0;
    const run = counting.run.bind(counting);
    counting.run = async (...args) => {
      maxInflight = Math.max(maxInflight, ++inflight);
      try {
        return await run(...args);
      } finally {
        inflight--;
      }
    };
    const engine = new LstmCompletionEngine(counting);
    const cancelled = { isCancellationRequested: false };
    const p1 = engine.suggest(request('ab (c).a', { docId: 'a' }), OFF);
    const p2 = engine.suggest(request('ba c(a)', { docId: 'b' }), OFF, cancelled);
    const p3 = engine.suggest(request('c.a b', { docId: 'c' }), OFF);
    cancelled.isCancellationRequested = true;
    const [r1, r2, r3] = await Promise.all([p1, p2, p3]);
    assert.ok(r1 !== undefined || r3 !== undefined);
    assert.equal(r2, undefined);
    assert.equal(maxInflight, 1);
    assert.equal(engine.contextTokensFed, 9 + 6, 'documents a and c only');
  });

  it('setModel drops every cached state; forget drops one document', async () => {
    const engine = new LstmCompletionEngine(lstm);
    await engine.suggest(request('ab (c)', { docId: 'a' }), OFF);
    await engine.suggest(request('ab (c)', { docId: 'a' }), OFF);
    assert.equal(engine.contextTokensFed, 7);
    engine.forget('a');
    await engine.suggest(request('ab (c)', { docId: 'a' }), OFF);
    assert.equal(engine.contextTokensFed, 14);
    engine.setModel(lstm);
    assert.equal(engine.contextTokensFed, 0);
    const r = await engine.suggest(request('ab (c)', { docId: 'a' }), OFF);
    assert.equal(r?.contextTokensFed ?? 7, 7);
    assert.equal(engine.contextTokensFed, 7);
    assert.equal(await new LstmCompletionEngine().suggest(request('a'), OFF), undefined, 'no model yet: nothing');
  });

  it('warm feeds a document ahead of its first suggestion, which then feeds only what was typed since', async () => {
    const doc = 'ab (c).a b.c (a) '.repeat(20);
    const engine = new LstmCompletionEngine(lstm);
    assert.equal(await engine.warm(request(doc, { docId: 'w' }), OFF), doc.length + 1);
    assert.equal(await engine.warm(request(doc, { docId: 'w' }), OFF), 0, 'already warm');
    const r = await engine.suggest(request(`${doc}a`, { docId: 'w' }), OFF);
    assert.equal(r?.contextTokensFed, 1);
    const cold = await new LstmCompletionEngine(lstm).suggest(request(`${doc}a`, { docId: 'w' }), OFF);
    assert.equal(cold?.text, r?.text, 'the same suggestion as without warming');
    assert.equal(cold?.contextTokensFed, doc.length + 2);
    assert.equal(await engine.warm(request(doc, { docId: 'x' }), OFF, { isCancellationRequested: true }), 0, 'cancelled: nothing fed');
    assert.equal(await new LstmCompletionEngine().warm(request(doc), OFF), 0, 'no model yet');
  });

  it('copies from the related documents and the text after the cursor (\\r\\n read as \\n), and not when copyFromFiles is off', async () => {
    const flat = await CharModel.fromBytes(tableModel(['', '\n', ' ', 'a', 'b', 'c', 'x', 'y', '=', '1', '2', ';'], {}), 'flat.onnx');
    const engine = new LstmCompletionEngine(flat);
    const s = { ...DEFAULT_ENGINE_SETTINGS, minConfidence: 0, minJointConfidence: 0 };
    assert.equal((await engine.suggest(request('abc = '), s))?.text ?? '', '', 'a model with no opinion, nothing to copy: nothing');
    assert.equal((await engine.suggest(request('abc = ', { related: ['xy = 2;\nabc = 12;\n'] }), s))?.text, '12;');
    assert.equal((await engine.suggest(request('abc = ', { related: ['abc = 21;\r\nx'] }), s))?.text, '21;');
    assert.equal((await engine.suggest(request('abc = 2;\nabc = ', { related: ['abc = 1;\n'] }), s))?.text, '2;', 'the longer match (in the document) wins');
    assert.equal((await engine.suggest(request('abc = ', { related: ['abc = 12;\n'] }), { ...s, copyFromFiles: false }))?.text ?? '', '');
    assert.equal((await new LstmCompletionEngine(flat).suggest(request('x = 1;\nabc = ', { textAfter: '\nabc = 21;\n' }), s))?.text, '21;', 'from the text after the cursor');
    assert.equal((await new LstmCompletionEngine(flat).suggest(request('x = 1;\nabc = ', { textAfter: '\nabc = 21;\n', related: ['abc = 12;\n'] }), s))?.text, '21;', 'both searched: the longer match, after the cursor, wins');
    assert.equal((await engine.suggest(request('abc = ', { textAfter: '\nabc = 21;\n' }), { ...s, copyFromFiles: false }))?.text ?? '', '');
    await flat.release();
  });

  it('normalizeSettings falls back to defaults and clamps', () => {
    const n = normalizeSettings({ temperature: -1, topP: 2, candidates: 0.5, maxChars: NaN, minConfidence: 'x' as unknown as number });
    assert.equal(n.temperature, 0);
    assert.equal(n.topP, 1);
    assert.equal(n.candidates, 1);
    assert.equal(n.maxChars, DEFAULT_ENGINE_SETTINGS.maxChars);
    assert.equal(n.minConfidence, DEFAULT_ENGINE_SETTINGS.minConfidence);
    assert.equal(n.minJointConfidence, DEFAULT_ENGINE_SETTINGS.minJointConfidence);
  });
});
