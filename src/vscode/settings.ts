/**
 * Typed, validated settings (the parsing lives in logic/settings.ts). Values are read per
 * document, so language-specific overrides such as `"[markdown]": {"charLstm.multiline":
 * true}` apply, and cached until the configuration changes. Each problem with a value is
 * logged once.
 */
import * as vscode from 'vscode';
import { Logger } from './logic/log';
import { parseSettings, SECTION, Settings } from './logic/settings';

export class SettingsService implements vscode.Disposable {
  private readonly cache = new Map<string, Settings>();
  private readonly reported = new Set<string>();
  private readonly emitter = new vscode.EventEmitter<vscode.ConfigurationChangeEvent>();
  private readonly sub: vscode.Disposable;
  /** Fires after a `charLstm.*` (or files.exclude / search.exclude) setting changed. */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly log: Logger) {
    this.sub = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      this.cache.clear();
      this.emitter.fire(e);
    });
  }

  /** Settings for the window (no language or folder override). */
  get global(): Settings {
    return this.read('', undefined);
  }

  /** Settings for a document: folder and language overrides apply. */
  forDocument(doc: { uri: vscode.Uri; languageId: string }): Settings {
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
    return this.read(`${doc.languageId}\0${folder?.uri.toString() ?? ''}`, { uri: folder?.uri ?? doc.uri, languageId: doc.languageId });
  }

  private read(key: string, scope: vscode.ConfigurationScope | undefined): Settings {
    const hit = this.cache.get(key);
    if (hit) return hit;
    const config = vscode.workspace.getConfiguration(SECTION, scope);
    const { settings, problems } = parseSettings((k) => config.get(k));
    for (const p of problems) {
      if (this.reported.has(p)) continue;
      this.reported.add(p);
      this.log.warn(`setting ${p}`);
    }
    this.cache.set(key, settings);
    return settings;
  }

  dispose(): void {
    this.sub.dispose();
    this.emitter.dispose();
  }
}

/**
 * Where to write a setting so that it takes effect: the most specific level that sets it
 * now (a language override first), else the user settings.
 */
export function targetOf(config: vscode.WorkspaceConfiguration, key: string): { target: vscode.ConfigurationTarget; overrideInLanguage: boolean } {
  const i = config.inspect(key);
  const T = vscode.ConfigurationTarget;
  if (i?.workspaceFolderLanguageValue !== undefined) return { target: T.WorkspaceFolder, overrideInLanguage: true };
  if (i?.workspaceLanguageValue !== undefined) return { target: T.Workspace, overrideInLanguage: true };
  if (i?.globalLanguageValue !== undefined) return { target: T.Global, overrideInLanguage: true };
  if (i?.workspaceFolderValue !== undefined) return { target: T.WorkspaceFolder, overrideInLanguage: false };
  if (i?.workspaceValue !== undefined) return { target: T.Workspace, overrideInLanguage: false };
  return { target: T.Global, overrideInLanguage: false };
}
