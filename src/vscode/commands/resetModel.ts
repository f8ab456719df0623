/**
 * "Char LSTM: Reset to Default Model": forgets this workspace's trained model (file and
 * memory) and loads the next best one. When charLstm.modelPath is set, it offers to clear
 * that too, so that the embedded default is really what is used.
 */
import * as vscode from 'vscode';
import { Logger, oneLine } from '../logic/log';
import type { ModelService } from '../logic/models';
import { SECTION } from '../logic/settings';
import { SettingsService, targetOf } from '../settings';
import { CMD } from './ids';

export function registerResetModel(deps: { models: ModelService; settings: SettingsService; log: Logger }): vscode.Disposable {
  return vscode.commands.registerCommand(CMD.resetModel, async (): Promise<string | undefined> => {
    try {
      const hadWorkspaceModel = deps.models.workspaceModelPath() !== undefined;
      if (hadWorkspaceModel) await deps.models.resetWorkspaceModel();
      const modelPath = deps.settings.global.modelPath;
      if (modelPath) {
        const clear = 'Clear charLstm.modelPath';
        const pick = await vscode.window.showInformationMessage(
          `Char LSTM: ${hadWorkspaceModel ? "forgot this workspace's trained model. " : ''}charLstm.modelPath is set (${modelPath}); clear it to use the embedded default model?`,
          clear,
        );
        if (pick === clear) {
          const config = vscode.workspace.getConfiguration(SECTION);
          await config.update('modelPath', undefined, targetOf(config, 'modelPath').target);
          await deps.models.reload('charLstm.modelPath cleared');
        }
      }
      const label = deps.models.active?.info.label;
      const msg = label ? `Char LSTM: now using the ${label} model.` : 'Char LSTM: no model is available.';
      if (!modelPath) void vscode.window.showInformationMessage(hadWorkspaceModel ? msg : `Char LSTM: this workspace has no trained model; ${msg.slice('Char LSTM: '.length)}`);
      return label;
    } catch (e) {
      deps.log.error(`reset failed: ${oneLine(e)}`);
      void vscode.window.showErrorMessage(`Char LSTM: could not reset the model: ${oneLine(e)}`);
      return undefined;
    }
  });
}
