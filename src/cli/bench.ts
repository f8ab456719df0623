/**
 * `char-lstm bench [--model M] [--json]`: latency of suggestions on fixed prompts, through
 * the completion engine with the extension's default settings.
 *
 * Each prompt is measured twice per round:
 * - keystroke (ms_*): the document already holds the prompt without its last character, as
 *   while typing, so the engine feeds one character and decodes the suggestion;
 * - cold (cold_ms_*): a document seen for the first time, so the whole prompt is fed first.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEFAULT_ENGINE_SETTINGS, LstmCompletionEngine } from '../engine/engine';
import type { CharModel } from '../runtime/onnxModel';
import { trainArgs, trainThreads } from '../vscode/logic/retrain';
import { runTraining, TrainRun } from '../vscode/logic/trainProcess';
import { percentile, round } from '../engine/stats';
import type { EngineSettings } from '../engine/types';
import { parseArgs } from './args';
import { BENCH_PROMPTS } from './benchPrompts';
import { Command, progress, writeJson } from './command';
import { CliError } from './errors';
import { loadModelOption, MODEL_OPTION_HELP } from './model';

const ROUNDS = 5;
const WARMUP = 5;
const d = DEFAULT_ENGINE_SETTINGS;

const USAGE = `Usage: char-lstm bench [--model M] [--max-chars N] [--min-confidence P] [--min-joint-confidence P]
                      [--no-copy] [--while-training] [--json]

Latency of suggestions from the completion engine with the extension's default settings
on ${BENCH_PROMPTS.length} fixed code prompts in several languages, ${ROUNDS} rounds after ${WARMUP} warm-up
suggestions. Keystroke latency: the engine has seen the prompt without its last character
(as while typing). Cold latency: the document is new, so the whole prompt is fed first.

  ${MODEL_OPTION_HELP}
  --max-chars N       longest suggestion (default ${d.maxChars})
  --min-confidence P  per-character confidence gate (default ${d.minConfidence})
  --min-joint-confidence P  whole-suggestion confidence gate (default ${d.minJointConfidence});
                      with both gates at 0 every suggestion runs to its full length
  --no-copy           the model alone, without copying from the document
  --while-training    measure twice: idle, then while a retrain runs in a child process
                      exactly as the extension starts it (fine-tuning the same model, lower
                      priority, one core left free); adds training_ms_* and p95_ratio
  --json              print one JSON object: ms_p50, ms_p95, ms_max (keystroke), cold_ms_p50,
                      cold_ms_p95, chars_per_suggestion
`;

interface Measured {
  warm: number[];
  cold: number[];
  chars: number;
}

async function measure(model: CharModel, settings: EngineSettings, tag: string): Promise<Measured> {
  const engine = new LstmCompletionEngine(model);
  for (let k = 0; k < WARMUP; k++) await engine.suggest(req(`${tag}warmup${k}`, BENCH_PROMPTS[k % BENCH_PROMPTS.length]), settings);
  const warm: number[] = [];
  const cold: number[] = [];
  let chars = 0;
  for (let r = 0; r < ROUNDS; r++) {
    for (const [k, prompt] of BENCH_PROMPTS.entries()) {
      const id = `${tag}r${r}p${k}`;
      let t0 = performance.now();
      await engine.suggest(req(`${id}cold`, prompt), settings);
      cold.push(performance.now() - t0);
      await engine.suggest(req(id, prompt.slice(0, -1)), settings);
      t0 = performance.now();
      const s = await engine.suggest(req(id, prompt), settings);
      warm.push(performance.now() - t0);
      chars += [...(s?.text ?? '')].length;
    }
    progress(`bench${tag ? ` (${tag})` : ''}: round ${r + 1} of ${ROUNDS}`);
  }
  return { warm, cold, chars };
}

/**
 * Starts a retrain the way the extension does (src/vscode/logic: same arguments, nice 10,
 * one core left for the editor) on a small generated workspace, and resolves once the
 * trainer reports its first optimisation step, so that the measurement sees training.
 */
async function startBackgroundTraining(modelPath: string, dir: string): Promise<{ run: TrainRun; charsPerSec: () => number }> {
  const ws = path.join(dir, 'workspace');
  await fs.promises.mkdir(ws, { recursive: true });
  const ext = ['ts', 'js', 'ts', 'ts', 'py', 'py', 'py', 'py', 'go', 'go', 'rs', 'rs', 'c', 'java', 'sh', 'sql', 'html', 'css', 'json', 'md'];
  for (const [k, p] of BENCH_PROMPTS.entries()) {
    await fs.promises.writeFile(path.join(ws, `file${k}.${ext[k] ?? 'txt'}`), `${p}\n`.repeat(200));
  }
  let cps = 0;
  let started: () => void = () => undefined;
  const first = new Promise<void>((resolve) => (started = resolve));
  const run = runTraining({
    cliPath: process.argv[1],
    args: trainArgs({ folder: ws, out: path.join(dir, 'retrained.onnx'), from: modelPath, minutes: 30, exclude: [], threads: trainThreads(os.cpus().length) }),
    onProgress: (p) => {
      if (p.step > 0) {
        cps = p.charsPerSec;
        started();
      }
    },
  });
  await Promise.race([first, run.done.then((o) => {
    throw new CliError(`the background retrain did not start: ${o.ok ? 'it ended at once' : o.message}`);
  })]);
  return { run, charsPerSec: () => cps };
}

const req = (docId: string, prefix: string) => ({ docId, prefix, lineSuffix: '', languageId: 'plaintext' });

export const benchCommand: Command = {
  name: 'bench',
  summary: 'latency of suggestions on a fixed set of prompts',
  usage: USAGE,
  async run(argv) {
    const args = parseArgs('bench', argv, {
      model: 'string',
      'max-chars': 'string',
      'min-confidence': 'string',
      'min-joint-confidence': 'string',
      'no-copy': 'boolean',
      'while-training': 'boolean',
      json: 'boolean',
    });
    if (args.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (args.positionals.length > 0) throw new CliError(`bench takes no PATH (got '${args.positionals[0]}')`);
    const settings: EngineSettings = {
      ...d,
      maxChars: args.number('max-chars', d.maxChars, { integer: true, min: 1, max: 10000 }),
      minConfidence: args.number('min-confidence', d.minConfidence, { min: 0, max: 1 }),
      minJointConfidence: args.number('min-joint-confidence', d.minJointConfidence, { min: 0, max: 1 }),
      copyFromFiles: !args.flag('no-copy'),
    };
    const model = await loadModelOption(args.string('model'));
    try {
      const idle = await measure(model, settings, '');
      const { warm, cold, chars } = idle;
      const result: Record<string, number> = {
        ms_p50: round(percentile(warm, 0.5)),
        ms_p95: round(percentile(warm, 0.95)),
        ms_max: round(Math.max(...warm)),
        cold_ms_p50: round(percentile(cold, 0.5)),
        cold_ms_p95: round(percentile(cold, 0.95)),
        chars_per_suggestion: round(chars / warm.length, 2),
      };
      let loadedLine = '';
      if (args.flag('while-training')) {
        const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'char-lstm-bench-'));
        let bg: Awaited<ReturnType<typeof startBackgroundTraining>> | undefined;
        try {
          progress('bench: starting a background retrain...');
          bg = await startBackgroundTraining(model.path, dir);
          const loaded = await measure(model, settings, 'training');
          result.training_ms_p50 = round(percentile(loaded.warm, 0.5));
          result.training_ms_p95 = round(percentile(loaded.warm, 0.95));
          result.training_ms_max = round(Math.max(...loaded.warm));
          result.training_cold_ms_p95 = round(percentile(loaded.cold, 0.95));
          result.training_chars_per_s = Math.round(bg.charsPerSec());
          result.p95_ratio = round(result.training_ms_p95 / result.ms_p95, 2);
          loadedLine = `; while a retrain runs (${result.training_chars_per_s} chars/s): keystroke p50 ${result.training_ms_p50} ms, p95 ${result.training_ms_p95} ms (${result.p95_ratio}x idle)`;
        } finally {
          bg?.run.cancel();
          await bg?.run.done;
          await fs.promises.rm(dir, { recursive: true, force: true });
        }
      }
      if (args.flag('json')) writeJson(result);
      else {
        process.stdout.write(
          `${warm.length} suggestions: keystroke p50 ${result.ms_p50} ms, p95 ${result.ms_p95} ms, max ${result.ms_max} ms; ` +
            `cold p50 ${result.cold_ms_p50} ms, p95 ${result.cold_ms_p95} ms; ` +
            `${result.chars_per_suggestion} characters per suggestion${loadedLine} (model ${model.path})\n`,
        );
      }
      return 0;
    } finally {
      await model.release();
    }
  },
};
