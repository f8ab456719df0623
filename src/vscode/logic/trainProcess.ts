/**
 * Runs the bundled `char-lstm` CLI (out/cli.js) in a separate process, so that training
 * never competes with the extension host's event loop. Never imports `vscode`.
 *
 * The child is started with `process.execPath` and ELECTRON_RUN_AS_NODE=1: in desktop VS
 * Code the extension host's executable is Electron, which then behaves as plain Node; in
 * code-server it is Node already. The child gets a lower CPU priority (best effort), so
 * the editor wins when both want the CPU.
 */
import { spawn } from 'child_process';
import * as os from 'os';
import type { TrainProgress, TrainResult } from '../../../training/train';
import { errorFromStderr, parseTrainLine, parseTrainResult } from './retrain';

export interface CliRunOptions {
  cliPath: string;
  args: readonly string[];
  /** Defaults to process.execPath. */
  execPath?: string;
  env?: NodeJS.ProcessEnv;
  /** Nice value for the child (default 10; 0 leaves it alone). */
  niceness?: number;
  onStderrLine?: (line: string) => void;
}

export type CliOutcome =
  | { ok: true; stdout: string; stderrLines: string[] }
  | { ok: false; cancelled: boolean; exitCode: number | null; message: string; stderrLines: string[] };

export interface CliRun {
  readonly pid: number | undefined;
  readonly done: Promise<CliOutcome>;
  /** Stops the child: SIGTERM, then SIGKILL if it is still there after `graceMs`. */
  cancel(graceMs?: number): void;
}

const MAX_STDERR_LINES = 200;

export function runCli(o: CliRunOptions): CliRun {
  const child = spawn(o.execPath ?? process.execPath, [o.cliPath, ...o.args], {
    env: { ...(o.env ?? process.env), ELECTRON_RUN_AS_NODE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
  });
  if (child.pid !== undefined && (o.niceness ?? 10) !== 0) {
    try {
      os.setPriority(child.pid, o.niceness ?? 10);
    } catch {
      /* not permitted here: run at normal priority */
    }
  }
  let cancelled = false;
  let stdout = '';
  let pending = '';
  const stderrLines: string[] = [];
  const onLine = (line: string) => {
    stderrLines.push(line);
    if (stderrLines.length > MAX_STDERR_LINES) stderrLines.shift();
    o.onStderrLine?.(line);
  };
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d: string) => {
    stdout += d;
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => {
    pending += d;
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, nl).replace(/\r$/, '');
      pending = pending.slice(nl + 1);
      // A terminal-style progress bar redraws with \r: keep the last state.
      onLine(line.includes('\r') ? line.slice(line.lastIndexOf('\r') + 1) : line);
    }
  });
  let killTimer: NodeJS.Timeout | undefined;
  const done = new Promise<CliOutcome>((resolve) => {
    let settled = false;
    const finish = (r: CliOutcome) => {
      if (settled) return;
      settled = true;
      if (killTimer) clearTimeout(killTimer);
      resolve(r);
    };
    child.on('error', (e) => finish({ ok: false, cancelled, exitCode: null, message: `cannot start the trainer: ${e.message}`, stderrLines }));
    child.on('close', (code, signal) => {
      if (pending) onLine(pending);
      pending = '';
      if (code === 0 && !cancelled) finish({ ok: true, stdout, stderrLines });
      else {
        const message = cancelled ? 'cancelled' : signal ? `the trainer was stopped (${signal})` : errorFromStderr(stderrLines, code);
        finish({ ok: false, cancelled, exitCode: code, message, stderrLines });
      }
    });
  });
  return {
    pid: child.pid,
    done,
    cancel(graceMs = 3000) {
      if (cancelled || child.exitCode !== null || child.signalCode !== null) return;
      cancelled = true;
      child.kill('SIGTERM');
      killTimer = setTimeout(() => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }, graceMs);
      killTimer.unref?.();
    },
  };
}

export type TrainOutcome =
  | { ok: true; result: TrainResult }
  | { ok: false; cancelled: boolean; exitCode: number | null; message: string };

export interface TrainRun {
  readonly pid: number | undefined;
  readonly done: Promise<TrainOutcome>;
  cancel(): void;
}

/** `cli.js train ... --json --progress-jsonl`, with progress and log lines parsed. */
export function runTraining(o: CliRunOptions & { onProgress?: (p: TrainProgress) => void; onLog?: (line: string) => void }): TrainRun {
  const run = runCli({
    ...o,
    onStderrLine: (line) => {
      const parsed = parseTrainLine(line);
      if (!parsed) return;
      if (parsed.kind === 'progress') o.onProgress?.(parsed.progress);
      else o.onLog?.(parsed.line);
    },
  });
  const done = run.done.then((r): TrainOutcome => {
    if (!r.ok) return { ok: false, cancelled: r.cancelled, exitCode: r.exitCode, message: r.message };
    const result = parseTrainResult(r.stdout);
    return result ? { ok: true, result } : { ok: false, cancelled: false, exitCode: 0, message: 'the trainer printed no result' };
  });
  return { pid: run.pid, done, cancel: () => run.cancel() };
}

/** `cli.js eval --json --model M FILES...`: bits per character, or an error message. */
export async function evalBpc(o: Omit<CliRunOptions, 'args'> & { model: string; files: readonly string[] }): Promise<{ bpc: number } | { error: string }> {
  const r = await runCli({ ...o, args: ['eval', '--json', '--model', o.model, '--', ...o.files] }).done;
  if (!r.ok) return { error: r.message };
  const last = r.stdout.trim().split('\n').pop() ?? '';
  try {
    const j = JSON.parse(last) as { bpc?: unknown };
    if (typeof j.bpc === 'number') return { bpc: j.bpc };
  } catch {
    /* fall through */
  }
  return { error: 'eval printed no result' };
}
