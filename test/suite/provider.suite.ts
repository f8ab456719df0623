/**
 * The inline completion provider (src/vscode/inlineProvider.ts) with real VS Code documents,
 * positions and ranges: what it returns, applied as VS Code applies it, gives the expected
 * text. The engine is a stand-in that answers a fixed suggestion and records the request.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { memoryLogger } from '../../src/vscode/logic/log';
import { InlineProvider } from '../../src/vscode/inlineProvider';
import { SettingsService } from '../../src/vscode/settings';
import { docWithCursor, FixedEngine, setSetting } from './helpers';

/** The document's text after applying the item the way VS Code accepts it. */
async function accept(doc: vscode.TextDocument, item: vscode.InlineCompletionItem): Promise<string> {
  const editor = await vscode.window.showTextDocument(doc);
  const range = item.range ?? new vscode.Range(editor.selection.active, editor.selection.active);
  assert.strictEqual(typeof item.insertText, 'string');
  await editor.edit((b) => b.replace(range, item.insertText as string));
  const text = doc.getText();
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  return text;
}

const token = new vscode.CancellationTokenSource().token;
const ctx: vscode.InlineCompletionContext = { triggerKind: vscode.InlineCompletionTriggerKind.Automatic, selectedCompletionInfo: undefined };

describe('inline completion provider', () => {
  const log = memoryLogger();
  let settings: SettingsService;
  before(() => {
    settings = new SettingsService(log);
  });
  after(() => settings.dispose());

  async function itemsFor(text: string, suggestion: string) {
    const engine = new FixedEngine(suggestion);
    const provider = new InlineProvider({ engine: () => engine, settings, log });
    const { doc, pos } = await docWithCursor(text);
    const items = await provider.provideInlineCompletionItems(doc, pos, ctx, token);
    return { doc, pos, items, engine };
  }

  it('returns one item whose range starts at the cursor, for a cursor at the end of a line', async () => {
    const { doc, pos, items } = await itemsFor('const total = cart.tot|\nreturn total;\n', 'alCents;');
    assert.ok(items && items.length === 1, `items: ${JSON.stringify(items)}`);
    const item = items[0];
    assert.ok(item.range, 'the item has no range');
    assert.ok(item.range.start.isEqual(pos), `range starts at ${JSON.stringify(item.range.start)}, cursor at ${JSON.stringify(pos)}`);
    assert.strictEqual(await accept(doc, item), 'const total = cart.totalCents;\nreturn total;\n');
  });

  it('sends the text before the cursor and the rest of the line to the engine', async () => {
    const { engine } = await itemsFor('a\nfoo(|)\n', 'x');
    assert.strictEqual(engine.requests.length, 1);
    assert.ok(engine.requests[0].req.prefix.endsWith('a\nfoo('), JSON.stringify(engine.requests[0].req.prefix));
    assert.strictEqual(engine.requests[0].req.lineSuffix, ')');
    assert.strictEqual(engine.requests[0].req.textAfter, ')\n', 'the text after the cursor, to copy from');
    assert.strictEqual(engine.requests[0].req.languageId, 'javascript');
  });

  it('accepting before closing characters gives the expected line', async () => {
    const { doc, items } = await itemsFor('call(fo|)\n', 'o)');
    assert.ok(items && items.length === 1);
    const text = await accept(doc, items[0]);
    assert.ok(text === 'call(foo)\n' || text === 'call(foo))\n', `after accepting: ${JSON.stringify(text)}`);
  });

  it('warm sends the document and the text before the cursor to the engine, unless the language is off', async () => {
    const engine = new FixedEngine('x');
    const provider = new InlineProvider({ engine: () => engine, settings, log });
    const { doc, pos } = await docWithCursor('line one\nline two|\n');
    provider.warm(doc, pos);
    assert.deepStrictEqual(engine.warmed, [{ docId: doc.uri.toString(), prefix: 'line one\nline two', lineSuffix: '', languageId: 'javascript', textAfter: '\n' }]);
    await setSetting('disabledLanguages', ['javascript']);
    try {
      provider.warm(doc, pos);
      assert.strictEqual(engine.warmed.length, 1, 'javascript is disabled: not warmed');
    } finally {
      await setSetting('disabledLanguages', undefined);
    }
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('sends the other open documents of the same language for copying, unless charLstm.copyFromFiles is off', async () => {
    const other = await docWithCursor('export const sharedHelperName = 42;\n|');
    const python = await docWithCursor('shared_python = 1\n|', 'python');
    const { engine } = await itemsFor('import { shared|', 'x');
    const related = engine.requests[0].req.related ?? [];
    assert.ok(related.includes(other.doc.getText()), `related: ${JSON.stringify(related)}`);
    assert.ok(!related.includes(python.doc.getText()), 'not the Python document');
    await setSetting('copyFromFiles', false);
    try {
      const off = await itemsFor('import { shared|', 'x');
      assert.strictEqual(off.engine.requests[0].req.related, undefined);
    } finally {
      await setSetting('copyFromFiles', undefined);
    }
  });

  it('answers nothing without an engine (no model loaded yet)', async () => {
    const provider = new InlineProvider({ engine: () => undefined, settings, log });
    const { doc, pos } = await docWithCursor('const x = |');
    const items = await provider.provideInlineCompletionItems(doc, pos, ctx, token);
    assert.ok(!items || items.length === 0);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
