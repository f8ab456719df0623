import * as assert from 'node:assert/strict';
import { nonEmpty } from '../../../src/engine/filters/nonEmpty';
import { request } from '../engineHelpers';

describe('filter: nonEmpty', () => {
  it('drops empty and whitespace-only suggestions', () => {
    const req = request('x');
    assert.equal(nonEmpty('', req), undefined);
    assert.equal(nonEmpty(' \t\n', req), undefined);
    assert.equal(nonEmpty(' x', req), ' x');
  });
});
