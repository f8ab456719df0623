/**
 * The status bar item: the model in use and its bpc, whether completions are on, and
 * retraining progress (texts from logic/status.ts). A click opens the Char LSTM commands.
 */
import * as vscode from 'vscode';
import { StatusState, statusText, statusTooltip } from './logic/status';

export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private state: StatusState;

  constructor(clickCommand: string, enabled: boolean) {
    this.item = vscode.window.createStatusBarItem('charLstm.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Char LSTM';
    this.item.command = clickCommand;
    this.state = { phase: 'loading', enabled };
    this.render();
    this.item.show();
  }

  get snapshot(): StatusState {
    return this.state;
  }

  update(patch: Partial<StatusState>): void {
    this.state = { ...this.state, ...patch };
    this.render();
  }

  private render(): void {
    const s = this.state;
    this.item.text = statusText(s);
    this.item.tooltip = statusTooltip(s);
    this.item.accessibilityInformation = { label: statusText(s).replace('✓', 'ready,').replace('✗', 'error:').replace('⊘', '') };
    this.item.backgroundColor = s.phase === 'no-model' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
