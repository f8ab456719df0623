/** The post-processing pipeline, in order. Each filter may change the text or drop it. */
import { closingOverlap } from './closingOverlap';
import type { Filter } from './filter';
import { nonEmpty } from './nonEmpty';
import { selectedCompletion } from './selectedCompletion';
import { textAfterCursor } from './textAfterCursor';
import { trimTrailingWhitespace } from './trimTrailingWhitespace';
import type { CompletionRequest } from '../types';

export type { Filter } from './filter';
export { onlyClosersFollow } from './textAfterCursor';

export const FILTERS: readonly Filter[] = [textAfterCursor, closingOverlap, trimTrailingWhitespace, selectedCompletion, nonEmpty];

/** Runs every filter; undefined as soon as one drops the suggestion. */
export function applyFilters(text: string, req: CompletionRequest, filters: readonly Filter[] = FILTERS): string | undefined {
  let t: string | undefined = text;
  for (const f of filters) {
    t = f(t, req);
    if (t === undefined) return undefined;
  }
  return t;
}
