/**
 * A DocLike built from text with a cursor marker, for tests of the request builder:
 * `doc('def f():\n    return |')` is the document without the marker and the cursor
 * where the marker was. Lines split on `\n` (a `\r` before it stays in the line text, as
 * VS Code's lineAt does not; tests that care use `\n` only).
 */
import type { DocLike, Pos } from '../../src/vscode/logic/request';

export const CURSOR = '|';

export function fakeDoc(text: string, languageId = 'python', uri = 'file:///work/test.py'): DocLike {
  const lines = text.split('\n');
  const starts: number[] = [];
  let o = 0;
  for (const l of lines) {
    starts.push(o);
    o += l.length + 1;
  }
  const offsetAt = (p: Pos) => Math.min(text.length, starts[Math.min(p.line, lines.length - 1)] + p.character);
  const positionAt = (offset: number): Pos => {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
    return { line, character: offset - starts[line] };
  };
  return {
    uri,
    languageId,
    lineCount: lines.length,
    lineText: (line) => lines[line] ?? '',
    textIn: (r) => text.slice(offsetAt(r.start), offsetAt(r.end)),
    offsetAt,
    positionAt,
  };
}

/** The document and the cursor of a text with one CURSOR marker. */
export function withCursor(marked: string, languageId?: string): { doc: DocLike; pos: Pos; text: string } {
  const at = marked.indexOf(CURSOR);
  if (at < 0 || marked.indexOf(CURSOR, at + 1) >= 0) throw new Error('mark the cursor exactly once');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  const doc = fakeDoc(text, languageId);
  return { doc, pos: doc.positionAt(at), text };
}
