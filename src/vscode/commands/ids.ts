/** Command ids (package.json `contributes.commands` declares the same; a test checks). No `vscode` import. */
export const CMD = {
  retrain: 'charLstm.retrain',
  toggle: 'charLstm.toggle',
  resetModel: 'charLstm.resetModel',
  showModelInfo: 'charLstm.showModelInfo',
  previewTemperature: 'charLstm.previewTemperature',
  showLog: 'charLstm.showLog',
  /** Hidden from the palette: the status bar's click target. */
  showCommands: 'charLstm.showCommands',
  /** Hidden from the palette: JSON state for tests and tools. */
  status: 'charLstm.status',
} as const;

/** What the status bar's quick pick offers, in order. */
export const MENU: ReadonlyArray<{ id: string; label: string; detail: string }> = [
  { id: CMD.toggle, label: 'Toggle', detail: 'Turn ghost-text completions on or off' },
  { id: CMD.retrain, label: 'Retrain on Workspace', detail: 'Fit the model to this workspace in a background process' },
  { id: CMD.previewTemperature, label: 'Preview Temperature', detail: 'Samples for the current context at several temperatures' },
  { id: CMD.showModelInfo, label: 'Show Model Info', detail: 'The model in use, its size and validation bits per character' },
  { id: CMD.resetModel, label: 'Reset to Default Model', detail: "Forget this workspace's trained model" },
  { id: CMD.showLog, label: 'Show Log', detail: 'The Char LSTM output channel' },
];
