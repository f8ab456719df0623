/**
 * `charLstm.status` (hidden from the palette): the extension's state as JSON, for tests
 * and tools: ready, enabled, model, modelPath, bpc, training, problem and the status text.
 */
import * as vscode from 'vscode';
import { statusJson, StatusJson } from '../logic/status';
import type { StatusBar } from '../statusBar';
import { CMD } from './ids';

export function registerStatus(deps: { statusBar: StatusBar }): vscode.Disposable {
  return vscode.commands.registerCommand(CMD.status, (): StatusJson => statusJson(deps.statusBar.snapshot));
}
