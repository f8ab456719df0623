/** "Char LSTM: Toggle": flips charLstm.enable where it is set (user settings by default). */
import * as vscode from 'vscode';
import { SECTION } from '../logic/settings';
import { SettingsService, targetOf } from '../settings';
import { CMD } from './ids';

export function registerToggle(deps: { settings: SettingsService }): vscode.Disposable {
  return vscode.commands.registerCommand(CMD.toggle, async (): Promise<boolean> => {
    const config = vscode.workspace.getConfiguration(SECTION);
    const next = !deps.settings.global.enable;
    await config.update('enable', next, targetOf(config, 'enable').target);
    vscode.window.setStatusBarMessage(`Char LSTM: completions ${next ? 'on' : 'off'}`, 3000);
    return next;
  });
}
