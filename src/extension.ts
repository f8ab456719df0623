/**
 * Extension entry point: activate/deactivate only. For now it opens its log; the
 * completion provider, settings and commands arrive with a later issue.
 */
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Char LSTM Complete', { log: true });
  context.subscriptions.push(log);
  log.info('Char LSTM Complete activated');
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
