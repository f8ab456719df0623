/** Shared by the integration suites: the extension under test and its state. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CompletionEngine, CompletionRequest, EngineSettings } from '../../src/engine/types';

export const EXTENSION_ID = 'char-lstm.char-lstm-complete';

/** What `charLstm.status` returns (src/vscode/logic/status.ts StatusJson), as far as the suites use it. */
export interface Status {
  ready: boolean;
  enabled: boolean;
  model: string | null;
  text: string;
}

export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed in this editor`);
  await ext.activate();
  return ext;
}

export const status = () => vscode.commands.executeCommand<Status>('charLstm.status');

/** Polls `charLstm.status` until `pred` holds; returns that status. */
export async function waitForStatus(pred: (s: Status) => boolean, what: string, timeoutMs = 30_000): Promise<Status> {
  const deadline = Date.now() + timeoutMs;
  let last: Status | undefined;
  for (;;) {
    last = await status();
    if (last && pred(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last status: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const config = () => vscode.workspace.getConfiguration('charLstm');

/** Sets a charLstm setting in the user settings and waits for the change event. */
export async function setSetting(key: string, value: unknown): Promise<void> {
  const changed = new Promise<void>((resolve) => {
    const sub = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`charLstm.${key}`)) {
        sub.dispose();
        resolve();
      }
    });
  });
  await config().update(key, value, vscode.ConfigurationTarget.Global);
  await Promise.race([changed, new Promise((r) => setTimeout(r, 5000))]);
}

/** An engine stand-in: answers a fixed suggestion and records each request. */
export class FixedEngine implements CompletionEngine {
  requests: Array<{ req: CompletionRequest; settings: EngineSettings }> = [];
  warmed: Array<Pick<CompletionRequest, 'docId' | 'prefix'>> = [];
  constructor(public text: string) {}
  async warm(req: Pick<CompletionRequest, 'docId' | 'prefix'>) {
    this.warmed.push(req);
    return req.prefix.length;
  }
  async suggest(req: CompletionRequest, settings: EngineSettings) {
    this.requests.push({ req, settings });
    return { text: this.text, meanLogProb: -0.1, ms: 1, contextTokensFed: req.prefix.length };
  }
  setModel(): void {}
  forget(): void {}
}

const EXTENSIONS: Record<string, string> = { javascript: '.js', typescript: '.ts', markdown: '.md', python: '.py' };
let docs = 0;
let docsDir: string | undefined;

/**
 * Writes `text` (cursor at `|`) to a new file and opens it; returns the document and the
 * cursor. A new file each time: untitled documents reuse their names, and a closing one
 * can be handed out again by openTextDocument.
 */
export async function docWithCursor(text: string, language = 'javascript') {
  const at = text.indexOf('|');
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath;
  docsDir ??= fs.mkdtempSync(path.join(folder ?? os.tmpdir(), '.suite-docs-'));
  const file = path.join(docsDir, `doc${++docs}${EXTENSIONS[language] ?? '.txt'}`);
  fs.writeFileSync(file, text.replace('|', ''));
  let doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  if (doc.languageId !== language) doc = await vscode.languages.setTextDocumentLanguage(doc, language);
  return { doc, pos: doc.positionAt(at) };
}

/** Removes the files of docWithCursor. */
export function removeDocs(): void {
  if (docsDir) fs.rmSync(docsDir, { recursive: true, force: true });
  docsDir = undefined;
}
