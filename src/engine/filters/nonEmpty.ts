/** Nothing to show for an empty or whitespace-only suggestion. */
import type { Filter } from './filter';

export const nonEmpty: Filter = (text) => (text.trim().length > 0 ? text : undefined);
