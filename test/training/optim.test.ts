import * as assert from 'node:assert/strict';
import { Adam, clipGradNorm, learningRate, TailAverage } from '../../training/optim';
import { Batcher } from '../../training/batcher';

describe('optimiser pieces', () => {
  it('learning rate: linear warm-up, cosine decay to the floor, clamped progress', () => {
    const s = { peak: 1, warmup: 0.1, floor: 0.1 };
    assert.equal(learningRate(0, s), 0);
    assert.ok(Math.abs(learningRate(0.05, s) - 0.5) < 1e-12);
    assert.equal(learningRate(0.1, s), 1);
    assert.ok(Math.abs(learningRate(0.55, s) - 0.55) < 1e-12); // half-way down the cosine
    assert.ok(Math.abs(learningRate(1, s) - 0.1) < 1e-12);
    assert.ok(Math.abs(learningRate(7, s) - 0.1) < 1e-12);
    for (let p = 0.1; p < 1; p += 0.05) assert.ok(learningRate(p + 0.05, s) <= learningRate(p, s) + 1e-12);
  });

  it('TailAverage is the running mean of what it was given, and resumes from its state', () => {
    const xs = [Float32Array.from([1, -2, 10]), Float32Array.from([3, 0, -4]), Float32Array.from([5, 8, 0.5])];
    const a = new TailAverage(3);
    a.add(xs[0]);
    a.add(xs[1]);
    const resumed = new TailAverage(3, { mean: a.mean.slice(), count: a.count });
    resumed.add(xs[2]);
    const want = [0, 1, 2].map((i) => (xs[0][i] + xs[1][i] + xs[2][i]) / 3);
    assert.equal(resumed.count, 3);
    for (let i = 0; i < 3; i++) assert.ok(Math.abs(resumed.mean[i] - want[i]) < 1e-6, `${resumed.mean[i]} vs ${want[i]}`);
  });

  it('clipGradNorm scales to the max norm and reports the norm before', () => {
    const g = Float32Array.from([3, 4]);
    assert.equal(clipGradNorm(g, 1), 5);
    assert.ok(Math.abs(g[0] - 0.6) < 1e-6 && Math.abs(g[1] - 0.8) < 1e-6);
    const small = Float32Array.from([0.3, 0.4]);
    clipGradNorm(small, 1);
    assert.deepEqual(Array.from(small).map((x) => Math.round(x * 10) / 10), [0.3, 0.4]);
  });

  it('Adam minimises a quadratic and its first step has size lr', () => {
    const x = Float32Array.from([5, -3]);
    const adam = new Adam(2, { beta1: 0.9, beta2: 0.99, eps: 1e-8, weightDecay: 0 });
    adam.step(x, Float32Array.from([10, -0.001]), 0.1);
    assert.ok(Math.abs(x[0] - 4.9) < 1e-5 && Math.abs(x[1] - -2.9) < 1e-4);
    for (let k = 0; k < 2000; k++) adam.step(x, Float32Array.from([2 * x[0], 2 * x[1]]), 0.05);
    assert.ok(Math.abs(x[0]) < 0.05 && Math.abs(x[1]) < 0.05, `ended at ${x}`);
  });
});

describe('batcher', () => {
  const files = [Int32Array.from([2, 5, 6, 7, 8, 9]), Int32Array.from([2, 10, 11]), Int32Array.from([2])];

  it('walks every file in consecutive chunks, targets shifted by one, padding weighted 0', () => {
    const b = new Batcher(files, 1, 4, 1);
    const seen: Array<[number, number]> = [];
    const resets: boolean[] = [];
    let charCount = 0;
    for (let k = 0; k < 3; k++) {
      const x = b.next();
      resets.push(x.reset[0]);
      charCount += x.chars;
      const sum = x.weights.reduce((a, w) => a + w, 0);
      assert.ok(Math.abs(sum - 1) < 1e-6, 'weights sum to 1');
      for (let t = 0; t < 4; t++) if (x.weights[t] > 0) seen.push([Number(x.tokens[t]), Number(x.targets[t])]);
    }
    // file 0 has 5 characters (two chunks: 4 + 1), file 1 has 2; the 1-token file is never used.
    assert.equal(charCount, 7);
    assert.deepEqual(resets.filter(Boolean).length, 2);
    for (const [a, t] of seen) {
      const f = files.find((s) => s.some((v, i) => v === a && s[i + 1] === t));
      assert.ok(f, `pair ${a}->${t} comes from a file`);
    }
  });

  it('is deterministic for a seed and resumes from its state', () => {
    const a = new Batcher(files, 2, 3, 7);
    const b = new Batcher(files, 2, 3, 7);
    for (let k = 0; k < 5; k++) assert.deepEqual(a.next().tokens, b.next().tokens);
    const c = new Batcher(files, 2, 3, 7, a.state);
    for (let k = 0; k < 5; k++) assert.deepEqual(a.next().tokens, c.next().tokens);
  });

  it('refuses a corpus with nothing to train on', () => {
    assert.throws(() => new Batcher([Int32Array.from([2])], 1, 4, 1), /no file has a character/);
  });
});
