// Bookmarks over HTTP on both databases: the work page's form, the bookmarks page, edits and
// deletes, the public count, and the API. Private bookmarks reach nobody but their owner — not
// pages, not the API, not the count — bookmarks of hidden works disappear, and an anonymous
// work's bookmark never names its creator.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipUnless } from '../support/stores.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeWork } from '../support/factories.ts';
import { WebClient } from '../support/web-client.ts';
import { createUser } from '../../src/services/create-user.ts';
import { createApiToken } from '../../src/services/accounts/api-tokens.ts';
import { findUserByLogin } from '../../src/db/repos/users.repo.ts';
import { setHiddenByAdmin } from '../../src/db/repos/moderation.repo.ts';

const PASSWORD = 'bookmark passphrase words';
const SECRET = 'PRIVATENOTE7f3a';

for (const dialect of DIALECTS) {
  describe(`[${dialect}] bookmarks over HTTP`, { skip: await skipUnless(dialect) }, () => {
    let t: TestApp;
    let reader: WebClient;
    let other: WebClient;
    let guest: WebClient;
    let token: string;
    const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, bearer: string | null, payload?: unknown) =>
      t.app.inject({
        method,
        url,
        headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(payload !== undefined ? { payload: payload as object } : {}),
      });
    const count = async (id: number) => (await t.store.db.selectFrom('works').select('bookmarks_count').where('id', '=', id).executeTakeFirstOrThrow()).bookmarks_count;

    before(async () => {
      t = await createTestApp(dialect);
      for (const login of ['marginalia', 'onlooker']) await createUser(t.ctx, { login, email: `${login}@example.org`, password: PASSWORD });
      reader = new WebClient(t.app);
      other = new WebClient(t.app);
      guest = new WebClient(t.app);
      await reader.logIn('marginalia', PASSWORD);
      await other.logIn('onlooker', PASSWORD);
      const user = (await findUserByLogin(t.store.db, 'marginalia'))!;
      token = (await createApiToken({ ...t.ctx, actor: { kind: 'user', userId: user.id, login: user.login, roles: new Set(), suspended: false } }, 'tests')).token;
    });
    after(async () => t?.close());

    it('bookmarks a work from its page, edits it there and lists it on the bookmarks page', async () => {
      const work = await makeWork(t.ctx, { title: 'Harbour Lights' });
      const page = await reader.get(`/works/${work.id}`);
      assert.match(page.body, /<h3 id="bookmark-form-heading">Bookmark this work<\/h3>/);
      assert.doesNotMatch((await guest.get(`/works/${work.id}`)).body, /bookmark-form/);
      const res = await reader.post(`/works/${work.id}/bookmarks`, { notes: 'A quiet favourite.', tags: 'Comfort, Sea', rec: 'true', return_to: `/works/${work.id}` });
      assert.equal(res.status, 303);
      assert.equal(res.location, `/works/${work.id}?reader=bookmarked#reader-actions`);
      const after = await reader.follow(res);
      assert.match(after.body, /Your bookmark has been saved\./);
      assert.match(after.body, /Edit your bookmark/);
      assert.match(after.body, /value="Comfort, Sea"/);
      assert.equal(await count(work.id), 1);

      const list = await guest.get('/users/marginalia/bookmarks');
      assert.equal(list.status, 200);
      assert.match(list.body, /Harbour Lights/);
      assert.match(list.body, /A quiet favourite\./);
      assert.match(list.body, /<span class="badge rec">Rec<\/span>/);
      assert.match(list.body, /href="\/users\/marginalia\/bookmarks\?tag=Comfort"/);
      assert.doesNotMatch(list.body, /Delete<span/, 'only the owner gets the controls');
      assert.match((await reader.get('/users/marginalia/bookmarks')).body, /Delete<span class="visually-hidden"> bookmark of Harbour Lights/);
      assert.match((await guest.get('/users/marginalia/bookmarks?tag=sea')).body, /Harbour Lights/);
      assert.doesNotMatch((await guest.get('/users/marginalia/bookmarks?tag=Nope')).body, /Harbour Lights/);
    });

    it('keeps private bookmarks from everyone else: pages, the API and the count', async () => {
      const work = await makeWork(t.ctx, { title: 'Private Reading' });
      await reader.get(`/works/${work.id}`);
      await reader.post(`/works/${work.id}/bookmarks`, { notes: SECRET, tags: `${SECRET}tag`, private: 'true' });
      assert.equal(await count(work.id), 0);
      assert.match((await reader.get('/users/marginalia/bookmarks')).body, new RegExp(SECRET));
      for (const client of [guest, other]) {
        for (const url of ['/users/marginalia/bookmarks', `/works/${work.id}`, '/api/v1/users/marginalia/bookmarks']) {
          const res = await client.get(url);
          assert.equal(res.status, 200, url);
          assert.doesNotMatch(res.body, new RegExp(SECRET), `${url} leaks the private bookmark`);
        }
        // Filtering by the private bookmark's tag finds nothing (the page only repeats the query).
        assert.doesNotMatch((await client.get(`/users/marginalia/bookmarks?tag=${SECRET}tag`)).body, /Private Reading/);
      }
      const mine = (await api('GET', '/api/v1/users/marginalia/bookmarks', token)).json() as { bookmarks: Array<{ notes: string; private: boolean }> };
      assert.ok(mine.bookmarks.some((b) => b.private && b.notes.includes(SECRET)));
      const theirs = (await api('GET', '/api/v1/users/marginalia/bookmarks', null)).json() as { total: number; bookmarks: Array<{ private: boolean }> };
      assert.ok(theirs.bookmarks.every((b) => !b.private));
      assert.equal(theirs.total, theirs.bookmarks.length);
      const stats = ((await api('GET', `/api/v1/works/${work.id}`, null)).json() as { stats: { bookmarks: number } }).stats;
      assert.equal(stats.bookmarks, 0);
    });

    it('makes bookmarks of hidden works disappear, and never names an anonymous work’s creator', async () => {
      const hidden = await makeWork(t.ctx, { title: 'Under Moderation' });
      await createUser(t.ctx, { login: 'maskedauthor', email: 'maskedauthor@example.org', password: PASSWORD });
      const anon = await makeWork(t.ctx, { title: 'Masked Gift', anonymous: true, creator: 'maskedauthor' });
      for (const w of [hidden, anon]) await reader.post(`/works/${w.id}/bookmarks`, {});
      await setHiddenByAdmin(t.store.db, hidden.id, true);
      for (const client of [guest, other, reader]) {
        const list = await client.get('/users/marginalia/bookmarks');
        assert.doesNotMatch(list.body, /Under Moderation/);
        assert.match(list.body, /Masked Gift/);
        assert.doesNotMatch(list.body, /maskedauthor/);
        const json = await client.get('/api/v1/users/marginalia/bookmarks');
        assert.doesNotMatch(json.body, /Under Moderation|maskedauthor/);
      }
      // A hidden work cannot be bookmarked again.
      assert.equal((await other.post(`/works/${hidden.id}/bookmarks`, {})).status, 404);
    });

    it('refuses bad input with a clear message, and lets only the owner delete', async () => {
      const work = await makeWork(t.ctx, { title: 'Long Notes' });
      const bad = await reader.post(`/works/${work.id}/bookmarks`, { notes: 'x'.repeat(6000), tags: 'Fine' });
      assert.equal(bad.status, 422);
      assert.match(bad.body, /There is a problem/);
      assert.match(bad.body, /Notes must be at most 5,000 characters/);
      assert.match(bad.body, /value="Fine"/);
      assert.equal(await t.store.db.selectFrom('bookmarks').select('id').where('work_id', '=', work.id).executeTakeFirst(), undefined);

      await reader.post(`/works/${work.id}/bookmarks`, { notes: 'ok' });
      const { id } = await t.store.db.selectFrom('bookmarks').select('id').where('work_id', '=', work.id).executeTakeFirstOrThrow();
      assert.equal((await other.post(`/bookmarks/${id}/delete`, {})).status, 404);
      assert.equal((await guest.post(`/bookmarks/${id}/delete`, {})).location?.startsWith('/login'), true);
      const deleted = await reader.post(`/bookmarks/${id}/delete`, { return_to: '/users/marginalia/bookmarks' });
      assert.equal(deleted.location, '/users/marginalia/bookmarks?reader=bookmark-deleted');
      assert.match((await reader.follow(deleted)).body, /Your bookmark has been deleted\./);
      assert.equal(await count(work.id), 0);
    });

    it('creates, edits and deletes bookmarks through the API with a token', async () => {
      const work = await makeWork(t.ctx, { title: 'Through The API' });
      assert.equal((await api('POST', '/api/v1/bookmarks', null, { workId: work.id })).statusCode, 401);
      const created = await api('POST', '/api/v1/bookmarks', token, { workId: work.id, notes: '<p>Good <script>x()</script></p>', tags: ['Api Tag'], rec: true });
      assert.equal(created.statusCode, 201, created.body);
      const body = created.json() as { id: number; notes: string; tags: string[]; rec: boolean; private: boolean; work: { id: number; stats: { bookmarks: number } } };
      assert.equal(body.notes, '<p>Good </p>');
      assert.deepEqual(body.tags, ['Api Tag']);
      assert.equal(body.work.stats.bookmarks, 1);
      assert.equal((await api('POST', '/api/v1/bookmarks', token, { workId: work.id })).statusCode, 200);
      const patched = await api('PATCH', `/api/v1/bookmarks/${body.id}`, token, { private: true });
      assert.equal(patched.statusCode, 200);
      assert.equal((patched.json() as { private: boolean }).private, true);
      assert.equal(await count(work.id), 0);
      assert.equal((await api('PATCH', `/api/v1/bookmarks/${body.id}`, token, { notes: 'x'.repeat(5001) })).statusCode, 422);
      assert.equal((await api('DELETE', `/api/v1/bookmarks/${body.id}`, token)).statusCode, 204);
      assert.equal((await api('DELETE', `/api/v1/bookmarks/${body.id}`, token)).statusCode, 404);
      const doc = (await api('GET', '/api/v1/openapi.json', null)).json() as { paths: Record<string, unknown> };
      assert.ok(doc.paths['/api/v1/bookmarks'] && doc.paths['/api/v1/users/{login}/bookmarks']);
    });
  });
}
