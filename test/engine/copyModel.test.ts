import * as assert from 'node:assert/strict';
import { CopyTracker, copyWeight, COPY_WEIGHT_MAX, DEFAULT_COPY_OPTIONS } from '../../src/engine/copyModel';

/** Brute force: every earlier place where the longest suffix (>= 4) of `text` occurs, and its length. */
function bruteForce(text: string): { len: number; next: string[] } {
  let best = 0;
  let next: string[] = [];
  for (let e = 4; e < text.length; e++) {
    let L = 0;
    while (L < 48 && L < e && text[e - 1 - L] === text[text.length - 1 - L]) L++;
    if (L < 4) continue;
    if (L > best) {
      best = L;
      next = [text[e]];
    } else if (L === best) next.push(text[e]);
  }
  return { len: best, next };
}

describe('engine: copying from the document', () => {
  it('finds the longest earlier match and predicts what followed it', () => {
    const doc = 'export import A = preact.A;\nexport import B = preact.B;\nexport imp';
    const t = new CopyTracker(doc, doc);
    assert.equal(t.matchLength, ';\nexport imp'.length, 'after "A;", not the shorter match at the start');
    assert.equal(t.matches, 1);
    assert.deepEqual([...t.prediction()], [['o', 1]]);
  });

  it('splits the prediction between different continuations', () => {
    const doc = ';\nlet x = 1;\nlet y = 2;\nlet '; // two matches of the same length
    const p = new CopyTracker(doc, doc).prediction();
    assert.equal(p.get('x'), 0.5);
    assert.equal(p.get('y'), 0.5);
  });

  it('agrees with a brute-force search at every position of a real-looking file', () => {
    const file = [
      'import { a } from "./a";',
      'import { b } from "./b";',
      'function add(x: number, y: number): number {',
      '  return x + y;',
      '}',
      'function sub(x: number, y: number): number {',
      '  return x - y;',
      '}',
      '',
    ].join('\n');
    for (let k = 1; k < file.length; k++) {
      const before = file.slice(0, k);
      const t = new CopyTracker(before, before);
      const want = bruteForce(before);
      assert.equal(t.matchLength, want.len, `match length at ${k}`);
      const counts = new Map<string, number>();
      for (const ch of want.next) counts.set(ch, (counts.get(ch) ?? 0) + 1 / want.next.length);
      assert.deepEqual([...t.prediction()].sort(), [...counts].sort(), `prediction at ${k}`);
    }
  });

  it('follows its own picks: matches go on while picks agree, and it searches again when they stop', () => {
    const doc = 'a;\nreturn x + y;\nb;\nreturn x - y;\nc;\nret';
    const t = new CopyTracker(doc, doc);
    assert.equal(t.matches, 2);
    for (const ch of 'urn x ') t.push(ch);
    assert.equal(t.matches, 2);
    assert.equal(t.matchLength, ';\nreturn x '.length);
    t.push('-');
    assert.equal(t.matches, 1, 'only "x - y" goes on');
    assert.deepEqual([...t.prediction()], [[' ', 1]]);
    t.push('*'); // nothing in the document continues with "*": search again, "x -*" is nowhere
    assert.equal(t.matchLength, 0);
    assert.equal(t.prediction().size, 0);
  });

  it('never predicts from the generated text itself', () => {
    const doc = 'abcd';
    const t = new CopyTracker(doc, doc);
    assert.equal(t.matchLength, 0);
    for (const ch of 'abcd') t.push(ch); // the context is now "abcdabcd", but only "abcd" is document
    assert.equal(t.prediction().size, 0, 'the only earlier "abcd" ends the document: nothing follows it');
  });

  it('searches only the last maxSourceChars of a long document', () => {
    const doc = `${'x = 1;\n'}${'#'.repeat(100)}\nx = `;
    assert.equal(new CopyTracker(doc, doc).prediction().get('1'), 1);
    const short = new CopyTracker(doc, doc, { ...DEFAULT_COPY_OPTIONS, maxSourceChars: 50 });
    assert.equal(short.matchLength, 0);
  });

  it('looks at only the latest maxCandidates occurrences, so long runs of spaces stay cheap', () => {
    const spaces = ' '.repeat(20000);
    const t = new CopyTracker(spaces, spaces);
    assert.equal(t.matches, DEFAULT_COPY_OPTIONS.maxCandidates, 'all 512 latest match 48 spaces; the 19,000 before are not looked at');
    assert.equal(t.matchLength, 48);
    const far = `abcdefgh = 1;\n${'        \n'.repeat(600)}abcdefgh = `;
    assert.equal(new CopyTracker(far, far).prediction().get('1'), 1, 'a rare key is found however far back');
    const capped = new CopyTracker(far, far, { ...DEFAULT_COPY_OPTIONS, maxCandidates: 1 });
    assert.equal(capped.prediction().get('1'), 1);
  });

  it('the mixing weight is 0 below the shortest match, grows with the length and stays below 1', () => {
    assert.equal(copyWeight(0), 0);
    assert.equal(copyWeight(3), 0);
    let prev = 0;
    for (let L = 4; L <= 48; L++) {
      const w = copyWeight(L);
      assert.ok(w >= prev && w > 0 && w <= COPY_WEIGHT_MAX, `weight at ${L}: ${w}`);
      prev = w;
    }
    assert.ok(Math.abs(copyWeight(4) - 0.32) < 1e-9);
    assert.equal(copyWeight(48), COPY_WEIGHT_MAX);
  });
});
