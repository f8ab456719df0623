/**
 * What copying from other open files of the same project buys, in bits per character.
 * For each project of a corpus built by `npm run corpus:default` (CORPUS_DIR/files.tsv;
 * a project is the first two path segments, e.g. typescript/preact), its first FILES files
 * in path order are typed; each file after the first counts the up to 3 files before it as
 * open in other editors (32k characters in all, the latest first, as the extension sends).
 * Over the first MAX_CHARS characters of each typed file it prints the model's bpc, the bpc
 * with copying from the document only, and with the related files too.
 *
 * Usage: tsx scripts/copy-related.ts [MODEL] [CORPUS_DIR] [FILES] [MAX_CHARS]
 * (defaults: models/default.onnx .cache/corpus/heldout 5 4000)
 */
import * as fs from 'fs';
import * as path from 'path';
import { CharModel } from '../src/runtime/onnxModel';
import { CopyTracker, copyWeight, DEFAULT_COPY_OPTIONS } from '../src/engine/copyModel';
import { RELATED_COPY_CHARS } from '../src/engine/engine';
import { modelProbabilities } from './copyEval';

async function main(): Promise<void> {
  const [modelPath = 'models/default.onnx', dir = '.cache/corpus/heldout', filesArg = '5', maxArg = '4000'] = process.argv.slice(2);
  const rows = fs.readFileSync(path.join(dir, 'files.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')[0]);
  const byProject = new Map<string, string[]>();
  for (const p of rows) {
    const k = p.split('/').slice(0, 2).join('/');
    byProject.set(k, [...(byProject.get(k) ?? []), p]);
  }
  const model = await CharModel.load(modelPath, { threads: 1 });
  let n = 0;
  let bitsModel = 0;
  let bitsSelf = 0;
  let bitsRelated = 0;
  for (const [, all] of [...byProject].sort()) {
    const files = [...all].sort().slice(0, Number(filesArg));
    for (let f = 1; f < files.length; f++) {
      const text = [...fs.readFileSync(path.join(dir, files[f]), 'utf8')].slice(0, Number(maxArg)).join('');
      const related = files
        .slice(Math.max(0, f - 3), f)
        .reverse()
        .map((r) => fs.readFileSync(path.join(dir, r), 'utf8'))
        .join('\n')
        .slice(0, RELATED_COPY_CHARS);
      for (const { ch, before, p } of await modelProbabilities(model, text)) {
        const mix = (t: CopyTracker) => {
          const w = copyWeight(t.matchLength);
          return (1 - w) * p + w * (t.prediction().get(ch) ?? 0);
        };
        const src = `${related}\n${before}`;
        bitsModel -= Math.log2(p);
        bitsSelf -= Math.log2(mix(new CopyTracker(before, before)));
        bitsRelated -= Math.log2(mix(new CopyTracker(src, before, { ...DEFAULT_COPY_OPTIONS, maxSourceChars: src.length })));
        n++;
      }
    }
  }
  await model.release();
  process.stdout.write(`${JSON.stringify({ chars: n, bpc_model: bitsModel / n, bpc_copy_document: bitsSelf / n, bpc_copy_with_related: bitsRelated / n })}\n`);
}

main().catch((e) => {
  process.stderr.write(`copy-related: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
