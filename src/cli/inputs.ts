/**
 * Reads the PATH... arguments of `eval` (and later `simulate`): files are read as they
 * are (UTF-8 without a byte-order mark, `\r\n` as `\n`); folders are walked with the training filters
 * (training/corpus.ts), every file regardless of its train/validation split.
 */
import * as fs from 'fs';
import * as path from 'path';
import { collectCorpus, describeCorpus } from '../../training/corpus';
import { normalizeNewlines } from '../model/vocab';
import { CliError } from './errors';

export interface InputFile {
  /** Absolute path. */
  path: string;
  text: string;
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (e as Error).message.split('\n')[0];
}

/** Files in argument order; inside a folder, in sorted path order. A path given twice is read once. */
export async function readInputs(paths: readonly string[], log: (line: string) => void): Promise<InputFile[]> {
  const out: InputFile[] = [];
  const seen = new Set<string>();
  const add = (file: string, text: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    out.push({ path: file, text });
  };
  for (const p of paths) {
    const abs = path.resolve(p);
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(abs);
    } catch (e) {
      throw new CliError(`cannot read ${p}: ${reason(e)}`);
    }
    if (stat.isDirectory()) {
      let corpus;
      try {
        corpus = await collectCorpus(abs);
      } catch (e) {
        throw new CliError(`cannot read folder ${p}: ${reason(e)}`);
      }
      log(describeCorpus(corpus));
      for (const f of corpus.files) add(path.join(corpus.root, ...f.path.split('/')), f.text);
    } else {
      let text: string;
      try {
        text = await fs.promises.readFile(abs, 'utf8');
      } catch (e) {
        throw new CliError(`cannot read ${p}: ${reason(e)}`);
      }
      add(abs, normalizeNewlines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
    }
  }
  return out;
}
