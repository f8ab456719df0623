/**
 * "Retrain on Workspace" without the UI: scan the folder with the trainer's filters, train
 * in a child process, validate the result, compare it with the model in use on the same
 * held-out text, and adopt it only when it is better. Never imports `vscode`: the command
 * (src/vscode/commands/retrain.ts) supplies the progress notification and the messages.
 *
 * Comparison on the SAME held-out text: when the run fine-tunes the model in use, the
 * trainer measures it (`val_bpc_before`) and the new model (`val_bpc_after`) on its
 * validation split in one process. Otherwise (training from the default while a workspace
 * model or charLstm.modelPath is in use, a model this trainer cannot fine-tune, or the
 * model in use changed meanwhile) both models are measured with `char-lstm eval` on the
 * trainer's held-out text (logic/retrain.ts heldOutTexts), written to temporary files.
 */
import * as fs from 'fs';
import * as path from 'path';
import { collectCorpus, Corpus, emptyCorpusMessage } from '../../../training/corpus';
import { DEFAULT_CONFIG } from '../../../training/config';
import { importParams } from '../../../training/modelIO';
import { CharModel } from '../../runtime/onnxModel';
import { Logger, oneLine } from './log';
import type { ModelService } from './models';
import { decideSwap, heldOutTexts, progressMessage, scanShort, scanSummary, trainArgs, TrainArgsInput } from './retrain';
import type { TrainingStatus } from './status';
import { evalBpc, runTraining } from './trainProcess';

export interface RetrainRequest {
  folder: string;
  minutes: number;
  from: 'current' | 'default';
  /** gitignore-style patterns (see excludes.ts). */
  exclude: readonly string[];
  threads?: number;
  steps?: number;
}

export interface RetrainUi {
  /** The progress notification's message (and the fraction done, 0..1, when known). */
  progress(message: string, fraction?: number): void;
  /** The status bar's training part; undefined when training ends. */
  training(status: TrainingStatus | undefined): void;
  /** Once, after the scan: what will be used, as a sentence and in a few words. */
  scanned(summary: string, short: string): void;
}

export interface RetrainDeps {
  /** out/cli.js */
  cliPath: string;
  execPath?: string;
  /** Where temporary and adopted models go (the extension's workspace storage). */
  storageDir: string;
  /** The embedded default model, when installed. */
  defaultPath: string | undefined;
  models: ModelService;
  log: Logger;
}

export type RetrainOutcome =
  | { kind: 'empty'; message: string }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string }
  | { kind: 'done'; swapped: boolean; message: string; newBpc: number; currentBpc: number | undefined };

/** Cancellation as plain data (vscode.CancellationToken fits). */
export interface CancelLike {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

function canFineTune(file: string): boolean {
  try {
    importParams(fs.readFileSync(file), file);
    return true;
  } catch {
    return false;
  }
}

function corpusBytes(c: Corpus): number {
  let n = 0;
  for (const f of c.files) n += Buffer.byteLength(f.text, 'utf8');
  return n;
}

type Scan = { empty: string } | { summary: string; short: string; files: number; heldOut: string[] };

/** The pre-scan: what the trainer will see, without keeping the texts. */
async function scanFolder(req: RetrainRequest, signal: AbortSignal): Promise<Scan> {
  const corpus = await collectCorpus(req.folder, { exclude: [...req.exclude], valFraction: DEFAULT_CONFIG.valFraction, signal });
  if (corpus.files.length === 0) return { empty: emptyCorpusMessage(corpus) };
  const bytes = corpusBytes(corpus);
  return {
    summary: scanSummary(corpus.files.length, bytes, corpus.trainChars + corpus.valChars, req.minutes),
    short: scanShort(corpus.files.length, bytes),
    files: corpus.files.length,
    heldOut: heldOutTexts(corpus.files, DEFAULT_CONFIG.valMaxChars),
  };
}

export async function retrain(req: RetrainRequest, deps: RetrainDeps, ui: RetrainUi, token: CancelLike): Promise<RetrainOutcome> {
  const { log, models } = deps;
  const ac = new AbortController();
  const sub = token.onCancellationRequested(() => ac.abort());
  let tmp: string | undefined;
  try {
    // 1. What will be used (the trainer applies the same filters and split).
    ui.progress('scanning files...');
    let scan: Scan;
    try {
      scan = await scanFolder(req, ac.signal);
    } catch (e) {
      if (token.isCancellationRequested) return { kind: 'cancelled' };
      return { kind: 'failed', message: oneLine(e) };
    }
    if ('empty' in scan) return { kind: 'empty', message: scan.empty };
    log.info(scan.summary);
    ui.scanned(scan.summary, scan.short);
    const fileCount = scan.files;

    // 2. Where to start from.
    const start = models.active;
    let from: string;
    let startsFromActive: boolean;
    // Model files are passed by path (the default one too), so the child needs no lookup of its own.
    if (req.from === 'current' && start && canFineTune(start.info.path)) {
      from = start.info.path;
      startsFromActive = true;
    } else {
      from = deps.defaultPath ?? 'scratch';
      startsFromActive = start !== undefined && start.info.path === deps.defaultPath;
      if (req.from === 'current' && start) log.info(`retrain: ${start.info.path} cannot be fine-tuned by this trainer; starting from ${from}`);
    }

    // 3. Train in a child process.
    await fs.promises.mkdir(deps.storageDir, { recursive: true });
    tmp = await fs.promises.mkdtemp(path.join(deps.storageDir, 'retrain-'));
    const out = path.join(tmp, 'model.onnx');
    const input: TrainArgsInput = { folder: req.folder, out, from, minutes: req.minutes, exclude: req.exclude, threads: req.threads, steps: req.steps };
    const args = trainArgs(input);
    log.info(`retrain: node ${deps.cliPath} ${args.join(' ')}`);
    let lastVal: number | undefined;
    const run = runTraining({
      cliPath: deps.cliPath,
      execPath: deps.execPath,
      args,
      onProgress: (p) => {
        if (p.valBpc !== undefined && Number.isFinite(p.valBpc)) lastVal = p.valBpc;
        ui.progress(progressMessage(p, lastVal), p.fraction);
        ui.training({ fraction: p.fraction, phase: p.phase });
      },
      onLog: (line) => log.info(`trainer: ${line}`),
    });
    const cancelSub = token.onCancellationRequested(() => run.cancel());
    let outcome;
    try {
      if (token.isCancellationRequested) run.cancel();
      outcome = await run.done;
    } finally {
      cancelSub.dispose();
    }
    if (!outcome.ok) {
      if (outcome.cancelled || token.isCancellationRequested) return { kind: 'cancelled' };
      return outcome.exitCode === 2 && /^No trainable files/.test(outcome.message)
        ? { kind: 'empty', message: outcome.message }
        : { kind: 'failed', message: outcome.message };
    }
    const result = outcome.result;
    log.info(`retrain: ${JSON.stringify(result)}`);

    // 4. Validate the new model.
    ui.progress('checking the new model...', 1);
    let fresh: CharModel;
    try {
      fresh = await CharModel.load(result.out);
    } catch (e) {
      return { kind: 'failed', message: `the new model did not pass validation: ${oneLine(e)}` };
    }

    // 5. Compare with the model in use now, on the same held-out text.
    const now = models.active;
    let newBpc = result.val_bpc_after;
    let currentBpc: number | undefined;
    if (!now) currentBpc = undefined;
    else if (startsFromActive && start && now.info.path === start.info.path && now.info.kind === start.info.kind) {
      currentBpc = result.val_bpc_before;
    } else {
      // The trainer's held-out text, written out so that `eval` reads exactly that.
      const heldOutDir = path.join(tmp, 'held-out');
      await fs.promises.mkdir(heldOutDir);
      const files = await Promise.all(
        scan.heldOut.map(async (text, k) => {
          const f = path.join(heldOutDir, `${String(k).padStart(5, '0')}.txt`);
          await fs.promises.writeFile(f, text);
          return f;
        }),
      );
      ui.progress(`measuring the ${now.info.label} model on the same ${files.length} held-out file(s)...`, 1);
      const [a, b] = await Promise.all([
        evalBpc({ cliPath: deps.cliPath, execPath: deps.execPath, model: now.info.path, files }),
        evalBpc({ cliPath: deps.cliPath, execPath: deps.execPath, model: result.out, files }),
      ]);
      if (token.isCancellationRequested) {
        await fresh.release();
        return { kind: 'cancelled' };
      }
      currentBpc = 'bpc' in a ? a.bpc : NaN;
      newBpc = 'bpc' in b ? b.bpc : NaN;
      if ('error' in a) log.warn(`retrain: cannot measure the ${now.info.label} model: ${a.error}`);
      if ('error' in b) log.warn(`retrain: cannot measure the new model: ${b.error}`);
    }
    const decision = decideSwap({ newBpc, currentBpc, currentLabel: now?.info.label ?? 'current', files: fileCount });
    log.info(`retrain: ${decision.message}`);
    if (token.isCancellationRequested) {
      await fresh.release();
      return { kind: 'cancelled' };
    }
    if (decision.swap) await models.adopt(result.out, fresh, { bpc: newBpc, files: fileCount });
    else await fresh.release();
    return { kind: 'done', swapped: decision.swap, message: decision.message, newBpc, currentBpc };
  } finally {
    sub.dispose();
    ui.training(undefined);
    if (tmp) await fs.promises.rm(tmp, { recursive: true, force: true }).catch(() => undefined);
  }
}
