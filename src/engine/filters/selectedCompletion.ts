/**
 * When the suggest widget shows an item, the ghost text must start with what that item
 * would insert (VS Code's selectedCompletionInfo); otherwise there is no suggestion. The
 * engine decodes after the selected text, so this holds unless a later cut removed it.
 */
import type { Filter } from './filter';

export const selectedCompletion: Filter = (text, req) => {
  const selected = req.selectedCompletion;
  if (!selected) return text;
  return text.startsWith(selected) ? text : undefined;
};
