// The policy's comment moderation and block-list actions (issue 6), beside the rules they use.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { GUEST, SYSTEM, type Actor } from './actor.ts';
import { can, type WorkAccess } from './policy.ts';

const user = (userId: number, extra: Partial<Extract<Actor, { kind: 'user' }>> = {}): Actor => ({ kind: 'user', userId, login: `u${userId}`, roles: new Set(), suspended: false, ...extra });
const work: WorkAccess = { posted: true, hiddenByAdmin: false, restricted: false, anonymous: false, creatorUserIds: [1, 2] };

describe('comment policy', () => {
  it('lets only active creators moderate a work’s comments, with a token too', () => {
    assert.equal(can(user(1), { do: 'comment:moderate', work }), true);
    assert.equal(can(user(2, { viaToken: true }), { do: 'comment:moderate', work }), true);
    assert.equal(can(user(3, { roles: new Set(['admin']) }), { do: 'comment:moderate', work }), false);
    assert.equal(can(user(1, { suspended: true }), { do: 'comment:moderate', work }), false);
    assert.equal(can(GUEST, { do: 'comment:moderate', work }), false);
    assert.equal(can(SYSTEM, { do: 'comment:moderate', work }), false);
  });

  it('lets people manage only their own blocks', () => {
    assert.equal(can(user(5), { do: 'blocks:manage', userId: 5 }), true);
    assert.equal(can(user(5), { do: 'blocks:manage', userId: 6 }), false);
    assert.equal(can(GUEST, { do: 'blocks:manage', userId: 5 }), false);
  });
});
