/**
 * The inline completion provider: translates VS Code types into the engine's plain
 * request (logic/request.ts), asks the engine, and turns the answer into one
 * InlineCompletionItem. It is registered before the model loads and returns nothing until
 * an engine is ready. It never throws and never shows a pop-up: errors are logged (a
 * repeated error once per minute) and the answer is "nothing".
 */
import * as vscode from 'vscode';
import type { CompletionEngine } from '../engine/types';
import { LatestOnly } from './logic/latest';
import { Logger, oneLine } from './logic/log';
import { OpenDoc, RelatedDocs } from './logic/related';
import { buildRequest, DocLike, RangeLike, toEdit } from './logic/request';
import { isLanguageDisabled, toEngineSettings } from './logic/settings';
import type { SettingsService } from './settings';

/** Every document: files, untitled ones, and any other scheme with text (remote, virtual file systems). */
export const DOCUMENT_SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { pattern: '**' }];

/** A vscode.TextDocument as the DocLike the request builder takes. */
export function docLike(d: vscode.TextDocument): DocLike {
  return {
    uri: d.uri.toString(),
    languageId: d.languageId,
    lineCount: d.lineCount,
    lineText: (line) => d.lineAt(line).text,
    textIn: (r) => d.getText(new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character)),
    offsetAt: (p) => d.offsetAt(new vscode.Position(p.line, p.character)),
    positionAt: (o) => d.positionAt(o),
  };
}

/** Schemes of documents a suggestion may copy from: files and untitled ones, local or remote. */
const RELATED_SCHEMES = new Set(['file', 'untitled', 'vscode-remote']);

/** The open documents, as RelatedDocs takes them. */
function openDocs(): OpenDoc[] {
  return vscode.workspace.textDocuments
    .filter((d) => !d.isClosed && RELATED_SCHEMES.has(d.uri.scheme))
    .map((d) => ({
      uri: d.uri.toString(),
      fileName: d.fileName,
      languageId: d.languageId,
      version: d.version,
      length: d.offsetAt(d.lineAt(d.lineCount - 1).range.end),
      text: () => d.getText(),
    }));
}

const toRange = (r: RangeLike) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

export class InlineProvider implements vscode.InlineCompletionItemProvider {
  private readonly latest = new LatestOnly();
  private readonly related = new RelatedDocs();
  private lastError = '';
  private lastErrorAt = 0;

  constructor(
    private readonly deps: {
      /** The engine, once a model is loaded. */
      engine(): CompletionEngine | undefined;
      settings: SettingsService;
      log: Logger;
    },
  ) {}

  async provideInlineCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
    context: vscode.InlineCompletionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.InlineCompletionItem[] | undefined> {
    try {
      const engine = this.deps.engine();
      if (!engine || token.isCancellationRequested) return undefined;
      const settings = this.deps.settings.forDocument(document);
      if (!settings.enable || isLanguageDisabled(settings, document.languageId)) return undefined;
      const docId = document.uri.toString();
      const ticket = this.latest.begin(docId);
      const version = document.version;
      const sel = context.selectedCompletionInfo;
      const plan = buildRequest(docLike(document), position, sel ? { range: sel.range, text: sel.text } : undefined, settings.maxContextChars);
      if (!plan) return undefined;
      this.related.touch(docId);
      if (settings.copyFromFiles) plan.request.related = this.related.pick({ uri: docId, languageId: document.languageId }, openDocs());
      const t0 = performance.now();
      const suggestion = await engine.suggest(plan.request, toEngineSettings(settings), token);
      // Stale: cancelled, overtaken by a newer request, or the document moved on.
      if (token.isCancellationRequested || !this.latest.isLatest(docId, ticket) || document.version !== version) return undefined;
      const edit = toEdit(plan, suggestion);
      this.deps.log.trace(
        `suggest ${(performance.now() - t0).toFixed(1)} ms (engine ${suggestion?.ms.toFixed(1) ?? '-'} ms, fed ${suggestion?.contextTokensFed ?? 0}): ${JSON.stringify(edit?.insertText ?? null)}`,
      );
      if (!edit) return undefined;
      return [new vscode.InlineCompletionItem(edit.insertText, toRange(edit.range))];
    } catch (e) {
      this.logError(e);
      return undefined;
    }
  }

  /**
   * Feeds a document's context into the engine ahead of the first keystroke (when it is
   * opened or focused, or a new model arrives), so the first suggestion is as fast as the
   * next ones. Never throws; does nothing when completions are off for the document.
   */
  warm(document: vscode.TextDocument, position: vscode.Position): void {
    try {
      const engine = this.deps.engine();
      if (!engine?.warm || document.uri.scheme === 'output') return;
      this.related.touch(document.uri.toString());
      const settings = this.deps.settings.forDocument(document);
      if (!settings.enable || isLanguageDisabled(settings, document.languageId)) return;
      const plan = buildRequest(docLike(document), position, undefined, settings.maxContextChars);
      if (!plan) return;
      const t0 = performance.now();
      void engine.warm(plan.request, toEngineSettings(settings)).then((fed) => {
        if (fed > 0) this.deps.log.trace(`warmed ${document.uri.toString()}: fed ${fed} in ${(performance.now() - t0).toFixed(1)} ms`);
      });
    } catch (e) {
      this.logError(e);
    }
  }

  /** Called when a document closes. */
  forget(docId: string): void {
    this.latest.forget(docId);
    this.related.forget(docId);
  }

  private logError(e: unknown): void {
    const msg = oneLine(e);
    const now = Date.now();
    if (msg === this.lastError && now - this.lastErrorAt < 60_000) return;
    this.lastError = msg;
    this.lastErrorAt = now;
    this.deps.log.error(`completion failed: ${msg}${e instanceof Error && e.stack ? `\n${e.stack}` : ''}`);
  }
}
