import { it } from 'node:test';
import assert from 'node:assert/strict';
import { chapterFraction, isComplete, normalizeExpected } from './work-rules.ts';

it('shows chapters as n/m or n/?', () => {
  assert.equal(chapterFraction(2, 5), '2/5');
  assert.equal(chapterFraction(1, null), '1/?');
});

it('calls a work complete only when the expected count is known and reached', () => {
  assert.equal(isComplete(2, 5), false);
  assert.equal(isComplete(5, 5), true);
  assert.equal(isComplete(3, null), false);
});

it('never lets the posted count exceed the expected count', () => {
  assert.equal(normalizeExpected(6, 5), 6);
  assert.equal(normalizeExpected(2, 5), 5);
  assert.equal(normalizeExpected(2, null), null);
});
