/** The extension's log: a LogOutputChannel named "Char LSTM" (its level follows "Developer: Set Log Level"). */
import * as vscode from 'vscode';

export const LOG_NAME = 'Char LSTM';

export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel(LOG_NAME, { log: true });
}
