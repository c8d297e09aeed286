// Personal filters through the real pages and the JSON API on both databases: muting and
// unmuting tags and creators, saved searches, CSRF, and that one reader's lists reach nobody else.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipUnless } from '../support/stores.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { WebClient } from '../support/web-client.ts';
import { makeWork } from '../support/factories.ts';
import { createUser } from '../../src/services/create-user.ts';
import { createApiToken } from '../../src/services/accounts/api-tokens.ts';
import type { Actor } from '../../src/domain/actor.ts';

const PASSWORD = 'a sturdy passphrase here';

for (const dialect of DIALECTS) {
  describe(`[${dialect}] personal filter pages and API`, { skip: await skipUnless(dialect) }, () => {
    let t: TestApp;
    let owner: WebClient;
    let other: WebClient;
    let token: string;

    before(async () => {
      t = await createTestApp(dialect);
      const made = await createUser(t.ctx, { login: 'heron', email: 'heron@example.org', password: PASSWORD });
      await createUser(t.ctx, { login: 'magpie', email: 'magpie@example.org', password: PASSWORD });
      await createUser(t.ctx, { login: 'plover', email: 'plover@example.org', password: PASSWORD });
      await makeWork(t.ctx, { creator: 'plover', freeforms: ['Slow Burn', 'Tea Shops'] });
      owner = new WebClient(t.app);
      assert.equal((await owner.logIn('heron', PASSWORD)).status, 303);
      other = new WebClient(t.app);
      assert.equal((await other.logIn('magpie', PASSWORD)).status, 303);
      const actor: Actor = { kind: 'user', userId: made.id, login: 'heron', roles: new Set(), suspended: false };
      token = (await createApiToken({ ...t.ctx, actor }, 'reader app')).token;
    });
    after(async () => t?.close());

    it('sends guests to log in and refuses other readers the page and its forms', async () => {
      const guest = new WebClient(t.app);
      const page = await guest.get('/users/heron/muted');
      assert.equal(page.status, 303);
      assert.match(page.location ?? '', /^\/login\?return_to=%2Fusers%2Fheron%2Fmuted/);
      assert.equal((await guest.get('/users/heron/saved-searches')).status, 303);
      assert.equal((await other.get('/users/heron/muted')).status, 403);
      assert.equal((await other.get('/users/heron/saved-searches')).status, 403);
      await other.get('/users/magpie/muted');
      assert.equal((await other.post('/users/heron/muted/tags', { tag: 'Slow Burn' })).status, 403);
      assert.equal((await other.post('/users/heron/saved-searches', { name: 'Not mine', query: 'sort=hits' })).status, 403);
      assert.deepEqual(await t.store.db.selectFrom('muted_tags').select('tag_id').execute(), []);
    });

    it('mutes and unmutes a tag through the page, with the CSRF token', async () => {
      const page = await owner.get('/users/heron/muted');
      assert.equal(page.status, 200);
      assert.match(page.body, /<h1>Muted tags and creators<\/h1>/);
      assert.match(page.body, /You have not muted any tags/);
      assert.match(page.body, /data-tag-autocomplete=""/);
      assert.equal(page.headers['cache-control'], 'private, no-store');

      const forged = await owner.post('/users/heron/muted/tags', { tag: 'Slow Burn', _csrf: null });
      assert.equal(forged.status, 403);
      const done = await owner.post('/users/heron/muted/tags', { tag: 'slow burn' });
      assert.equal(done.status, 303);
      assert.equal(done.location, '/users/heron/muted?done=tag-muted');
      const listed = await owner.follow(done);
      assert.match(listed.body, /The tag has been muted\./);
      assert.match(listed.body, /<a href="\/tags\/Slow%20Burn" class="tag">Slow Burn<\/a>/);
      // AO3's path shows the same page.
      assert.match((await owner.get('/users/heron/muted/users')).body, /Slow Burn/);

      const unknown = await owner.post('/users/heron/muted/tags', { tag: 'Nothing Like This' });
      assert.equal(unknown.status, 422);
      assert.match(unknown.body, /There is no tag &quot;Nothing Like This&quot;\./);
      assert.match(unknown.body, /href="#tags_tag"/);
      assert.match(unknown.body, /value="Nothing Like This"/);

      const tagId = /action="\/users\/heron\/muted\/tags\/(\d+)\/delete"/.exec(listed.body)?.[1];
      assert.ok(tagId);
      const unmuted = await owner.post(`/users/heron/muted/tags/${tagId}/delete`);
      assert.equal(unmuted.location, '/users/heron/muted?done=tag-unmuted');
      assert.match((await owner.follow(unmuted)).body, /You have not muted any tags/);
    });

    it('mutes a creator, refuses muting oneself, and returns to the page the button was on', async () => {
      await owner.get('/users/heron/muted');
      const self = await owner.post('/users/heron/muted/users', { login: 'heron' });
      assert.equal(self.status, 422);
      assert.match(self.body, /You cannot mute yourself\./);
      const back = await owner.post('/users/heron/muted/users', { login: 'plover', return_to: '/users/plover' });
      assert.equal(back.status, 303);
      assert.equal(back.location, '/users/plover');
      // A return_to off this site falls back to the muted page.
      await owner.get('/users/heron/muted');
      const offsite = await owner.post('/users/heron/muted/users', { login: 'plover', return_to: '//evil.example/' });
      assert.equal(offsite.location, '/users/heron/muted?done=user-muted');
      const page = await owner.get('/users/heron/muted');
      assert.match(page.body, /<a href="\/users\/plover">plover<\/a>/);
      // The other reader's own page shows none of it.
      const theirs = await other.get('/users/magpie/muted');
      assert.equal(theirs.status, 200);
      assert.doesNotMatch(theirs.body, /plover/);
    });

    it('saves a search from a listing’s form, lists it with its link, and deletes it', async () => {
      await owner.get('/users/heron/saved-searches');
      const bad = await owner.post('/users/heron/saved-searches', { name: 'Broken', query: 'sort=sideways' });
      assert.equal(bad.status, 422);
      assert.match(bad.body, /sort: &quot;sideways&quot; is not one of/);
      assert.match(bad.body, /value="sort=sideways"/);
      const saved = await owner.post('/users/heron/saved-searches', { name: 'Slow and finished', query: 'freeform=Slow+Burn&complete=true&page=4' });
      assert.equal(saved.status, 303);
      const list = await owner.follow(saved);
      assert.match(list.body, /Your search has been saved\./);
      assert.match(list.body, /<a href="\/works\?freeform=Slow\+Burn&amp;complete=true">Slow and finished<\/a>/);
      await owner.post('/users/heron/saved-searches', { name: 'Lighthouses', query: 'q=lighthouse' });
      assert.match((await owner.get('/users/heron/saved-searches')).body, /href="\/works\/search\?q=lighthouse"/);
      const duplicate = await owner.post('/users/heron/saved-searches', { name: 'lighthouses', query: 'q=harbour' });
      assert.equal(duplicate.status, 422);
      assert.match(duplicate.body, /already have a saved search named/);

      const id = /action="\/users\/heron\/saved-searches\/(\d+)\/delete"/.exec(list.body)?.[1];
      assert.ok(id);
      await other.get('/users/magpie/saved-searches');
      assert.equal((await other.post(`/users/heron/saved-searches/${id}/delete`)).status, 403);
      assert.equal((await other.post(`/users/magpie/saved-searches/${id}/delete`)).status, 422, 'not theirs: nothing to delete');
      const deleted = await owner.post(`/users/heron/saved-searches/${id}/delete`);
      assert.equal(deleted.location, '/users/heron/saved-searches?done=deleted');
      assert.doesNotMatch((await owner.follow(deleted)).body, /Slow and finished/);
    });

    it('manages the same lists through the API with a token', async () => {
      const auth = { authorization: `Bearer ${token}` };
      const call = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
        t.app.inject({ method, url, headers: auth, ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}) });

      const muted = await call('POST', '/api/v1/me/muted-tags', { name: 'tea shops' });
      assert.equal(muted.statusCode, 201);
      const tag = muted.json();
      assert.equal(tag.name, 'Tea Shops');
      assert.equal(tag.type, 'freeform');
      assert.equal((await call('POST', '/api/v1/me/muted-tags', { name: 'Tea Shops' })).statusCode, 200);
      assert.deepEqual((await call('GET', '/api/v1/me/muted-tags')).json().tags.map((t: { name: string }) => t.name), ['Tea Shops']);
      const missing = await call('POST', '/api/v1/me/muted-tags', { name: 'Unheard Of' });
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().error.message, 'There is no tag "Unheard Of".');
      assert.equal((await call('DELETE', `/api/v1/me/muted-tags/${tag.id}`)).statusCode, 204);
      assert.equal((await call('DELETE', `/api/v1/me/muted-tags/${tag.id}`)).statusCode, 404);

      const users = (await call('GET', '/api/v1/me/muted-users')).json().users;
      assert.deepEqual(users.map((u: { login: string }) => u.login), ['plover']);
      assert.equal((await call('POST', '/api/v1/me/muted-users', { login: 'heron' })).statusCode, 422);
      assert.equal((await call('DELETE', `/api/v1/me/muted-users/${users[0].id}`)).statusCode, 204);
      assert.equal((await call('POST', '/api/v1/me/muted-users', { login: 'plover' })).statusCode, 201);

      const search = await call('POST', '/api/v1/me/saved-searches', { name: 'Kudos', query: 'sort=kudos' });
      assert.equal(search.statusCode, 201);
      assert.deepEqual({ ...(search.json() as Record<string, unknown>), id: 0, createdAt: '' }, { id: 0, name: 'Kudos', query: 'sort=kudos', url: '/works?sort=kudos', createdAt: '' });
      assert.equal((await call('POST', '/api/v1/me/saved-searches', { name: 'Odd', query: 'complete=maybe' })).statusCode, 422);
      const listed = (await call('GET', '/api/v1/me/saved-searches')).json().searches;
      assert.ok(listed.some((s: { name: string }) => s.name === 'Kudos'));
      assert.equal((await call('DELETE', `/api/v1/me/saved-searches/${search.json().id}`)).statusCode, 204);

      // Without a token or session: log in first. With a session: writes need the CSRF header.
      const guest = await t.app.inject({ method: 'GET', url: '/api/v1/me/muted-tags' });
      assert.equal(guest.statusCode, 401);
      const session = new WebClient(t.app);
      await session.logIn('heron', PASSWORD);
      session.csrf = null;
      assert.equal((await session.json('POST', '/api/v1/me/muted-tags', { name: 'Tea Shops' })).status, 403);
      await session.get('/users/heron/muted');
      assert.equal((await session.json('POST', '/api/v1/me/muted-tags', { name: 'Tea Shops' })).status, 201);
    });

    it('documents the routes in the OpenAPI description', async () => {
      const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
      for (const path of ['/api/v1/me/muted-tags', '/api/v1/me/muted-users', '/api/v1/me/saved-searches']) {
        assert.ok(doc.paths[path]?.get && doc.paths[path]?.post, path);
        assert.deepEqual(doc.paths[path].get.tags, ['me']);
      }
      assert.ok(doc.paths['/api/v1/me/muted-tags/{id}']?.delete);
    });
  });
}
