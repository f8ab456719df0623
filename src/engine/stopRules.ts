/**
 * Where a suggestion ends. A StopRule watches one candidate's picks, one character at a
 * time, says when to stop, and then gives the text to show:
 *
 * - the unknown token ends it;
 * - single-line: a newline ends it (not included);
 * - multi-line: a blank line, or a line indented less than the cursor's line, ends it at
 *   the end of the line before;
 * - `maxChars` characters at most;
 * - the confidence gate: a pick whose probability is below `minConfidence`, or that brings
 *   the probability of the whole text below `minJoint`, ends it; the text is then cut back
 *   to a token boundary when the cut would split a word. When fewer than `minGatedChars`
 *   characters survive a gate, nothing is shown: even the first characters were not
 *   confident.
 *
 * A suggestion that stops at maxChars in the middle of a word is cut back the same way,
 * unless the whole suggestion is one word.
 */

export interface StopOptions {
  maxChars: number;
  multiline: boolean;
  /** Probability, 0..1; 0 turns the gate off. */
  minConfidence: number;
  /** Leading whitespace of the cursor's line (multi-line dedent rule). */
  indent: string;
  /** Fewer surviving characters after a gate cut means no suggestion. Default 2. */
  minGatedChars?: number;
  /** Joint gate: stop where the probability of the whole text so far drops below this (0 or absent = off). */
  minJoint?: number;
}

export type StopReason = 'unknown' | 'newline' | 'blank-line' | 'dedent' | 'max' | 'gate' | 'running';

export interface StopResult {
  text: string;
  /** Mean natural-log probability per character of `text` (0 for an empty text). */
  meanLogProb: number;
  reason: StopReason;
}

const WORD = /[\p{L}\p{N}_$]/u;
export const isWordChar = (ch: string): boolean => WORD.test(ch);

/** Cuts `text` back so that it does not end inside a word that `next` would continue. */
export function cutToBoundary(text: string, next: string | undefined): string {
  if (next === undefined || !isWordChar(next)) return text;
  const chars = [...text];
  let k = chars.length;
  while (k > 0 && isWordChar(chars[k - 1])) k--;
  return chars.slice(0, k).join('');
}

export class StopRule {
  private readonly chars: string[] = [];
  private readonly logps: number[] = [];
  /** Characters kept when a multi-line rule cuts at an earlier line end. */
  private keep = -1;
  private next: string | undefined;
  private sum = 0;
  reason: StopReason = 'running';

  constructor(private readonly o: StopOptions) {}

  get done(): boolean {
    return this.reason !== 'running';
  }

  /**
   * Offers the next pick: `ch` is its character (undefined for the unknown token) and
   * `logProb` its natural-log probability under the model. Returns false once stopped.
   */
  push(ch: string | undefined, logProb: number): boolean {
    if (this.done) return false;
    if (ch === undefined) return this.stop('unknown');
    if (this.chars.length >= this.o.maxChars) {
      this.next = ch;
      return this.stop('max');
    }
    if (ch === '\n' && !this.o.multiline) return this.stop('newline');
    if (Math.exp(logProb) < this.o.minConfidence || Math.exp(this.sum + logProb) < (this.o.minJoint ?? 0)) {
      this.next = ch;
      return this.stop('gate');
    }
    if (this.o.multiline && this.multilineEnd(ch)) return false;
    this.chars.push(ch);
    this.logps.push(logProb);
    this.sum += logProb;
    return true;
  }

  /** The text to show, after the cuts. */
  result(): StopResult {
    let n = this.keep >= 0 ? this.keep : this.chars.length;
    let text = this.chars.slice(0, n).join('');
    if (this.reason === 'gate' || this.reason === 'max') {
      const cut = cutToBoundary(text, this.next);
      if (this.reason === 'gate' || cut.length > 0) text = cut;
      n = [...text].length;
      if (this.reason === 'gate' && n < (this.o.minGatedChars ?? 2)) {
        text = '';
        n = 0;
      }
    }
    let sum = 0;
    for (let k = 0; k < n; k++) sum += this.logps[k];
    return { text, meanLogProb: n > 0 ? sum / n : 0, reason: this.reason };
  }

  private stop(reason: StopReason): false {
    this.reason = reason;
    return false;
  }

  /** Multi-line rules, checked before `ch` is added. True when they end the suggestion. */
  private multilineEnd(ch: string): boolean {
    const lastNl = this.chars.lastIndexOf('\n');
    if (lastNl < 0) return false; // still on the cursor's line
    const line = this.chars.slice(lastNl + 1);
    const blank = line.every((c) => c === ' ' || c === '\t');
    if (ch === '\n' && blank) {
      this.keep = lastNl;
      this.stop('blank-line');
      return true;
    }
    if (blank && ch !== ' ' && ch !== '\t' && ch !== '\n' && line.length < this.o.indent.length) {
      this.keep = lastNl;
      this.stop('dedent');
      return true;
    }
    return false;
  }
}
