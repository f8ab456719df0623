/**
 * The training loop: consecutive chunks of each file with the state carried between them
 * (truncated BPTT), one ONNX train-step run per step, global-norm clipping, Adam, a
 * learning-rate schedule, a time budget, validation bpc before and after, checkpoints
 * that resume, and an atomic export.
 */
import * as fs from 'fs';
import * as crypto from 'crypto';
import { CharModel } from '../src/runtime/onnxModel';
import { ModelError } from '../src/runtime/validate';
import type { TrainingInfo } from '../src/model/contract';
import { resolveModelSpec } from '../src/runtime/defaultModel';
import { defaultCodeVocab, Vocab } from '../src/model/vocab';
import { evaluate } from '../src/engine/evaluate';
import { collectCorpus, describeCorpus, emptyCorpusMessage, formatChars, Corpus } from './corpus';
import { trainValSplit } from './split';
import { buildInferenceModel } from './graph/inference';
import { DEFAULT_CONFIG, TrainConfig } from './config';
import { initParams, Params, Shape, widenParams } from './params';
import { Adam, clipGradNorm, learningRate, TailAverage } from './optim';
import { Batcher } from './batcher';
import { TrainSession } from './trainSession';
import { checkWritable, exportModel, importParams } from './modelIO';
import { loadCheckpoint, saveCheckpoint } from './checkpoint';

/** Bad input (empty corpus, unusable --from, unwritable --out): the CLI exits 2. */
export class TrainInputError extends Error {
  override name = 'TrainInputError';
}

export interface TrainProgress {
  phase: 'corpus' | 'eval-before' | 'train' | 'eval-after' | 'export';
  step: number;
  loss: number;
  charsPerSec: number;
  elapsedSec: number;
  remainingSec: number;
  fraction: number;
  valBpc?: number;
  message?: string;
}

export interface TrainRequest {
  root: string;
  out: string;
  /** 'default', 'scratch' or a model file path. */
  from: string;
  config?: Partial<TrainConfig>;
  /** Shape options given explicitly (an error when they disagree with --from). */
  explicitShape?: Partial<Shape>;
  exclude?: string[];
  /** The command line, recorded in the model's `char_lstm.training` metadata. */
  command?: string;
  /** Checkpoint file; default `<out>.ckpt`. */
  checkpoint?: string;
  onProgress?: (p: TrainProgress) => void;
  log?: (line: string) => void;
  signal?: AbortSignal;
}

export interface TrainResult {
  chars_per_s: number;
  steps: number;
  train_chars: number;
  val_chars: number;
  val_bpc_before: number;
  val_bpc_after: number;
  /** Validation bpc of the last step's parameters, when a tail average was compared with them. */
  val_bpc_last?: number;
  /** Steps in the tail average, when the written model is that average (else 0). */
  averaged_steps: number;
  seconds: number;
  out: string;
  resumed_from_step?: number;
}

interface Start {
  params: Params;
  vocab: string[];
  label: string;
  /** The starting model's own `char_lstm.training` record, when it has one. */
  training?: TrainingInfo;
}

/**
 * The lineage of a model: the starting model's record (without its own history) appended
 * to its history, so a model fine-tuned several times says how every stage was trained.
 */
export function trainingHistory(prev: TrainingInfo | undefined): { history: TrainingInfo[]; minutes: number } {
  if (!prev) return { history: [], minutes: 0 };
  const { history, ...own } = prev as TrainingInfo & { history?: unknown };
  const earlier = Array.isArray(history) ? (history as TrainingInfo[]) : [];
  const list = [...earlier, own];
  return { history: list, minutes: list.reduce((a, h) => a + (typeof h.minutes === 'number' ? h.minutes : 0), 0) };
}

async function startingPoint(from: string, cfg: TrainConfig, explicit: Partial<Shape>): Promise<Start> {
  if (from === 'scratch') {
    const vocab = defaultCodeVocab();
    const shape = { vocab: vocab.length, embed: cfg.embed, layers: cfg.layers, hidden: cfg.hidden };
    return { params: initParams(shape, cfg.seed), vocab, label: 'scratch' };
  }
  const spec = resolveModelSpec(from);
  if (!spec.path) throw new TrainInputError(`--from default: ${spec.error}`);
  let bytes: Uint8Array;
  try {
    bytes = await fs.promises.readFile(spec.path);
  } catch (e) {
    throw new TrainInputError(`cannot read --from model ${spec.path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let imp;
  try {
    imp = importParams(bytes, spec.path);
  } catch (e) {
    throw new TrainInputError((e as Error).message);
  }
  const s = imp.params.shape;
  const label = from === 'default' ? 'default' : spec.path;
  if (explicit.hidden !== undefined && explicit.hidden > s.hidden) {
    // Growing a trained model: same function, more units to learn with.
    const others = (['layers', 'embed'] as const).filter((k) => explicit[k] !== undefined && explicit[k] !== s[k]);
    if (others.length > 0) {
      throw new TrainInputError(
        `--${others[0]} ${explicit[others[0]]} disagrees with the --from model (${s.layers} layers x ${s.hidden}, embedding ${s.embed}); only --hidden can grow a trained model`,
      );
    }
    return { params: widenParams(imp.params, explicit.hidden, cfg.seed), vocab: imp.vocab, label: `${label} widened to ${explicit.hidden}`, training: imp.training };
  }
  for (const key of ['layers', 'hidden', 'embed'] as const) {
    if (explicit[key] !== undefined && explicit[key] !== s[key]) {
      throw new TrainInputError(
        `--${key} ${explicit[key]} disagrees with the --from model (${s.layers} layers x ${s.hidden}, embedding ${s.embed}); fine-tuning keeps the starting model's shape (a larger --hidden grows it)`,
      );
    }
  }
  return { params: imp.params, vocab: imp.vocab, label, training: imp.training };
}

/** Bits per character of parameters `p` on the validation texts, as the trainer reports it. */
export async function valBpc(p: Params, vocab: readonly string[], val: string[]): Promise<number> {
  if (val.join('').length === 0) return NaN;
  const m = await CharModel.fromBytes(buildInferenceModel(p, { vocab }), 'model in training', { threads: 2 });
  try {
    return (await evaluate(m, val, { batchSize: 32, chunkSteps: 256 })).bpc;
  } finally {
    await m.release();
  }
}

function fingerprint(corpus: Corpus, vocab: readonly string[], cfg: TrainConfig, from: string): string {
  const h = crypto.createHash('sha256');
  h.update(JSON.stringify({ vocab, batch: cfg.batch, seq: cfg.seq, seed: cfg.seed, from }));
  for (const f of corpus.files) h.update(`${f.path}\0${f.text.length}\0${f.split}\n`);
  return h.digest('hex').slice(0, 32);
}

export async function train(req: TrainRequest): Promise<TrainResult> {
  const cfg: TrainConfig = { ...DEFAULT_CONFIG, ...req.config };
  const log = req.log ?? (() => undefined);
  const report = req.onProgress ?? (() => undefined);
  const t0 = Date.now();
  try {
    await checkWritable(req.out);
  } catch (e) {
    throw new TrainInputError((e as Error).message);
  }
  const start = await startingPoint(req.from, cfg, req.explicitShape ?? {});
  const shape = start.params.shape;

  report({ phase: 'corpus', step: 0, loss: NaN, charsPerSec: 0, elapsedSec: 0, remainingSec: NaN, fraction: 0 });
  let corpus: Corpus;
  try {
    corpus = await collectCorpus(req.root, { exclude: req.exclude, valFraction: cfg.valFraction, signal: req.signal });
  } catch (e) {
    if (req.signal?.aborted) throw e;
    throw new TrainInputError((e as Error).message);
  }
  if (corpus.files.length === 0) throw new TrainInputError(emptyCorpusMessage(corpus));
  log(describeCorpus(corpus));
  const { train: trainTexts, val } = trainValSplit(corpus.files, cfg.valMaxChars);
  const vocab = new Vocab(start.vocab);
  const seqs = trainTexts.map((t) => {
    const enc = vocab.encode(t);
    const s = new Int32Array(enc.length + 1);
    s[0] = vocab.startToken;
    s.set(enc, 1);
    return s;
  });
  const trainChars = seqs.reduce((a, s) => a + s.length - 1, 0);
  const valChars = val.reduce((a, t) => a + [...t].length, 0);
  if (trainChars === 0) throw new TrainInputError(emptyCorpusMessage(corpus));
  log(`Training on ${formatChars(trainChars)} characters; validation: ${formatChars(valChars)} characters from ${val.length} held-out file${val.length === 1 ? '' : 's'}.`);

  const params = start.params;
  const fp = fingerprint(corpus, start.vocab, cfg, start.label);
  const ckFile = req.checkpoint ?? `${req.out}.ckpt`;
  const ck = await loadCheckpoint(ckFile);
  const resume = ck && ck.header.fingerprint === fp && ck.params.length === params.count ? ck : undefined;
  if (ck && !resume) log(`ignoring checkpoint ${ckFile}: it belongs to another corpus, shape or setting`);
  const adam = new Adam(params.count, { beta1: cfg.beta1, beta2: cfg.beta2, eps: 1e-8, weightDecay: cfg.weightDecay }, resume ? { m: resume.m, v: resume.v, t: resume.header.adamT } : undefined);
  const batcher = new Batcher(seqs, cfg.batch, cfg.seq, cfg.seed, resume?.header.batcher);
  let step = resume?.header.step ?? 0;
  let elapsedBefore = resume?.header.elapsedSec ?? 0;
  let trainedChars = resume?.header.trainedChars ?? 0;
  let valBpcBefore: number;
  const avg = new TailAverage(params.count, resume?.avg && resume.header.avgCount ? { mean: resume.avg, count: resume.header.avgCount } : undefined);
  if (resume) {
    params.flat.set(resume.params);
    valBpcBefore = resume.header.valBpcBefore;
    log(`resuming from checkpoint ${ckFile} at step ${step} (${Math.round(elapsedBefore)} s trained)`);
  } else {
    report({ phase: 'eval-before', step: 0, loss: NaN, charsPerSec: 0, elapsedSec: 0, remainingSec: NaN, fraction: 0 });
    valBpcBefore = await valBpc(params, start.vocab, val);
  }

  const session = await TrainSession.create(shape, { threads: cfg.threads });
  const stateSize = shape.layers * cfg.batch * shape.hidden;
  let h = new Float32Array(stateSize);
  let c = new Float32Array(stateSize);
  const grads = new Float32Array(params.count);
  const budgetSec = cfg.minutes * 60;
  const loopStart = Date.now();
  let lastCk = Date.now();
  let lastReport = 0;
  let emaLoss = NaN;
  let charsThisRun = 0;
  const schedule = { peak: cfg.lr, warmup: cfg.warmup, floor: cfg.lrFloor };
  const progressOf = (elapsed: number) => (cfg.steps !== undefined ? step / cfg.steps : elapsed / budgetSec);
  const checkpoint = async (elapsed: number) =>
    saveCheckpoint(ckFile, {
      header: { shape, vocab: start.vocab, step, elapsedSec: elapsed, adamT: adam.t, batcher: batcher.state, fingerprint: fp, valBpcBefore, from: start.label, trainedChars, avgCount: avg.count },
      params: params.flat,
      m: adam.m,
      v: adam.v,
      avg: avg.mean,
    });
  try {
    for (;;) {
      const elapsed = elapsedBefore + (Date.now() - loopStart) / 1000;
      if (progressOf(elapsed) >= 1 || req.signal?.aborted) break;
      const b = batcher.next();
      // Rows that start a new file start from zero state in every layer.
      for (let r = 0; r < cfg.batch; r++) {
        if (!b.reset[r]) continue;
        for (let l = 0; l < shape.layers; l++) {
          const off = (l * cfg.batch + r) * shape.hidden;
          h.fill(0, off, off + shape.hidden);
          c.fill(0, off, off + shape.hidden);
        }
      }
      const res = await session.step(params, b, h, c, grads);
      if (!Number.isFinite(res.loss)) throw new Error(`training diverged at step ${step} (loss ${res.loss}); try a lower learning rate`);
      h = res.h.slice();
      c = res.c.slice();
      clipGradNorm(grads, cfg.clip);
      adam.step(params.flat, grads, learningRate(progressOf(elapsed), schedule));
      step++;
      if (cfg.averageTail > 0 && progressOf(elapsed) >= 1 - cfg.averageTail) avg.add(params.flat);
      trainedChars += b.chars;
      charsThisRun += b.chars;
      emaLoss = Number.isNaN(emaLoss) ? res.loss : 0.95 * emaLoss + 0.05 * res.loss;
      const now = Date.now();
      if (now - lastReport > 500) {
        lastReport = now;
        const runSec = (now - loopStart) / 1000;
        const el = elapsedBefore + runSec;
        const frac = Math.min(1, progressOf(el));
        report({
          phase: 'train',
          step,
          loss: emaLoss / Math.LN2,
          charsPerSec: charsThisRun / runSec,
          elapsedSec: el,
          remainingSec: cfg.steps !== undefined ? (runSec / Math.max(1, charsThisRun)) * (cfg.steps - step) * cfg.batch * cfg.seq : Math.max(0, budgetSec - el),
          fraction: frac,
        });
      }
      if (now - lastCk > cfg.checkpointEverySec * 1000) {
        lastCk = now;
        await checkpoint(elapsedBefore + (now - loopStart) / 1000);
      }
    }
  } finally {
    await session.release();
  }
  const trainSec = (Date.now() - loopStart) / 1000;
  if (req.signal?.aborted) {
    await checkpoint(elapsedBefore + trainSec);
    throw new Error(`training cancelled at step ${step}; ${req.out} was not changed (checkpoint kept in ${ckFile})`);
  }
  report({ phase: 'eval-after', step, loss: emaLoss / Math.LN2, charsPerSec: charsThisRun / Math.max(trainSec, 1e-9), elapsedSec: elapsedBefore + trainSec, remainingSec: 0, fraction: 1 });
  let valBpcAfter = await valBpc(params, start.vocab, val);
  // The tail average replaces the last step's parameters only when it validates better.
  let valBpcLast: number | undefined;
  let averagedSteps = 0;
  if (avg.count >= 2) {
    const averaged = new Params(shape, avg.mean);
    const valAvg = await valBpc(averaged, start.vocab, val);
    valBpcLast = valBpcAfter;
    log(`validation: last step ${valBpcAfter.toFixed(4)}, mean of the last ${avg.count} steps ${valAvg.toFixed(4)} bits/char`);
    if (valAvg < valBpcAfter) {
      params.flat.set(avg.mean);
      valBpcAfter = valAvg;
      averagedSteps = avg.count;
    }
  }
  report({ phase: 'export', step, loss: emaLoss / Math.LN2, charsPerSec: 0, elapsedSec: elapsedBefore + trainSec, remainingSec: 0, fraction: 1, valBpc: valBpcAfter });
  const totalMinutes = (elapsedBefore + trainSec) / 60;
  const lineage = trainingHistory(start.training);
  await exportModel(params, start.vocab, {
    ...(req.command ? { command: req.command } : {}),
    files: corpus.files.length,
    characters: trainChars,
    trained_characters: trainedChars,
    steps: step,
    minutes: Math.round(totalMinutes * 100) / 100,
    from: start.label,
    val_bpc: Math.round(valBpcAfter * 10000) / 10000,
    val_bpc_before: Math.round(valBpcBefore * 10000) / 10000,
    ...(valBpcLast !== undefined ? { val_bpc_last: Math.round(valBpcLast * 10000) / 10000, averaged_steps: averagedSteps } : {}),
    shape: { layers: shape.layers, hidden: shape.hidden, embed: shape.embed },
    batch: cfg.batch,
    seq: cfg.seq,
    seed: cfg.seed,
    date: new Date().toISOString(),
    ...(lineage.history.length > 0
      ? { total_minutes: Math.round((totalMinutes + lineage.minutes) * 100) / 100, history: lineage.history }
      : {}),
  }, req.out);
  await fs.promises.rm(ckFile, { force: true });
  return {
    chars_per_s: Math.round(charsThisRun / Math.max(trainSec, 1e-9)),
    steps: step,
    train_chars: trainChars,
    val_chars: valChars,
    val_bpc_before: valBpcBefore,
    val_bpc_after: valBpcAfter,
    ...(valBpcLast !== undefined ? { val_bpc_last: valBpcLast } : {}),
    averaged_steps: averagedSteps,
    seconds: Math.round((Date.now() - t0) / 100) / 10,
    out: req.out,
    resumed_from_step: resume?.header.step,
  };
}

export { ModelError };
