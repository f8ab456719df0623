import * as assert from 'node:assert/strict';
import { closingOverlap } from '../../../src/engine/filters/closingOverlap';
import { at } from '../engineHelpers';

describe('filter: closingOverlap', () => {
  it('cuts the suggestion where it would type the closer that already follows', () => {
    assert.equal(closingOverlap('b)', at('f(a, |)')), 'b');
    assert.equal(closingOverlap('b);', at('f(a, |);')), 'b');
    assert.equal(closingOverlap('b) + c', at('f(|)')), 'b');
    assert.equal(closingOverlap('abc"', at('s = "|"')), 'abc');
    assert.equal(closingOverlap(')', at('f(|)')), '', 'a suggestion of only the closer becomes empty');
    assert.equal(closingOverlap('x]', at('a[|  ]')), 'x', 'spaces before the closer are skipped');
  });

  it('keeps closers that the suggestion opened itself', () => {
    assert.equal(closingOverlap('g(b))', at('f(|)')), 'g(b)');
    assert.equal(closingOverlap('g(b)', at('f(|)')), 'g(b)');
    assert.equal(closingOverlap('1, [2]]', at('x = [|]')), '1, [2]');
    assert.equal(closingOverlap('[1, [2]]', at('x = [|]')), '[1, [2]]', 'a nested list closes itself');
  });

  it('changes nothing when no closer follows', () => {
    assert.equal(closingOverlap('b)', at('f(a, |')), 'b)');
    assert.equal(closingOverlap('b)', at('f(a, |\n)')), 'b)', 'only the cursor line counts');
    assert.equal(closingOverlap('abc', at('f(|)')), 'abc');
  });
});
