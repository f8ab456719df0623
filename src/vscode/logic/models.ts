/**
 * Which model is in use: loads the best candidate (workspace model, charLstm.modelPath,
 * embedded default), falls back with one warning when a candidate is broken, swaps models
 * without a reload, and keeps the workspace model in the extension's storage. Never
 * imports `vscode` (it takes a Memento-like store, a logger and a warn callback), so the
 * tests drive it with real model files.
 *
 * Loads are serialised: a reload requested while another runs waits for it, so two
 * settings changes in a row cannot leave the older model in place.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CharModel } from '../../runtime/onnxModel';
import { describeCandidate, fallbackWarning, ModelCandidate, modelCandidates } from './modelChoice';
import { Logger, oneLine } from './log';
import type { ActiveModelInfo, StatusState } from './status';

/** What workspaceState remembers about the workspace model. */
export interface StoredModel {
  /** File name inside the storage folder. */
  file: string;
  /** Held-out bits per character measured when it was adopted. */
  bpc?: number;
  files?: number;
  date: string;
}

export interface ModelStore {
  /** The extension's storage folder for this workspace (undefined without a workspace). */
  readonly dir: string | undefined;
  get(): StoredModel | undefined;
  set(value: StoredModel | undefined): PromiseLike<void>;
}

export interface ModelServiceDeps {
  defaultPath(): string | undefined;
  /** charLstm.modelPath, resolved to an absolute path, or undefined. */
  modelPath(): string | undefined;
  store: ModelStore;
  log: Logger;
  /** Shows one warning to the user (the adapter uses a warning notification). */
  warn(message: string): void;
  /** Hands a newly active model to the engine. */
  onSwap(model: CharModel): void;
  /** Milliseconds to keep a replaced model alive for requests still using it. */
  releaseDelayMs?: number;
}

export interface Loaded {
  model: CharModel;
  info: ActiveModelInfo;
}

export const WORKSPACE_MODEL_FILE = 'workspace.onnx';

export class ModelService {
  private current: Loaded | undefined;
  private phase: StatusState['phase'] = 'loading';
  private problem: string | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private readonly warned = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private readonly retiring = new Map<NodeJS.Timeout, CharModel>();
  private disposed = false;

  constructor(private readonly deps: ModelServiceDeps) {}

  get active(): Loaded | undefined {
    return this.current;
  }

  get state(): Pick<StatusState, 'phase' | 'model' | 'problem'> {
    return { phase: this.phase, model: this.current?.info, problem: this.problem };
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** The stored workspace model's path, when there is one. */
  workspaceModelPath(): string | undefined {
    const stored = this.deps.store.get();
    const dir = this.deps.store.dir;
    return stored && dir ? path.join(dir, stored.file) : undefined;
  }

  /** Loads the best usable model (no-op when that is the one in use). */
  reload(reason: string): Promise<void> {
    return this.serial(() => this.doReload(reason));
  }

  /**
   * Makes a validated model file the workspace model: moves it into the storage folder
   * (rename, so the switch is atomic), remembers it, and swaps it in.
   */
  adopt(file: string, model: CharModel, meta: { bpc?: number; files?: number }): Promise<void> {
    return this.serial(async () => {
      const dir = this.deps.store.dir;
      if (!dir) throw new Error('there is no storage folder for this workspace');
      await fs.promises.mkdir(dir, { recursive: true });
      const dest = path.join(dir, WORKSPACE_MODEL_FILE);
      await fs.promises.rename(file, dest);
      await this.deps.store.set({ file: WORKSPACE_MODEL_FILE, bpc: meta.bpc, files: meta.files, date: new Date().toISOString() });
      const info = this.infoOf(model, { kind: 'workspace', path: dest, label: 'workspace' }, 0);
      if (meta.bpc !== undefined && Number.isFinite(meta.bpc)) info.bpc = meta.bpc;
      this.swap({ model, info });
      this.deps.log.info(`ready: model ${info.label} (${dest}) adopted after retraining`);
    });
  }

  /** Forgets the workspace model (file and memory) and loads the next best model. */
  resetWorkspaceModel(): Promise<void> {
    return this.serial(async () => {
      const p = this.workspaceModelPath();
      await this.deps.store.set(undefined);
      if (p) await fs.promises.rm(p, { force: true });
      await this.doReload('workspace model reset');
    });
  }

  dispose(): void {
    this.disposed = true;
    for (const [t, m] of this.retiring) {
      clearTimeout(t);
      void m.release().catch(() => undefined);
    }
    this.retiring.clear();
    const c = this.current;
    this.current = undefined;
    if (c) void c.model.release().catch(() => undefined);
    this.listeners.clear();
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.chain.then(task, task);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private candidates(): ModelCandidate[] {
    return modelCandidates({
      workspaceModel: this.workspaceModelPath(),
      modelPath: this.deps.modelPath(),
      defaultPath: this.deps.defaultPath(),
      basename: (p) => path.basename(p),
    });
  }

  private async doReload(reason: string): Promise<void> {
    if (this.disposed) return;
    const list = this.candidates();
    for (let k = 0; k < list.length; k++) {
      const c = list[k];
      if (this.current && this.current.info.path === c.path && this.current.info.kind === c.kind) {
        this.setPhase('ready', undefined);
        return; // already in use
      }
      const t0 = performance.now();
      try {
        const model = await CharModel.load(c.path);
        if (this.disposed) {
          await model.release();
          return;
        }
        const ms = performance.now() - t0;
        const info = this.infoOf(model, c, ms);
        if (c.kind === 'workspace') {
          const stored = this.deps.store.get();
          if (stored?.bpc !== undefined && Number.isFinite(stored.bpc)) info.bpc = stored.bpc;
        }
        this.swap({ model, info });
        this.deps.log.info(`ready: model ${info.label} (${c.path}) loaded in ${Math.round(ms)} ms (${reason})`);
        return;
      } catch (e) {
        const why = oneLine(e);
        this.deps.log.warn(`cannot load ${describeCandidate(c)}: ${why}`);
        if (c.kind === 'workspace') await this.deps.store.set(undefined);
        const key = `${c.kind}\0${c.path}\0${why}`;
        if (!this.warned.has(key)) {
          this.warned.add(key);
          this.deps.warn(fallbackWarning(c, why, list[k + 1], this.current?.info.label));
        }
      }
    }
    if (this.current) return; // every candidate failed but the model in use still works
    const problem = this.deps.defaultPath()
      ? 'no model file could be loaded'
      : 'the embedded default model (models/default.onnx) is not installed and no other model is set';
    this.deps.log.warn(`no model: ${problem}; completions stay off until a model is available`);
    this.setPhase('no-model', problem);
  }

  private infoOf(model: CharModel, c: ModelCandidate, loadMs: number): ActiveModelInfo {
    const training = model.info.training as Record<string, unknown> | undefined;
    const bpc = typeof training?.val_bpc === 'number' ? training.val_bpc : undefined;
    return {
      kind: c.kind,
      label: c.label,
      path: c.path,
      bpc,
      layers: model.layers,
      hidden: model.hidden,
      vocab: model.vocab.size,
      bytes: model.bytes,
      loadMs,
      training,
    };
  }

  private swap(next: Loaded): void {
    const old = this.current;
    this.current = next;
    this.deps.onSwap(next.model);
    this.setPhase('ready', undefined);
    if (old && old.model !== next.model) {
      // Requests already running on the old model finish first.
      const t = setTimeout(() => {
        this.retiring.delete(t);
        void old.model.release().catch(() => undefined);
      }, this.deps.releaseDelayMs ?? 5000);
      t.unref?.();
      this.retiring.set(t, old.model);
    }
  }

  private setPhase(phase: StatusState['phase'], problem: string | undefined): void {
    this.phase = phase;
    this.problem = problem;
    for (const l of [...this.listeners]) {
      try {
        l();
      } catch (e) {
        this.deps.log.error(`model listener failed: ${oneLine(e)}`);
      }
    }
  }
}
