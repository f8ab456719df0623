/** `char-lstm bench [--model M] [--json]`: latency of suggestions on fixed prompts. */
import { performance } from 'perf_hooks';
import { suggestLine } from '../engine/decode';
import { percentile, round } from '../engine/stats';
import { parseArgs } from './args';
import { BENCH_PROMPTS } from './benchPrompts';
import { Command, progress, writeJson } from './command';
import { CliError } from './errors';
import { loadModelOption, MODEL_OPTION_HELP } from './model';

const ROUNDS = 3;
const WARMUP = 5;
const MAX_CHARS = 40;

const USAGE = `Usage: char-lstm bench [--model M] [--json]

Latency of greedy single-line suggestions (up to ${MAX_CHARS} characters) on ${BENCH_PROMPTS.length} fixed
code prompts in several languages, ${ROUNDS} rounds after ${WARMUP} warm-up suggestions.

  ${MODEL_OPTION_HELP}
  --json          print the result as one JSON object: ms_p50, ms_p95, ms_max, chars_per_suggestion
`;

export const benchCommand: Command = {
  name: 'bench',
  summary: 'latency of suggestions on a fixed set of prompts',
  usage: USAGE,
  async run(argv) {
    const args = parseArgs('bench', argv, { model: 'string', json: 'boolean' });
    if (args.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (args.positionals.length > 0) throw new CliError(`bench takes no PATH (got '${args.positionals[0]}')`);
    const model = await loadModelOption(args.string('model'));
    try {
      const opts = { maxChars: MAX_CHARS, temperature: 0 };
      for (let k = 0; k < WARMUP; k++) await suggestLine(model, BENCH_PROMPTS[k % BENCH_PROMPTS.length], opts);
      const ms: number[] = [];
      let chars = 0;
      for (let round_ = 0; round_ < ROUNDS; round_++) {
        for (const prompt of BENCH_PROMPTS) {
          const t0 = performance.now();
          const text = await suggestLine(model, prompt, opts);
          ms.push(performance.now() - t0);
          chars += [...text].length;
        }
        progress(`bench: round ${round_ + 1} of ${ROUNDS}`);
      }
      const result = {
        ms_p50: round(percentile(ms, 0.5)),
        ms_p95: round(percentile(ms, 0.95)),
        ms_max: round(Math.max(...ms)),
        chars_per_suggestion: round(chars / ms.length, 2),
      };
      if (args.flag('json')) writeJson(result);
      else {
        process.stdout.write(
          `${ms.length} suggestions: p50 ${result.ms_p50} ms, p95 ${result.ms_p95} ms, max ${result.ms_max} ms, ` +
            `${result.chars_per_suggestion} characters per suggestion (model ${model.path})\n`,
        );
      }
      return 0;
    } finally {
      await model.release();
    }
  },
};
