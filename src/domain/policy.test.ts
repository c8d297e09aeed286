import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { can, workScope, type WorkAccess } from './policy.ts';
import { GUEST, SYSTEM, type Actor } from './actor.ts';

const reader: Actor = { kind: 'user', userId: 1, login: 'reader', roles: new Set(), suspended: false };
const creator: Actor = { kind: 'user', userId: 2, login: 'writer', roles: new Set(), suspended: false };
const admin: Actor = { kind: 'user', userId: 3, login: 'boss', roles: new Set(['admin']), suspended: false };
const suspended: Actor = { kind: 'user', userId: 4, login: 'gone', roles: new Set(), suspended: true };

const work = (overrides: Partial<WorkAccess> = {}): WorkAccess => ({
  posted: true,
  hiddenByAdmin: false,
  restricted: false,
  anonymous: false,
  creatorUserIds: [2],
  ...overrides,
});

describe('work visibility policy', () => {
  it('lets everyone read a posted, public work', () => {
    for (const actor of [GUEST, reader, creator, admin, suspended]) {
      assert.equal(can(actor, { do: 'work:read', work: work() }), true);
    }
  });

  it('shows drafts to their creators only', () => {
    const draft = work({ posted: false });
    assert.equal(can(GUEST, { do: 'work:read', work: draft }), false);
    assert.equal(can(reader, { do: 'work:read', work: draft }), false);
    assert.equal(can(admin, { do: 'work:read', work: draft }), false);
    assert.equal(can(creator, { do: 'work:read', work: draft }), true);
  });

  it('keeps restricted works from guests and suspended users', () => {
    const restricted = work({ restricted: true });
    assert.equal(can(GUEST, { do: 'work:read', work: restricted }), false);
    assert.equal(can(suspended, { do: 'work:read', work: restricted }), false);
    assert.equal(can(reader, { do: 'work:read', work: restricted }), true);
  });

  it('shows works hidden by an admin to admins and creators only', () => {
    const hidden = work({ hiddenByAdmin: true });
    assert.equal(can(reader, { do: 'work:read', work: hidden }), false);
    assert.equal(can(admin, { do: 'work:read', work: hidden }), true);
    assert.equal(can(creator, { do: 'work:read', work: hidden }), true);
  });

  it('hides the creators of anonymous works from everyone but the creators', () => {
    const anonymous = work({ anonymous: true });
    assert.equal(can(reader, { do: 'work:see-creators', work: anonymous }), false);
    assert.equal(can(admin, { do: 'work:see-creators', work: anonymous }), false);
    assert.equal(can(creator, { do: 'work:see-creators', work: anonymous }), true);
    assert.equal(can(reader, { do: 'work:see-creators', work: work() }), true);
  });

  it('scopes listings: restricted works only for logged-in, unsuspended users', () => {
    assert.equal(workScope(GUEST).includeRestricted, false);
    assert.equal(workScope(suspended).includeRestricted, false);
    assert.equal(workScope(reader).includeRestricted, true);
    assert.equal(workScope(SYSTEM).includeRestricted, true);
  });
});

describe('work editing policy', () => {
  it('lets only active creators edit, never guests, other users, admins or suspended creators', () => {
    const w = work();
    assert.equal(can(creator, { do: 'work:edit', work: w }), true);
    for (const actor of [GUEST, reader, admin, suspended]) assert.equal(can(actor, { do: 'work:edit', work: w }), false);
    const suspendedCreator: Actor = { kind: 'user', userId: 2, login: 'writer', roles: new Set(), suspended: true };
    assert.equal(can(suspendedCreator, { do: 'work:edit', work: w }), false);
  });

  it('lets active users post, and nobody else', () => {
    assert.equal(can(reader, { do: 'work:create' }), true);
    assert.equal(can(GUEST, { do: 'work:create' }), false);
    assert.equal(can(suspended, { do: 'work:create' }), false);
  });

  it('lets users manage only their own account and admins administer the site', () => {
    assert.equal(can(reader, { do: 'account:manage', userId: 1 }), true);
    assert.equal(can(reader, { do: 'account:manage', userId: 2 }), false);
    assert.equal(can(admin, { do: 'admin:manage' }), true);
    assert.equal(can(reader, { do: 'admin:manage' }), false);
    assert.equal(can(GUEST, { do: 'admin:manage' }), false);
  });
});

describe('API tokens', () => {
  it('cannot manage accounts or administer the site, even for an admin', () => {
    const readerToken: Actor = { ...(reader as Extract<Actor, { kind: 'user' }>), viaToken: true };
    const adminToken: Actor = { ...(admin as Extract<Actor, { kind: 'user' }>), viaToken: true };
    assert.equal(can(readerToken, { do: 'account:manage', userId: 1 }), false);
    assert.equal(can(adminToken, { do: 'admin:manage' }), false);
    assert.equal(can(readerToken, { do: 'work:create' }), true, 'posting through the API is what tokens are for');
  });
});

describe('personal filters', () => {
  it('lets each active user manage only their own, through a token too', () => {
    const readerToken: Actor = { ...(reader as Extract<Actor, { kind: 'user' }>), viaToken: true };
    assert.equal(can(reader, { do: 'filters:manage', userId: 1 }), true);
    assert.equal(can(readerToken, { do: 'filters:manage', userId: 1 }), true, 'a reading app keeps the same mutes');
    assert.equal(can(reader, { do: 'filters:manage', userId: 2 }), false);
    assert.equal(can(admin, { do: 'filters:manage', userId: 1 }), false, 'private even from admins');
    assert.equal(can(suspended, { do: 'filters:manage', userId: 4 }), false);
    assert.equal(can(GUEST, { do: 'filters:manage', userId: 1 }), false);
  });
});

describe('tag wrangling', () => {
  const wrangler: Actor = { kind: 'user', userId: 9, login: 'wrangler', roles: new Set(['wrangler']), suspended: false };
  it('lets wranglers and admins wrangle, and only admins read the audit log', () => {
    assert.equal(can(wrangler, { do: 'tags:wrangle' }), true);
    assert.equal(can(admin, { do: 'tags:wrangle' }), true);
    assert.equal(can(reader, { do: 'tags:wrangle' }), false);
    assert.equal(can(GUEST, { do: 'tags:wrangle' }), false);
    assert.equal(can(wrangler, { do: 'tags:audit' }), false);
    assert.equal(can(admin, { do: 'tags:audit' }), true);
  });
});
