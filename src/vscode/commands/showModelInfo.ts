/** "Char LSTM: Show Model Info": the model in use, its shape, size and validation bpc. */
import * as vscode from 'vscode';
import { Logger } from '../logic/log';
import { modelInfoText } from '../logic/status';
import type { StatusBar } from '../statusBar';
import { CMD } from './ids';

export function registerShowModelInfo(deps: { statusBar: StatusBar; log: Logger }): vscode.Disposable {
  return vscode.commands.registerCommand(CMD.showModelInfo, async (): Promise<string> => {
    const s = deps.statusBar.snapshot;
    if (!s.model) {
      const why = s.phase === 'loading' ? 'the model is still loading' : s.problem ?? 'no model is loaded';
      void vscode.window.showInformationMessage(`Char LSTM: no model in use: ${why}.`);
      return why;
    }
    const text = modelInfoText(s.model);
    deps.log.info(`model info:\n${text}`);
    void vscode.window.showInformationMessage(`Char LSTM: ${s.model.label} model`, { modal: true, detail: text });
    return text;
  });
}
