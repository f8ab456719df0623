/**
 * Single-line decoding: feed the start token and the text before the cursor, then pick
 * one character at a time until a newline (not included), the unknown token, or
 * `maxChars` characters. Temperature 0 is greedy; above 0 samples with `random`.
 *
 * A later issue grows this into the full engine (state cache, top-k / top-p, stop rules).
 */
import { UNKNOWN } from '../model/vocab';
import { pickToken } from './logits';
import { mulberry32 } from './random';
import type { StepModel } from './stepModel';

/** The model sees at most this many characters before the cursor. */
export const MAX_CONTEXT_CHARS = 4096;

export interface DecodeOptions {
  maxChars: number;
  /** 0 (or less) = greedy. */
  temperature: number;
  /** Uniform [0, 1) source for sampling; defaults to a time-seeded mulberry32. */
  random?: () => number;
  maxContextChars?: number;
}

/** The last `max` characters (UTF-16 units) of `text`, never starting inside a surrogate pair. */
export function tailContext(text: string, max = MAX_CONTEXT_CHARS): string {
  if (text.length <= max) return text;
  let start = text.length - max;
  const c = text.charCodeAt(start);
  if (c >= 0xdc00 && c <= 0xdfff) start++;
  return text.slice(start);
}

export async function suggestLine(model: StepModel, prefix: string, opts: DecodeOptions): Promise<string> {
  const { vocab } = model;
  const V = vocab.size;
  const random = opts.random ?? mulberry32(Date.now());
  const context = vocab.encode(tailContext(prefix, opts.maxContextChars ?? MAX_CONTEXT_CHARS));
  const tokens = [vocab.startToken, ...context];
  let r = await model.run(tokens, 1, tokens.length, model.zeroState(1));
  let offset = (tokens.length - 1) * V; // the last row predicts the character after the cursor
  let out = '';
  for (let n = 0; n < opts.maxChars; n++) {
    const tok = pickToken(r.logits, offset, V, opts.temperature, random);
    if (tok === UNKNOWN || vocab.chars[tok] === '\n') break;
    out += vocab.chars[tok];
    if (n + 1 === opts.maxChars) break;
    r = await model.run([tok], 1, 1, r.state);
    offset = 0;
  }
  return out;
}
