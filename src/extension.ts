/**
 * Extension entry point: activate/deactivate only. It builds the objects, wires them and
 * hands every disposable to the context. The inline completion provider is registered
 * first, before any model loads (it answers nothing until a model is ready); the model
 * loads in the background. A failure to activate is shown to the user once.
 *
 * Readiness, for end-to-end tests: the status bar reads `Char LSTM ✓ <model>` and the log
 * (output channel "Char LSTM") gets `ready: model <label> (<path>) loaded in N ms`; the
 * hidden command `charLstm.status` returns the state as JSON.
 */
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { LstmCompletionEngine } from './engine/engine';
import type { CompletionEngine } from './engine/types';
import { defaultModelPath } from './runtime/defaultModel';
import { CMD } from './vscode/commands/ids';
import { registerPreviewTemperature } from './vscode/commands/previewTemperature';
import { registerResetModel } from './vscode/commands/resetModel';
import { registerRetrain } from './vscode/commands/retrain';
import { registerShowCommands } from './vscode/commands/showCommands';
import { registerShowLog } from './vscode/commands/showLog';
import { registerShowModelInfo } from './vscode/commands/showModelInfo';
import { registerStatus } from './vscode/commands/status';
import { registerToggle } from './vscode/commands/toggle';
import { DOCUMENT_SELECTOR, InlineProvider } from './vscode/inlineProvider';
import { createLog } from './vscode/log';
import { oneLine } from './vscode/logic/log';
import { ModelService, StoredModel } from './vscode/logic/models';
import { resolveModelPath, SECTION } from './vscode/logic/settings';
import { SettingsService } from './vscode/settings';
import { StatusBar } from './vscode/statusBar';

const WORKSPACE_MODEL_KEY = 'charLstm.workspaceModel';

export function activate(context: vscode.ExtensionContext): void {
  const started = Date.now();
  const log = createLog();
  context.subscriptions.push(log);
  try {
    const settings = new SettingsService(log);
    const statusBar = new StatusBar(CMD.showCommands, settings.global.enable);
    context.subscriptions.push(settings, statusBar);

    let engine: CompletionEngine | undefined;
    const provider = new InlineProvider({ engine: () => engine, settings, log });
    const warmActive = () => {
      const editor = vscode.window.activeTextEditor;
      if (editor) provider.warm(editor.document, editor.selection.active);
    };
    context.subscriptions.push(
      vscode.languages.registerInlineCompletionItemProvider(DOCUMENT_SELECTOR, provider),
      vscode.window.onDidChangeActiveTextEditor(warmActive),
      vscode.workspace.onDidCloseTextDocument((d) => {
        const id = d.uri.toString();
        engine?.forget(id);
        provider.forget(id);
      }),
    );

    const storageDir = localPath(context.storageUri);
    const firstFolder = () => vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath;
    const models = new ModelService({
      defaultPath: defaultModelPath,
      modelPath: () =>
        resolveModelPath(settings.global.modelPath, { home: os.homedir(), workspaceFolder: firstFolder(), isAbsolute: path.isAbsolute, join: path.join }),
      store: {
        dir: storageDir,
        get: () => context.workspaceState.get<StoredModel>(WORKSPACE_MODEL_KEY),
        set: (v) => context.workspaceState.update(WORKSPACE_MODEL_KEY, v),
      },
      log,
      warn: (m) => void vscode.window.showWarningMessage(m),
      onSwap: (model) => {
        if (engine) engine.setModel(model);
        else engine = new LstmCompletionEngine(model);
        warmActive();
      },
    });
    context.subscriptions.push({ dispose: () => models.dispose() });
    context.subscriptions.push(models.onDidChange(() => statusBar.update(models.state)));

    context.subscriptions.push(
      settings.onDidChange((e) => {
        statusBar.update({ enabled: settings.global.enable });
        if (e.affectsConfiguration(`${SECTION}.modelPath`)) void onModelPathChanged(models, settings.global.modelPath !== '', log);
      }),
    );

    context.subscriptions.push(
      registerRetrain({ storageDir, settings, models, statusBar, log, cliPath: context.asAbsolutePath(path.join('out', 'cli.js')), defaultPath: defaultModelPath }),
      registerToggle({ settings }),
      registerResetModel({ models, settings, log }),
      registerShowModelInfo({ statusBar, log }),
      registerPreviewTemperature({ engine: () => engine, settings, log }),
      registerShowLog({ log }),
      registerShowCommands(),
      registerStatus({ statusBar }),
    );

    log.info(`activated in ${Date.now() - started} ms (VS Code ${vscode.version}, ${process.platform}-${process.arch}); loading the model...`);
    void models.reload('startup').catch((e) => log.error(`loading the model failed: ${oneLine(e)}`));
  } catch (e) {
    log.error(`activation failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    void vscode.window.showErrorMessage(`Char LSTM failed to start: ${oneLine(e)}`, 'Show Log').then((pick) => {
      if (pick) log.show();
    });
  }
}

/**
 * A storage URI as a path on the extension host's file system. The extension host sees
 * `file:` URIs (desktop, and the server side of code-server); `vscode-userdata:` names the
 * same local folders.
 */
function localPath(uri: vscode.Uri | undefined): string | undefined {
  return uri && (uri.scheme === 'file' || uri.scheme === 'vscode-userdata') ? uri.fsPath : undefined;
}

/** charLstm.modelPath changed: load it, or say why the workspace model still wins. */
async function onModelPathChanged(models: ModelService, isSet: boolean, log: vscode.LogOutputChannel): Promise<void> {
  try {
    if (isSet && models.active?.info.kind === 'workspace') {
      const use = 'Use charLstm.modelPath';
      const pick = await vscode.window.showInformationMessage(
        "Char LSTM: this workspace uses its own retrained model, which takes precedence over charLstm.modelPath.",
        use,
      );
      if (pick === use) await models.resetWorkspaceModel();
      return;
    }
    await models.reload('charLstm.modelPath changed');
  } catch (e) {
    log.error(`switching models failed: ${oneLine(e)}`);
  }
}

export function deactivate(): void {
  // Everything, the training child process included, is disposed through context.subscriptions.
}
