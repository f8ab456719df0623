// Collects the trainable text files under a folder: walks it in sorted order, applies
// .gitignore rules and the filters of corpusFilters.ts, and splits train/validation.

import { constants as fsConstants } from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import ignore from 'ignore';
import {
  SKIP_REASONS, SKIPPED_FOLDERS, type SkipReason, VCS_FOLDERS, containsPrivateKey, countChars,
  fnv1a32, isBinaryExtension, isLockfileName, isMinified, isMinifiedName, isSecretName, splitOf,
} from './corpusFilters';

export {
  SKIP_REASONS, SKIPPED_FOLDERS, containsPrivateKey, isMinified, isSecretName, splitOf,
} from './corpusFilters';
export type { SkipReason } from './corpusFilters';

export interface CorpusOptions {
  /** Extra patterns in .gitignore syntax, relative to the root (reason 'excluded'). */
  exclude?: string[];
  /** Larger files are skipped as 'too-large'. Default 1 MB (DEFAULT_MAX_FILE_BYTES). */
  maxFileBytes?: number;
  /** Fraction of files (by path hash) held out for validation, in [0, 1]. Default 0.1. */
  valFraction?: number;
  /** Called now and then, and once at the end, with the number of files examined so far. */
  onProgress?: (filesSeen: number) => void;
  /** Aborting rejects collectCorpus with the signal's reason. */
  signal?: AbortSignal;
}

export interface CorpusFile {
  /** Relative to the root, with '/' separators. */
  path: string;
  /** File content decoded as UTF-8, with '\r\n' turned into '\n'. */
  text: string;
  split: 'train' | 'val';
}

export interface Corpus {
  /** Absolute path of the folder that was walked. */
  root: string;
  /** Trainable files in sorted path order (code-unit order of `path`). */
  files: CorpusFile[];
  /** Characters (Unicode code points) in the train and validation files. */
  trainChars: number;
  valChars: number;
  /** Number of skipped paths per reason; a skipped folder counts once. Every reason is present. */
  skipped: Record<SkipReason, number>;
  /** Up to 3 relative paths per reason that occurred, first in sorted path order. */
  skippedExamples: Partial<Record<SkipReason, string[]>>;
  /** The size limit that was applied (bytes). */
  maxFileBytes?: number;
}

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;
export const DEFAULT_VAL_FRACTION = 0.1;
const MAX_EXAMPLES = 3;
const CONCURRENCY = 32;
const PROGRESS_EVERY = 100;
// Never follow a symlink, even one swapped in after the directory listing.
const OPEN_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0);
const UTF8 = new TextDecoder('utf-8', { fatal: true });

type Ignore = ReturnType<typeof ignore>;
/** Rules of one ignore file; `base` is the folder it applies to ('' or 'a/b/'). */
interface Rules { base: string; ig: Ignore }
type Outcome = { skip: SkipReason } | { text: string };
interface Entry { rel: string; outcome?: Outcome; abs?: string }

interface Walk {
  entries: Entry[];
  exclude: Ignore;
  seen: number;
  options: CorpusOptions;
}

function newIgnore(): Ignore {
  // Follow git's default for the platform: case-insensitive where the file system usually is.
  return ignore({ ignorecase: process.platform === 'win32' || process.platform === 'darwin' });
}

function testRules(ig: Ignore, rel: string): { ignored: boolean; unignored: boolean } {
  try {
    return ig.test(rel);
  } catch {
    return { ignored: false, unignored: false }; // a path `ignore` refuses: no rule applies
  }
}

/** Git semantics: the deepest ignore file with a matching rule decides; within one, the last rule. */
function isGitignored(rules: readonly Rules[], rel: string, isDir: boolean): boolean {
  for (let i = rules.length - 1; i >= 0; i--) {
    const r = rules[i];
    const result = testRules(r.ig, rel.slice(r.base.length) + (isDir ? '/' : ''));
    if (result.ignored) return true;
    if (result.unignored) return false;
  }
  return false;
}

async function readRules(file: string, base: string): Promise<Rules | undefined> {
  try {
    return { base, ig: newIgnore().add(await fsp.readFile(file, 'utf8')) };
  } catch {
    return undefined; // missing or unreadable ignore file: no rules
  }
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function progress(w: Walk): void {
  w.seen++;
  if (w.seen % PROGRESS_EVERY === 0) w.options.onProgress?.(w.seen);
}

/** Reasons a file is skipped from its name alone, before anything is read. */
function nameSkip(w: Walk, rules: readonly Rules[], rel: string): SkipReason | undefined {
  if (testRules(w.exclude, rel).ignored) return 'excluded';
  if (isSecretName(rel)) return 'secret';
  if (isGitignored(rules, rel, false)) return 'gitignored';
  if (isLockfileName(rel)) return 'lockfile';
  if (isBinaryExtension(rel)) return 'binary';
  if (isMinifiedName(rel)) return 'minified';
  return undefined;
}

function folderSkip(w: Walk, rules: readonly Rules[], rel: string, name: string): SkipReason | undefined {
  if (testRules(w.exclude, rel + '/').ignored) return 'excluded';
  if (isGitignored(rules, rel, true)) return 'gitignored';
  if (SKIPPED_FOLDERS.has(name)) return 'build-output';
  return undefined;
}

async function walk(w: Walk, absDir: string, relDir: string, parentRules: readonly Rules[]): Promise<void> {
  w.options.signal?.throwIfAborted();
  let dirents;
  try {
    dirents = await fsp.readdir(absDir, { withFileTypes: true });
  } catch (err) {
    if (relDir === '') throw new Error(`Cannot read folder ${absDir}: ${(err as Error).message}`);
    w.entries.push({ rel: relDir, outcome: { skip: 'unreadable' } });
    return;
  }
  dirents.sort(byName);
  let rules = parentRules;
  if (dirents.some((d) => d.name === '.gitignore' && d.isFile())) {
    const own = await readRules(path.join(absDir, '.gitignore'), relDir === '' ? '' : relDir + '/');
    if (own) rules = [...rules, own];
  }
  for (const d of dirents) {
    const rel = relDir === '' ? d.name : `${relDir}/${d.name}`;
    if (d.isSymbolicLink()) {
      w.entries.push({ rel, outcome: { skip: 'symlink' } });
    } else if (d.isDirectory()) {
      if (VCS_FOLDERS.has(d.name)) continue;
      const reason = folderSkip(w, rules, rel, d.name);
      if (reason) w.entries.push({ rel, outcome: { skip: reason } });
      else await walk(w, path.join(absDir, d.name), rel, rules);
    } else if (d.isFile()) {
      const reason = nameSkip(w, rules, rel);
      if (reason) {
        w.entries.push({ rel, outcome: { skip: reason } });
        progress(w);
      } else {
        w.entries.push({ rel, abs: path.join(absDir, d.name) });
      }
    }
    // Sockets, FIFOs and devices are not files to train on: ignored silently.
  }
}

/** Reads one candidate file and applies the content filters. */
async function examine(abs: string, rel: string, maxBytes: number): Promise<Outcome> {
  let buf: Buffer;
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(abs, OPEN_FLAGS);
  } catch (err) {
    return { skip: (err as NodeJS.ErrnoException).code === 'ELOOP' ? 'symlink' : 'unreadable' };
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) return { skip: 'unreadable' };
    if (st.size === 0) return { skip: 'empty' };
    if (st.size > maxBytes) return { skip: 'too-large' };
    buf = await handle.readFile();
  } catch {
    return { skip: 'unreadable' };
  } finally {
    await handle.close().catch(() => undefined);
  }
  if (buf.length > maxBytes) return { skip: 'too-large' }; // grew while we looked
  if (buf.includes(0)) return { skip: 'binary' };
  let text: string;
  try {
    text = UTF8.decode(buf);
  } catch {
    return { skip: 'binary' };
  }
  text = text.replace(/\r\n/g, '\n');
  if (text.trim() === '') return { skip: 'empty' };
  if (containsPrivateKey(text)) return { skip: 'secret' };
  if (isMinified(text, rel)) return { skip: 'minified' };
  return { text };
}

/**
 * Collects the trainable text files under `root` (see corpusFilters.ts for the rules).
 * Deterministic: same tree and options, same result. Files are split into train and
 * validation by a hash of their path; with 2 or more files both sides are non-empty
 * (one file is moved if the hash put all on one side). With exactly 1 file it is in
 * train and validation is EMPTY: the caller decides what to do (e.g. evaluate on train,
 * or refuse). Throws if `root` cannot be read.
 */
export async function collectCorpus(root: string, options: CorpusOptions = {}): Promise<Corpus> {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const valFraction = options.valFraction ?? DEFAULT_VAL_FRACTION;
  if (!(valFraction >= 0 && valFraction <= 1)) throw new RangeError(`valFraction must be in [0, 1], got ${valFraction}`);
  if (!(maxFileBytes > 0)) throw new RangeError(`maxFileBytes must be positive, got ${maxFileBytes}`);
  const absRoot = path.resolve(root);
  const w: Walk = { entries: [], exclude: newIgnore().add(options.exclude ?? []), seen: 0, options };

  const rootRules: Rules[] = [];
  const infoExclude = await readRules(path.join(absRoot, '.git', 'info', 'exclude'), '');
  if (infoExclude) rootRules.push(infoExclude); // lowest precedence, below every .gitignore
  await walk(w, absRoot, '', rootRules);

  const pending = w.entries.filter((e) => e.outcome === undefined);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < pending.length) {
      options.signal?.throwIfAborted();
      const e = pending[next++];
      e.outcome = await examine(e.abs!, e.rel, maxFileBytes);
      progress(w);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, pending.length) }, worker));
  options.signal?.throwIfAborted();
  options.onProgress?.(w.seen);

  const entries = w.entries.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  const skipped = Object.fromEntries(SKIP_REASONS.map((r) => [r, 0])) as Record<SkipReason, number>;
  const skippedExamples: Partial<Record<SkipReason, string[]>> = {};
  const files: CorpusFile[] = [];
  for (const e of entries) {
    const outcome = e.outcome!;
    if ('text' in outcome) {
      files.push({ path: e.rel, text: outcome.text, split: splitOf(e.rel, valFraction) });
    } else {
      skipped[outcome.skip]++;
      const examples = (skippedExamples[outcome.skip] ??= []);
      if (examples.length < MAX_EXAMPLES) examples.push(e.rel);
    }
  }
  balanceSplit(files);

  let trainChars = 0;
  let valChars = 0;
  for (const f of files) {
    if (f.split === 'train') trainChars += countChars(f.text);
    else valChars += countChars(f.text);
  }
  return { root: absRoot, files, trainChars, valChars, skipped, skippedExamples, maxFileBytes };
}

/**
 * A single file always trains (validation empty). With 2+ files, makes both splits
 * non-empty by moving the file with the smallest hash to val (or the largest to train).
 */
function balanceSplit(files: CorpusFile[]): void {
  if (files.length === 1) files[0].split = 'train';
  if (files.length < 2) return;
  const from = files.some((f) => f.split === 'val') ? 'val' : 'train';
  if (files.some((f) => f.split !== from)) return;
  let pick = files[0];
  for (const f of files) {
    const h = fnv1a32(f.path);
    const better = from === 'train' ? h < fnv1a32(pick.path) : h > fnv1a32(pick.path);
    if (better) pick = f;
  }
  pick.split = from === 'train' ? 'val' : 'train';
}

export function formatChars(n: number): string {
  if (n < 1000) return `${n}`;
  if (n < 1e6) return `${(n / 1e3).toFixed(1)}k`;
  return `${(n / 1e6).toFixed(1)}M`;
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

function reasonLabel(reason: SkipReason, n: number, c: Corpus): string {
  const s = n === 1 ? '' : 's';
  switch (reason) {
    case 'gitignored': return 'gitignored';
    case 'excluded': return 'excluded by pattern';
    case 'build-output': return `build/dependency folder${s}`;
    case 'secret': return `possible secret${s}`;
    case 'lockfile': return `lockfile${s}`;
    case 'binary': return 'binary or not UTF-8';
    case 'minified': return 'minified or generated';
    case 'too-large': return c.maxFileBytes ? `over ${formatBytes(c.maxFileBytes)}` : 'too large';
    case 'empty': return 'empty';
    case 'symlink': return `symlink${s}`;
    case 'unreadable': return 'unreadable';
  }
}

function skipList(c: Corpus, withExamples: boolean): { total: number; text: string } {
  const parts: string[] = [];
  let total = 0;
  for (const r of SKIP_REASONS) {
    const n = c.skipped[r] ?? 0;
    if (n === 0) continue;
    total += n;
    const ex = c.skippedExamples[r];
    const more = withExamples && ex && ex.length > 0 ? ` (e.g. ${ex.join(', ')})` : '';
    parts.push(`${n} ${reasonLabel(r, n, c)}${more}`);
  }
  return { total, text: parts.join(', ') };
}

/** One-paragraph summary of what will be trained on and what was skipped. */
export function describeCorpus(c: Corpus): string {
  const n = c.files.length;
  const used =
    `Using ${n} file${n === 1 ? '' : 's'} under ${c.root} ` +
    `(${formatChars(c.trainChars + c.valChars)} characters)`;
  const { total, text } = skipList(c, false);
  return total === 0 ? `${used}; nothing skipped.` : `${used}; skipped ${total} path${total === 1 ? '' : 's'}: ${text}.`;
}

/** Explains why `c` has no trainable files, with skip reasons, counts and examples. */
export function emptyCorpusMessage(c: Corpus): string {
  const { total, text } = skipList(c, true);
  const why = total === 0 ? 'the folder contains no files' : `skipped ${total}: ${text}`;
  const limit = formatBytes(c.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
  return (
    `No trainable files under ${c.root}: ${why}. Training needs non-empty UTF-8 text files ` +
    `under ${limit} that are not gitignored, minified, lockfiles or secrets.`
  );
}
