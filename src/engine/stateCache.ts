/**
 * Per-document cache of LSTM states, so that a keystroke costs work proportional to the
 * new characters, not to the context.
 *
 * For each document it keeps the tokens last fed (start token first) and checkpoints: the
 * state and the last logits row after the first `n` tokens, for every n that is a multiple
 * of `checkpointEvery`, plus the newest end. A request finds the longest common prefix
 * with the cached tokens, drops the checkpoints past it (an edit invalidates exactly the
 * states after it), resumes from the last checkpoint left and feeds only the rest, in
 * chunks that end on checkpoint boundaries. Documents are evicted least recently used
 * first. A cancelled request leaves the cache consistent: every checkpoint it kept is a
 * state of a prefix of the tokens it stores.
 */
import type { LstmState } from '../runtime/onnxModel';
import type { StepModel } from './stepModel';
import type { CancellationLike } from './types';

export interface StateCacheOptions {
  /** Documents kept (least recently used go first). Default 20. */
  maxDocs?: number;
  /** Tokens between checkpoints. Default 32. */
  checkpointEvery?: number;
}

interface Checkpoint {
  /** Tokens fed to reach this state. */
  n: number;
  /** [L, 1, H] each. */
  h: Float32Array;
  c: Float32Array;
  /** [V]: predicts the token after the first n. */
  logits: Float32Array;
}

interface DocState {
  tokens: Int32Array;
  /** Sorted by n. */
  checkpoints: Checkpoint[];
}

export interface Primed {
  /** The state after every token (batch 1). */
  state: LstmState;
  /** [V]: predicts the next character. */
  logits: Float32Array;
  /** Tokens fed to the model by this call. */
  fed: number;
}

export class StateCache {
  private readonly docs = new Map<string, DocState>();
  private readonly maxDocs: number;
  private readonly every: number;
  /** Tokens fed to the model over the cache's life (for tests and reports). */
  tokensFed = 0;

  constructor(
    readonly model: StepModel,
    opts: StateCacheOptions = {},
  ) {
    this.maxDocs = Math.max(1, opts.maxDocs ?? 20);
    this.every = Math.max(1, opts.checkpointEvery ?? 32);
  }

  get size(): number {
    return this.docs.size;
  }

  forget(docId: string): void {
    this.docs.delete(docId);
  }

  /**
   * The state and logits after `tokens` (which must start with the start token and be
   * non-empty). Undefined when cancelled between chunks.
   */
  async prime(docId: string, tokens: Int32Array, token?: CancellationLike): Promise<Primed | undefined> {
    if (tokens.length === 0) throw new Error('prime needs at least the start token');
    const doc = this.touch(docId);
    const lcp = commonPrefix(doc.tokens, tokens);
    while (doc.checkpoints.length > 0 && doc.checkpoints[doc.checkpoints.length - 1].n > lcp) doc.checkpoints.pop();
    doc.tokens = tokens;
    const last = doc.checkpoints[doc.checkpoints.length - 1];
    let n = last?.n ?? 0;
    let state = last ? { batch: 1, h: last.h, c: last.c } : this.model.zeroState(1);
    let logits = last?.logits;
    let fed = 0;
    const V = this.model.vocab.size;
    while (n < tokens.length) {
      if (token?.isCancellationRequested) return undefined;
      const end = Math.min(tokens.length, (Math.floor(n / this.every) + 1) * this.every);
      const r = await this.model.run(tokens.subarray(n, end), 1, end - n, state);
      fed += end - n;
      this.tokensFed += end - n;
      state = r.state;
      logits = r.logits.slice((end - n - 1) * V, (end - n) * V);
      this.push(doc, { n: end, h: r.state.h, c: r.state.c, logits });
      n = end;
    }
    if (!logits) throw new Error('unreachable: no logits after priming');
    return { state, logits, fed };
  }

  /** The document's entry, created if needed and marked most recently used. */
  private touch(docId: string): DocState {
    let doc = this.docs.get(docId);
    if (doc) this.docs.delete(docId);
    else doc = { tokens: new Int32Array(0), checkpoints: [] };
    this.docs.set(docId, doc);
    while (this.docs.size > this.maxDocs) this.docs.delete(this.docs.keys().next().value as string);
    return doc;
  }

  /** Adds a checkpoint; the previous newest one goes unless it sits on a boundary. */
  private push(doc: DocState, cp: Checkpoint): void {
    const prev = doc.checkpoints[doc.checkpoints.length - 1];
    if (prev && prev.n % this.every !== 0) doc.checkpoints.pop();
    doc.checkpoints.push(cp);
  }
}

function commonPrefix(a: Int32Array, b: Int32Array): number {
  const n = Math.min(a.length, b.length);
  let k = 0;
  while (k < n && a[k] === b[k]) k++;
  return k;
}
