/**
 * The train / validation texts of a corpus, shared by the trainer and by the extension's
 * retrain comparison (which must evaluate the current model on exactly the same text).
 *
 * Validation: the held-out files in a hash order (so a cap samples across the whole
 * tree), up to valMaxChars in all. Held-out files past the cap are never evaluated, so
 * they go back to training: a few large files could otherwise take a third of a corpus
 * out of training. A corpus of one file holds out its last tenth, cut at a line end.
 */
import { fnv1a32 } from './corpusFilters';

export interface SplitFile {
  path: string;
  text: string;
  split: 'train' | 'val';
}

export function trainValSplit(files: readonly SplitFile[], valMaxChars: number): { train: string[]; val: string[] } {
  const train = files.filter((f) => f.split === 'train').map((f) => f.text);
  const heldOut = files
    .filter((f) => f.split === 'val')
    .sort((a, b) => fnv1a32(`order:${a.path}`) - fnv1a32(`order:${b.path}`) || (a.path < b.path ? -1 : 1))
    .map((f) => f.text);
  if (heldOut.length === 0) {
    if (train.length !== 1) return { train, val: [] };
    const t = train[0];
    let cut = t.lastIndexOf('\n', Math.floor(t.length * 0.9));
    if (cut <= 0) cut = Math.floor(t.length * 0.9);
    return { train: [t.slice(0, cut + 1)], val: [t.slice(cut + 1)] };
  }
  const val: string[] = [];
  let n = 0;
  for (const t of heldOut) {
    if (n < valMaxChars && (n + t.length <= valMaxChars || val.length === 0)) {
      val.push(t);
      n += t.length;
    } else {
      train.push(t);
    }
  }
  return { train, val };
}
