/** The status bar's click target (hidden from the palette): a quick pick of the Char LSTM commands. */
import * as vscode from 'vscode';
import { CMD, MENU } from './ids';

export function registerShowCommands(): vscode.Disposable {
  return vscode.commands.registerCommand(CMD.showCommands, async () => {
    const pick = await vscode.window.showQuickPick(
      MENU.map((m) => ({ label: m.label, detail: m.detail, id: m.id })),
      { title: 'Char LSTM', placeHolder: 'Choose a command' },
    );
    if (pick) await vscode.commands.executeCommand(pick.id);
  });
}
