/**
 * The context window: which part of the text before the cursor the model sees.
 *
 * At most `cap` characters (UTF-16 units). The window start moves in coarse steps: it is
 * the smallest multiple of cap/2 that keeps the window within the cap, moved forward to the
 * next line start when one is near. So while the user types at the end of a long document
 * the start stays put for cap/2 characters, and the state cache keeps working; the window
 * is always between cap/4 and cap characters long. The start depends only on the prefix,
 * never on history, so the same prefix always gives the same suggestion.
 */

export interface ContextWindow {
  /** Offset of the window in the prefix. */
  start: number;
  text: string;
}

export function contextWindow(prefix: string, cap: number): ContextWindow {
  const n = prefix.length;
  const max = Math.max(1, Math.floor(cap));
  if (n <= max) return { start: 0, text: prefix };
  const step = Math.max(1, Math.floor(max / 2));
  let start = Math.ceil((n - max) / step) * step;
  // Prefer a line start within the first half step, so the window does not begin mid-line.
  const nl = prefix.indexOf('\n', start);
  if (nl >= 0 && nl + 1 < n && nl + 1 - start <= step / 2) start = nl + 1;
  else if (isLowSurrogate(prefix.charCodeAt(start))) start++;
  return { start, text: prefix.slice(start) };
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** The leading whitespace of the last line of `text`. */
export function lastLineIndent(text: string): string {
  const lineStart = text.lastIndexOf('\n') + 1;
  let k = lineStart;
  while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++;
  return text.slice(lineStart, k);
}
