/**
 * A post-processing filter: takes the decoded text and the request, returns the text to
 * show (possibly changed) or undefined for no suggestion. One filter per file, each with
 * its test in test/engine/filters/.
 */
import type { CompletionRequest } from '../types';

export type Filter = (text: string, req: CompletionRequest) => string | undefined;

/** Closing characters that may follow the cursor without blocking a suggestion. */
export const CLOSERS = ')]}>"\'`;,';
export const OPENER_OF: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{', '>': '<' };
