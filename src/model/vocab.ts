/**
 * Character vocabulary. Entry k is the character of token k; entry 0 is the unknown
 * token, so every character not in the vocabulary maps to 0. Text is read by Unicode
 * code point, and `\r\n` is read as `\n` (DESIGN.md section 2).
 */
export const UNKNOWN = 0;
export const START_CHAR = '\n';

/** The default code vocabulary: unknown, tab, newline, printable ASCII (98 entries). */
export function defaultCodeVocab(): string[] {
  const v = ['', '\t', '\n'];
  for (let c = 32; c <= 126; c++) v.push(String.fromCharCode(c));
  return v;
}

export class Vocab {
  private readonly index = new Map<string, number>();
  readonly startToken: number;

  constructor(readonly chars: readonly string[]) {
    if (chars.length < 2) throw new Error('a vocabulary needs the unknown token and at least one character');
    // Entry 0 is the unknown token whatever string it holds, so it never maps a character.
    for (let k = 1; k < chars.length; k++) {
      if (!this.index.has(chars[k])) this.index.set(chars[k], k);
    }
    const start = this.index.get(START_CHAR);
    this.startToken = start ?? UNKNOWN;
  }

  get size(): number {
    return this.chars.length;
  }

  tokenOf(ch: string): number {
    return this.index.get(ch) ?? UNKNOWN;
  }

  /** Encodes text by code point, reading `\r\n` as `\n`. */
  encode(text: string): number[] {
    const out: number[] = [];
    const t = normalizeNewlines(text);
    for (const ch of t) out.push(this.tokenOf(ch));
    return out;
  }

  /** Decodes tokens; the unknown token decodes to nothing. */
  decode(tokens: Iterable<number>): string {
    let s = '';
    for (const k of tokens) if (k > 0 && k < this.chars.length) s += this.chars[k];
    return s;
  }
}

export function normalizeNewlines(text: string): string {
  return text.indexOf('\r\n') >= 0 ? text.replace(/\r\n/g, '\n') : text;
}

/**
 * Checks a vocabulary read from a model file. Returns an error message or undefined.
 * Entry 0 may be any string; every other entry must be exactly one character (code point).
 */
export function vocabProblem(v: unknown): string | undefined {
  if (!Array.isArray(v)) return 'is not a JSON array';
  if (v.length < 2) return `has ${v.length} entries; it needs the unknown token and at least one character`;
  for (let k = 0; k < v.length; k++) {
    if (typeof v[k] !== 'string') return `entry ${k} is not a string`;
    if (k > 0 && [...(v[k] as string)].length !== 1) {
      return `entry ${k} (${JSON.stringify(v[k])}) is not a single character`;
    }
  }
  return undefined;
}
