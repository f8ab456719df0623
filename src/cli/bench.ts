/**
 * `char-lstm bench [--model M] [--json]`: latency of suggestions on fixed prompts, through
 * the completion engine with the extension's default settings.
 *
 * Each prompt is measured twice per round:
 * - keystroke (ms_*): the document already holds the prompt without its last character, as
 *   while typing, so the engine feeds one character and decodes the suggestion;
 * - cold (cold_ms_*): a document seen for the first time, so the whole prompt is fed first.
 */
import { DEFAULT_ENGINE_SETTINGS, LstmCompletionEngine } from '../engine/engine';
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

const USAGE = `Usage: char-lstm bench [--model M] [--max-chars N] [--min-confidence P] [--min-joint-confidence P] [--json]

Latency of suggestions from the completion engine with the extension's default settings
on ${BENCH_PROMPTS.length} fixed code prompts in several languages, ${ROUNDS} rounds after ${WARMUP} warm-up
suggestions. Keystroke latency: the engine has seen the prompt without its last character
(as while typing). Cold latency: the document is new, so the whole prompt is fed first.

  ${MODEL_OPTION_HELP}
  --max-chars N       longest suggestion (default ${d.maxChars})
  --min-confidence P  per-character confidence gate (default ${d.minConfidence})
  --min-joint-confidence P  whole-suggestion confidence gate (default ${d.minJointConfidence});
                      with both gates at 0 every suggestion runs to its full length
  --json              print one JSON object: ms_p50, ms_p95, ms_max (keystroke), cold_ms_p50,
                      cold_ms_p95, chars_per_suggestion
`;

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
    };
    const model = await loadModelOption(args.string('model'));
    try {
      const engine = new LstmCompletionEngine(model);
      for (let k = 0; k < WARMUP; k++) await engine.suggest(req(`warmup${k}`, BENCH_PROMPTS[k % BENCH_PROMPTS.length]), settings);
      const warm: number[] = [];
      const cold: number[] = [];
      let chars = 0;
      for (let r = 0; r < ROUNDS; r++) {
        for (const [k, prompt] of BENCH_PROMPTS.entries()) {
          const id = `r${r}p${k}`;
          let t0 = performance.now();
          await engine.suggest(req(`${id}cold`, prompt), settings);
          cold.push(performance.now() - t0);
          await engine.suggest(req(id, prompt.slice(0, -1)), settings);
          t0 = performance.now();
          const s = await engine.suggest(req(id, prompt), settings);
          warm.push(performance.now() - t0);
          chars += [...(s?.text ?? '')].length;
        }
        progress(`bench: round ${r + 1} of ${ROUNDS}`);
      }
      const result = {
        ms_p50: round(percentile(warm, 0.5)),
        ms_p95: round(percentile(warm, 0.95)),
        ms_max: round(Math.max(...warm)),
        cold_ms_p50: round(percentile(cold, 0.5)),
        cold_ms_p95: round(percentile(cold, 0.95)),
        chars_per_suggestion: round(chars / warm.length, 2),
      };
      if (args.flag('json')) writeJson(result);
      else {
        process.stdout.write(
          `${warm.length} suggestions: keystroke p50 ${result.ms_p50} ms, p95 ${result.ms_p95} ms, max ${result.ms_max} ms; ` +
            `cold p50 ${result.cold_ms_p50} ms, p95 ${result.cold_ms_p95} ms; ` +
            `${result.chars_per_suggestion} characters per suggestion (model ${model.path})\n`,
        );
      }
      return 0;
    } finally {
      await model.release();
    }
  },
};
