import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeMuteReason, muteReasons, savedSearchName, type MuteSet } from './mutes.ts';

const mutes: MuteSet = { tags: new Map([[10, 'Character Death']]), users: new Map([[7, 'quill']]) };

describe('muteReasons', () => {
  it('finds muted tags in the filter set and muted creators among the visible ones', () => {
    const reasons = muteReasons(mutes, [
      { workId: 1, filterTagIds: [3, 10, 10], visibleCreatorUserIds: [7, 8], anonymous: false },
      { workId: 2, filterTagIds: [3], visibleCreatorUserIds: [8], anonymous: false },
      { workId: 3, filterTagIds: [], visibleCreatorUserIds: [7], anonymous: false },
    ]);
    assert.deepEqual(reasons.get(1), [
      { kind: 'tag', id: 10, name: 'Character Death' },
      { kind: 'user', id: 7, login: 'quill' },
    ]);
    assert.equal(reasons.has(2), false);
    assert.deepEqual(reasons.get(3)?.map(describeMuteReason), ['the creator quill']);
  });

  it('never hides an anonymous work for its creator, even when the creator is listed', () => {
    const reasons = muteReasons(mutes, [
      { workId: 1, filterTagIds: [], visibleCreatorUserIds: [7], anonymous: true },
      { workId: 2, filterTagIds: [10], visibleCreatorUserIds: [], anonymous: true },
    ]);
    assert.equal(reasons.has(1), false);
    assert.deepEqual(reasons.get(2)?.map(describeMuteReason), ['the tag Character Death'], 'tags still mute anonymous works');
  });

  it('does nothing without mutes', () => {
    assert.equal(muteReasons({ tags: new Map(), users: new Map() }, [{ workId: 1, filterTagIds: [10], visibleCreatorUserIds: [7], anonymous: false }]).size, 0);
  });
});

describe('savedSearchName', () => {
  it('collapses whitespace and refuses empty or overlong names', () => {
    assert.equal(savedSearchName('  Slow\n  burn  '), 'Slow burn');
    assert.equal(savedSearchName('   '), null);
    assert.equal(savedSearchName('x'.repeat(101)), null);
  });
});
