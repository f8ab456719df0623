/**
 * Training throughput benchmark: full optimisation steps (train-step graph + clipping +
 * Adam) per second, as characters per second, median over several steps after warm-up.
 */
import { initParams, mulberry32, Shape } from './params';
import { TrainSession } from './trainSession';
import { Adam, clipGradNorm } from './optim';
import { DEFAULT_CONFIG } from './config';

export interface TrainBenchCase {
  layers: number;
  hidden: number;
  embed: number;
  batch: number;
  seq: number;
}

export interface TrainBenchResult extends TrainBenchCase {
  chars_per_s_median: number;
  step_ms_median: number;
  step_ms_min: number;
  steps: number;
  threads: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function benchTrainStep(c: TrainBenchCase, steps = 12, threads = DEFAULT_CONFIG.threads): Promise<TrainBenchResult> {
  const shape: Shape = { vocab: 98, embed: c.embed, layers: c.layers, hidden: c.hidden };
  const p = initParams(shape, 1);
  const session = await TrainSession.create(shape, { threads });
  const rnd = mulberry32(2);
  const n = c.batch * c.seq;
  const tokens = BigInt64Array.from({ length: n }, () => BigInt(Math.floor(rnd() * 98)));
  const targets = BigInt64Array.from({ length: n }, () => BigInt(Math.floor(rnd() * 98)));
  const weights = new Float32Array(n).fill(1 / n);
  const adam = new Adam(p.count, { beta1: 0.9, beta2: 0.99, eps: 1e-8, weightDecay: 0 });
  const grads = new Float32Array(p.count);
  let h: Float32Array = new Float32Array(shape.layers * c.batch * shape.hidden);
  let cs: Float32Array = h.slice();
  const times: number[] = [];
  for (let k = 0; k < steps + 2; k++) {
    const t0 = performance.now();
    const r = await session.step(p, { batch: c.batch, time: c.seq, tokens, targets, weights }, h, cs, grads);
    clipGradNorm(grads, 1);
    adam.step(p.flat, grads, 1e-3);
    h = r.h;
    cs = r.c;
    if (k >= 2) times.push(performance.now() - t0);
  }
  await session.release();
  const med = median(times);
  return {
    ...c,
    chars_per_s_median: Math.round((n / med) * 1000),
    step_ms_median: Math.round(med * 10) / 10,
    step_ms_min: Math.round(Math.min(...times) * 10) / 10,
    steps,
    threads,
  };
}

export const TRAIN_BENCH_CASES: TrainBenchCase[] = [
  { layers: 2, hidden: 256, embed: 64, batch: 32, seq: 128 }, // the PyTorch reference point
  { layers: 2, hidden: 256, embed: 64, batch: 64, seq: 64 },
  { layers: DEFAULT_CONFIG.layers, hidden: DEFAULT_CONFIG.hidden, embed: DEFAULT_CONFIG.embed, batch: DEFAULT_CONFIG.batch, seq: DEFAULT_CONFIG.seq },
];
