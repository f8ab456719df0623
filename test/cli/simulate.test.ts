/**
 * `char-lstm simulate` on a bigram model whose suggestions are known, over files whose
 * keystrokes can be counted by hand.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { LstmCompletionEngine } from '../../src/engine/engine';
import { middleRegion, simulateTyping } from '../../src/cli/simulate';
import { CharModel } from '../../src/runtime/onnxModel';
import { lastJson, runCli } from '../helpers/cli';
import { bigramModel, writeTemp } from '../helpers/models';
import { tmpDir } from '../helpers/tmp';
import { CountingModel } from '../engine/engineHelpers';

// The model predicts: newline -> a -> b -> c -> newline, x -> y -> newline (p = 0.9997 each).
const vocab = ['', '\n', 'a', 'b', 'c', 'x', 'y'];
const next = { '\n': 'a', a: 'b', b: 'c', c: '\n', x: 'y', y: '\n' };

/*
 * p1.txt "abc\nabc\nxy\n" (11 characters):
 *   ''        -> "abc"  shown, accepted (1 keystroke, 3 characters)
 *   'abc'     -> none   type "\n"
 *   'abc\n'   -> "abc"  shown, accepted
 *   ...'abc'  -> none   type "\n"
 *   ...'\n'   -> "abc"  shown, wrong: type "x"
 *   ...'x'    -> "y"    shown, accepted
 *   ...'y'    -> none   type "\n"
 *   7 keystrokes, 4 shown, 3 accepted.
 * p2.md "ab": "abc" shown, wrong: type "a"; "bc" shown, wrong: type "b". 2 keystrokes, 2 shown.
 */
const FILES = { 'p2.md': 'ab', 'p1.txt': 'abc\nabc\nxy\n' };

describe('cli: simulate', function () {
  this.timeout(120_000);
  let model: string;
  let dir: string;
  before(() => {
    model = writeTemp(bigramModel(vocab, next), 'bigram.onnx', 'simulate');
    dir = tmpDir('simulate-src');
    for (const [name, text] of Object.entries(FILES)) fs.writeFileSync(path.join(dir, name), text);
  });
  const simulate = (...args: string[]) => {
    const r = runCli(['simulate', '--model', model, '--json', ...args]);
    assert.equal(r.code, 0, r.stderr);
    return lastJson(r.stdout);
  };

  it('counts keystrokes, shown and accepted suggestions exactly, in sorted path order', () => {
    const got = simulate(dir);
    assert.deepEqual(
      { chars: got.chars, keystrokes: got.keystrokes, shown: got.shown, accepted: got.accepted, files: got.files },
      { chars: 13, keystrokes: 9, shown: 6, accepted: 3, files: 2 },
    );
    assert.equal(got.ksr, Math.round((1 - 9 / 13) * 1e6) / 1e6);
    assert.equal(got.precision, 0.5);
    assert.deepEqual(got.by_language, {
      md: { ksr: 0, precision: 0, chars: 2, keystrokes: 2, shown: 2, accepted: 0 },
      txt: { ksr: Math.round((1 - 7 / 11) * 1e6) / 1e6, precision: 0.75, chars: 11, keystrokes: 7, shown: 4, accepted: 3 },
    });
    for (const k of ['ms_p50', 'ms_p95']) assert.ok(typeof got[k] === 'number' && (got[k] as number) >= 0);
  });

  it('--max-chars stops after N typed-or-accepted characters; files named one by one are sorted too', () => {
    const files = ['p2.md', 'p1.txt'].map((f) => path.join(dir, f));
    const got = simulate('--max-chars', '5', ...files);
    // p1.txt first: accept "abc" (3), type "\n" (4), accept "abc" (7) >= 5: stop.
    assert.deepEqual([got.chars, got.keystrokes, got.shown, got.accepted, got.files], [7, 3, 2, 2, 1]);
  });

  it('middleRegion: the middle third of the lines, ending before a line break', () => {
    const text = 'abc\nxy\nabc\nxy\nabc\nxy\n';
    const r = middleRegion(text)!;
    assert.equal(text.slice(r.start, r.end), 'abc\nxy');
    assert.equal(text[r.end], '\n');
    const crlf = 'l0\r\nl1\r\nl2\r\nl3\r\nl4\r\nl5\r\n';
    const c = middleRegion(crlf)!;
    assert.equal(crlf.slice(c.start, c.end), 'l2\r\nl3');
    assert.equal(middleRegion('one\ntwo\n'), undefined, 'under 3 lines: nothing to retype');
  });

  it('--middle retypes the middle of each file with the rest after the cursor', () => {
    const mid = tmpDir('simulate-middle');
    fs.writeFileSync(path.join(mid, 'p3.txt'), 'abc\nxy\nabc\nxy\nabc\nxy\n');
    fs.writeFileSync(path.join(mid, 'p4.txt'), 'ab\n');
    // Retyped: "abc\nxy". "abc" accepted; type "\n"; "abc" wrong, type "x"; "y" accepted.
    const got = simulate('--middle', '--no-copy', mid);
    assert.deepEqual([got.chars, got.keystrokes, got.shown, got.accepted, got.files], [6, 4, 3, 2, 1]);
  });

  it('text output, and errors: no PATH, empty input', () => {
    const r = runCli(['simulate', '--model', model, dir]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^keystroke savings 30\.8%, precision 50\.0% \(3 of 6 shown suggestions accepted\)/);
    assert.match(r.stdout, /\n {2}txt: ksr 36\.4%, precision 75\.0%, 11 characters\n/);
    const none = runCli(['simulate', '--model', model]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /simulate needs at least one PATH/);
    const empty = runCli(['simulate', '--model', model, tmpDir('simulate-empty')]);
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /nothing to type/);
  });

  it('uses the state cache: the context tokens fed grow with the text, not with its square', async () => {
    const inner = await CharModel.fromBytes(bigramModel(vocab, next), 'bigram.onnx');
    const counting = new CountingModel(inner);
    const text = 'abc\nxy\n'.repeat(100); // 700 characters
    const engine = new LstmCompletionEngine(counting);
    const r = await simulateTyping(engine, [{ path: '/x/a.txt', text }], 1e9);
    assert.equal(r.chars, 700);
    assert.ok(r.keystrokes < 700);
    // (counting.tokens also counts the per-character decoding runs of copied suggestions)
    assert.ok(engine.contextTokensFed <= 701, `fed ${engine.contextTokensFed} context tokens for 700 characters`);
    assert.ok(counting.tokens >= engine.contextTokensFed);
    await inner.release();
  });
});
