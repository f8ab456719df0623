// Pure parts of the default-corpus recipe: which files are kept and as what language,
// content hashing and deduplication, the per-source and per-language caps, the licence
// allow-list, and the Markdown tables. No file system, no network: all unit-testable.

import { createHash } from 'node:crypto';
import {
  SKIPPED_FOLDERS, VCS_FOLDERS, containsPrivateKey, fnv1a32, isBinaryExtension,
  isLockfileName, isMinified, isMinifiedName, isSecretName,
} from '../corpusFilters';
import { LANGUAGES, type Language } from './sources';

/** The trainer skips larger files (training/corpus.ts DEFAULT_MAX_FILE_BYTES). */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Test data, and JSON/YAML/TOML data, larger than this teach little: dropped. */
export const MAX_DATA_BYTES = 200 * 1024;
/** Declaration files larger than this (lib.dom.d.ts and the like) are dropped. */
export const MAX_DTS_BYTES = 300 * 1024;

const EXTENSION_LANGUAGE: Readonly<Record<string, Language>> = {
  ts: 'typescript', tsx: 'typescript', mts: 'typescript', cts: 'typescript',
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascript',
  py: 'python', go: 'go', rs: 'rust',
  c: 'c-cpp', h: 'c-cpp', cc: 'c-cpp', cpp: 'c-cpp', hpp: 'c-cpp',
  java: 'java', sh: 'shell', bash: 'shell',
  json: 'json', yaml: 'yaml', yml: 'yaml', md: 'markdown', toml: 'toml',
};

export type DropReason =
  | 'not-code' | 'secret' | 'lockfile' | 'binary' | 'minified' | 'too-large' | 'empty'
  | 'large-test-data' | 'large-data' | 'large-dts' | 'symlink' | 'unreadable';

function baseName(rel: string): string {
  return rel.slice(rel.lastIndexOf('/') + 1);
}

function extensionOf(rel: string): string {
  const name = baseName(rel);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

const SHEBANG_SHELL = /^#!\s*\S*\/(?:env\s+)?(?:ba|da|k)?sh\b/;

/**
 * Language of a file from its name; files without an extension are shell when their first
 * line is a sh/bash shebang. Undefined for everything the corpus does not keep.
 */
export function languageOf(rel: string, firstLine?: string): Language | undefined {
  const name = baseName(rel);
  if (!name.includes('.') && firstLine !== undefined && SHEBANG_SHELL.test(firstLine)) return 'shell';
  return EXTENSION_LANGUAGE[extensionOf(rel)];
}

/** True when the name alone could make it a kept file (a known extension, or no extension). */
export function mayBeCode(rel: string): boolean {
  const name = baseName(rel);
  return !name.includes('.') || EXTENSION_LANGUAGE[extensionOf(rel)] !== undefined;
}

const TEST_DIR = /(^|\/)(tests?|testdata|test-data|__tests__|fixtures|__fixtures__|__snapshots__|spec|testsuite)\//i;

export function isTestPath(rel: string): boolean {
  return TEST_DIR.test(rel) || /[._-](test|spec)\.[a-z]+$/i.test(baseName(rel));
}

/** Reasons to drop a file from its name alone (before reading it). */
export function nameDrop(rel: string): DropReason | undefined {
  if (isSecretName(rel)) return 'secret';
  if (isLockfileName(rel)) return 'lockfile';
  if (isBinaryExtension(rel)) return 'binary';
  if (isMinifiedName(rel)) return 'minified';
  if (!mayBeCode(rel)) return 'not-code';
  return undefined;
}

/** Reasons to drop a file from its size (bytes) and language. */
export function sizeDrop(rel: string, bytes: number, language: Language): DropReason | undefined {
  if (bytes > MAX_FILE_BYTES) return 'too-large';
  if (bytes > MAX_DTS_BYTES && /\.d\.[cm]?ts$/i.test(rel)) return 'large-dts';
  if (bytes > MAX_DATA_BYTES && isTestPath(rel)) return 'large-test-data';
  if (bytes > MAX_DATA_BYTES && (language === 'json' || language === 'yaml' || language === 'toml')) return 'large-data';
  return undefined;
}

/** Reasons to drop a file from its decoded text (`\n` line ends): the trainer's content filters. */
export function contentDrop(rel: string, text: string): DropReason | undefined {
  if (text.trim() === '') return 'empty';
  if (containsPrivateKey(text)) return 'secret';
  if (isMinified(text, rel)) return 'minified';
  return undefined;
}

/**
 * The path a file gets inside the corpus. Folder names that the trainer's collectCorpus
 * skips (dist, build, out, target, ...) get a leading '_' so the file is not silently lost
 * at training time; everything else is kept as is.
 */
export function corpusRelPath(rel: string): string {
  const parts = rel.split('/');
  for (let i = 0; i < parts.length - 1; i++) {
    if (SKIPPED_FOLDERS.has(parts[i]) || VCS_FOLDERS.has(parts[i])) parts[i] = `_${parts[i]}`;
  }
  return parts.join('/');
}

/** Text normalised for duplicate detection: LF line ends, no trailing blanks, trimmed. */
export function normaliseForHash(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').trim();
}

/** sha1 (hex) of the normalised text. */
export function contentHash(text: string): string {
  return createHash('sha1').update(normaliseForHash(text), 'utf8').digest('hex');
}

export interface Candidate {
  /** Source folder name (sourceId). */
  source: string;
  /** Path inside the corpus, `<source>/<rel>`: unique. */
  path: string;
  language: Language;
  /** Unicode code points. */
  chars: number;
  bytes: number;
  /** contentHash of the text. */
  hash: string;
}

const byPath = (a: Candidate, b: Candidate): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

export interface DedupResult {
  kept: Candidate[];
  removed: Candidate[];
}

/**
 * Removes exact duplicates (same content hash): in sorted path order the first copy is
 * kept. Hashes in `exclude` (e.g. the training corpus, for the held-out set) are removed too.
 */
export function dedup(candidates: readonly Candidate[], exclude?: ReadonlySet<string>): DedupResult {
  const seen = new Set<string>(exclude ?? []);
  const kept: Candidate[] = [];
  const removed: Candidate[] = [];
  for (const c of [...candidates].sort(byPath)) {
    if (seen.has(c.hash)) removed.push(c);
    else {
      seen.add(c.hash);
      kept.push(c);
    }
  }
  return { kept, removed };
}

export interface CapResult {
  /** Selected files, in sorted path order. */
  selected: Candidate[];
  /** Files left out because their source, or their language, was full. */
  cappedBySource: number;
  cappedByLanguage: number;
}

/**
 * Takes files in a deterministic hash order (fnv1a32 of the corpus path, ties by path), so
 * that a capped source or language is sampled across its whole tree. A file is taken when
 * it fits both its source's and its language's remaining budget. The result depends only on
 * the set of candidates, not on their order.
 */
export function applyCaps(
  candidates: readonly Candidate[],
  sourceCap: number,
  languageCaps: Readonly<Record<Language, number>>,
): CapResult {
  const order = candidates
    .map((c) => ({ c, h: fnv1a32(c.path) }))
    .sort((a, b) => a.h - b.h || byPath(a.c, b.c));
  const bySource = new Map<string, number>();
  const byLanguage = new Map<Language, number>();
  const selected: Candidate[] = [];
  let cappedBySource = 0;
  let cappedByLanguage = 0;
  for (const { c } of order) {
    const s = bySource.get(c.source) ?? 0;
    const l = byLanguage.get(c.language) ?? 0;
    if (s + c.chars > sourceCap) cappedBySource++;
    else if (l + c.chars > languageCaps[c.language]) cappedByLanguage++;
    else {
      bySource.set(c.source, s + c.chars);
      byLanguage.set(c.language, l + c.chars);
      selected.push(c);
    }
  }
  return { selected: selected.sort(byPath), cappedBySource, cappedByLanguage };
}

/** Licences (SPDX ids, lower case) the corpus may use. Copyleft (GPL, LGPL, AGPL, MPL, EPL) is out. */
export const PERMISSIVE_LICENSES: ReadonlySet<string> = new Set([
  'mit', 'mit-0', 'isc', 'bsd-2-clause', 'bsd-3-clause', 'apache-2.0', '0bsd', 'zlib',
  'psf-2.0', 'python-2.0', 'bsl-1.0', 'unlicense', 'cc0-1.0', 'blessing', 'x11',
]);

/**
 * True when an SPDX expression lets us use the code under a permissive licence: an id on
 * the allow-list; `A OR B` when either side is; `A AND B` when both are; `X WITH exception`
 * as X. Anything unparsable or empty is rejected.
 */
export function isPermissiveLicense(expression: string | undefined): boolean {
  if (!expression) return false;
  const tokens = expression.match(/\(|\)|[^\s()]+/g) ?? [];
  let i = 0;
  const atom = (): boolean => {
    const t = tokens[i++];
    if (t === undefined) throw new Error('unexpected end');
    if (t === '(') {
      const v = orExpr();
      if (tokens[i++] !== ')') throw new Error('missing )');
      return v;
    }
    if (/^(and|or|with|\))$/i.test(t)) throw new Error(`unexpected ${t}`);
    let ok = PERMISSIVE_LICENSES.has(t.toLowerCase());
    if (tokens[i]?.toLowerCase() === 'with') {
      i += 2; // an exception only ever adds permissions
      ok = ok && tokens[i - 1] !== undefined;
    }
    return ok;
  };
  const andExpr = (): boolean => {
    let v = atom();
    while (tokens[i]?.toLowerCase() === 'and') {
      i++;
      v = atom() && v;
    }
    return v;
  };
  const orExpr = (): boolean => {
    let v = andExpr();
    while (tokens[i]?.toLowerCase() === 'or') {
      i++;
      v = andExpr() || v;
    }
    return v;
  };
  try {
    const v = orExpr();
    return i === tokens.length && v;
  } catch {
    return false;
  }
}

export interface SourceRow {
  label: string;
  license: string;
  languages: Partial<Record<Language, number>>;
  files: number;
  chars: number;
}

const mb = (n: number): string => (n / 1e6).toFixed(2);

/** Markdown table of the sources: one row each, languages listed by size (M characters). */
export function sourcesTable(rows: readonly SourceRow[]): string {
  const lines = ['| source | licence | languages (M chars) | files | M chars |', '|---|---|---|---:|---:|'];
  for (const r of rows) {
    const langs = Object.entries(r.languages)
      .filter(([, n]) => (n ?? 0) > 0)
      .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0) || (a[0] < b[0] ? -1 : 1))
      .map(([l, n]) => `${l} ${mb(n ?? 0)}`)
      .join(', ');
    lines.push(`| ${r.label} | ${r.license} | ${langs || '-'} | ${r.files} | ${mb(r.chars)} |`);
  }
  return lines.join('\n');
}

export type LanguageStats = Record<Language, { files: number; chars: number }>;

/** Files and characters per language. Every language is present. */
export function languageStats(files: readonly Candidate[]): LanguageStats {
  const out = Object.fromEntries(LANGUAGES.map((l) => [l, { files: 0, chars: 0 }])) as LanguageStats;
  for (const f of files) {
    out[f.language].files++;
    out[f.language].chars += f.chars;
  }
  return out;
}

/** Markdown table of files and characters per language (non-empty ones), with a total row. */
export function languageTable(stats: LanguageStats): string {
  const lines = ['| language | files | M chars |', '|---|---:|---:|'];
  let files = 0;
  let chars = 0;
  for (const l of LANGUAGES) {
    const s = stats[l];
    if (!s || s.files === 0) continue;
    lines.push(`| ${l} | ${s.files} | ${mb(s.chars)} |`);
    files += s.files;
    chars += s.chars;
  }
  lines.push(`| **total** | ${files} | ${mb(chars)} |`);
  return lines.join('\n');
}
