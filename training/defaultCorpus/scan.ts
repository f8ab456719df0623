// Walks a staged source and turns every kept file into a Candidate (language, characters,
// content hash), applying the filters of select.ts (the trainer's filters plus the
// corpus-specific ones); counts what was dropped and why.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import ignore from 'ignore';
import { countChars, VCS_FOLDERS } from '../corpusFilters';
import type { StagedRoot, StagedSource } from './fetch';
import {
  type Candidate, type DropReason, MAX_FILE_BYTES, contentDrop, contentHash, corpusRelPath,
  languageOf, nameDrop, sizeDrop,
} from './select';
import type { Source } from './sources';

export interface ScannedFile extends Candidate {
  /** Absolute path of the file to copy. */
  abs: string;
  /** The file on disk is gzip-compressed (Debian docs); `path` has no `.gz`. */
  gzip?: boolean;
}

export interface ScanResult {
  files: ScannedFile[];
  dropped: Partial<Record<DropReason, number>>;
}

/** Folders never entered: VCS, and other projects' code or caches bundled in a package. */
const NEVER_ENTER: ReadonlySet<string> = new Set([
  ...VCS_FOLDERS, 'node_modules', '__pycache__', 'bower_components', '.tap', '.nyc_output',
]);
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** True when `rel` (a file, or a folder when `isDir`) is inside one of the include prefixes. */
export function isIncluded(rel: string, isDir: boolean, include: readonly string[] | undefined): boolean {
  if (!include) return true;
  if (isDir) {
    const dir = rel + '/';
    return include.some((p) => p.endsWith('/') && (p.startsWith(dir) || dir.startsWith(p)));
  }
  const lower = rel.toLowerCase();
  return include.some((p) => (p.endsWith('/') ? rel.startsWith(p) : lower === p.toLowerCase()));
}

interface Ctx {
  source: Source;
  id: string;
  root: StagedRoot;
  ig: ReturnType<typeof ignore>;
  out: ScanResult;
}

function drop(ctx: Ctx, reason: DropReason): void {
  ctx.out.dropped[reason] = (ctx.out.dropped[reason] ?? 0) + 1;
}

/** Reads a file, gunzipped when `gzip`. */
export function readSourceFile(abs: string, gzip: boolean | undefined): Buffer {
  const raw = fs.readFileSync(abs);
  return gzip ? gunzipSync(raw) : raw;
}

function examine(ctx: Ctx, abs: string, diskRel: string): void {
  const gzip = ctx.source.kind === 'debian' && ctx.source.gunzip === true && diskRel.endsWith('.gz');
  const rel = gzip ? diskRel.slice(0, -3) : diskRel;
  const byName = nameDrop(rel);
  if (byName) return drop(ctx, byName);
  let buf: Buffer;
  try {
    if (!gzip && fs.statSync(abs).size > MAX_FILE_BYTES) return drop(ctx, 'too-large');
    buf = readSourceFile(abs, gzip);
  } catch {
    return drop(ctx, 'unreadable');
  }
  if (buf.length > MAX_FILE_BYTES) return drop(ctx, 'too-large');
  if (buf.length === 0) return drop(ctx, 'empty');
  if (buf.includes(0)) return drop(ctx, 'binary');
  let text: string;
  try {
    text = UTF8.decode(buf);
  } catch {
    return drop(ctx, 'binary');
  }
  text = text.replace(/\r\n/g, '\n');
  const nl = text.indexOf('\n');
  const language = languageOf(rel, nl < 0 ? text : text.slice(0, nl));
  if (!language) return drop(ctx, 'not-code');
  const reason = sizeDrop(rel, buf.length, language) ?? contentDrop(rel, text);
  if (reason) return drop(ctx, reason);
  ctx.out.files.push({
    source: ctx.id,
    path: `${ctx.id}/${corpusRelPath(ctx.root.prefix + rel)}`,
    language,
    chars: countChars(text),
    bytes: Buffer.byteLength(text, 'utf8'),
    hash: contentHash(text),
    abs,
    ...(gzip ? { gzip } : {}),
  });
}

function walk(ctx: Ctx, absDir: string, relDir: string): void {
  const entries = fs.readdirSync(absDir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const d of entries) {
    const rel = relDir === '' ? d.name : `${relDir}/${d.name}`;
    const abs = path.join(absDir, d.name);
    if (d.isDirectory()) {
      if (NEVER_ENTER.has(d.name)) continue;
      if (!isIncluded(rel, true, ctx.source.include) || ctx.ig.ignores(rel + '/')) continue;
      walk(ctx, abs, rel);
    } else if (isIncluded(rel, false, ctx.source.include) && !ctx.ig.ignores(rel)) {
      if (d.isSymbolicLink()) drop(ctx, 'symlink');
      else if (d.isFile()) examine(ctx, abs, rel);
    }
  }
}

/** Scans every root of a staged source. Deterministic: sorted walk, content-only results. */
export function scanSource(source: Source, staged: StagedSource): ScanResult {
  const out: ScanResult = { files: [], dropped: {} };
  const ig = ignore().add(source.exclude ?? []);
  for (const root of staged.roots) walk({ source, id: staged.id, root, ig, out }, root.abs, '');
  return out;
}
