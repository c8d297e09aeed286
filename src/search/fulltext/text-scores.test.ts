// MatchSet: the full-text matches as the discovery index reads them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MatchSet } from './text-scores.ts';

describe('MatchSet', () => {
  it('holds its ids newest first, whatever order they came in', () => {
    assert.deepEqual([...new MatchSet([3, 9, 40]).keys()], [40, 9, 3]);
    assert.deepEqual([...new MatchSet([40, 9, 3]).keys()], [40, 9, 3]);
    assert.deepEqual([...new MatchSet([9, 40, 3, 100]).keys()], [100, 40, 9, 3]);
    assert.equal(MatchSet.EMPTY.size, 0);
  });

  it('answers membership, and scores with 0 for the unscored members only', () => {
    const set = new MatchSet([5, 70, 1_000_001]).withScores(new Map([[70, 2.5], [8, 9]]));
    assert.equal(set.size, 3);
    for (const id of [5, 70, 1_000_001]) assert.ok(set.has(id));
    for (const id of [0, 8, 69, 2_000_000, -1]) assert.equal(set.has(id), false, String(id));
    assert.equal(set.get(70), 2.5);
    assert.equal(set.get(5), 0);
    assert.equal(set.get(8), undefined, 'a score outside the set does not make a member');
  });
});
