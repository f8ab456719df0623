/**
 * `char-lstm complete`: reads the text before the cursor on stdin and prints the suggestion
 * of the completion engine (the extension's engine, with its default settings unless
 * options change them). With --jsonl, every stdin line is a request and every stdout line
 * an answer.
 */
import * as readline from 'readline';
import { AFTER_COPY_CHARS, DEFAULT_ENGINE_SETTINGS, LstmCompletionEngine } from '../engine/engine';
import { round } from '../engine/stats';
import type { CompletionRequest, EngineSettings } from '../engine/types';
import { Args, parseArgs } from './args';
import { Command, writeJson } from './command';
import { CliError } from './errors';
import { loadModelOption, MODEL_OPTION_HELP } from './model';

const d = DEFAULT_ENGINE_SETTINGS;
const USAGE = `Usage: char-lstm complete [--model M] [options] [--json | --jsonl]

Reads the text before the cursor on stdin (all of it, up to end of input) and prints the
suggestion the editor would show (empty when it would show none), with the extension's
default settings unless the options below change them.

  ${MODEL_OPTION_HELP}
  --temperature T   0 = greedy (default ${d.temperature}); above 0 samples from softmax(logits / T)
  --top-k K         sample only among the K likeliest characters (0 = all; default ${d.topK})
  --top-p P         sample only among the likeliest characters totalling P (default ${d.topP})
  --candidates N    candidates sampled side by side, best mean log-probability wins (default ${d.candidates})
  --max-chars N     longest suggestion in characters (default ${d.maxChars})
  --min-confidence P  stop where a character's probability is below P (0 = off; default ${d.minConfidence})
  --min-joint-confidence P  stop where the probability of the whole suggestion is below P
                    (0 = off; default ${d.minJointConfidence})
  --multiline       allow suggestions over several lines
  --no-copy         the model alone, without copying from the document before the cursor
  --seed S          mixed into the sampling seed, which otherwise depends only on the
                    context (default 0: the same text gives the same sample, as in the editor)
  --json            print {"text": ..., "ms": ...} instead of the bare suggestion
  --jsonl           one request per stdin line, {"prefix": "...", "suffix": "...", "language": "...",
                    "related": ["..."]} (suffix: the text after the cursor, copied from too; related: other open files
                    to copy from, latest first); one answer per stdout line, {"text": "...", "ms": n}
`;

/** Engine settings from the command line, over the defaults. */
export function engineSettingsOf(args: Args): EngineSettings {
  return {
    temperature: args.number('temperature', d.temperature, { min: 0, max: 100 }),
    topK: args.number('top-k', d.topK, { integer: true, min: 0, max: 100000 }),
    topP: args.number('top-p', d.topP, { min: 0, max: 1 }),
    candidates: args.number('candidates', d.candidates, { integer: true, min: 1, max: 64 }),
    maxChars: args.number('max-chars', d.maxChars, { integer: true, min: 1, max: 10000 }),
    multiline: args.flag('multiline') || d.multiline,
    minConfidence: args.number('min-confidence', d.minConfidence, { min: 0, max: 1 }),
    minJointConfidence: args.number('min-joint-confidence', d.minJointConfidence, { min: 0, max: 1 }),
    maxContextChars: d.maxContextChars,
    copyFromFiles: !args.flag('no-copy'),
    seed: args.number('seed', 0, { integer: true, min: 0, max: 2 ** 32 - 1 }),
  };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function parseRequest(line: string, lineNo: number): CompletionRequest {
  let req: unknown;
  try {
    req = JSON.parse(line);
  } catch {
    throw new CliError(`stdin line ${lineNo} is not valid JSON`);
  }
  const r = req as { prefix?: unknown; suffix?: unknown; language?: unknown; related?: unknown } | null;
  if (typeof req !== 'object' || r === null || Array.isArray(req) || typeof r.prefix !== 'string') {
    throw new CliError(`stdin line ${lineNo} needs an object with a string "prefix"`);
  }
  if (r.suffix !== undefined && typeof r.suffix !== 'string') throw new CliError(`stdin line ${lineNo}: "suffix" must be a string`);
  if (r.language !== undefined && typeof r.language !== 'string') throw new CliError(`stdin line ${lineNo}: "language" must be a string`);
  if (r.related !== undefined && !(Array.isArray(r.related) && r.related.every((t) => typeof t === 'string'))) {
    throw new CliError(`stdin line ${lineNo}: "related" must be an array of strings`);
  }
  const suffix = (r.suffix as string | undefined) ?? '';
  const eol = suffix.search(/\r?\n/);
  return {
    docId: 'stdin',
    prefix: r.prefix,
    lineSuffix: eol >= 0 ? suffix.slice(0, eol) : suffix,
    languageId: (r.language as string | undefined) ?? 'plaintext',
    related: r.related as string[] | undefined,
    ...(suffix ? { textAfter: suffix.slice(0, AFTER_COPY_CHARS) } : {}),
  };
}

async function answer(engine: LstmCompletionEngine, req: CompletionRequest, s: EngineSettings): Promise<{ text: string; ms: number }> {
  const t0 = performance.now();
  const sug = await engine.suggest(req, s);
  return { text: sug?.text ?? '', ms: round(performance.now() - t0, 3) };
}

export const completeCommand: Command = {
  name: 'complete',
  summary: 'suggest a completion for the text on stdin',
  usage: USAGE,
  async run(argv) {
    const opt = 'string' as const;
    const args = parseArgs('complete', argv, {
      model: opt, temperature: opt, 'top-k': opt, 'top-p': opt, candidates: opt, 'max-chars': opt, 'min-confidence': opt,
      'min-joint-confidence': opt, seed: opt, multiline: 'boolean', 'no-copy': 'boolean', json: 'boolean', jsonl: 'boolean',
    });
    if (args.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (args.positionals.length > 0) throw new CliError(`complete reads stdin and takes no PATH (got '${args.positionals[0]}')`);
    if (args.flag('json') && args.flag('jsonl')) throw new CliError('use --json or --jsonl, not both');
    const settings = engineSettingsOf(args);
    const model = await loadModelOption(args.string('model'));
    try {
      const engine = new LstmCompletionEngine(model);
      if (args.flag('jsonl')) {
        const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
        let lineNo = 0;
        for await (const line of lines) {
          lineNo++;
          if (line.trim() === '') continue;
          writeJson(await answer(engine, parseRequest(line, lineNo), settings));
        }
        return 0;
      }
      if (process.stdin.isTTY) process.stderr.write('complete: reading the text before the cursor from stdin; end it with Ctrl-D\n');
      const prefix = await readAll(process.stdin);
      const out = await answer(engine, { docId: 'stdin', prefix, lineSuffix: '', languageId: 'plaintext' }, settings);
      if (args.flag('json')) writeJson(out);
      else process.stdout.write(`${out.text}\n`);
      return 0;
    } finally {
      await model.release();
    }
  },
};
