// Builds the default model's pretraining corpus (or, with --heldout, the separate held-out
// evaluation set) from the pinned sources in sources.ts:
//
//   npm run corpus:default [-- --out DIR] [--force]        -> .cache/corpus/default/
//   npm run corpus:default -- --heldout [--out DIR]        -> .cache/corpus/heldout/<language>/
//
// Steps: stage each source (npm pack / installed or downloaded .deb; cached in --cache,
// default .cache/corpus/staging), scan and filter, drop exact duplicates, apply the
// per-source and per-language caps, copy the selected files, write manifest.json and
// files.tsv into the output folder and the Markdown description into this folder
// (SOURCES.md, or HELDOUT.md). Idempotent: an up-to-date manifest means nothing to do;
// staged sources are reused; --force redoes everything.

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { type StagedSource, stageSource } from './fetch';
import { type ScannedFile, readSourceFile, scanSource } from './scan';
import {
  type DropReason, type LanguageStats, MAX_DATA_BYTES, MAX_DTS_BYTES, MAX_FILE_BYTES, type SourceRow,
  applyCaps, dedup, languageStats, languageTable, sourcesTable,
} from './select';
import {
  HELDOUT_LANGUAGE_CAPS, HELDOUT_SOURCES, type Language, SOURCE_CAP, type Source,
  TRAINING_LANGUAGE_CAPS, TRAINING_SOURCES, sourceId,
} from './sources';

const RECIPE_VERSION = 4;

interface Args {
  heldout: boolean;
  force: boolean;
  out: string;
  cache: string;
  train: string;
}

interface SourceEntry extends Omit<StagedSource, 'roots'>, SourceRow {
  note?: string;
  bytes: number;
  candidates: { files: number; chars: number };
  duplicatesRemoved: number;
  capped: number;
  dropped: Partial<Record<DropReason, number>>;
}

export interface Manifest {
  recipe: 'char-lstm default corpus';
  recipeVersion: number;
  set: 'training' | 'heldout';
  fingerprint: string;
  complete: boolean;
  builtAt: string;
  seconds: number;
  layout: string;
  limits: Record<string, unknown>;
  totals: { files: number; chars: number; bytes: number; languages: LanguageStats };
  duplicates: { files: number; chars: number; againstTraining: number };
  capped: { bySource: number; byLanguage: number };
  dropped: Partial<Record<DropReason, number>>;
  sources: SourceEntry[];
  tools: Record<string, string>;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { heldout: false, force: false, out: '', cache: '.cache/corpus/staging', train: '.cache/corpus/default' };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${v} needs a value`);
      return next;
    };
    if (v === '--heldout') a.heldout = true;
    else if (v === '--force') a.force = true;
    else if (v === '--out') a.out = value();
    else if (v === '--cache') a.cache = value();
    else if (v === '--train') a.train = value();
    else throw new Error(`unknown argument ${v} (use --out DIR, --heldout, --force, --cache DIR, --train DIR)`);
  }
  a.out = path.resolve(a.out || (a.heldout ? '.cache/corpus/heldout' : '.cache/corpus/default'));
  a.cache = path.resolve(a.cache);
  a.train = path.resolve(a.train);
  return a;
}

/** Held-out sources must share no npm package, Debian package or folder name with training. */
export function checkDisjoint(train: readonly Source[], heldout: readonly Source[]): void {
  const keys = (s: Source): string[] =>
    s.kind === 'npm' ? [`npm:${s.name}`, `id:${sourceId(s)}`] : [...s.packages.map((p) => `deb:${p}`), `id:${sourceId(s)}`];
  const used = new Set(train.flatMap(keys));
  for (const s of heldout) {
    const clash = keys(s).find((k) => used.has(k));
    if (clash) throw new Error(`held-out source ${sourceId(s)} is also in the training corpus (${clash})`);
  }
}

function readManifest(dir: string): Manifest | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/**
 * What an up-to-date build must match. A held-out set also depends on the training corpus it
 * was checked against (files found in both are removed), so its key includes the training
 * manifest's fingerprint: rebuilding the training corpus makes the held-out set stale.
 */
export function recipeFingerprint(recipe: { heldout: boolean; sources: readonly Source[]; limits: object; trainFingerprint?: string }): string {
  const { heldout, sources, limits, trainFingerprint } = recipe;
  const key = heldout ? { RECIPE_VERSION, heldout, sources, limits, train: trainFingerprint ?? 'none' } : { RECIPE_VERSION, heldout, sources, limits };
  return createHash('sha1').update(JSON.stringify(key)).digest('hex');
}

function trainingHashes(dir: string): Set<string> | undefined {
  try {
    const lines = fs.readFileSync(path.join(dir, 'files.tsv'), 'utf8').split('\n').slice(1);
    return new Set(lines.filter(Boolean).map((l) => l.split('\t')[3]));
  } catch {
    return undefined;
  }
}

const mb = (n: number): string => (n / 1e6).toFixed(2);

function describe(m: Manifest): string {
  const heldout = m.set === 'heldout';
  const dropped = Object.entries(m.dropped).sort().map(([r, n]) => `${r} ${n}`).join(', ');
  const caps = Object.entries(m.limits.languageCaps as Record<string, number>).map(([l, n]) => `${l} ${mb(n)}`).join(', ');
  return [
    heldout ? '# Held-out evaluation set (generated)' : '# Default corpus sources (generated)',
    '',
    `Generated by \`npm run corpus:default${heldout ? ' -- --heldout' : ''}\` (training/defaultCorpus/build.ts,`,
    `recipe version ${m.recipeVersion}); do not edit by hand. The files themselves are not committed:`,
    `the recipe rebuilds them into \`${m.layout}\`. npm packages are pinned in sources.ts; Debian`,
    'packages are the version installed on the build machine, else the one apt offered (downloaded and',
    'extracted, not installed). Sizes are in millions of characters (Unicode code points).',
    heldout ? '\nNone of these projects is in the training corpus; files whose content also occurs in the training corpus\nare removed.\n' : '',
    '## Sources',
    '',
    sourcesTable(m.sources),
    '',
    '## Per language',
    '',
    languageTable(m.totals.languages),
    '',
    '## Rules',
    '',
    `- Kept: text files with code/doc extensions (.ts .tsx .js .mjs .cjs .jsx .py .go .rs .c .h .cc .cpp .hpp .java`,
    '  .sh .bash .json .yaml .yml .md .toml; extensionless files with a sh/bash shebang count as shell).',
    `- Dropped: the trainer's filters (binary, minified, lockfiles, secrets, over ${MAX_FILE_BYTES / 1024} KB), test data and`,
    `  JSON/YAML/TOML over ${MAX_DATA_BYTES / 1024} KB, .d.ts over ${MAX_DTS_BYTES / 1024} KB. Counts: ${dropped || 'none'}.`,
    `- Exact duplicates (sha1 of normalised text; first in path order kept): ${m.duplicates.files} files,`,
    `  ${mb(m.duplicates.chars)} M chars removed${heldout ? `, of which ${m.duplicates.againstTraining} also in the training corpus` : ''}.`,
    `- Caps, files taken in fnv1a32(path) order: ${mb(SOURCE_CAP)} M chars per source; per language: ${caps}.`,
    `  Left out by the caps: ${m.capped.bySource} files (source cap), ${m.capped.byLanguage} files (language cap).`,
    `- Folder names the trainer skips (dist, build, out, target, ...) get a leading \`_\` in the corpus.`,
    '',
  ].join('\n');
}

function copySelected(files: readonly ScannedFile[], outDir: string, heldout: boolean): void {
  const partial = `${outDir}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  for (const f of files) {
    const dest = path.join(partial, heldout ? `${f.language}/${f.path}` : f.path);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.writeFileSync(dest, readSourceFile(f.abs, f.gzip).toString('utf8').replace(/\r\n/g, '\n'));
  }
  const tsv = ['path\tlanguage\tchars\tsha1', ...files.map((f) => `${heldout ? `${f.language}/` : ''}${f.path}\t${f.language}\t${f.chars}\t${f.hash}`)];
  fs.writeFileSync(path.join(partial, 'files.tsv'), tsv.join('\n') + '\n');
  // The trainer's collectCorpus honours .gitignore: keep the bookkeeping out of training/eval.
  fs.writeFileSync(path.join(partial, '.gitignore'), '/.gitignore\n/manifest.json\n/files.tsv\n');
  if (fs.existsSync(outDir)) {
    if (!fs.existsSync(path.join(outDir, 'manifest.json')) && fs.readdirSync(outDir).length > 0) {
      throw new Error(`${outDir} exists and is not a corpus built by this recipe (no manifest.json): not replacing it`);
    }
    fs.rmSync(outDir, { recursive: true, force: true });
  }
  fs.renameSync(partial, outDir);
}

function toolVersion(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

export async function build(args: Args): Promise<Manifest> {
  const started = Date.now();
  const heldout = args.heldout;
  const sources = heldout ? HELDOUT_SOURCES : TRAINING_SOURCES;
  const languageCaps = heldout ? HELDOUT_LANGUAGE_CAPS : TRAINING_LANGUAGE_CAPS;
  checkDisjoint(TRAINING_SOURCES, HELDOUT_SOURCES);
  const limits = { sourceCap: SOURCE_CAP, languageCaps, maxFileBytes: MAX_FILE_BYTES, maxDataBytes: MAX_DATA_BYTES, maxDtsBytes: MAX_DTS_BYTES };
  const trainFingerprint = heldout ? readManifest(args.train)?.fingerprint : undefined;
  const fingerprint = recipeFingerprint({ heldout, sources, limits, trainFingerprint });
  const docFile = path.join(__dirname, heldout ? 'HELDOUT.md' : 'SOURCES.md');

  const previous = readManifest(args.out);
  if (!args.force && previous?.complete && previous.fingerprint === fingerprint) {
    console.log(`${args.out} is up to date (recipe fingerprint ${fingerprint.slice(0, 12)}); use --force to rebuild`);
    fs.writeFileSync(docFile, describe(previous));
    return previous;
  }

  const staged: StagedSource[] = [];
  for (const s of sources) staged.push(await stageSource(s, args.cache, args.force));

  const all: ScannedFile[] = [];
  const droppedBySource = new Map<string, Partial<Record<DropReason, number>>>();
  for (let i = 0; i < sources.length; i++) {
    const r = scanSource(sources[i], staged[i]);
    console.log(`scanned ${staged[i].label}: ${r.files.length} candidate files`);
    all.push(...r.files);
    droppedBySource.set(staged[i].id, r.dropped);
  }

  const exclude = heldout ? trainingHashes(args.train) : undefined;
  if (heldout && !exclude) console.warn(`warning: no ${args.train}/files.tsv: cannot remove held-out files that also occur in training`);
  const { kept, removed } = dedup(all, exclude);
  const againstTraining = exclude ? removed.filter((c) => exclude.has(c.hash)).length : 0;
  const { selected, cappedBySource, cappedByLanguage } = applyCaps(kept, SOURCE_CAP, languageCaps);
  const byAbs = new Map(all.map((f) => [f.path, f]));
  const chosen = selected.map((c) => byAbs.get(c.path)!);
  copySelected(chosen, args.out, heldout);

  const selectedIds = new Set(selected.map((c) => c.path));
  const keptIds = new Set(kept.map((c) => c.path));
  const entries: SourceEntry[] = staged.map((st, i) => {
    const mine = all.filter((f) => f.source === st.id);
    const sel = mine.filter((f) => selectedIds.has(f.path));
    const langs: Partial<Record<Language, number>> = {};
    for (const f of sel) langs[f.language] = (langs[f.language] ?? 0) + f.chars;
    const { roots: _roots, ...rest } = st;
    return {
      ...rest, note: sources[i].note, languages: langs, files: sel.length,
      chars: sel.reduce((n, f) => n + f.chars, 0), bytes: sel.reduce((n, f) => n + f.bytes, 0),
      candidates: { files: mine.length, chars: mine.reduce((n, f) => n + f.chars, 0) },
      duplicatesRemoved: mine.filter((f) => !keptIds.has(f.path)).length,
      capped: mine.filter((f) => keptIds.has(f.path) && !selectedIds.has(f.path)).length,
      dropped: droppedBySource.get(st.id) ?? {},
    };
  });
  const dropped: Partial<Record<DropReason, number>> = {};
  for (const d of droppedBySource.values()) {
    for (const [r, n] of Object.entries(d)) dropped[r as DropReason] = (dropped[r as DropReason] ?? 0) + (n ?? 0);
  }
  const manifest: Manifest = {
    recipe: 'char-lstm default corpus', recipeVersion: RECIPE_VERSION, set: heldout ? 'heldout' : 'training',
    fingerprint, complete: true, builtAt: new Date().toISOString(), seconds: Math.round((Date.now() - started) / 1000),
    layout: heldout ? '.cache/corpus/heldout/<language>/<source>/<path>' : '.cache/corpus/default/<source>/<path>',
    limits,
    totals: {
      files: selected.length, chars: selected.reduce((n, f) => n + f.chars, 0),
      bytes: selected.reduce((n, f) => n + f.bytes, 0), languages: languageStats(selected),
    },
    duplicates: { files: removed.length, chars: removed.reduce((n, f) => n + f.chars, 0), againstTraining },
    capped: { bySource: cappedBySource, byLanguage: cappedByLanguage },
    dropped, sources: entries,
    tools: { node: process.version, npm: toolVersion('npm', ['--version']), debian: toolVersion('cat', ['/etc/debian_version']) },
  };
  fs.writeFileSync(path.join(args.out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  fs.writeFileSync(docFile, describe(manifest));
  return manifest;
}

async function main(): Promise<void> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const m = await build(args);
  console.log('\n' + sourcesTable(m.sources) + '\n\n' + languageTable(m.totals.languages) + '\n');
  console.log(
    `${m.set}: ${m.totals.files} files, ${mb(m.totals.chars)} M chars (${mb(m.totals.bytes)} MB) in ${args.out}; ` +
      `duplicates removed ${m.duplicates.files} (${mb(m.duplicates.chars)} M chars); built in ${m.seconds} s`,
  );
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`corpus: ${(err as Error).message}`);
    process.exit(1);
  });
}
