/**
 * Adam over one flat parameter buffer, global-norm gradient clipping, and the learning
 * rate schedule as a pure function of training progress.
 */

export interface AdamConfig {
  beta1: number;
  beta2: number;
  eps: number;
  weightDecay: number;
}

export class Adam {
  readonly m: Float32Array;
  readonly v: Float32Array;
  t: number;

  constructor(size: number, readonly cfg: AdamConfig, state?: { m: Float32Array; v: Float32Array; t: number }) {
    this.m = state?.m ?? new Float32Array(size);
    this.v = state?.v ?? new Float32Array(size);
    this.t = state?.t ?? 0;
  }

  step(params: Float32Array, grads: Float32Array, lr: number): void {
    const { beta1, beta2, eps, weightDecay } = this.cfg;
    this.t++;
    const c1 = 1 - Math.pow(beta1, this.t);
    const c2 = 1 - Math.pow(beta2, this.t);
    const stepSize = lr / c1;
    const m = this.m;
    const v = this.v;
    const decay = 1 - lr * weightDecay;
    for (let k = 0; k < params.length; k++) {
      const g = grads[k];
      const mk = (m[k] = beta1 * m[k] + (1 - beta1) * g);
      const vk = (v[k] = beta2 * v[k] + (1 - beta2) * g * g);
      params[k] = params[k] * decay - (stepSize * mk) / (Math.sqrt(vk / c2) + eps);
    }
  }
}

/** Scales grads in place so that their global L2 norm is at most maxNorm; returns the norm before. */
export function clipGradNorm(grads: Float32Array, maxNorm: number): number {
  let s = 0;
  for (let k = 0; k < grads.length; k++) s += grads[k] * grads[k];
  const norm = Math.sqrt(s);
  if (Number.isFinite(norm) && norm > maxNorm) {
    const f = maxNorm / norm;
    for (let k = 0; k < grads.length; k++) grads[k] *= f;
  }
  return norm;
}

export interface Schedule {
  peak: number;
  /** Fraction of training spent warming up linearly from 0. */
  warmup: number;
  /** Final learning rate as a fraction of peak. */
  floor: number;
}

/** Linear warm-up, then cosine decay to floor*peak. progress in [0, 1]. */
export function learningRate(progress: number, s: Schedule): number {
  const p = Math.min(1, Math.max(0, progress));
  if (p < s.warmup) return (s.peak * p) / s.warmup;
  const q = s.warmup >= 1 ? 1 : (p - s.warmup) / (1 - s.warmup);
  return s.peak * (s.floor + (1 - s.floor) * 0.5 * (1 + Math.cos(Math.PI * q)));
}

/**
 * Tail averaging (Polyak-Ruppert, as in averaged SGD): the running mean of the parameters
 * over the last steps of a run. Averaging the end of a noisy descent often lands lower
 * than its last point; the trainer keeps whichever of the two validates better.
 */
export class TailAverage {
  readonly mean: Float32Array;
  count: number;

  constructor(size: number, state?: { mean: Float32Array; count: number }) {
    this.mean = state?.mean ?? new Float32Array(size);
    this.count = state?.count ?? 0;
  }

  add(params: Float32Array): void {
    this.count++;
    const mean = this.mean;
    const k = 1 / this.count;
    for (let i = 0; i < params.length; i++) mean[i] += (params[i] - mean[i]) * k;
  }
}
