import * as assert from 'node:assert/strict';
import { applyFilters, FILTERS } from '../../../src/engine/filters';
import { at } from '../engineHelpers';

describe('filters: the pipeline', () => {
  it('runs every filter in order and stops at the first that drops the suggestion', () => {
    assert.equal(FILTERS.length, 5);
    assert.equal(applyFilters('b) ', at('f(a, |)')), 'b');
    assert.equal(applyFilters('b  )', at('f(a, |)')), 'b', 'trimmed after the closer is cut');
    assert.equal(applyFilters(')', at('f(|)')), undefined, 'only the closer: nothing left');
    assert.equal(applyFilters('x', at('f|oo')), undefined);
    const calls: string[] = [];
    const out = applyFilters('t', at('|'), [(t) => (calls.push('a'), undefined), (t) => (calls.push('b'), t)]);
    assert.equal(out, undefined);
    assert.deepEqual(calls, ['a']);
  });
});
