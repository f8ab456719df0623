/**
 * Training defaults in one flat, commented block (nanoGPT style). The CLI and the
 * extension override single fields; everything else comes from here.
 */
export interface TrainConfig {
  /** Wall-clock budget in minutes (training only; evaluation and export come on top). */
  minutes: number;
  /** Exact number of optimisation steps; when set, it replaces the time budget and a run is bit-for-bit repeatable. */
  steps?: number;
  /** Shape, used when training from scratch. */
  layers: number;
  hidden: number;
  embed: number;
  /** Streams per batch (B) and time steps per chunk (T). */
  batch: number;
  seq: number;
  /** Peak learning rate, linear warm-up fraction, final fraction of peak (cosine decay). */
  lr: number;
  warmup: number;
  lrFloor: number;
  /** Adam. */
  beta1: number;
  beta2: number;
  weightDecay: number;
  /**
   * Tail averaging: the last fraction of the run (0 to 1) also keeps the running mean of
   * the parameters; the written model is that mean when it validates better than the last
   * step. 0 turns it off.
   */
  averageTail: number;
  /** Global gradient-norm clip. */
  clip: number;
  seed: number;
  /** onnxruntime intra-op threads for the train step. */
  threads: number;
  /** Fraction of files held out for validation (by a hash of the path). */
  valFraction: number;
  /** Cap on validation characters used for the bpc figures, to bound evaluation time. */
  valMaxChars: number;
  /** Seconds between checkpoints. */
  checkpointEverySec: number;
}

export const DEFAULT_CONFIG: TrainConfig = {
  minutes: 5,
  steps: undefined,
  layers: 2,
  hidden: 256,
  embed: 64,
  batch: 32,
  seq: 128,
  lr: 3e-3,
  warmup: 0.02,
  lrFloor: 0.05,
  beta1: 0.9,
  beta2: 0.99,
  weightDecay: 0,
  averageTail: 0,
  clip: 1.0,
  seed: 1,
  threads: 2,
  valFraction: 0.1,
  valMaxChars: 400_000,
  checkpointEverySec: 60,
};
