/**
 * "Char LSTM: Retrain on Workspace": the UI around logic/retrainer.ts. It picks the
 * folder, gathers the exclude patterns (charLstm.training.exclude, files.exclude,
 * search.exclude), and runs the retrain under a cancellable progress notification; the
 * status bar shows the progress too. Only one retrain runs at a time: asking again offers
 * to cancel the running one. Closing the window cancels it (the child process is killed).
 */
import * as os from 'os';
import * as vscode from 'vscode';
import { excludePatterns } from '../logic/excludes';
import { Logger, oneLine } from '../logic/log';
import type { ModelService } from '../logic/models';
import { retrain, RetrainOutcome } from '../logic/retrainer';
import { trainThreads } from '../logic/retrain';
import { SettingsService } from '../settings';
import type { StatusBar } from '../statusBar';
import { CMD } from './ids';

export interface RetrainDeps {
  /** The extension's storage folder for this workspace, as a local path (undefined without a workspace). */
  storageDir: string | undefined;
  settings: SettingsService;
  models: ModelService;
  statusBar: StatusBar;
  log: vscode.LogOutputChannel & Logger;
  cliPath: string;
  defaultPath(): string | undefined;
}

export function registerRetrain(deps: RetrainDeps): vscode.Disposable {
  let running: vscode.CancellationTokenSource | undefined;

  const command = vscode.commands.registerCommand(CMD.retrain, async (): Promise<RetrainOutcome | undefined> => {
    if (running) {
      const stop = 'Cancel It';
      const pick = await vscode.window.showWarningMessage('Char LSTM: a retrain is already running.', stop, 'Let It Run');
      if (pick === stop) running?.cancel();
      return undefined;
    }
    // Claimed before the first await, so two quick invocations cannot both start.
    const cts = new vscode.CancellationTokenSource();
    running = cts;
    let outcome: RetrainOutcome | undefined;
    try {
      outcome = await run(deps, cts);
    } catch (e) {
      outcome = { kind: 'failed', message: oneLine(e) };
      deps.log.error(`retrain failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    } finally {
      running = undefined;
      cts.dispose();
      deps.statusBar.update({ training: undefined });
    }
    if (!outcome) return undefined;
    report(outcome, deps.log);
    return outcome;
  });

  return vscode.Disposable.from(command, { dispose: () => running?.cancel() });
}

/** Picks the folder, gathers the excludes and runs the retrain under a progress notification. */
async function run(deps: RetrainDeps, cts: vscode.CancellationTokenSource): Promise<RetrainOutcome | undefined> {
  const folder = await chooseFolder();
  if (!folder) return undefined;
  const storageDir = deps.storageDir;
  if (!storageDir) {
    void vscode.window.showWarningMessage('Char LSTM: this window has no storage for a workspace model; open a folder first.');
    return undefined;
  }
  const settings = deps.settings.global;
  const exclude = excludePatterns({
    trainingExclude: stringList(vscode.workspace.getConfiguration('charLstm.training', folder.uri).get('exclude')) ?? settings.trainingExclude,
    filesExclude: vscode.workspace.getConfiguration('files', folder.uri).get('exclude'),
    searchExclude: vscode.workspace.getConfiguration('search', folder.uri).get('exclude'),
  });
  for (const n of exclude.notes) deps.log.info(`retrain: ${n}`);
  deps.log.info(`retrain: ${folder.uri.fsPath}, exclude ${exclude.patterns.join(' ') || '(nothing extra)'}`);

  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Char LSTM: Retrain on Workspace', cancellable: true },
    async (progress, token) => {
      const sub = token.onCancellationRequested(() => cts.cancel());
      let shown = 0;
      let scope = '';
      try {
        return await retrain(
          { folder: folder.uri.fsPath, minutes: settings.trainingMinutes, from: settings.trainingFrom, exclude: exclude.patterns, threads: trainThreads(os.cpus().length) },
          { cliPath: deps.cliPath, storageDir, defaultPath: deps.defaultPath(), models: deps.models, log: deps.log },
          {
            progress: (message, fraction) => {
              const pct = fraction === undefined ? shown : Math.max(shown, Math.min(100, Math.round(100 * fraction)));
              progress.report({ message: scope ? `${scope} · ${message}` : message, increment: pct - shown });
              shown = pct;
            },
            training: (t) => deps.statusBar.update({ training: t }),
            scanned: (summary, short) => {
              scope = short;
              progress.report({ message: summary });
            },
          },
          cts.token,
        );
      } finally {
        sub.dispose();
      }
    },
  );
}

/** The single folder, or the one the user picks; undefined (with a message) when there is none. */
async function chooseFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  if (folders.length === 0) {
    void vscode.window.showInformationMessage('Char LSTM: open a folder first. Retrain on Workspace trains on the files of a local workspace folder.');
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Retrain on the files of which folder?' });
}

function stringList(v: unknown): string[] | undefined {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').map((x) => x.trim()).filter(Boolean) : undefined;
}

function report(outcome: RetrainOutcome, log: Logger): void {
  switch (outcome.kind) {
    case 'empty':
      log.warn(`retrain: ${outcome.message}`);
      void vscode.window.showWarningMessage(`Char LSTM: nothing to train on. ${outcome.message}`);
      break;
    case 'cancelled':
      log.info('retrain: cancelled; the model in use is unchanged');
      void vscode.window.showInformationMessage('Char LSTM: retraining cancelled; the model in use is unchanged.');
      break;
    case 'failed':
      log.error(`retrain: ${outcome.message}`);
      void vscode.window.showErrorMessage(`Char LSTM: retraining failed: ${outcome.message}`);
      break;
    case 'done':
      void vscode.window.showInformationMessage(`Char LSTM: ${outcome.message}`);
      break;
  }
}
