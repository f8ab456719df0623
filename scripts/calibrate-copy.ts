/**
 * Fits the document-copy mixing weight (src/engine/copyModel.ts) and reports what it buys.
 *
 * For every character of the sampled files: the model's probability of it (from zero state,
 * the whole file as context) and the copy prediction from the text before it. Per match
 * length, the weight w that maximises sum log((1 - w) p_model + w p_copy) is found by grid
 * search; then the bits per character of the model alone, of the mix with the shipped
 * copyWeight(), and of the per-length optimum are printed as JSON.
 *
 * Usage: tsx scripts/calibrate-copy.ts MODEL CORPUS_DIR [FILES_PER_LANGUAGE] [MAX_CHARS_PER_FILE]
 * CORPUS_DIR is a corpus built by `npm run corpus:default` (it reads CORPUS_DIR/files.tsv).
 * Fit on the training corpus; check on the held-out one.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CharModel } from '../src/runtime/onnxModel';
import { CopyTracker, copyWeight, DEFAULT_COPY_OPTIONS } from '../src/engine/copyModel';
import { mulberry32 } from '../src/engine/random';
import { modelProbabilities } from './copyEval';

interface Row {
  len: number;
  pm: number;
  pc: number;
}

const BUCKETS = [0, 4, 5, 6, 7, 8, 10, 12, 16, 24, 32, 48];
const bucketOf = (len: number) => BUCKETS.filter((b) => len >= b).pop()!;

async function main(): Promise<void> {
  const [modelPath, dir, perLang = '6', maxChars = '8000'] = process.argv.slice(2);
  if (!modelPath || !dir) throw new Error('usage: calibrate-copy.ts MODEL CORPUS_DIR [FILES_PER_LANGUAGE] [MAX_CHARS_PER_FILE]');
  const lines = fs.readFileSync(path.join(dir, 'files.tsv'), 'utf8').trim().split('\n').slice(1);
  const byLang = new Map<string, string[]>();
  for (const l of lines) {
    const [p, lang, chars] = l.split('\t');
    if (Number(chars) < 500) continue;
    byLang.set(lang, [...(byLang.get(lang) ?? []), p]);
  }
  const rnd = mulberry32(7);
  const picked: string[] = [];
  for (const [, files] of [...byLang].sort()) {
    const pool = [...files];
    for (let k = 0; k < Number(perLang) && pool.length > 0; k++) picked.push(pool.splice(Math.floor(rnd() * pool.length), 1)[0]);
  }
  const model = await CharModel.load(modelPath, { threads: 1 });
  const rows: Row[] = [];
  for (const rel of picked) {
    const text = [...fs.readFileSync(path.join(dir, rel), 'utf8')].slice(0, Number(maxChars)).join('');
    for (const { ch, before, p } of await modelProbabilities(model, text)) {
      const tracker = new CopyTracker(before, before);
      const pred = tracker.prediction();
      rows.push({ len: tracker.matchLength, pm: p, pc: pred.get(ch) ?? 0 });
    }
  }
  await model.release();

  const bits = (w: (len: number) => number) => rows.reduce((a, x) => a - Math.log2((1 - w(x.len)) * x.pm + w(x.len) * x.pc), 0) / rows.length;
  const table: Array<Record<string, number>> = [];
  const best = new Map<number, number>();
  for (const b of BUCKETS) {
    const sel = rows.filter((x) => bucketOf(x.len) === b);
    if (sel.length === 0) continue;
    let bw = 0;
    let bl = Infinity;
    for (let w = 0; w <= 0.99; w += 0.01) {
      const l = sel.reduce((a, x) => a - Math.log2((1 - w) * x.pm + w * x.pc), 0);
      if (l < bl) {
        bl = l;
        bw = w;
      }
    }
    best.set(b, bw);
    const copyRight = sel.filter((x) => x.pc >= 0.5).length / sel.length;
    table.push({ length_from: b, chars: sel.length, best_w: Math.round(bw * 100) / 100, shipped_w: Math.round(copyWeight(Math.max(b, 1)) * 100) / 100, copy_majority_right: Math.round(copyRight * 1000) / 1000 });
  }
  process.stdout.write(
    `${JSON.stringify({
      files: picked.length,
      chars: rows.length,
      options: DEFAULT_COPY_OPTIONS,
      bpc_model: bits(() => 0),
      bpc_mixed: bits((len) => copyWeight(len)),
      bpc_best_per_length: bits((len) => best.get(bucketOf(len)) ?? 0),
      by_length: table,
    }, null, 1)}\n`,
  );
}

main().catch((e) => {
  process.stderr.write(`calibrate-copy: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
