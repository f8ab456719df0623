import * as assert from 'assert';
import { contextWindow } from '../../src/engine/contextWindow';
import { buildRequest, LONG_PREFIX, prefixStart, toEdit } from '../../src/vscode/logic/request';
import { DEFAULT_COPY_OPTIONS } from '../../src/engine/copyModel';
import { AFTER_COPY_CHARS } from '../../src/engine/engine';
import { fakeDoc, withCursor } from './fakeDocument';

const CAP = 2048;
const sugg = (text: string) => ({ text, meanLogProb: -0.1, ms: 1, contextTokensFed: 1 });

describe('vscode/request: document + cursor -> engine request -> edit', () => {
  it('takes the text before the cursor, the rest of the line, the language and the URI', () => {
    const { doc, pos } = withCursor('import os\ndef f(x):\n    return x|)\nprint(f(1))\n');
    const plan = buildRequest(doc, pos, undefined, CAP)!;
    assert.deepStrictEqual(plan.request, {
      docId: 'file:///work/test.py',
      prefix: 'import os\ndef f(x):\n    return x',
      lineSuffix: ')',
      languageId: 'python',
      textAfter: ')\nprint(f(1))\n',
    });
    assert.deepStrictEqual(plan.range, { start: pos, end: pos });
    assert.deepStrictEqual(toEdit(plan, sugg(' + 1')), { range: { start: pos, end: pos }, insertText: ' + 1' });
  });

  it('works at the very start and at the end of a document', () => {
    const start = withCursor('|abc');
    assert.strictEqual(buildRequest(start.doc, start.pos, undefined, CAP)!.request.prefix, '');
    assert.strictEqual(buildRequest(start.doc, start.pos, undefined, CAP)!.request.lineSuffix, 'abc');
    const end = withCursor('abc\n|');
    assert.strictEqual(buildRequest(end.doc, end.pos, undefined, CAP)!.request.prefix, 'abc\n');
  });

  it('gives the engine at most AFTER_COPY_CHARS of the text after the cursor to copy from', () => {
    const tail = 'x = 1;\n'.repeat(AFTER_COPY_CHARS / 4);
    const { doc, pos } = withCursor(`a|b\n${tail}`);
    const after = buildRequest(doc, pos, undefined, CAP)!.request.textAfter!;
    assert.strictEqual(after.length, AFTER_COPY_CHARS);
    assert.strictEqual(after, `b\n${tail}`.slice(0, AFTER_COPY_CHARS));
    const end = withCursor('abc|');
    assert.strictEqual(buildRequest(end.doc, end.pos, undefined, CAP)!.request.textAfter, '');
  });

  it('clamps a cursor past the end of its line', () => {
    const doc = fakeDoc('ab\ncd');
    const plan = buildRequest(doc, { line: 0, character: 99 }, undefined, CAP)!;
    assert.strictEqual(plan.request.prefix, 'ab');
    assert.deepStrictEqual(plan.range.start, { line: 0, character: 2 });
  });

  it('shows nothing for an empty suggestion or none', () => {
    const { doc, pos } = withCursor('x = |');
    const plan = buildRequest(doc, pos, undefined, CAP)!;
    assert.strictEqual(toEdit(plan, undefined), undefined);
    assert.strictEqual(toEdit(plan, sugg('')), undefined);
  });

  describe('with an item selected in the suggest widget', () => {
    it('asks the engine to start with the rest of the item and replaces exactly its range', () => {
      const { doc, pos } = withCursor('con|');
      const range = { start: { line: 0, character: 0 }, end: pos };
      const plan = buildRequest(doc, pos, { range, text: 'console' }, CAP)!;
      assert.strictEqual(plan.request.prefix, 'con');
      assert.strictEqual(plan.request.selectedCompletion, 'sole');
      assert.deepStrictEqual(plan.range, range);
      const edit = toEdit(plan, sugg('sole.log()'))!;
      assert.strictEqual(edit.insertText, 'console.log()');
      assert.deepStrictEqual(edit.range, range);
    });

    it('shows nothing when the engine ignores the item or adds nothing to it', () => {
      const { doc, pos } = withCursor('con|');
      const plan = buildRequest(doc, pos, { range: { start: { line: 0, character: 0 }, end: pos }, text: 'console' }, CAP)!;
      assert.strictEqual(toEdit(plan, sugg('st x = 1')), undefined);
      assert.strictEqual(toEdit(plan, sugg('sole')), undefined);
    });

    it('continues after the item when it matched fuzzily', () => {
      const { doc, pos } = withCursor('  cnsl|');
      const range = { start: { line: 0, character: 2 }, end: pos };
      const plan = buildRequest(doc, pos, { range, text: 'console' }, CAP)!;
      assert.strictEqual(plan.request.prefix, '  console');
      assert.strictEqual(plan.request.selectedCompletion, undefined);
      assert.strictEqual(toEdit(plan, sugg('.log()'))!.insertText, 'console.log()');
      assert.deepStrictEqual(toEdit(plan, sugg('.log()'))!.range, range);
    });

    it('handles an item that also replaces text after the cursor', () => {
      const { doc, pos } = withCursor('fo|obar = 1');
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 6 } };
      const plan = buildRequest(doc, pos, { range, text: 'foobar' }, CAP)!;
      assert.strictEqual(plan.request.prefix, 'foobar');
      assert.strictEqual(plan.request.lineSuffix, ' = 1');
      assert.deepStrictEqual(plan.range, range);
    });

    it('ignores an item on another line', () => {
      const { doc, pos } = withCursor('a\nb|');
      assert.strictEqual(buildRequest(doc, pos, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: 'ab' }, CAP), undefined);
    });
  });

  describe('very long prefixes', () => {
    it('reads the whole prefix of a normal document', () => {
      assert.strictEqual(prefixStart(LONG_PREFIX, CAP), 0);
    });

    it('cuts a very long prefix where the engine sees the same context window', () => {
      let seed = 7;
      const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const alphabet = 'abc def\n\t(){};=';
      for (const cap of [64, 1000, 2048, 4095]) {
        for (const extra of [0, 1, 777, 12345]) {
          const n = LONG_PREFIX + 1 + extra;
          let text = '';
          while (text.length < n) text += alphabet[Math.floor(rnd() * alphabet.length)];
          const start = prefixStart(n, cap);
          assert.ok(start > 0 && start < n - cap, `cap ${cap}: cut at ${start}`);
          assert.ok(n - start >= DEFAULT_COPY_OPTIONS.maxSourceChars, `cap ${cap}: the copy search keeps its ${DEFAULT_COPY_OPTIONS.maxSourceChars} characters`);
          assert.strictEqual(contextWindow(text.slice(start), cap).text, contextWindow(text, cap).text, `cap ${cap}, length ${n}`);
        }
      }
    });

    it('gives the engine the cut prefix of a 10 MB document quickly', () => {
      const line = 'const value = compute(alpha, beta, gamma); // a comment\n';
      const text = line.repeat(Math.ceil(10_000_000 / line.length));
      const doc = fakeDoc(text, 'javascript', 'file:///big.js');
      const end = doc.positionAt(text.length);
      const plan = buildRequest(doc, end, undefined, CAP)!;
      const want = Math.max(4 * CAP, DEFAULT_COPY_OPTIONS.maxSourceChars);
      assert.ok(plan.request.prefix.length >= want && plan.request.prefix.length < want + 2 * CAP, `prefix of ${plan.request.prefix.length} characters`);
      assert.strictEqual(contextWindow(plan.request.prefix, CAP).text, contextWindow(text, CAP).text);
    });
  });
});
