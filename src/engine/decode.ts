/**
 * Decoding a suggestion from a primed context (the state and logits after the text before
 * the cursor).
 *
 * - Greedy (temperature 0): one row. When the model offers `decodeGreedy` (the whole
 *   suggestion in one ONNX Loop run), that is used; otherwise one `run` per character.
 * - Sampling (temperature > 0): N candidates as one batch (B = N rows in every `run`, the
 *   context state replicated), each drawn with temperature, top-k and top-p, then ranked by
 *   mean log-probability of the text they would show.
 *
 * Every candidate is watched by a StopRule (stopRules.ts). The cancellation token is
 * checked between decoding steps; a cancelled decode resolves to undefined.
 *
 * With a `copy` context, each candidate has a CopyTracker (copyModel.ts) over the document,
 * and wherever it has a match the model's distribution is mixed with the copy prediction
 * before the pick; the gates then see the mixed probabilities. The one-call greedy path
 * has no hook for that, so it is used only when there is no match at the start.
 */
import type { LstmState } from '../runtime/onnxModel';
import { UNKNOWN } from '../model/vocab';
import { CopyOptions, CopyTracker, copyWeight, DEFAULT_COPY_OPTIONS } from './copyModel';
import { logSoftmaxAt } from './logits';
import { sampleToken, SamplerSettings } from './sampling';
import { StopOptions, StopResult, StopRule } from './stopRules';
import type { StepModel } from './stepModel';
import type { CancellationLike } from './types';

export interface DecodeSettings extends SamplerSettings {
  /** Candidates sampled side by side when the temperature is above 0. */
  candidates: number;
}

/** The document the copy prediction searches, and the context the suggestion continues. */
export interface CopyContext {
  /** Text that may be copied from (the document before the cursor). */
  source: string;
  /** The text the suggestion follows (usually the same as source). */
  context: string;
  options?: CopyOptions;
}

export interface Primed {
  /** Batch 1. */
  state: LstmState;
  /** [V]: predicts the first character of the suggestion. */
  logits: Float32Array;
}

/** A state with `rows` copies of the batch-1 state `s`. */
export function replicateState(s: LstmState, rows: number, layers: number, hidden: number): LstmState {
  if (rows === 1) return s;
  const h = new Float32Array(layers * rows * hidden);
  const c = new Float32Array(layers * rows * hidden);
  for (let l = 0; l < layers; l++) {
    const src = l * hidden;
    for (let b = 0; b < rows; b++) {
      h.set(s.h.subarray(src, src + hidden), (l * rows + b) * hidden);
      c.set(s.c.subarray(src, src + hidden), (l * rows + b) * hidden);
    }
  }
  return { batch: rows, h, c };
}

/** The character of a token, or undefined for the unknown token. */
function charOf(model: StepModel, tok: number): string | undefined {
  return tok === UNKNOWN ? undefined : model.vocab.chars[tok];
}

export async function decode(
  model: StepModel,
  ctx: Primed,
  s: DecodeSettings,
  stop: StopOptions,
  random: () => number,
  token?: CancellationLike,
  copy?: CopyContext,
): Promise<StopResult | undefined> {
  const sampling = s.temperature > 0 && s.topK !== 1;
  const B = sampling ? Math.max(1, Math.floor(s.candidates)) : 1;
  const firstTracker = copy ? new CopyTracker(copy.source, copy.context, copy.options ?? DEFAULT_COPY_OPTIONS) : undefined;
  if (!sampling && model.decodeGreedy && !(firstTracker && firstTracker.matchLength > 0)) {
    const fast = await decodeGreedyFast(model, ctx, stop);
    if (token?.isCancellationRequested) return undefined;
    if (fast) return fast;
  }
  const V = model.vocab.size;
  const rules = Array.from({ length: B }, () => new StopRule(stop));
  const trackers = copy && firstTracker ? Array.from({ length: B }, (_, b) => (b === 0 ? firstTracker : new CopyTracker(copy.source, copy.context, copy.options ?? DEFAULT_COPY_OPTIONS))) : undefined;
  const mixed = new Float32Array(V);
  let state = replicateState(ctx.state, B, model.layers, model.hidden);
  let logits: Float32Array = ctx.logits;
  let rowStride = 0; // the first step reads the one context row for every candidate
  const toks = new Int32Array(B);
  for (;;) {
    let active = 0;
    for (let b = 0; b < B; b++) {
      toks[b] = 0;
      if (rules[b].done) continue;
      const tracker = trackers?.[b];
      let row: ArrayLike<number> = logits;
      let offset = b * rowStride;
      if (tracker && tracker.matchLength > 0) {
        mixCopy(model, logits, offset, tracker, mixed);
        row = mixed;
        offset = 0;
      }
      const tok = sampleToken(row, offset, V, s, random);
      const ch = charOf(model, tok);
      if (rules[b].push(ch, row === mixed ? mixed[tok] : logSoftmaxAt(logits, offset, V, tok))) {
        toks[b] = tok;
        active++;
        if (tracker && ch !== undefined) tracker.push(ch);
      }
    }
    if (active === 0) break;
    if (token?.isCancellationRequested) return undefined;
    const r = await model.run(toks, B, 1, state);
    state = r.state;
    logits = r.logits;
    rowStride = V;
  }
  return best(rules.map((r) => r.result()));
}

/**
 * Writes into `out` the natural-log probabilities of (1 - w) softmax(row) + w p_copy, where
 * p_copy is the tracker's prediction (a character the vocabulary lacks counts for the
 * unknown token, which ends a suggestion) and w its weight for the current match length.
 */
export function mixCopy(model: StepModel, logits: ArrayLike<number>, offset: number, tracker: CopyTracker, out: Float32Array): void {
  const V = model.vocab.size;
  const w = copyWeight(tracker.matchLength);
  let m = -Infinity;
  for (let v = 0; v < V; v++) if (logits[offset + v] > m) m = logits[offset + v];
  let sum = 0;
  for (let v = 0; v < V; v++) sum += Math.exp(logits[offset + v] - m);
  const copyP = new Float64Array(V);
  for (const [ch, share] of tracker.prediction()) copyP[model.vocab.tokenOf(ch)] += share;
  for (let v = 0; v < V; v++) out[v] = Math.log(((1 - w) * Math.exp(logits[offset + v] - m)) / sum + w * copyP[v]);
}

/** The candidate with the highest mean log-probability among those with text (the first on ties). */
export function best(results: StopResult[]): StopResult {
  let pick = results[0];
  for (const r of results) {
    if (r.text.length === 0) continue;
    if (pick.text.length === 0 || r.meanLogProb > pick.meanLogProb) pick = r;
  }
  return pick;
}

/** Greedy decoding through the model's one-call path; undefined when the model has none. */
async function decodeGreedyFast(model: StepModel, ctx: Primed, stop: StopOptions): Promise<StopResult | undefined> {
  const newline = model.vocab.tokenOf('\n');
  const stopTokens = stop.multiline || newline === UNKNOWN ? [UNKNOWN] : [UNKNOWN, newline];
  // A little below the gate, so that the loop never ends before the StopRule would (float32 vs float64).
  const below = (p: number | undefined) => (p !== undefined && p > 0 ? Math.log(p) - 1e-4 : -Infinity);
  const r = await model.decodeGreedy?.(ctx.logits, ctx.state, {
    maxSteps: stop.maxChars + 1,
    stopTokens,
    minLogProb: below(stop.minConfidence),
    minJointLogProb: below(stop.minJoint),
  });
  if (!r) return undefined;
  const rule = new StopRule(stop);
  for (let k = 0; k < r.tokens.length; k++) {
    if (!rule.push(charOf(model, r.tokens[k]), r.logProbs[k])) break;
  }
  return rule.result();
}
