/**
 * "Char LSTM: Preview Temperature": samples for the text before the cursor at several
 * temperatures, side by side in a quick pick, with the rest of the user's settings as
 * they are (so each line is what the ghost text would be at that temperature). Picking
 * one sets charLstm.temperature where it is set now.
 */
import * as vscode from 'vscode';
import type { CompletionEngine } from '../../engine/types';
import { docLike } from '../inlineProvider';
import { Logger, oneLine } from '../logic/log';
import { contextTail, previewItem, PreviewSample, previewTemperatures } from '../logic/preview';
import { buildRequest } from '../logic/request';
import { SECTION, toEngineSettings } from '../logic/settings';
import { SettingsService, targetOf } from '../settings';
import { CMD } from './ids';

export function registerPreviewTemperature(deps: { engine(): CompletionEngine | undefined; settings: SettingsService; log: Logger }): vscode.Disposable {
  return vscode.commands.registerCommand(CMD.previewTemperature, async (): Promise<number | undefined> => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage('Char LSTM: open a file and put the cursor where you want to see samples.');
      return undefined;
    }
    const engine = deps.engine();
    if (!engine) {
      void vscode.window.showInformationMessage('Char LSTM: no model is loaded yet.');
      return undefined;
    }
    const doc = editor.document;
    const settings = deps.settings.forDocument(doc);
    const plan = buildRequest(docLike(doc), editor.selection.active, undefined, settings.maxContextChars);
    if (!plan) return undefined;
    const samples: PreviewSample[] = [];
    try {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Char LSTM: sampling' }, async () => {
        for (const t of previewTemperatures(settings.temperature)) {
          const s = await engine.suggest(plan.request, { ...toEngineSettings(settings), temperature: t });
          samples.push({ temperature: t, text: s?.text, meanLogProb: s?.meanLogProb });
        }
      });
    } catch (e) {
      deps.log.error(`preview failed: ${oneLine(e)}`);
      void vscode.window.showErrorMessage(`Char LSTM: could not sample: ${oneLine(e)}`);
      return undefined;
    }
    const items = samples.map((s) => previewItem(s, settings.temperature));
    const pick = await vscode.window.showQuickPick(items, {
      title: `Char LSTM: samples after "${contextTail(plan.request.prefix)}"`,
      placeHolder: 'Pick a temperature to use it (charLstm.temperature); Escape keeps the current one',
      matchOnDescription: true,
    });
    if (!pick) return undefined;
    const config = vscode.workspace.getConfiguration(SECTION, { uri: doc.uri, languageId: doc.languageId });
    const where = targetOf(config, 'temperature');
    await config.update('temperature', pick.temperature, where.target, where.overrideInLanguage);
    vscode.window.setStatusBarMessage(`Char LSTM: temperature ${pick.temperature}`, 3000);
    return pick.temperature;
  });
}
