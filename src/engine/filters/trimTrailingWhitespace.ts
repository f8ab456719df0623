/** Trailing spaces, tabs and newlines are never worth a keystroke. */
import type { Filter } from './filter';

export const trimTrailingWhitespace: Filter = (text) => text.replace(/\s+$/u, '');
