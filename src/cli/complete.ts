/**
 * `char-lstm complete`: reads the text before the cursor on stdin and prints a one-line
 * suggestion. With --jsonl, every stdin line is a request and every stdout line an answer.
 */
import * as readline from 'readline';
import { performance } from 'perf_hooks';
import { suggestLine } from '../engine/decode';
import { mulberry32 } from '../engine/random';
import { round } from '../engine/stats';
import type { CharModel } from '../runtime/onnxModel';
import { Args, parseArgs } from './args';
import { Command, writeJson } from './command';
import { CliError } from './errors';
import { loadModelOption, MODEL_OPTION_HELP } from './model';

const USAGE = `Usage: char-lstm complete [--model M] [--temperature T] [--max-chars N] [--seed S] [--json | --jsonl]

Reads the text before the cursor on stdin (all of it, up to end of input) and prints the
suggested continuation of the current line.

  ${MODEL_OPTION_HELP}
  --temperature T 0 = greedy (the default); above 0 samples from softmax(logits / T)
  --max-chars N   longest suggestion in characters (default 40)
  --seed S        seed for sampling (default: time-based)
  --json          print {"text": ..., "ms": ...} instead of the bare suggestion
  --jsonl         one request per stdin line, {"prefix": "...", "suffix": "...", "language": "..."};
                  one answer per stdout line, {"text": "...", "ms": n}
`;

interface Settings {
  temperature: number;
  maxChars: number;
  random: () => number;
}

function settingsOf(args: Args): Settings {
  const seed = args.number('seed', Date.now() >>> 0, { integer: true, min: 0, max: 2 ** 32 - 1 });
  return {
    temperature: args.number('temperature', 0, { min: 0, max: 100 }),
    maxChars: args.number('max-chars', 40, { integer: true, min: 1, max: 10000 }),
    random: mulberry32(seed),
  };
}

async function timedSuggestion(model: CharModel, prefix: string, s: Settings): Promise<{ text: string; ms: number }> {
  const t0 = performance.now();
  const text = await suggestLine(model, prefix, s);
  return { text, ms: round(performance.now() - t0, 3) };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function parseRequest(line: string, lineNo: number): string {
  let req: unknown;
  try {
    req = JSON.parse(line);
  } catch {
    throw new CliError(`stdin line ${lineNo} is not valid JSON`);
  }
  const prefix = (req as { prefix?: unknown } | null)?.prefix;
  if (typeof req !== 'object' || req === null || Array.isArray(req) || typeof prefix !== 'string') {
    throw new CliError(`stdin line ${lineNo} needs an object with a string "prefix"`);
  }
  return prefix;
}

async function runJsonl(model: CharModel, s: Settings): Promise<void> {
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    const prefix = parseRequest(line, lineNo);
    writeJson(await timedSuggestion(model, prefix, s));
  }
}

export const completeCommand: Command = {
  name: 'complete',
  summary: 'suggest the rest of the line for the text on stdin',
  usage: USAGE,
  async run(argv) {
    const args = parseArgs('complete', argv, {
      model: 'string',
      temperature: 'string',
      'max-chars': 'string',
      seed: 'string',
      json: 'boolean',
      jsonl: 'boolean',
    });
    if (args.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (args.positionals.length > 0) throw new CliError(`complete reads stdin and takes no PATH (got '${args.positionals[0]}')`);
    if (args.flag('json') && args.flag('jsonl')) throw new CliError('use --json or --jsonl, not both');
    const settings = settingsOf(args);
    const model = await loadModelOption(args.string('model'));
    try {
      if (args.flag('jsonl')) {
        await runJsonl(model, settings);
        return 0;
      }
      if (process.stdin.isTTY) process.stderr.write('complete: reading the text before the cursor from stdin; end it with Ctrl-D\n');
      const prefix = await readAll(process.stdin);
      const answer = await timedSuggestion(model, prefix, settings);
      if (args.flag('json')) writeJson(answer);
      else process.stdout.write(`${answer.text}\n`);
      return 0;
    } finally {
      await model.release();
    }
  },
};
