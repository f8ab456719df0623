/**
 * Copying from the document. Code repeats itself (import lists, re-exports, test cases,
 * switch arms), often further back than the model's context window reaches and more
 * exactly than a small model remembers. A CopyTracker finds the longest earlier match of
 * the text before the cursor in the document (at least `minOrder` UTF-16 units, like LZ77)
 * and predicts the characters that followed it; decode.ts mixes that prediction into the
 * model's:
 *
 *   p(c) = (1 - w) p_model(c) + w p_copy(c),  w = copyWeight(match length)
 *
 * While a suggestion is decoded the tracker follows its own picks: matches whose next
 * character was picked go on (one longer), the others drop out, and when none is left it
 * searches again. The generated text is never searched, only the document.
 */

export interface CopyOptions {
  /** Shortest match that predicts anything. */
  minOrder: number;
  /** Match lengths are measured up to this. */
  maxOrder: number;
  /** Only the last this many characters of the document are searched. */
  maxSourceChars: number;
  /**
   * Only the this many latest places where the last minOrder units occur are looked at,
   * which bounds the work on text like long runs of spaces.
   */
  maxCandidates: number;
}

export const DEFAULT_COPY_OPTIONS: Readonly<CopyOptions> = Object.freeze({ minOrder: 4, maxOrder: 48, maxSourceChars: 65536, maxCandidates: 512 });

/**
 * Mixing weight of the copy prediction for a match of `length` UTF-16 units: 0 below
 * minOrder, 0.32 at 4 units, 0.18 more per doubling, at most 0.93. Fitted by
 * scripts/calibrate-copy.ts: the maximum-likelihood weight per match length on 283k
 * characters of 72 files of the training corpus (not the held-out projects) was 0.32 at 4,
 * 0.55 at 8 to 9, 0.69 at 16 to 23, 0.84 at 32 to 47 and 0.93 at 48.
 */
export function copyWeight(length: number, o: CopyOptions = DEFAULT_COPY_OPTIONS): number {
  if (length < o.minOrder || length <= 0) return 0;
  return Math.min(COPY_WEIGHT_MAX, 0.32 + 0.18 * Math.log2(length / 4));
}

export const COPY_WEIGHT_MAX = 0.93;

export class CopyTracker {
  /** Index in `source` of the character that follows each current match. */
  private ends: number[] = [];
  private len = 0;
  /** The last maxOrder units of the context plus the picks so far. */
  private tail: string;
  private readonly start: number;

  constructor(
    private readonly source: string,
    context: string,
    private readonly o: CopyOptions = DEFAULT_COPY_OPTIONS,
  ) {
    this.tail = context.slice(-o.maxOrder);
    this.start = Math.max(0, source.length - o.maxSourceChars);
    this.search();
  }

  /** Length of the current matches (0 when there are none). */
  get matchLength(): number {
    return this.ends.length > 0 ? this.len : 0;
  }

  /** How many places in the document match. */
  get matches(): number {
    return this.ends.length;
  }

  /** The characters that follow the current matches, with their share (empty when none). */
  prediction(): Map<string, number> {
    const out = new Map<string, number>();
    for (const e of this.ends) {
      const ch = String.fromCodePoint(this.source.codePointAt(e)!);
      out.set(ch, (out.get(ch) ?? 0) + 1 / this.ends.length);
    }
    return out;
  }

  /** Follows a pick (one character, possibly two UTF-16 units). */
  push(ch: string): void {
    this.tail = (this.tail + ch).slice(-this.o.maxOrder);
    if (this.ends.length > 0) {
      const kept: number[] = [];
      for (const e of this.ends) {
        if (this.source.startsWith(ch, e) && e + ch.length < this.source.length) kept.push(e + ch.length);
      }
      if (kept.length > 0) {
        this.ends = kept;
        this.len = Math.min(this.o.maxOrder, this.len + ch.length);
        return;
      }
    }
    this.search();
  }

  /**
   * All places where the longest suffix of `tail` (at least minOrder long) occurred, among
   * the latest maxCandidates occurrences of its last minOrder units.
   */
  private search(): void {
    this.ends = [];
    this.len = 0;
    const t = this.tail;
    const k = this.o.minOrder;
    if (t.length < k) return;
    const src = this.source;
    const key = t.slice(-k);
    let best = 0;
    let ends: number[] = [];
    let seen = 0;
    // From the end back: i + k < src.length, so that a character follows the match.
    for (let i = src.length - k - 1 >= 0 ? src.lastIndexOf(key, src.length - k - 1) : -1; i >= this.start && seen < this.o.maxCandidates; i = i > 0 ? src.lastIndexOf(key, i - 1) : -1) {
      seen++;
      let L = k;
      while (L < t.length && i - (L - k) - 1 >= this.start && src.charCodeAt(i - (L - k) - 1) === t.charCodeAt(t.length - L - 1)) L++;
      if (L > best) {
        best = L;
        ends = [i + k];
      } else if (L === best) ends.push(i + k);
    }
    this.ends = ends;
    this.len = best;
  }
}
