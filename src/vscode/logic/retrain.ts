/**
 * The decisions and words of "Char LSTM: Retrain on Workspace", as plain functions: the
 * trainer's command line, reading its progress lines, the progress message, and whether
 * the new model replaces the current one. Never imports `vscode`.
 */
import { SplitFile, trainValSplit } from '../../../training/split';
import type { TrainProgress, TrainResult } from '../../../training/train';
import { formatCount, formatSize } from './status';

export interface TrainArgsInput {
  folder: string;
  out: string;
  /** `default` or a model file. */
  from: string;
  minutes: number;
  exclude: readonly string[];
  threads?: number;
  /** An exact number of steps instead of the time budget (tests). */
  steps?: number;
}

/** Arguments after `out/cli.js`: `train FOLDER --out FILE --from M --minutes N ... --json --progress-jsonl`. */
export function trainArgs(i: TrainArgsInput): string[] {
  const args = ['train', i.folder, '--out', i.out, '--from', i.from, '--minutes', String(i.minutes)];
  if (i.exclude.length) args.push('--exclude', i.exclude.join(','));
  if (i.threads !== undefined) args.push('--threads', String(i.threads));
  if (i.steps !== undefined) args.push('--steps', String(i.steps));
  args.push('--json', '--progress-jsonl');
  return args;
}

/** Training threads: leave one core for the editor, at most 4. */
export function trainThreads(cpus: number): number {
  return Math.max(1, Math.min(4, cpus - 1));
}

export type TrainLine = { kind: 'progress'; progress: TrainProgress } | { kind: 'log'; line: string } | { kind: 'text'; line: string };

/** One stderr line of `train --progress-jsonl`. */
export function parseTrainLine(line: string): TrainLine | undefined {
  const t = line.trim();
  if (t === '') return undefined;
  if (t.startsWith('{')) {
    try {
      const o = JSON.parse(t) as { progress?: TrainProgress; log?: unknown };
      if (o && typeof o === 'object') {
        if (o.progress && typeof o.progress === 'object' && typeof o.progress.phase === 'string') return { kind: 'progress', progress: o.progress };
        if (typeof o.log === 'string') return { kind: 'log', line: o.log };
      }
    } catch {
      /* not JSON after all: plain text */
    }
  }
  return { kind: 'text', line: t };
}

/** The `--json` result: the last stdout line that parses as an object with `out`. */
export function parseTrainResult(stdout: string): TrainResult | undefined {
  const lines = stdout.trim().split('\n').reverse();
  for (const l of lines) {
    try {
      const o = JSON.parse(l) as TrainResult;
      if (o && typeof o === 'object' && typeof o.out === 'string') return o;
    } catch {
      /* keep looking */
    }
  }
  return undefined;
}

/** The CLI's error line (`char-lstm: why`) without its prefix, from the stderr lines. */
export function errorFromStderr(lines: readonly string[], exitCode: number | null): string {
  for (let k = lines.length - 1; k >= 0; k--) {
    const l = lines[k].trim();
    if (l.startsWith('char-lstm: ')) return l.slice('char-lstm: '.length);
  }
  for (let k = lines.length - 1; k >= 0; k--) {
    const l = lines[k].trim();
    if (l && !l.startsWith('{')) return l;
  }
  return exitCode === null ? 'the trainer stopped unexpectedly' : `the trainer exited with code ${exitCode}`;
}

export function formatDuration(sec: number): string {
  if (!Number.isFinite(sec) || sec < 0) return '?';
  const s = Math.round(sec);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The progress notification's message for one progress event. */
export function progressMessage(p: TrainProgress, lastValBpc?: number): string {
  switch (p.phase) {
    case 'corpus':
      return 'collecting files...';
    case 'eval-before':
      return 'measuring the current model on held-out files...';
    case 'eval-after':
      return 'measuring the new model on held-out files...';
    case 'export':
      return p.valBpc !== undefined && Number.isFinite(p.valBpc) ? `new model: ${p.valBpc.toFixed(3)} bits/char on held-out files; saving...` : 'saving the new model...';
    case 'train': {
      const parts = [`${Math.round(p.charsPerSec).toLocaleString('en-US')} chars/s`];
      const val = p.valBpc ?? lastValBpc;
      if (val !== undefined && Number.isFinite(val)) parts.push(`validation ${val.toFixed(3)} bpc`);
      if (Number.isFinite(p.loss)) parts.push(`training loss ${p.loss.toFixed(3)} bpc`);
      parts.push(`${formatDuration(p.remainingSec)} left`);
      return parts.join(' · ');
    }
    default:
      return p.message ?? String(p.phase);
  }
}

/** What the retrain uses, in a few words, to keep in front of every progress message. */
export function scanShort(files: number, bytes: number): string {
  return `${files} file${files === 1 ? '' : 's'}, ${formatSize(bytes)}`;
}

/** The first line the user sees: what the retrain will use. */
export function scanSummary(files: number, bytes: number, chars: number, minutes: number): string {
  return `Retraining on ${files} file${files === 1 ? '' : 's'} (${formatSize(bytes)}, ${formatCount(chars)} characters) for up to ${minutes} min; typing stays responsive.`;
}

export interface SwapInput {
  /** Held-out bits per character of the new model. */
  newBpc: number;
  /** Held-out bits per character of the model in use, on the same held-out text; undefined when no model is in use. */
  currentBpc: number | undefined;
  currentLabel: string;
  files: number;
}

export interface SwapDecision {
  swap: boolean;
  message: string;
}

/** Swap only when the new model is strictly better on the same held-out text. */
export function decideSwap(i: SwapInput): SwapDecision {
  const n = i.newBpc;
  const c = i.currentBpc;
  const on = `${i.files} file${i.files === 1 ? '' : 's'}`;
  if (c === undefined) {
    const measured = Number.isFinite(n) ? `: ${n.toFixed(3)} bits/char on held-out files` : '';
    return { swap: true, message: `Retrained on ${on}${measured}. There was no model in use; now using the new one.` };
  }
  if (!Number.isFinite(n)) {
    return { swap: false, message: `Retrained on ${on}, but the new model could not be measured on held-out text (there was none). Kept the ${i.currentLabel} model.` };
  }
  if (!Number.isFinite(c)) {
    return { swap: false, message: `Retrained on ${on}: ${n.toFixed(3)} bits/char on held-out files, but the ${i.currentLabel} model could not be measured on the same files. Kept the ${i.currentLabel} model.` };
  }
  if (n < c) {
    const gain = (100 * (c - n)) / c;
    return {
      swap: true,
      message: `Retrained on ${on}: ${n.toFixed(3)} bits/char on held-out files, down from ${c.toFixed(3)} with the ${i.currentLabel} model (${gain.toFixed(1)}% better). Now using the new model.`,
    };
  }
  return {
    swap: false,
    message: `Retrained on ${on}, but the new model is not better on held-out files: ${n.toFixed(3)} bits/char against ${c.toFixed(3)} with the ${i.currentLabel} model. Kept the ${i.currentLabel} model.`,
  };
}

/**
 * The held-out texts the trainer measures its models on: the validation-split files in
 * hash order up to `valMaxChars` characters in all (the first one always), or, when the
 * corpus is a single file, its last tenth from a line start: the trainer's own split
 * (training/split.ts). Retrain uses it only when it must measure the
 * model in use itself, so that both models are compared on exactly the trainer's text.
 */
export function heldOutTexts(files: ReadonlyArray<SplitFile>, valMaxChars: number): string[] {
  return trainValSplit(files, valMaxChars).val;
}
