import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canReadComment, commentVisibility, countLinks, isNewAccount, permissionProblem, replyPlacement, type CommentFacts } from './comment-rules.ts';

const c = (id: number, parentId: number | null, extra: Partial<CommentFacts> = {}): CommentFacts => ({ id, parentId, userId: 10, status: 'published', hidden: false, deleted: false, ...extra });
const guest = { userId: null, isCreator: false };

describe('comment rules', () => {
  it('lets only the creators and the author read held and hidden comments', () => {
    for (const extra of [{ status: 'held' as const }, { hidden: true }]) {
      assert.equal(canReadComment(guest, c(1, null, extra)), false);
      assert.equal(canReadComment({ userId: 11, isCreator: false }, c(1, null, extra)), false);
      assert.equal(canReadComment({ userId: 10, isCreator: false }, c(1, null, extra)), true);
      assert.equal(canReadComment({ userId: 12, isCreator: true }, c(1, null, extra)), true);
    }
    assert.equal(canReadComment({ userId: 10, isCreator: true }, c(1, null, { deleted: true })), false);
  });

  it('keeps a placeholder only where a reply below it is shown', () => {
    const v = commentVisibility(guest, [c(1, null, { deleted: true }), c(2, 1), c(3, null, { hidden: true }), c(4, 3, { status: 'held' }), c(5, null, { deleted: true })]);
    assert.deepEqual(Object.fromEntries(v), { 1: 'placeholder', 2: 'full', 3: 'none', 4: 'none', 5: 'none' });
  });

  it('attaches replies to the deepest level beside the comment answered', () => {
    assert.deepEqual(replyPlacement({ id: 7, parentId: 6, depth: 4 }), { parentId: 7, depth: 5, replyToId: null });
    assert.deepEqual(replyPlacement({ id: 8, parentId: 7, depth: 5 }), { parentId: 7, depth: 5, replyToId: 8 });
  });

  it('counts anchors and web addresses typed as text', () => {
    assert.equal(countLinks('<p><a href="https://a.example">https://a.example</a> and www.b.example, http://c.example/x</p>'), 3);
    assert.equal(countLinks('<p>No links, just text.</p>'), 0);
  });

  it('knows new accounts and the comment permissions', () => {
    assert.equal(isNewAccount('2026-03-01T00:00:00Z', new Date('2026-03-07T23:00:00Z')), true);
    assert.equal(isNewAccount('2026-03-01T00:00:00Z', new Date('2026-03-08T00:00:01Z')), false);
    assert.equal(permissionProblem('everyone', false), null);
    assert.match(permissionProblem('users', false) ?? '', /guests/);
    assert.equal(permissionProblem('users', true), null);
    assert.match(permissionProblem('none', true) ?? '', /doesn’t allow comments/);
  });
});
