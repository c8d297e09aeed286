import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { commentNoticesFor, type NoticeFacts } from './notify.ts';

const facts = (extra: Partial<NoticeFacts> = {}, comment: Partial<NoticeFacts['comment']> = {}): NoticeFacts => ({
  event: 'posted',
  work: { id: 1, title: 'Lanterns', anonymous: false, creatorUserIds: [1, 2] },
  comment: { id: 9, chapterId: 3, userId: 5, status: 'published', hidden: false, bodyHtml: '<p>Hi</p>', ...comment },
  authorName: 'wren',
  isGuest: false,
  answeredUserId: null,
  ...extra,
});
const who = (notices: ReturnType<typeof commentNoticesFor>) => notices.map((n) => `${n.recipientUserId}:${n.kind}:${n.authorName}`);

describe('comment notices', () => {
  it('tells the creators of a new comment and the author answered of a reply, never the commenter', () => {
    assert.deepEqual(who(commentNoticesFor(facts({ answeredUserId: 7 }))), ['1:comment:wren', '2:comment:wren', '7:reply:wren']);
    assert.deepEqual(who(commentNoticesFor(facts({ answeredUserId: 2 }, { userId: 1 }))), ['2:comment:wren']);
  });

  it('tells only the creators of a held comment, and the author answered once it is approved', () => {
    assert.deepEqual(who(commentNoticesFor(facts({ answeredUserId: 7 }, { status: 'held' }))), ['1:held-comment:wren', '2:held-comment:wren']);
    assert.deepEqual(who(commentNoticesFor(facts({ event: 'approved', answeredUserId: 7 }))), ['7:reply:wren']);
  });

  it('signs a creator’s comment on an anonymous work "Anonymous Creator" for everyone else, and marks guests', () => {
    const anon = facts({ work: { id: 1, title: 'Lanterns', anonymous: true, creatorUserIds: [1, 2] }, answeredUserId: 7 }, { userId: 1 });
    assert.deepEqual(who(commentNoticesFor(anon)), ['2:comment:wren', '7:reply:Anonymous Creator']);
    assert.deepEqual(who(commentNoticesFor(facts({ isGuest: true }, { userId: null }))), ['1:comment:wren (Guest)', '2:comment:wren (Guest)']);
  });
});
