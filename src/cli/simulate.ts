/**
 * `char-lstm simulate [--model M] [--max-chars N] [--json] PATH...`: simulated typing
 * (DESIGN.md section 4) through the completion engine with the extension's default settings.
 *
 * A typist enters each file left to right, appending at the end of the text typed so far.
 * Before each keystroke the engine is asked for a suggestion. If it is non-empty and equals
 * the next characters of the file, the typist accepts it with one keystroke; otherwise the
 * typist types one character. Files go in sorted path order, one engine document each (so
 * the state cache makes every keystroke cheap), until N characters are typed or accepted.
 *
 * With --middle the typist edits inside each file instead: it retypes the middle third of
 * the lines (middleRegion) with the rest of the file before and after the cursor, as when
 * adding code between existing lines.
 */
import * as path from 'path';
import { AFTER_COPY_CHARS, DEFAULT_ENGINE_SETTINGS, LstmCompletionEngine } from '../engine/engine';
import { percentile, round } from '../engine/stats';
import type { EngineSettings } from '../engine/types';
import { parseArgs } from './args';
import { Command, progress, writeJson } from './command';
import { CliError } from './errors';
import { InputFile, readInputs } from './inputs';
import { loadModelOption, MODEL_OPTION_HELP } from './model';

const DEFAULT_MAX_CHARS = 20000;

const USAGE = `Usage: char-lstm simulate [--model M] [--max-chars N] [--min-confidence P] [--min-joint-confidence P] [--no-copy] [--related N] [--middle] [--json] PATH...

Simulated typing with the extension's default settings: before each keystroke the engine
suggests; a suggestion that equals the next characters of the file is accepted with one
keystroke. Files in sorted path order; folders are walked with the training filters.

  ${MODEL_OPTION_HELP}
  --max-chars N   stop after N typed-or-accepted characters in all (default ${DEFAULT_MAX_CHARS})
  --min-confidence P  per-character confidence gate (default ${DEFAULT_ENGINE_SETTINGS.minConfidence})
  --min-joint-confidence P  whole-suggestion confidence gate (default ${DEFAULT_ENGINE_SETTINGS.minJointConfidence})
  --no-copy       the model alone, without copying from the document (charLstm.copyFromFiles off)
  --related N     the N files of the same language typed last count as open in other editors:
                  suggestions may copy from them too, as in the extension (default 0)
  --middle        edit inside each file: retype the middle third of its lines, with the rest
                  of the file before and after the cursor (default: type each file from the start)
  --json          print one JSON object: ksr, precision, shown, accepted, chars, keystrokes,
                  ms_p50, ms_p95, files, by_language (per file extension: ksr, precision, ...)
`;

/** Counts for one group of files. */
export interface TypingCounts {
  chars: number;
  keystrokes: number;
  shown: number;
  accepted: number;
}

export interface SimulateResult extends TypingCounts {
  files: number;
  /** Engine time of every suggestion request, in ms. */
  ms: number[];
  byLanguage: Map<string, TypingCounts>;
}

const zero = (): TypingCounts => ({ chars: 0, keystrokes: 0, shown: 0, accepted: 0 });

function languageOf(file: string): string {
  return path.extname(file).slice(1).toLowerCase() || '(none)';
}

/**
 * The part of a file that --middle retypes: from the start of the line a third of the way
 * down to the end (before the line break) of the line two thirds of the way down. The text
 * from `end` on (a line break first) stays after the cursor, so the typist works on lines of
 * their own, as after pressing Enter between two existing lines. Undefined for files of
 * fewer than 3 lines.
 */
export function middleRegion(text: string): { start: number; end: number } | undefined {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0 && i < text.length - 1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lines = starts.length;
  const first = Math.floor(lines / 3);
  const stop = Math.floor((2 * lines) / 3); // the first line not retyped
  if (lines < 3 || stop <= first) return undefined;
  const start = starts[first];
  let end = starts[stop] - 1; // its line break
  if (end > start && text[end - 1] === '\r') end--;
  return end > start ? { start, end } : undefined;
}

export interface SimulateOptions {
  /** The N files of the same language typed last count as open in other editors. */
  related?: number;
  /** Retype the middle third of each file (middleRegion) instead of the whole file. */
  middle?: boolean;
}

/** Runs the typist over `files` (in the order given) until `maxChars` characters. */
export async function simulateTyping(
  engine: LstmCompletionEngine,
  files: readonly InputFile[],
  maxChars: number,
  settings: EngineSettings = DEFAULT_ENGINE_SETTINGS,
  onProgress?: (done: TypingCounts) => void,
  options: SimulateOptions = {},
): Promise<SimulateResult> {
  const related = options.related ?? 0;
  const typed = new Map<string, string[]>(); // by language: texts of the files typed before, latest first
  const total = zero();
  const byLanguage = new Map<string, TypingCounts>();
  const ms: number[] = [];
  let filesTouched = 0;
  for (const file of files) {
    if (total.chars >= maxChars) break;
    if (file.text.length === 0) continue;
    const region = options.middle ? middleRegion(file.text) : { start: 0, end: file.text.length };
    if (!region) continue;
    filesTouched++;
    const lang = byLanguage.get(languageOf(file.path)) ?? zero();
    byLanguage.set(languageOf(file.path), lang);
    const add = (k: keyof TypingCounts, n: number) => {
      total[k] += n;
      lang[k] += n;
    };
    const text = file.text;
    const others = (typed.get(languageOf(file.path)) ?? []).slice(0, related);
    const { end } = region;
    const after = text.slice(end, end + AFTER_COPY_CHARS);
    const lineSuffix = after.slice(0, Math.max(0, after.search(/\r?\n|$/)));
    let pos = region.start;
    while (pos < end && total.chars < maxChars) {
      const t0 = performance.now();
      const s = await engine.suggest(
        { docId: file.path, prefix: text.slice(0, pos), lineSuffix, languageId: languageOf(file.path), related: others, ...(after ? { textAfter: after } : {}) },
        settings,
      );
      ms.push(performance.now() - t0);
      add('keystrokes', 1);
      const shown = s !== undefined && s.text.length > 0;
      if (shown) add('shown', 1);
      if (shown && pos + s.text.length <= end && text.startsWith(s.text, pos)) {
        add('accepted', 1);
        add('chars', [...s.text].length);
        pos += s.text.length;
      } else {
        const cp = text.codePointAt(pos) ?? 0;
        pos += cp > 0xffff ? 2 : 1;
        add('chars', 1);
      }
      onProgress?.(total);
    }
    engine.forget(file.path);
    typed.set(languageOf(file.path), [text, ...(typed.get(languageOf(file.path)) ?? [])].slice(0, Math.max(0, related)));
  }
  return { ...total, files: filesTouched, ms, byLanguage };
}

const rates = (c: TypingCounts) => ({
  ksr: c.chars > 0 ? round(1 - c.keystrokes / c.chars, 6) : null,
  precision: c.shown > 0 ? round(c.accepted / c.shown, 6) : null,
});

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'simulated typing: keystroke savings and precision',
  usage: USAGE,
  async run(argv) {
    const args = parseArgs('simulate', argv, {
      model: 'string',
      'max-chars': 'string',
      'min-confidence': 'string',
      'min-joint-confidence': 'string',
      'no-copy': 'boolean',
      related: 'string',
      middle: 'boolean',
      json: 'boolean',
    });
    if (args.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (args.positionals.length === 0) throw new CliError("simulate needs at least one PATH (see 'char-lstm simulate --help')");
    const maxChars = args.number('max-chars', DEFAULT_MAX_CHARS, { integer: true, min: 1, max: 1e9 });
    const d = DEFAULT_ENGINE_SETTINGS;
    const settings: EngineSettings = {
      ...d,
      minConfidence: args.number('min-confidence', d.minConfidence, { min: 0, max: 1 }),
      minJointConfidence: args.number('min-joint-confidence', d.minJointConfidence, { min: 0, max: 1 }),
      copyFromFiles: !args.flag('no-copy'),
    };
    const related = args.number('related', 0, { integer: true, min: 0, max: 100 });
    const model = await loadModelOption(args.string('model'));
    try {
      const files = [...(await readInputs(args.positionals, progress))].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      if (!files.some((f) => f.text.length > 0)) throw new CliError('nothing to type: no non-empty text files passed the filters');
      let last = Date.now();
      const r = await simulateTyping(new LstmCompletionEngine(model), files, maxChars, settings, (c) => {
        if (Date.now() - last < 5000) return;
        last = Date.now();
        progress(`simulate: ${c.chars} of ${maxChars} characters, ${c.accepted} of ${c.shown} suggestions accepted`);
      }, { related, middle: args.flag('middle') });
      const result = {
        ...rates(r),
        shown: r.shown,
        accepted: r.accepted,
        chars: r.chars,
        keystrokes: r.keystrokes,
        ms_p50: round(percentile(r.ms, 0.5)),
        ms_p95: round(percentile(r.ms, 0.95)),
        files: r.files,
        by_language: Object.fromEntries([...r.byLanguage].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, c]) => [k, { ...rates(c), ...c }])),
      };
      if (args.flag('json')) writeJson(result);
      else {
        const pct = (x: number | null) => (x === null ? 'n/a' : `${(100 * x).toFixed(1)}%`);
        process.stdout.write(
          `keystroke savings ${pct(result.ksr)}, precision ${pct(result.precision)} (${r.accepted} of ${r.shown} shown suggestions accepted), ` +
            `${r.chars} characters in ${r.keystrokes} keystrokes over ${r.files} file(s); ` +
            `suggestion latency p50 ${result.ms_p50} ms, p95 ${result.ms_p95} ms (model ${model.path})\n`,
        );
        for (const [lang, c] of Object.entries(result.by_language)) {
          process.stdout.write(`  ${lang}: ksr ${pct(c.ksr)}, precision ${pct(c.precision)}, ${c.chars} characters\n`);
        }
      }
      return 0;
    } finally {
      await model.release();
    }
  },
};
