/**
 * Bits per character of a model on the held-out set, per language and pooled
 * (DESIGN.md section 4), as a Markdown table and one JSON line.
 * Usage: tsx training/defaultCorpus/evalHeldout.ts [MODEL] [HELDOUT_DIR]
 * (defaults: models/default.onnx, .cache/corpus/heldout built by `npm run corpus:default -- --heldout`)
 */
import * as fs from 'fs';
import * as path from 'path';
import { CharModel } from '../../src/runtime/onnxModel';
import { evaluate } from '../../src/engine/evaluate';
import { collectCorpus } from '../corpus';

async function main(): Promise<void> {
  const [model = 'models/default.onnx', dir = '.cache/corpus/heldout'] = process.argv.slice(2);
  const m = await CharModel.load(model, { threads: 2 });
  const rows: Array<{ language: string; files: number; chars: number; bpc: number; top1: number }> = [];
  let bits = 0;
  let chars = 0;
  for (const lang of fs.readdirSync(dir).filter((d) => fs.statSync(path.join(dir, d)).isDirectory()).sort()) {
    const c = await collectCorpus(path.join(dir, lang), { valFraction: 0 });
    const r = await evaluate(m, c.files.map((f) => f.text), { batchSize: 32, chunkSteps: 256 });
    if (r.chars === 0) continue;
    rows.push({ language: lang, files: r.files, chars: r.chars, bpc: r.bpc, top1: r.top1 });
    bits += r.bits;
    chars += r.chars;
    process.stderr.write(`${lang}: ${r.bpc.toFixed(3)} bpc over ${r.chars} characters\n`);
  }
  await m.release();
  const lines = ['| language | files | characters | bpc | top-1 |', '|---|---:|---:|---:|---:|'];
  for (const r of rows) lines.push(`| ${r.language} | ${r.files} | ${r.chars} | ${r.bpc.toFixed(3)} | ${(100 * r.top1).toFixed(1)}% |`);
  lines.push(`| **all** | ${rows.reduce((a, r) => a + r.files, 0)} | ${chars} | **${(bits / chars).toFixed(3)}** | |`);
  process.stdout.write(`${lines.join('\n')}\n${JSON.stringify({ model, bpc: bits / chars, chars, by_language: rows })}\n`);
}

main().catch((e) => {
  process.stderr.write(`evalHeldout: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
