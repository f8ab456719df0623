import * as assert from 'node:assert/strict';
import { trimTrailingWhitespace } from '../../../src/engine/filters/trimTrailingWhitespace';
import { request } from '../engineHelpers';

describe('filter: trimTrailingWhitespace', () => {
  it('removes trailing spaces, tabs and newlines only', () => {
    const req = request('x');
    assert.equal(trimTrailingWhitespace('foo  ', req), 'foo');
    assert.equal(trimTrailingWhitespace('a b\t\n  ', req), 'a b');
    assert.equal(trimTrailingWhitespace('  lead', req), '  lead');
    assert.equal(trimTrailingWhitespace('   ', req), '');
  });
});
