/**
 * `char-lstm train PATH --out FILE [--minutes N] [--steps N] [--from default|scratch|FILE]
 *  [--layers L --hidden H --embed E] [--batch B --seq T] [--lr X] [--average F] [--seed S] [--json]`
 */
import { DEFAULT_CONFIG, TrainConfig } from '../../training/config';
import { train, TrainInputError, TrainProgress } from '../../training/train';
import { parseArgs } from './args';
import { Command, progress, writeJson } from './command';
import { CliError, EXIT_FAILURE } from './errors';

const d = DEFAULT_CONFIG;
const USAGE = `Usage: char-lstm train PATH --out FILE [options]

Trains on the files under PATH (with .gitignore, secret, binary, minified and size
filters), holding out about ${d.valFraction * 100}% of the files for validation, and writes a model file.
The file is written atomically: a failed or cancelled run never leaves a broken file at
--out. Progress goes to stderr. A checkpoint (FILE.ckpt) is kept while training; a run
with the same corpus and settings resumes from it. Ctrl-C stops cleanly.

  --out FILE        where to write the model (required)
  --minutes N       training time budget (default ${d.minutes})
  --steps N         exact number of steps instead of a time budget (repeatable runs)
  --from M          scratch (default), default (fine-tune the embedded model), or a .onnx file
                    written by this trainer; fine-tuning keeps its shape and vocabulary
  --layers L        LSTM layers, from scratch (default ${d.layers})
  --hidden H        hidden units per layer, from scratch (default ${d.hidden}); with --from,
                    a larger H grows the model (same predictions at first, more units to train)
  --embed E         embedding width, from scratch (default ${d.embed})
  --batch B         parallel streams per step (default ${d.batch})
  --seq T           time steps per chunk (default ${d.seq})
  --lr X            peak learning rate (default ${d.lr})
  --average F       over the last fraction F of the run (0 to 1), also keep the mean of the
                    parameters, and write it when it validates better (default ${d.averageTail})
  --seed S          seed for initialisation and data order (default ${d.seed})
  --threads N       onnxruntime threads (default ${d.threads})
  --exclude GLOB    extra gitignore-style pattern to skip (comma-separated)
  --progress-jsonl  progress as one JSON object per line on stderr ({"progress": {...}}), for tools
  --json            print the result as one JSON object: chars_per_s, steps, train_chars,
                    val_chars, val_bpc_before, val_bpc_after, seconds, out, averaged_steps
                    (and, with --average, val_bpc_last)
`;

function bar(p: TrainProgress): string {
  const width = 24;
  const filled = Math.round(p.fraction * width);
  const mins = (s: number) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] step ${p.step}  loss ${p.loss.toFixed(3)} bits/char  ${Math.round(p.charsPerSec)} chars/s  ${mins(p.remainingSec)} left`;
}

/** A word as a POSIX shell would need it written. */
function shellWord(w: string): string {
  return /^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}

export const trainCommand: Command = {
  name: 'train',
  summary: 'train a model on the files under PATH',
  usage: USAGE,
  async run(argv) {
    const opt = 'string' as const;
    const args = parseArgs('train', argv, {
      out: opt, minutes: opt, steps: opt, from: opt, layers: opt, hidden: opt, embed: opt, batch: opt, seq: opt,
      lr: opt, average: opt, seed: opt, threads: opt, exclude: opt, json: 'boolean', 'progress-jsonl': 'boolean',
    });
    if (args.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (args.positionals.length !== 1) throw new CliError("train needs exactly one PATH (see 'char-lstm train --help')");
    const out = args.string('out');
    if (!out) throw new CliError('train needs --out FILE');
    const from = args.string('from') ?? 'scratch';
    const int = (name: string, fallback: number, min: number, max: number) => args.number(name, fallback, { integer: true, min, max });
    const steps = args.string('steps') === undefined ? undefined : int('steps', 1, 1, 1e9);
    const config: Partial<TrainConfig> = {
      minutes: args.number('minutes', d.minutes, { min: 0.01, max: 10000 }),
      steps,
      layers: int('layers', d.layers, 1, 8),
      hidden: int('hidden', d.hidden, 4, 2048),
      embed: int('embed', d.embed, 2, 1024),
      batch: int('batch', d.batch, 1, 1024),
      seq: int('seq', d.seq, 2, 4096),
      lr: args.number('lr', d.lr, { min: 1e-6, max: 1 }),
      averageTail: args.number('average', d.averageTail, { min: 0, max: 1 }),
      seed: int('seed', d.seed, 0, 2 ** 31 - 1),
      threads: int('threads', d.threads, 1, 64),
    };
    const explicitShape = Object.fromEntries(
      (['layers', 'hidden', 'embed'] as const).filter((k) => args.string(k) !== undefined).map((k) => [k, config[k]]),
    );
    const progressJsonl = args.flag('progress-jsonl');
    const tty = Boolean(process.stderr.isTTY) && !progressJsonl;
    let lastLine = 0;
    const onProgress = (p: TrainProgress) => {
      if (progressJsonl) {
        process.stderr.write(`${JSON.stringify({ progress: p })}\n`);
        return;
      }
      if (p.phase !== 'train') {
        if (tty) process.stderr.write('\r\x1b[K');
        progress(
          p.phase === 'corpus' ? 'collecting files...' : p.phase === 'eval-before' ? 'measuring validation bpc of the starting model...'
            : p.phase === 'eval-after' ? 'measuring validation bpc of the trained model...' : `writing ${out}...`,
        );
        return;
      }
      if (tty) process.stderr.write(`\r\x1b[K${bar(p)}`);
      else if (Date.now() - lastLine > 10000) {
        lastLine = Date.now();
        progress(bar(p));
      }
    };
    const ac = new AbortController();
    const onSigint = () => {
      if (ac.signal.aborted) process.exit(130);
      progress('\nstopping after this step (Ctrl-C again to quit at once)...');
      ac.abort();
    };
    process.on('SIGINT', onSigint);
    try {
      const r = await train({
        root: args.positionals[0],
        out,
        from,
        config,
        explicitShape,
        exclude: args.string('exclude')?.split(',').map((s) => s.trim()).filter(Boolean),
        command: ['char-lstm', 'train', ...argv].map(shellWord).join(' '),
        onProgress,
        log: (line) => (progressJsonl ? process.stderr.write(`${JSON.stringify({ log: line })}\n`) : progress(line)),
        signal: ac.signal,
      });
      if (tty) process.stderr.write('\r\x1b[K');
      if (args.flag('json')) writeJson(r);
      else {
        process.stdout.write(
          `wrote ${r.out}: validation ${r.val_bpc_before.toFixed(3)} -> ${r.val_bpc_after.toFixed(3)} bits/char` +
            (r.val_bpc_last === undefined ? ', ' : r.averaged_steps > 0 ? ` (mean of the last ${r.averaged_steps} steps; last step ${r.val_bpc_last.toFixed(3)}), ` : ' (last step; the mean validated worse), ') +
            `${r.steps} steps at ${r.chars_per_s} chars/s, ${r.seconds} s\n`,
        );
      }
      return 0;
    } catch (e) {
      if (e instanceof TrainInputError) throw new CliError(e.message);
      if (ac.signal.aborted) throw new CliError((e as Error).message, EXIT_FAILURE);
      throw e;
    } finally {
      process.off('SIGINT', onSigint);
    }
  },
};
