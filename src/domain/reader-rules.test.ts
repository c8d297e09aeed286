// The pure rules behind bookmarks and subscriptions: who may see a bookmark, who may follow a
// work, who hears of what is posted, when the digest goes, and the bookmarker's tag field.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { can, type WorkAccess } from './policy.ts';
import { GUEST, SYSTEM, type Actor } from './actor.ts';
import { eventKey, nextDigestAt, reasonsFor } from './notifications.ts';
import { MAX_BOOKMARK_TAGS, parseBookmarkTags } from './bookmarks.ts';

const owner: Actor = { kind: 'user', userId: 1, login: 'owner', roles: new Set(), suspended: false };
const other: Actor = { kind: 'user', userId: 2, login: 'other', roles: new Set(), suspended: false };
const admin: Actor = { kind: 'user', userId: 3, login: 'boss', roles: new Set(['admin']), suspended: false };
const token: Actor = { ...owner, viaToken: true } as Actor;
const work = (overrides: Partial<WorkAccess> = {}): WorkAccess => ({ posted: true, hiddenByAdmin: false, restricted: false, anonymous: false, creatorUserIds: [9], ...overrides });

describe('bookmark and follow policy', () => {
  it('shows a private bookmark to its owner alone, and any bookmark only where the work is readable', () => {
    const privateMark = { userId: 1, private: true };
    const publicMark = { userId: 1, private: false };
    assert.equal(can(owner, { do: 'bookmark:see', bookmark: privateMark, work: work() }), true);
    for (const actor of [GUEST, other, admin]) assert.equal(can(actor, { do: 'bookmark:see', bookmark: privateMark, work: work() }), false);
    assert.equal(can(GUEST, { do: 'bookmark:see', bookmark: publicMark, work: work() }), true);
    assert.equal(can(GUEST, { do: 'bookmark:see', bookmark: publicMark, work: work({ restricted: true }) }), false);
    assert.equal(can(owner, { do: 'bookmark:see', bookmark: privateMark, work: work({ hiddenByAdmin: true }) }), false);
    assert.equal(can(SYSTEM, { do: 'bookmark:see', bookmark: privateMark, work: work() }), true);
  });

  it('lets active readers follow posted works they may read — not drafts, not hidden works, not guests', () => {
    assert.equal(can(other, { do: 'work:track', work: work({ restricted: true }) }), true);
    assert.equal(can(GUEST, { do: 'work:track', work: work() }), false);
    assert.equal(can({ ...other, suspended: true }, { do: 'work:track', work: work() }), false);
    assert.equal(can(admin, { do: 'work:track', work: work({ hiddenByAdmin: true }) }), false);
    assert.equal(can({ ...owner, userId: 9 }, { do: 'work:track', work: work({ posted: false }) }), false);
  });

  it('lets readers manage their own reading things, with API tokens too', () => {
    assert.equal(can(owner, { do: 'reading:manage', userId: 1 }), true);
    assert.equal(can(token, { do: 'reading:manage', userId: 1 }), true);
    assert.equal(can(admin, { do: 'reading:manage', userId: 1 }), false);
    assert.equal(can(GUEST, { do: 'reading:manage', userId: 1 }), false);
  });
});

describe('notification rules', () => {
  it('tells work subscribers of chapters, and creator subscribers of works unless anonymous', () => {
    assert.deepEqual(reasonsFor({ kind: 'chapter', workId: 1, chapterId: 2 }, false), ['work']);
    assert.deepEqual(reasonsFor({ kind: 'work', workId: 1 }, false), ['creator', 'series']);
    assert.deepEqual(reasonsFor({ kind: 'work', workId: 1 }, true), ['series']);
    assert.equal(eventKey({ kind: 'chapter', workId: 1, chapterId: 2 }), 'chapter:2');
  });

  it('sends the digest at the next midnight UTC', () => {
    assert.equal(nextDigestAt(new Date('2026-11-21T12:00:00Z')).toISOString(), '2026-11-22T00:00:00.000Z');
    assert.equal(nextDigestAt(new Date('2026-12-31T23:59:59Z')).toISOString(), '2027-01-01T00:00:00.000Z');
    assert.equal(nextDigestAt(new Date('2026-11-22T00:00:00Z')).toISOString(), '2026-11-23T00:00:00.000Z');
  });

  it('reads the bookmarker’s tags once each, in order, and refuses bad or too many', () => {
    assert.deepEqual(parseBookmarkTags(' Fluff , fluff,Rainy  Day,, '), { tags: [{ name: 'Fluff', key: 'fluff' }, { name: 'Rainy Day', key: 'rainy day' }] });
    assert.deepEqual(parseBookmarkTags(['A', 'B, a']), { tags: [{ name: 'A', key: 'a' }, { name: 'B', key: 'b' }] });
    assert.ok('problem' in parseBookmarkTags('x'.repeat(151)));
    assert.ok('problem' in parseBookmarkTags(Array.from({ length: MAX_BOOKMARK_TAGS + 1 }, (_, i) => `t${i}`)));
  });
});
