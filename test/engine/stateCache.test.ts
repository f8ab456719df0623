import * as assert from 'node:assert/strict';
import { DEFAULT_ENGINE_SETTINGS, LstmCompletionEngine } from '../../src/engine/engine';
import { StateCache } from '../../src/engine/stateCache';
import { CharModel } from '../../src/runtime/onnxModel';
import { ourModel } from '../helpers/models';
import { CountingModel, request } from './engineHelpers';

const vocab = ['', '\n', ' ', 'a', 'b', 'c', 'd', '(', ')', ';', '=', 'x'];
const TEXT = 'a = b(c);\nd = (a b c);\n'.repeat(25); // 575 characters

describe('engine: per-document state cache', () => {
  let inner: CharModel;
  let model: CountingModel;
  before(async () => {
    inner = await CharModel.fromBytes(ourModel(vocab, 2, 8, 4, 5).bytes, 'lstm.onnx');
  });
  after(() => inner.release());
  beforeEach(() => {
    model = new CountingModel(inner);
  });

  const tokensOf = (text: string) => Int32Array.from([inner.vocab.startToken, ...inner.vocab.encode(text)]);
  const fromScratch = async (text: string) => {
    const t = tokensOf(text);
    const r = await inner.run(t, 1, t.length, inner.zeroState(1));
    return { logits: r.logits.slice((t.length - 1) * vocab.length), h: r.state.h, c: r.state.c };
  };
  const close = (a: ArrayLike<number>, b: ArrayLike<number>, what: string) => {
    assert.equal(a.length, b.length);
    for (let k = 0; k < a.length; k++) assert.ok(Math.abs(a[k] - b[k]) < 1e-5, `${what}[${k}]: ${a[k]} vs ${b[k]}`);
  };

  it('typing one character feeds one token', async () => {
    const cache = new StateCache(model);
    const first = await cache.prime('d', tokensOf(TEXT.slice(0, 100)));
    assert.equal(first?.fed, 101, 'the start token and 100 characters');
    assert.equal(model.runs, 4, 'fed in chunks that end on checkpoints: 32, 32, 32, 5');
    for (let n = 101; n <= 140; n++) {
      model.reset();
      const r = await cache.prime('d', tokensOf(TEXT.slice(0, n)));
      assert.equal(r?.fed, 1);
      assert.equal(model.tokens, 1);
    }
    model.reset();
    const again = await cache.prime('d', tokensOf(TEXT.slice(0, 140)));
    assert.equal(again?.fed, 0, 'the same text again feeds nothing');
    assert.equal(model.runs, 0);
    assert.equal(cache.tokensFed, 141);
  });

  it('gives the logits and state of feeding from scratch', async () => {
    const cache = new StateCache(model);
    let r;
    for (let n = 0; n <= 120; n += 7) r = await cache.prime('d', tokensOf(TEXT.slice(0, n)));
    r = await cache.prime('d', tokensOf(TEXT.slice(0, 120)));
    const want = await fromScratch(TEXT.slice(0, 120));
    close(r!.logits, want.logits, 'logits');
    close(r!.state.h, want.h, 'h');
    close(r!.state.c, want.c, 'c');
  });

  it('an edit in the middle refeeds only from the last checkpoint before it', async () => {
    const cache = new StateCache(model, { checkpointEvery: 32 });
    await cache.prime('d', tokensOf(TEXT));
    const edited = `${TEXT.slice(0, 250)}x${TEXT.slice(251)}`;
    model.reset();
    const r = await cache.prime('d', tokensOf(edited));
    // The edit is token 251 (after the start token); the last checkpoint at or before it is 224.
    assert.equal(r?.fed, TEXT.length + 1 - 224);
    const want = await fromScratch(edited);
    close(r!.logits, want.logits, 'logits after the edit');
    model.reset();
    const back = await cache.prime('d', tokensOf(edited.slice(0, 300)));
    assert.equal(back?.fed, 300 + 1 - 288, 'deleting back to 300 resumes from checkpoint 288');
    close(back!.logits, (await fromScratch(edited.slice(0, 300))).logits, 'logits after deleting');
  });

  it('keeps documents apart, evicts the least recently used, and forgets on request', async () => {
    const cache = new StateCache(model, { maxDocs: 2 });
    await cache.prime('a', tokensOf('a = b;'));
    await cache.prime('b', tokensOf('c = d;'));
    await cache.prime('a', tokensOf('a = b;'));
    await cache.prime('c', tokensOf('x = x;')); // evicts b
    assert.equal(cache.size, 2);
    assert.equal((await cache.prime('a', tokensOf('a = b;')))?.fed, 0);
    assert.equal((await cache.prime('b', tokensOf('c = d;')))?.fed, 7, 'b was evicted');
    cache.forget('b');
    assert.equal((await cache.prime('b', tokensOf('c = d;')))?.fed, 7);
  });

  it('a cancelled prime keeps what it fed; the next one resumes', async () => {
    const cache = new StateCache(model);
    let runs = 0;
    const token = { get isCancellationRequested() {
      return runs++ >= 2;
    } };
    assert.equal(await cache.prime('d', tokensOf(TEXT.slice(0, 100)), token), undefined);
    assert.equal(model.tokens, 64, 'two chunks of 32 before the cancellation');
    const r = await cache.prime('d', tokensOf(TEXT.slice(0, 100)));
    assert.equal(r?.fed, 101 - 64);
    close(r!.logits, (await fromScratch(TEXT.slice(0, 100))).logits, 'logits');
  });

  it('engine: the context cap bounds the work for huge documents and long lines', async () => {
    const engine = new LstmCompletionEngine(model);
    const s = { ...DEFAULT_ENGINE_SETTINGS, maxContextChars: 256 };
    const huge = 'a = b(c);\n'.repeat(1_000_000); // 10 MB
    const r = await engine.suggest(request(huge, { docId: 'huge' }), s);
    assert.ok(r === undefined || r.contextTokensFed <= 257);
    assert.ok(engine.contextTokensFed <= 257, `fed ${engine.contextTokensFed}`);
    const line = 'a=b(c);'.repeat(150_000); // one 1 MB line
    await engine.suggest(request(line, { docId: 'line' }), s);
    assert.ok(engine.contextTokensFed <= 2 * 257);
  });

  it('engine: typing at the end of a long document rarely refeeds the window', async () => {
    const engine = new LstmCompletionEngine(model);
    const s = { ...DEFAULT_ENGINE_SETTINGS, maxContextChars: 256 };
    await engine.suggest(request(TEXT.slice(0, 1000 % TEXT.length)), s);
    const doc = TEXT.repeat(4); // 2300 characters
    const before = engine.contextTokensFed;
    for (let n = 1000; n < 1300; n++) await engine.suggest(request(doc.slice(0, n)), s);
    const fed = engine.contextTokensFed - before;
    // 300 keystrokes; the window start moves every 128 characters: at most 3 refeeds of <= 257 tokens.
    assert.ok(fed <= 300 + 3 * 257, `fed ${fed} tokens for 300 keystrokes`);
    assert.ok(fed < 0.1 * 300 * 128, 'feeding the window at every keystroke would cost over 300 x 128 tokens');
  });
});
