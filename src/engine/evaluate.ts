/**
 * Bits per character and top-1 accuracy (DESIGN.md section 4).
 *
 * For each file, from zero state after the `\n` start token, the mean of -log2 p(next char)
 * over every character; pooled over files by characters. top1 is the fraction of
 * characters whose argmax logit is the actual token.
 *
 * Files run side by side in up to `batchSize` slots, longest first, in chunks of
 * `chunkSteps` time steps with each slot's state carried between chunks (which bounds
 * memory). When a file ends, the next one takes its slot from zero state at the next
 * chunk, so the batch stays full. Positions past the end of a file are padding and ignored.
 */
import type { LstmState } from '../runtime/onnxModel';
import { argmaxAt, logSoftmaxAt } from './logits';
import type { StepModel } from './stepModel';

export interface EvalOptions {
  /** Files evaluated side by side (default 16). */
  batchSize?: number;
  /** Time steps per model run (default 512). */
  chunkSteps?: number;
  /** Called after every model run with the characters scored so far. */
  onProgress?: (charsDone: number, charsTotal: number) => void;
}

export interface EvalResult {
  /** Bits per character, pooled over files by characters (NaN when there are none). */
  bpc: number;
  /** Fraction of characters predicted exactly by the argmax (NaN when there are none). */
  top1: number;
  chars: number;
  files: number;
  /** Total -log2 p over all characters. */
  bits: number;
  /** Characters whose argmax was right. */
  correct: number;
}

export const DEFAULT_EVAL_BATCH = 16;
export const DEFAULT_EVAL_CHUNK = 512;

/** One file in a batch slot: its tokens (start token first) and the next position to feed. */
interface Slot {
  seq: Int32Array;
  pos: number;
}

/** Tokens of one file: the start token, then one token per character. */
function fileTokens(model: StepModel, text: string): Int32Array {
  const enc = model.vocab.encode(text);
  const seq = new Int32Array(enc.length + 1);
  seq[0] = model.vocab.startToken;
  seq.set(enc, 1);
  return seq;
}

/** Predictions left in a slot. */
const remaining = (s: Slot) => s.seq.length - 1 - s.pos;

/** A state for `rows`, where rows[b] is a row of `from` to copy, or -1 for a zero row. */
function gatherState(model: StepModel, from: LstmState, rows: number[]): LstmState {
  const to = model.zeroState(rows.length);
  const H = model.hidden;
  for (let l = 0; l < model.layers; l++) {
    rows.forEach((src, b) => {
      if (src < 0) return;
      const a = (l * from.batch + src) * H;
      to.h.set(from.h.subarray(a, a + H), (l * rows.length + b) * H);
      to.c.set(from.c.subarray(a, a + H), (l * rows.length + b) * H);
    });
  }
  return to;
}

export async function evaluate(model: StepModel, texts: readonly string[], opts: EvalOptions = {}): Promise<EvalResult> {
  const batchSize = Math.max(1, Math.floor(opts.batchSize ?? DEFAULT_EVAL_BATCH));
  const chunk = Math.max(1, Math.floor(opts.chunkSteps ?? DEFAULT_EVAL_CHUNK));
  const V = model.vocab.size;
  const queue = texts.map((t) => fileTokens(model, t)).filter((seq) => seq.length > 1);
  queue.sort((a, b) => b.length - a.length); // stable: equal lengths keep file order
  const total = queue.reduce((n, seq) => n + seq.length - 1, 0);

  let bits = 0;
  let correct = 0;
  let done = 0;
  let slots: Slot[] = [];
  let state = model.zeroState(0);
  let next = 0;
  for (;;) {
    // Keep the files that go on, in their rows; start new ones in the free slots.
    const rows: number[] = [];
    const kept: Slot[] = [];
    slots.forEach((s, b) => {
      if (remaining(s) > 0) {
        kept.push(s);
        rows.push(b);
      }
    });
    while (kept.length < batchSize && next < queue.length) {
      kept.push({ seq: queue[next++], pos: 0 });
      rows.push(-1);
    }
    if (kept.length === 0) break;
    state = gatherState(model, state, rows);
    slots = kept;

    const B = slots.length;
    const T = Math.min(chunk, Math.max(...slots.map(remaining)));
    const tokens = new Int32Array(B * T); // padding is token 0, never scored
    const lens = slots.map((s) => Math.min(T, remaining(s)));
    slots.forEach((s, b) => tokens.set(s.seq.subarray(s.pos, s.pos + lens[b]), b * T));
    const r = await model.run(tokens, B, T, state);
    state = r.state;
    slots.forEach((s, b) => {
      for (let t = 0; t < lens[b]; t++) {
        const target = s.seq[s.pos + t + 1];
        const offset = (b * T + t) * V;
        bits -= logSoftmaxAt(r.logits, offset, V, target) / Math.LN2;
        if (argmaxAt(r.logits, offset, V) === target) correct++;
      }
      s.pos += lens[b];
      done += lens[b];
    });
    opts.onProgress?.(done, total);
  }
  return {
    bpc: total > 0 ? bits / total : NaN,
    top1: total > 0 ? correct / total : NaN,
    chars: total,
    files: texts.length,
    bits,
    correct,
  };
}
