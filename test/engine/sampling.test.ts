import * as assert from 'node:assert/strict';
import { argmaxAt } from '../../src/engine/logits';
import { mulberry32 } from '../../src/engine/random';
import { contextRandom, hashString, sampleToken } from '../../src/engine/sampling';

const logits = Float32Array.from([0.1, 2.0, 1.9, -1, 1.5, 0.3]); // order: 1, 2, 4, 5, 0, 3
const V = logits.length;

function histogram(s: { temperature: number; topK: number; topP: number }, n = 4000): number[] {
  const rnd = mulberry32(7);
  const h = new Array(V).fill(0);
  for (let k = 0; k < n; k++) h[sampleToken(logits, 0, V, s, rnd)]++;
  return h;
}

describe('engine: sampling', () => {
  it('temperature 0, top-k 1 and a tiny top-p are all greedy', () => {
    const greedy = argmaxAt(logits, 0, V);
    assert.equal(greedy, 1);
    for (const s of [{ temperature: 0, topK: 0, topP: 1 }, { temperature: 1, topK: 1, topP: 1 }, { temperature: 5, topK: 0, topP: 1e-6 }]) {
      assert.deepEqual(histogram(s, 200).map((c, v) => (c > 0 ? v : -1)).filter((v) => v >= 0), [greedy], JSON.stringify(s));
    }
  });

  it('top-k keeps the k likeliest; top-p the smallest set reaching p', () => {
    const k3 = histogram({ temperature: 1, topK: 3, topP: 1 });
    assert.deepEqual(k3.map((c) => c > 0), [false, true, true, false, true, false]);
    // softmax at T=1: p(1)=.345, p(2)=.312, p(4)=.209, ...: the first two reach 0.6 (0.657).
    const p6 = histogram({ temperature: 1, topK: 0, topP: 0.6 });
    assert.deepEqual(p6.map((c) => c > 0), [false, true, true, false, false, false]);
    const all = histogram({ temperature: 1, topK: 0, topP: 1 });
    assert.ok(all.every((c) => c > 0), 'every character can be drawn');
    assert.ok(Math.abs(all[1] / 4000 - 0.345) < 0.03, `p(1) ~ 0.345: ${all[1] / 4000}`);
  });

  it('the context seeds the sampler: same context, same draws', () => {
    const a = contextRandom('const x = ');
    const b = contextRandom('const x = ');
    const c = contextRandom('const y = ');
    const draws = (r: () => number) => [r(), r(), r()];
    const da = draws(a);
    assert.deepEqual(draws(b), da);
    assert.notDeepEqual(draws(c), da);
    assert.notDeepEqual(draws(contextRandom('const x = ', 1)), da, 'the extra seed changes the draws');
    const long = 'x'.repeat(1000);
    assert.deepEqual(draws(contextRandom(`a${long}`)), draws(contextRandom(`b${long}`)), 'only the last 256 characters count');
    assert.equal(hashString('abc'), hashString('abc'));
  });
});
