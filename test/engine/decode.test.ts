import * as assert from 'node:assert/strict';
import { suggestLine, tailContext } from '../../src/engine/decode';
import { mulberry32 } from '../../src/engine/random';
import { CharModel } from '../../src/runtime/onnxModel';
import { bigramModel } from '../helpers/models';

// After 'a' comes 'b', then 'c', then a newline; 'z' repeats forever; ' ' gives 'q', then the unknown token.
const vocab = ['', '\n', 'a', 'b', 'c', 'z', ' ', 'q'];
const next = { '\n': 'a', a: 'b', b: 'c', c: '\n', z: 'z', ' ': 'q', q: '', '': 'z' };

describe('engine: suggestLine', () => {
  let model: CharModel;
  before(async () => {
    model = await CharModel.fromBytes(bigramModel(vocab, next), 'bigram.onnx');
  });
  after(() => model.release());
  const greedy = (prefix: string, maxChars = 40) => suggestLine(model, prefix, { maxChars, temperature: 0 });

  it('stops before a newline', async () => {
    assert.equal(await greedy('xa'), 'bc');
    assert.equal(await greedy('c'), '');
  });

  it('starts from the newline start token when the prefix is empty', async () => {
    assert.equal(await greedy(''), 'abc');
  });

  it('respects maxChars', async () => {
    assert.equal(await greedy('z', 5), 'zzzzz');
    assert.equal(await greedy('z'), 'z'.repeat(40));
  });

  it('stops at the unknown token; an unknown character before the cursor is token 0', async () => {
    assert.equal(await greedy(' '), 'q');
    assert.equal(await greedy('abé', 3), 'zzz');
  });

  it('reads \\r\\n before the cursor as \\n', async () => {
    assert.equal(await greedy('c\r\n'), 'abc');
  });

  it('sampling is repeatable with a seed and follows strong logits', async () => {
    const soft = await CharModel.fromBytes(bigramModel(vocab, next, 1.5), 'soft.onnx');
    const run = (seed: number) => suggestLine(soft, 'a', { maxChars: 30, temperature: 1, random: mulberry32(seed) });
    const a = await run(5);
    assert.equal(await run(5), a);
    const outs = new Set(await Promise.all([1, 2, 3, 4, 6, 7, 8, 9].map(run)));
    assert.ok(outs.size > 1, 'different seeds give different samples');
    for (const s of outs) assert.ok(/^[abcz q]*$/.test(s), `only characters of the vocabulary: ${JSON.stringify(s)}`);
    const cold = await suggestLine(soft, 'a', { maxChars: 30, temperature: 0.01, random: mulberry32(1) });
    assert.equal(cold, 'bc', 'a low temperature is nearly greedy');
    await soft.release();
  });

  it('tailContext keeps the end and never splits a surrogate pair', () => {
    assert.equal(tailContext('abcdef', 3), 'def');
    assert.equal(tailContext('abc', 10), 'abc');
    assert.equal(tailContext('x😀yz', 3), 'yz');
    assert.equal(tailContext('x😀yz', 4), '😀yz');
  });
});
