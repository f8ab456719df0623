/**
 * Turns VS Code exclude settings (`files.exclude`, `search.exclude`: objects from glob to
 * true/false/{when}) and `charLstm.training.exclude` (a list of globs) into the
 * gitignore-style patterns the trainer's `--exclude` takes. Never imports `vscode`.
 *
 * The two syntaxes differ in three ways that matter here:
 * - VS Code matches a glob against the path relative to the workspace folder, so `*.log`
 *   means top-level files only; in gitignore a pattern without a slash matches at any
 *   depth. Patterns that do not start with `**` are therefore anchored with a leading `/`.
 * - gitignore has no `{a,b}` alternatives: they are expanded into several patterns.
 * - A leading `!` or `#` means something in gitignore: it is escaped.
 * `{ "when": ... }` entries exclude a file only when a sibling exists; the trainer cannot
 * express that, so they are left out (and reported).
 */

export interface ExcludeList {
  /** gitignore-style patterns, deduplicated, in a stable order. */
  patterns: string[];
  /** One line per entry that could not be used. */
  notes: string[];
}

/** `{a,b}c` -> [`ac`, `bc`]; nested and several groups work; unbalanced braces are kept literally. */
export function expandBraces(glob: string): string[] {
  let depth = 0;
  let open = -1;
  for (let k = 0; k < glob.length; k++) {
    const ch = glob[k];
    if (ch === '\\') {
      k++;
      continue;
    }
    if (ch === '{') {
      if (depth === 0) open = k;
      depth++;
    } else if (ch === '}' && depth > 0) {
      depth--;
      if (depth === 0) {
        const head = glob.slice(0, open);
        const tail = glob.slice(k + 1);
        const alts = splitTop(glob.slice(open + 1, k));
        const out: string[] = [];
        for (const a of alts) for (const e of expandBraces(head + a + tail)) out.push(e);
        return out;
      }
    }
  }
  return [glob];
}

/** Splits on commas that are not inside nested braces. */
function splitTop(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let k = 0; k < body.length; k++) {
    const ch = body[k];
    if (ch === '\\') k++;
    else if (ch === '{') depth++;
    else if (ch === '}') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(body.slice(from, k));
      from = k + 1;
    }
  }
  parts.push(body.slice(from));
  return parts;
}

/** One VS Code glob (no braces left) as a gitignore pattern, or undefined when it is empty. */
export function globToGitignore(glob: string): string | undefined {
  let p = glob.trim();
  while (p.startsWith('./')) p = p.slice(2);
  if (p === '' || p === '/') return undefined;
  if (!p.startsWith('**') && !p.startsWith('/')) p = `/${p}`;
  // Anchored with `/` (or starting with `**`), a pattern can no longer start with gitignore's `!` or `#`.
  return p;
}

/** The globs of a files.exclude-style object that are switched on (value `true`). */
export function enabledGlobs(setting: unknown, name: string, notes: string[]): string[] {
  if (setting === undefined || setting === null) return [];
  if (typeof setting !== 'object' || Array.isArray(setting)) {
    notes.push(`${name} is not an object of glob patterns; ignored`);
    return [];
  }
  const out: string[] = [];
  for (const [glob, value] of Object.entries(setting as Record<string, unknown>)) {
    if (value === true) out.push(glob);
    else if (value && typeof value === 'object') notes.push(`${name}: '${glob}' depends on a sibling file ("when"); not applied to training`);
  }
  return out;
}

/**
 * The trainer's `--exclude` patterns for charLstm.training.exclude, files.exclude and
 * search.exclude. A pattern with a comma is left out: the CLI splits the list on commas.
 */
export function excludePatterns(sources: { trainingExclude?: readonly string[]; filesExclude?: unknown; searchExclude?: unknown }): ExcludeList {
  const notes: string[] = [];
  const globs = [
    ...(sources.trainingExclude ?? []),
    ...enabledGlobs(sources.filesExclude, 'files.exclude', notes),
    ...enabledGlobs(sources.searchExclude, 'search.exclude', notes),
  ];
  const seen = new Set<string>();
  const patterns: string[] = [];
  for (const g of globs) {
    for (const e of expandBraces(g)) {
      const p = globToGitignore(e);
      if (p === undefined || seen.has(p)) continue;
      if (p.includes(',')) {
        notes.push(`'${e}' contains a comma, which the trainer's --exclude cannot take; not applied`);
        continue;
      }
      seen.add(p);
      patterns.push(p);
    }
  }
  return { patterns, notes };
}
