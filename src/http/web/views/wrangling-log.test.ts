// The wrangling log shows recorded states field by field, trusting nothing about their shape.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeChanges } from './wrangling-log.ts';

describe('describeChanges', () => {
  it('lists only the fields that changed, readably', () => {
    const before = { canonical: false, mergedInto: null, unwrangleable: false, parents: [], metaTags: [] };
    assert.deepEqual(describeChanges(before, { ...before, mergedInto: 'Draco Malfoy', parents: ['Harry Potter', 'Books'] }), [
      { field: 'Synonym of', before: 'none', after: 'Draco Malfoy' },
      { field: 'Parents', before: 'none', after: 'Harry Potter, Books' },
    ]);
    assert.deepEqual(describeChanges(before, { ...before, canonical: true }), [{ field: 'Canonical', before: 'no', after: 'yes' }]);
  });

  it('copes with a missing or malformed state', () => {
    assert.deepEqual(describeChanges(null, { canonical: true }), [{ field: 'Canonical', before: 'none', after: 'yes' }]);
    assert.deepEqual(describeChanges('garbage', [1, 2]), []);
    assert.deepEqual(describeChanges({ metaTags: { odd: 1 } }, {}), [{ field: 'Meta tags', before: '{"odd":1}', after: 'none' }]);
  });
});
