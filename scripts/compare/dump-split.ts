/**
 * Writes the train/validation split that `char-lstm train` would use, as JSON
 * {train: string[], val: string[]}, so that an outside baseline (scripts/compare/
 * pytorch_baseline.py) trains and evaluates on exactly the same files.
 * Usage: npx tsx scripts/compare/dump-split.ts PATH OUT.json
 */
import * as fs from 'fs';
import { collectCorpus } from '../../training/corpus';

async function main(): Promise<void> {
  const [root, out] = process.argv.slice(2);
  const c = await collectCorpus(root);
  const pick = (s: 'train' | 'val') => c.files.filter((f) => f.split === s).map((f) => f.text);
  fs.writeFileSync(out, JSON.stringify({ train: pick('train'), val: pick('val') }));
  process.stderr.write(`${c.files.length} files, ${c.trainChars} train / ${c.valChars} validation characters\n`);
}
main();
