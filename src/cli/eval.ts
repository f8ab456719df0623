/** `char-lstm eval [--model M] [--json] PATH...`: bits per character and top-1 accuracy. */
import { evaluate } from '../engine/evaluate';
import { round } from '../engine/stats';
import { parseArgs } from './args';
import { Command, progress, writeJson } from './command';
import { CliError } from './errors';
import { readInputs } from './inputs';
import { loadModelOption, MODEL_OPTION_HELP } from './model';

const USAGE = `Usage: char-lstm eval [--model M] [--json] PATH...

Bits per character and top-1 accuracy of the model over the files. Folders are walked
with the training filters (.gitignore, secrets, binary, minified, size); files given
by name are read as they are.

  ${MODEL_OPTION_HELP}
  --json          print the result as one JSON object: bpc, top1, chars, files
`;

export const evalCommand: Command = {
  name: 'eval',
  summary: 'bits per character and top-1 accuracy over files and folders',
  usage: USAGE,
  async run(argv) {
    const args = parseArgs('eval', argv, { model: 'string', json: 'boolean' });
    if (args.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (args.positionals.length === 0) throw new CliError("eval needs at least one PATH (see 'char-lstm eval --help')");
    const model = await loadModelOption(args.string('model'));
    try {
      const files = await readInputs(args.positionals, progress);
      const started = Date.now();
      let lastReport = started;
      const r = await evaluate(
        model,
        files.map((f) => f.text),
        {
          onProgress: (done, total) => {
            const now = Date.now();
            if (now - lastReport < 2000) return;
            lastReport = now;
            progress(`eval: ${done} of ${total} characters`);
          },
        },
      );
      if (r.chars === 0) {
        const why = files.length === 0 ? 'no text files passed the filters' : `the ${files.length} file(s) are empty`;
        throw new CliError(`nothing to evaluate: ${why}`);
      }
      if (args.flag('json')) {
        writeJson({ bpc: round(r.bpc, 6), top1: round(r.top1, 6), chars: r.chars, files: r.files });
      } else {
        const secs = ((Date.now() - started) / 1000).toFixed(1);
        process.stdout.write(
          `${r.bpc.toFixed(4)} bits per character, top-1 ${(100 * r.top1).toFixed(2)}% ` +
            `over ${r.chars} characters in ${r.files} file(s) (${secs} s, model ${model.path})\n`,
        );
      }
      return 0;
    } finally {
      await model.release();
    }
  },
};
