import * as assert from 'node:assert/strict';
import { onlyClosersFollow, textAfterCursor } from '../../../src/engine/filters/textAfterCursor';
import { at } from '../engineHelpers';

describe('filter: textAfterCursor', () => {
  it('lets closers, quotes, semicolons, commas and spaces follow the cursor', () => {
    for (const doc of ['foo(|)', 'x = [a, |];', 'f("|")', "s = '|'", 'a(|),', 'b(|) ', 'c|\t', 'if (x) {|}', 'd|\nmore text']) {
      assert.equal(textAfterCursor('bar', at(doc)), 'bar', doc);
    }
  });

  it('drops the suggestion when real text follows on the line', () => {
    for (const doc of ['foo|bar', 'f(|x)', 'a | b', 'x(|) + 1', 'return |value;']) {
      assert.equal(textAfterCursor('bar', at(doc)), undefined, doc);
    }
    assert.equal(onlyClosersFollow(''), true);
    assert.equal(onlyClosersFollow(')];'), true);
    assert.equal(onlyClosersFollow(') x'), false);
  });
});
