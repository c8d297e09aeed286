// The policy's kudos and stats actions, separately from policy.test.ts: who may leave kudos and
// who may see a work's or a creator's statistics.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { GUEST, SYSTEM, type Actor } from './actor.ts';
import { can, type WorkAccess } from './policy.ts';

const user = (userId: number, extra: Partial<Extract<Actor, { kind: 'user' }>> = {}): Actor => ({ kind: 'user', userId, login: `u${userId}`, roles: new Set(), suspended: false, ...extra });
const admin: Actor = { kind: 'user', userId: 9, login: 'admin', roles: new Set(['admin']), suspended: false };
const work = (extra: Partial<WorkAccess> = {}): WorkAccess => ({ posted: true, hiddenByAdmin: false, restricted: false, anonymous: false, creatorUserIds: [1], ...extra });

describe('policy: kudos', () => {
  it('lets readers of a posted work leave kudos, guests included', () => {
    assert.ok(can(GUEST, { do: 'work:kudos', work: work() }));
    assert.ok(can(user(2), { do: 'work:kudos', work: work() }));
    assert.ok(can(user(2, { viaToken: true }), { do: 'work:kudos', work: work() }));
  });

  it('refuses the work’s own creators, as AO3 does', () => {
    assert.ok(!can(user(1), { do: 'work:kudos', work: work() }));
    assert.ok(!can(user(1), { do: 'work:kudos', work: work({ anonymous: true }) }));
  });

  it('refuses where the work cannot be read, and on drafts and hidden works', () => {
    assert.ok(!can(GUEST, { do: 'work:kudos', work: work({ restricted: true }) }));
    assert.ok(can(user(2), { do: 'work:kudos', work: work({ restricted: true }) }));
    assert.ok(!can(user(2), { do: 'work:kudos', work: work({ posted: false }) }));
    assert.ok(!can(admin, { do: 'work:kudos', work: work({ hiddenByAdmin: true }) }));
  });

  it('refuses suspended accounts and the system', () => {
    assert.ok(!can(user(2, { suspended: true }), { do: 'work:kudos', work: work() }));
    assert.ok(!can(SYSTEM, { do: 'work:kudos', work: work() }));
  });
});

describe('policy: stats', () => {
  it('shows a work’s stats to its creators only', () => {
    assert.ok(can(user(1), { do: 'work:stats', work: work({ posted: false }) }));
    assert.ok(can(user(1, { viaToken: true }), { do: 'work:stats', work: work() }));
    assert.ok(!can(user(2), { do: 'work:stats', work: work() }));
    assert.ok(!can(admin, { do: 'work:stats', work: work() }));
    assert.ok(!can(GUEST, { do: 'work:stats', work: work() }));
    assert.ok(!can(user(1, { suspended: true }), { do: 'work:stats', work: work() }));
  });

  it('shows a creator’s stats page to its owner only', () => {
    assert.ok(can(user(3), { do: 'user:stats', userId: 3 }));
    assert.ok(!can(user(4), { do: 'user:stats', userId: 3 }));
    assert.ok(!can(admin, { do: 'user:stats', userId: 3 }));
    assert.ok(!can(GUEST, { do: 'user:stats', userId: 3 }));
  });
});
