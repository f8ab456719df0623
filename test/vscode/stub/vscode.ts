/**
 * A minimal stand-in for the `vscode` module: just what src/extension.ts and src/vscode/
 * use, recording what the extension does. For the activation test only; the real editor
 * is tested end to end (issue 6).
 */
type Listener = (e: any) => void;

export const recorded = {
  logs: [] as string[],
  messages: [] as string[],
  commands: new Map<string, (...a: any[]) => any>(),
  providers: [] as Array<{ selector: unknown; provider: any }>,
  statusItems: [] as any[],
  config: {} as Record<string, unknown>,
  configListeners: [] as Listener[],
  order: [] as string[],
  reset(): void {
    this.logs.length = 0;
    this.messages.length = 0;
    this.commands.clear();
    this.providers.length = 0;
    this.statusItems.length = 0;
    this.config = {};
    this.configListeners.length = 0;
    this.order.length = 0;
  },
  /** Simulates a settings change of `key` (e.g. `charLstm.temperature`). */
  set(key: string, value: unknown): void {
    this.config[key] = value;
    const e = { affectsConfiguration: (s: string) => key === s || key.startsWith(`${s}.`) };
    for (const l of [...this.configListeners]) l(e);
  },
};

export class Disposable {
  constructor(private readonly fn?: () => void) {}
  dispose(): void {
    this.fn?.();
  }
  static from(...ds: Array<{ dispose(): unknown }>): Disposable {
    return new Disposable(() => ds.forEach((d) => d.dispose()));
  }
}

export class EventEmitter<T> {
  private readonly ls: Array<(e: T) => void> = [];
  event = (l: (e: T) => void) => {
    this.ls.push(l);
    return new Disposable(() => this.ls.splice(this.ls.indexOf(l), 1));
  };
  fire(e: T): void {
    for (const l of [...this.ls]) l(e);
  }
  dispose(): void {
    this.ls.length = 0;
  }
}

export class Position {
  constructor(readonly line: number, readonly character: number) {}
}
export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: number, b: number, c: number, d: number) {
    this.start = new Position(a, b);
    this.end = new Position(c, d);
  }
}
export class InlineCompletionItem {
  constructor(readonly insertText: string, readonly range: Range) {}
}
export class ThemeColor {
  constructor(readonly id: string) {}
}
export class CancellationTokenSource {
  private readonly ls: Array<() => void> = [];
  token = {
    isCancellationRequested: false,
    onCancellationRequested: (l: () => void) => {
      this.ls.push(l);
      return new Disposable();
    },
  };
  cancel(): void {
    this.token.isCancellationRequested = true;
    this.ls.forEach((l) => l());
  }
  dispose(): void {}
}
export const StatusBarAlignment = { Left: 1, Right: 2 };
export const ConfigurationTarget = { Global: 1, Workspace: 2, WorkspaceFolder: 3 };
export const ProgressLocation = { SourceControl: 1, Window: 10, Notification: 15 };
export const version = '1.139.0-stub';

const channel = (name: string) => {
  const at = (level: string) => (m: unknown) => recorded.logs.push(`${level}: ${m instanceof Error ? m.message : String(m)}`);
  return { name, trace: at('trace'), debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), show() {}, dispose() {} };
};

export const window = {
  createOutputChannel: (name: string) => channel(name),
  createStatusBarItem: (id: string) => {
    const item = { id, text: '', tooltip: '', show() {}, dispose() {} };
    recorded.statusItems.push(item);
    return item;
  },
  showWarningMessage: async (m: string) => void recorded.messages.push(`warning: ${m}`),
  showInformationMessage: async (m: string) => void recorded.messages.push(`info: ${m}`),
  showErrorMessage: async (m: string) => void recorded.messages.push(`error: ${m}`),
  setStatusBarMessage: () => new Disposable(),
  withProgress: async (_o: unknown, task: (p: unknown, t: unknown) => Promise<unknown>) =>
    task({ report() {} }, new CancellationTokenSource().token),
  activeTextEditor: undefined,
  onDidChangeActiveTextEditor: () => new Disposable(),
};

export const workspace = {
  workspaceFolders: undefined as unknown,
  getWorkspaceFolder: () => undefined,
  onDidChangeConfiguration: (l: Listener) => {
    recorded.configListeners.push(l);
    return new Disposable();
  },
  onDidCloseTextDocument: () => new Disposable(),
  textDocuments: [] as unknown[],
  getConfiguration: (section: string) => ({
    get: (k: string) => recorded.config[`${section}.${k}`],
    inspect: (k: string) => ({ globalValue: recorded.config[`${section}.${k}`] }),
    update: async (k: string, v: unknown) => recorded.set(`${section}.${k}`, v),
  }),
};

export const languages = {
  registerInlineCompletionItemProvider: (selector: unknown, provider: unknown) => {
    recorded.order.push('provider');
    recorded.providers.push({ selector, provider });
    return new Disposable();
  },
};

export const commands = {
  registerCommand: (id: string, fn: (...a: any[]) => any) => {
    recorded.commands.set(id, fn);
    return new Disposable(() => recorded.commands.delete(id));
  },
  executeCommand: async (id: string, ...a: any[]) => recorded.commands.get(id)?.(...a),
};
