/**
 * Translates "a document, a cursor and maybe a selected suggest-widget item" into the
 * engine's plain CompletionRequest, and the engine's answer back into an edit (range and
 * insert text). Never imports `vscode`: the provider wraps a vscode.TextDocument in a
 * DocLike (see inlineProvider.ts) and tests use a fake built from a string with a cursor
 * marker (test/vscode/fakeDocument.ts).
 */
import { DEFAULT_COPY_OPTIONS } from '../../engine/copyModel';
import { AFTER_COPY_CHARS } from '../../engine/engine';
import type { CompletionRequest, Suggestion } from '../../engine/types';

export interface Pos {
  line: number;
  character: number;
}

export interface RangeLike {
  start: Pos;
  end: Pos;
}

/** The little the adapter needs from a document. */
export interface DocLike {
  /** The URI as a string: the engine's document identity. */
  readonly uri: string;
  readonly languageId: string;
  readonly lineCount: number;
  lineText(line: number): string;
  /** Text between two positions (`\r\n` is the engine's business: it reads it as `\n`). */
  textIn(range: RangeLike): string;
  offsetAt(pos: Pos): number;
  positionAt(offset: number): Pos;
}

/** VS Code's InlineCompletionContext.selectedCompletionInfo, as plain data. */
export interface SelectedItem {
  range: RangeLike;
  text: string;
}

/** A request for the engine, plus how to turn its answer into an edit. */
export interface Plan {
  request: CompletionRequest;
  /** The range the inline item replaces (empty at the cursor unless an item is selected). */
  range: RangeLike;
  /** Text that goes before the engine's suggestion in the insert text. */
  lead: string;
}

export interface Edit {
  range: RangeLike;
  insertText: string;
}

const before = (a: Pos, b: Pos) => a.line < b.line || (a.line === b.line && a.character < b.character);
const same = (a: Pos, b: Pos) => a.line === b.line && a.character === b.character;

/** Above this many characters before the cursor, only a tail of the prefix is read. */
export const LONG_PREFIX = 1 << 18;

/**
 * Where to start reading the text before the cursor. The contract is "the whole prefix",
 * and for normal documents that is what the engine gets. For a very long prefix (a 10 MB
 * file) copying it all on every keystroke is wasted work, since the model looks at most
 * `maxContextChars` back and copying from the document searches at most the last 64k
 * characters: the prefix is then cut at a multiple of half the cap, which the engine's
 * context window (src/engine/contextWindow.ts) is aligned to, and far enough back that the
 * window is the same as for the whole prefix (a test checks this) and the copy search
 * sees all it would.
 */
export function prefixStart(offset: number, maxContextChars: number): number {
  if (offset <= LONG_PREFIX) return 0;
  const cap = Math.max(1, Math.floor(maxContextChars));
  const step = Math.max(1, Math.floor(cap / 2));
  const back = Math.max(4 * cap, DEFAULT_COPY_OPTIONS.maxSourceChars);
  const cut = Math.floor((offset - back - step) / step) * step;
  return Math.max(0, cut);
}

/** The text before `pos`, from prefixStart on. */
function prefixOf(doc: DocLike, pos: Pos, maxContextChars: number): string {
  const start = prefixStart(doc.offsetAt(pos), maxContextChars);
  return doc.textIn({ start: start === 0 ? { line: 0, character: 0 } : doc.positionAt(start), end: pos });
}

/** The text after `pos`, at most AFTER_COPY_CHARS of it (the engine may copy from it). */
function afterOf(doc: DocLike, pos: Pos): string {
  return doc.textIn({ start: pos, end: doc.positionAt(doc.offsetAt(pos) + AFTER_COPY_CHARS) });
}

/**
 * Builds the engine request for a cursor at `pos`. With a selected suggest-widget item
 * whose replaced text is a prefix of the item (the usual case: `con|` with `console`
 * selected), the engine is asked to start its suggestion with the rest of the item
 * (`sole`); when the item matched fuzzily, the engine continues the text as if the item
 * had been accepted. Either way the edit replaces exactly the item's range and starts with
 * the item's text, which is what VS Code requires to show it with the widget open.
 * Returns undefined for a selection that does not touch the cursor's line.
 */
export function buildRequest(doc: DocLike, pos: Pos, selected: SelectedItem | undefined, maxContextChars: number): Plan | undefined {
  const line = doc.lineText(pos.line);
  const character = Math.min(pos.character, line.length);
  const cursor = { line: pos.line, character };
  if (!selected) {
    return {
      request: {
        docId: doc.uri,
        prefix: prefixOf(doc, cursor, maxContextChars),
        lineSuffix: line.slice(character),
        languageId: doc.languageId,
        textAfter: afterOf(doc, cursor),
      },
      range: { start: cursor, end: cursor },
      lead: '',
    };
  }
  const { range, text } = selected;
  // VS Code's item range sits on the cursor's line and starts at or before the cursor.
  if (range.start.line !== cursor.line || range.end.line !== cursor.line || before(cursor, range.start)) return undefined;
  const end = before(range.end, cursor) ? cursor : range.end;
  const lineSuffix = line.slice(end.character);
  const typed = line.slice(range.start.character, character);
  if (same(end, cursor) && text.startsWith(typed)) {
    return {
      request: {
        docId: doc.uri,
        prefix: prefixOf(doc, cursor, maxContextChars),
        lineSuffix,
        languageId: doc.languageId,
        textAfter: afterOf(doc, end),
        selectedCompletion: text.slice(typed.length),
      },
      range: { start: range.start, end },
      lead: typed,
    };
  }
  // Fuzzy match, or the item also replaces text after the cursor: continue after the item.
  return {
    request: { docId: doc.uri, prefix: prefixOf(doc, range.start, maxContextChars) + text, lineSuffix, languageId: doc.languageId, textAfter: afterOf(doc, end) },
    range: { start: range.start, end },
    lead: text,
  };
}

/**
 * The edit for the engine's suggestion, or undefined when there is nothing new to show:
 * an empty suggestion, or one that ignores the selected item it was asked to start with.
 */
export function toEdit(plan: Plan, suggestion: Suggestion | undefined): Edit | undefined {
  if (!suggestion || suggestion.text.length === 0) return undefined;
  const want = plan.request.selectedCompletion;
  if (want !== undefined) {
    if (!suggestion.text.startsWith(want) || suggestion.text.length === want.length) return undefined;
  }
  return { range: plan.range, insertText: plan.lead + suggestion.text };
}
