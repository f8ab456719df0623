/**
 * Avoids doubled closers: when a closing character already follows the cursor (say `)` in
 * `foo(a|)`), the suggestion is cut where it would type that closer itself, unmatched:
 * `b)` becomes `b`, `b) + c` becomes `b`, but `g(b))` keeps `g(b)`. Quotes have no nesting:
 * the first one is the closer.
 */
import { CLOSERS, Filter, OPENER_OF } from './filter';

export const closingOverlap: Filter = (text, req) => {
  const closer = req.lineSuffix.trimStart()[0];
  if (closer === undefined || !CLOSERS.includes(closer)) return text;
  const opener = OPENER_OF[closer];
  let depth = 0;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k];
    if (opener !== undefined && ch === opener) depth++;
    else if (ch === closer) {
      if (depth === 0) return text.slice(0, k);
      depth--;
    }
  }
  return text;
};
