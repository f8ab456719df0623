/**
 * No suggestion when real text follows the cursor on its line: only closing brackets,
 * quotes, semicolons, commas and whitespace may follow (typing inside `foo(|)` is fine,
 * typing in the middle of `foo|bar` is not).
 */
import { CLOSERS, Filter } from './filter';

export function onlyClosersFollow(lineSuffix: string): boolean {
  for (const ch of lineSuffix) {
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') continue;
    if (!CLOSERS.includes(ch)) return false;
  }
  return true;
}

export const textAfterCursor: Filter = (text, req) => (onlyClosersFollow(req.lineSuffix) ? text : undefined);
