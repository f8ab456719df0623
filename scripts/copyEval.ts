/**
 * Shared by scripts/calibrate-copy.ts and scripts/copy-related.ts: the model's probability
 * of each character of a file, read from zero state after the start token (DESIGN.md
 * section 4), with the text before it.
 */
import type { CharModel } from '../src/runtime/onnxModel';
import { logSoftmaxAt } from '../src/engine/logits';

export interface CharProb {
  /** The character (one code point). */
  ch: string;
  /** The file's text before it. */
  before: string;
  /** The model's probability of it. */
  p: number;
}

export async function modelProbabilities(model: CharModel, text: string): Promise<CharProb[]> {
  const V = model.vocab.size;
  const enc = model.vocab.encode(text);
  const seq = new Int32Array(enc.length + 1);
  seq[0] = model.vocab.startToken;
  seq.set(enc, 1);
  const r = await model.run(seq, 1, seq.length, model.zeroState(1));
  const out: CharProb[] = [];
  let u = 0; // UTF-16 index of the k-th character
  for (const [k, ch] of [...text].entries()) {
    out.push({ ch, before: text.slice(0, u), p: Math.exp(logSoftmaxAt(r.logits, k * V, V, enc[k])) });
    u += ch.length;
  }
  return out;
}
