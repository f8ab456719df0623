import * as assert from 'node:assert/strict';
import { cutToBoundary, StopOptions, StopRule } from '../../src/engine/stopRules';

const base: StopOptions = { maxChars: 40, multiline: false, minConfidence: 0, indent: '' };

/** Pushes characters with probabilities (1 when not given) until the rule stops. */
function run(opts: Partial<StopOptions>, text: string, probs: number[] = []) {
  const rule = new StopRule({ ...base, ...opts });
  const chars = [...text];
  let pushed = 0;
  for (let k = 0; k < chars.length; k++) {
    pushed++;
    if (!rule.push(chars[k] === '\u0000' ? undefined : chars[k], Math.log(probs[k] ?? 1))) break;
  }
  return { ...rule.result(), pushed };
}

describe('engine: stop rules', () => {
  it('single line: stops before a newline, at the unknown token, and after maxChars', () => {
    assert.deepEqual([run({}, 'abc\ndef').text, run({}, 'abc\ndef').reason, run({}, 'abc\ndef').pushed], ['abc', 'newline', 4]);
    assert.equal(run({}, 'ab\u0000cd').text, 'ab');
    assert.equal(run({}, 'ab\u0000cd').reason, 'unknown');
    const max = run({ maxChars: 5 }, 'abc de fgh');
    assert.equal(max.reason, 'max');
    assert.equal(max.pushed, 6, 'the pick after maxChars is looked at to find the boundary');
    assert.equal(max.text, 'abc ', 'cut back to a word boundary: "de" would go on as "de f"');
    assert.equal(run({ maxChars: 4 }, 'abc de').text, 'abc ', 'the next pick is a word character: cut');
    assert.equal(run({ maxChars: 3 }, 'abc de').text, 'abc', 'the next pick is a space: no cut');
    assert.equal(run({ maxChars: 3 }, 'abcdef').text, 'abc', 'one long word is kept rather than emptied');
  });

  it('confidence gate: stops at the first unconfident character, cut back to a token boundary', () => {
    const r = run({ minConfidence: 0.5 }, 'foo.bar', [0.9, 0.9, 0.9, 0.9, 0.9, 0.4, 0.9]);
    assert.equal(r.reason, 'gate');
    assert.equal(r.pushed, 6);
    assert.equal(r.text, 'foo.', '"b" alone would split the identifier "ba..."');
    assert.equal(run({ minConfidence: 0.5 }, 'foo(bar', [0.9, 0.9, 0.9, 0.9, 0.3]).text, 'foo(', 'a punctuation boundary needs no cut');
    assert.equal(run({ minConfidence: 0.5 }, 'foo(bar', [0.9, 0.9, 0.9, 0.3]).text, 'foo', 'gated at a non-word character: kept whole');
    assert.ok(Math.abs(r.meanLogProb - Math.log(0.9)) < 1e-12, 'mean over the characters shown');
  });

  it('nothing when even the first characters are not confident', () => {
    assert.equal(run({ minConfidence: 0.5 }, 'abc', [0.2]).text, '');
    assert.equal(run({ minConfidence: 0.5 }, ').x', [0.9, 0.2]).text, '', 'one character survives: not enough');
    assert.equal(run({ minConfidence: 0.5 }, 'ab cd', [0.9, 0.9, 0.9, 0.2]).text, 'ab ');
    assert.equal(run({ minConfidence: 0.5 }, 'abcd', [0.9, 0.9, 0.9, 0.2]).text, '', 'the only word is cut away');
    assert.equal(run({ minConfidence: 0.5 }, 'a\n', [0.9, 0.9]).text, 'a', 'a confident one-character line is shown');
  });

  it('joint gate: stops where the probability of the whole text drops below minJoint', () => {
    const r = run({ minJoint: 0.5 }, 'ab cd efg', [0.95, 0.95, 0.95, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9]);
    // 0.95^3 = 0.857; then * 0.9 each: 0.772, 0.694, 0.625, 0.5625, 0.506, and at "g" 0.455 < 0.5
    assert.equal(r.reason, 'gate');
    assert.equal(r.pushed, 9);
    assert.equal(r.text, 'ab cd ', '"ef" would be cut mid-word');
    assert.equal(run({ minJoint: 0.5 }, 'ab cd ef', [0.95, 0.95, 0.95, 0.9, 0.9, 0.9, 0.9, 0.9]).text, 'ab cd ef', 'still above 0.5');
  });

  it('multi-line: goes on past newlines, stops at a blank line and at a dedent', () => {
    const ml = { multiline: true, indent: '  ' };
    assert.equal(run(ml, 'a = 1\n  b = 2\n\n  c').text, 'a = 1\n  b = 2');
    assert.equal(run(ml, 'a = 1\n  b = 2\n\n  c').reason, 'blank-line');
    const dedent = run(ml, 'x;\n  y;\n}\n');
    assert.equal(dedent.text, 'x;\n  y;');
    assert.equal(dedent.reason, 'dedent');
    assert.equal(run({ multiline: true, indent: '' }, '\n  body();\n}\n\n').text, '\n  body();\n}', 'a block body and its closer');
    assert.equal(run({ multiline: true, indent: '    ' }, 'a\n\tb').text, 'a', 'a tab is one character of indentation');
    assert.equal(run({ ...ml, maxChars: 8 }, 'a = 1\n  b = 2\n').text, 'a = 1\n  ');
  });

  it('cutToBoundary', () => {
    assert.equal(cutToBoundary('foo.ba', 'r'), 'foo.');
    assert.equal(cutToBoundary('foo.ba', '('), 'foo.ba');
    assert.equal(cutToBoundary('foo', undefined), 'foo');
    assert.equal(cutToBoundary('x = émi', 'l'), 'x = ', 'letters beyond ASCII are word characters');
  });
});
