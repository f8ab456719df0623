/**
 * Truncated-BPTT batches. B parallel streams each walk through whole files, T steps at a
 * time, with the LSTM state carried from one chunk to the next. A file always starts a
 * fresh chunk from zero state after the `\n` start token (as the runtime reads files), and
 * the tail of a chunk past the end of a file is padding with loss weight 0. Streams draw
 * their next file from one shared queue, shuffled once per epoch by the seed.
 */
import { mulberry32 } from '../src/engine/random';
import type { Batch } from './trainSession';

export interface BatcherState {
  epoch: number;
  queue: number[];
  rows: Array<{ file: number; pos: number }>; // file -1: needs a new file
  chunks: number;
}

export interface NextBatch extends Batch {
  /** Rows whose state must be zeroed before this chunk (they start a new file). */
  reset: boolean[];
  /** Characters that count in this batch (weight > 0). */
  chars: number;
}

export class Batcher {
  private st: BatcherState;

  /** `files` are token sequences that start with the start token; shorter than 2 are ignored. */
  constructor(
    private readonly files: readonly Int32Array[],
    readonly batch: number,
    readonly time: number,
    private readonly seed: number,
    state?: BatcherState,
  ) {
    if (!files.some((f) => f.length >= 2)) throw new Error('no file has a character to train on');
    this.st = state ?? { epoch: 0, queue: this.shuffled(0), rows: Array.from({ length: batch }, () => ({ file: -1, pos: 0 })), chunks: 0 };
  }

  get state(): BatcherState {
    return JSON.parse(JSON.stringify(this.st)) as BatcherState;
  }

  get epoch(): number {
    return this.st.epoch;
  }

  private shuffled(epoch: number): number[] {
    const order = this.files.map((_, k) => k).filter((k) => this.files[k].length >= 2);
    const rnd = mulberry32((this.seed * 1000003 + epoch) >>> 0);
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(rnd() * (k + 1));
      [order[k], order[j]] = [order[j], order[k]];
    }
    return order;
  }

  private take(): number {
    if (this.st.queue.length === 0) {
      this.st.epoch++;
      this.st.queue = this.shuffled(this.st.epoch);
    }
    return this.st.queue.shift()!;
  }

  next(): NextBatch {
    const { batch: B, time: T } = this;
    const tokens = new BigInt64Array(B * T);
    const targets = new BigInt64Array(B * T);
    const weights = new Float32Array(B * T);
    const reset: boolean[] = [];
    let chars = 0;
    for (let b = 0; b < B; b++) {
      const row = this.st.rows[b];
      let fresh = false;
      if (row.file < 0 || row.pos >= this.files[row.file].length - 1) {
        row.file = this.take();
        row.pos = 0;
        fresh = true;
      }
      reset.push(fresh);
      const seq = this.files[row.file];
      const n = Math.min(T, seq.length - 1 - row.pos);
      for (let t = 0; t < n; t++) {
        tokens[b * T + t] = BigInt(seq[row.pos + t]);
        targets[b * T + t] = BigInt(seq[row.pos + t + 1]);
        weights[b * T + t] = 1;
      }
      row.pos += n;
      chars += n;
    }
    for (let k = 0; k < weights.length; k++) weights[k] /= chars;
    this.st.chunks++;
    return { batch: B, time: T, tokens, targets, weights, reset, chars };
  }
}
