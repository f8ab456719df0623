import * as assert from 'node:assert/strict';
import { selectedCompletion } from '../../../src/engine/filters/selectedCompletion';
import { request } from '../engineHelpers';

describe('filter: selectedCompletion', () => {
  it('keeps a suggestion that starts with the selected item and drops one that does not', () => {
    const req = request('s.le', { selectedCompletion: 'ngth' });
    assert.equal(selectedCompletion('ngth)', req), 'ngth)');
    assert.equal(selectedCompletion('ngth', req), 'ngth');
    assert.equal(selectedCompletion('ft)', req), undefined);
    assert.equal(selectedCompletion('ngt', req), undefined);
  });

  it('changes nothing without a selected item', () => {
    assert.equal(selectedCompletion('abc', request('x')), 'abc');
    assert.equal(selectedCompletion('abc', request('x', { selectedCompletion: '' })), 'abc');
  });
});
