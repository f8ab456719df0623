/** "Char LSTM: Show Log": reveals the output channel. */
import * as vscode from 'vscode';
import { CMD } from './ids';

export function registerShowLog(deps: { log: vscode.LogOutputChannel }): vscode.Disposable {
  return vscode.commands.registerCommand(CMD.showLog, () => deps.log.show(true));
}
