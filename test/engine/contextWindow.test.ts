import * as assert from 'node:assert/strict';
import { contextWindow, lastLineIndent } from '../../src/engine/contextWindow';

describe('engine: context window', () => {
  it('keeps short prefixes whole', () => {
    assert.deepEqual(contextWindow('abc', 8), { start: 0, text: 'abc' });
    assert.deepEqual(contextWindow('abcdefgh', 8), { start: 0, text: 'abcdefgh' });
  });

  it('moves the start in steps of cap/2, so typing at the end rarely moves it', () => {
    const line = 'x'.repeat(1000);
    const starts = new Set<number>();
    for (let n = 101; n <= 200; n++) {
      const w = contextWindow(line.slice(0, n), 100);
      assert.ok(w.text.length <= 100 && w.text.length > 50, `window of ${w.text.length} for ${n}`);
      assert.equal(w.start % 50, 0);
      starts.add(w.start);
    }
    assert.deepEqual([...starts], [50, 100]);
  });

  it('prefers a line start near the step, and stays within the cap', () => {
    const text = `${'a'.repeat(55)}\n${'b'.repeat(100)}`; // 156 characters, newline at 55
    const w = contextWindow(text, 100); // step 50: aligned start 100 (no newline near); 156-100 = 56
    assert.equal(w.start, 100);
    const w2 = contextWindow(text.slice(0, 140), 100); // aligned start 50, newline at 55 -> 56
    assert.equal(w2.start, 56);
    assert.equal(w2.text, 'b'.repeat(84));
  });

  it('never starts inside a surrogate pair', () => {
    const text = `${'a'.repeat(49)}😀${'b'.repeat(80)}`; // the emoji's low half at 50
    const w = contextWindow(text, 100);
    assert.equal(w.start, 51);
  });

  it('a 10 MB prefix or a 1 MB line costs a window of at most cap characters', () => {
    const big = 'let x = 1;\n'.repeat(1_000_000);
    const w = contextWindow(big, 2048);
    assert.ok(w.text.length <= 2048 && w.text.length >= 512);
    assert.equal(big[w.start - 1], '\n');
    const minified = 'a=1;'.repeat(250_000);
    assert.ok(contextWindow(minified, 2048).text.length <= 2048);
  });

  it('lastLineIndent', () => {
    assert.equal(lastLineIndent('a\n  \tb'), '  \t');
    assert.equal(lastLineIndent('  x'), '  ');
    assert.equal(lastLineIndent('x\n'), '');
  });
});
