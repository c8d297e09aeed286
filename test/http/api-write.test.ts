// The JSON API's write side with personal API tokens, on both databases: the same rules as the
// posting form, and bad input refused with a clear error that changes nothing.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipUnless } from '../support/stores.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { WebClient } from '../support/web-client.ts';
import { createUser } from '../../src/services/create-user.ts';
import { createApiToken } from '../../src/services/accounts/api-tokens.ts';
import { findUserByLogin } from '../../src/db/repos/users.repo.ts';

const PASSWORD = 'api passphrase for tests';
const WORK = {
  title: 'Written Through The API',
  summary: '<p>A <em>summary</em> <script>alert(1)</script></p>',
  rating: 'Teen And Up Audiences',
  warnings: ['No Archive Warnings Apply'],
  fandoms: ['Original Work'],
  characters: ['The Archivist'],
  freeforms: ['Epistolary'],
  expectedChapters: 3,
  chapters: [{ title: 'First', content: '<p>One two three.</p>' }],
};

for (const dialect of DIALECTS) {
  describe(`[${dialect}] API writes with tokens`, { skip: await skipUnless(dialect) }, () => {
    let t: TestApp;
    let alice: string;
    let bob: string;

    async function tokenFor(login: string): Promise<string> {
      await createUser(t.ctx, { login, email: `${login}@example.org`, password: PASSWORD });
      const user = (await findUserByLogin(t.store.db, login))!;
      return (await createApiToken({ ...t.ctx, actor: { kind: 'user', userId: user.id, login, roles: new Set(), suspended: false } }, 'tests')).token;
    }
    const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, token: string | null, payload?: unknown) =>
      t.app.inject({
        method,
        url,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(payload !== undefined ? { payload: payload as object } : {}),
      });
    const workCount = async () => Number((await t.store.db.selectFrom('works').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    before(async () => {
      t = await createTestApp(dialect);
      alice = await tokenFor('api_alice');
      bob = await tokenFor('api_bob');
    });
    after(async () => t?.close());

    it('posts a work, adds and edits chapters, updates tags, and deletes it', async () => {
      const created = await call('POST', '/api/v1/works', alice, WORK);
      assert.equal(created.statusCode, 201);
      const work = created.json();
      assert.equal(created.headers.location, `/api/v1/works/${work.id}`);
      assert.equal(work.summary, '<p>A <em>summary</em> </p>', 'HTML is sanitized on write');
      assert.deepEqual(work.creators.map((c: { login: string }) => c.login), ['api_alice']);
      assert.equal(work.chapterCount, 1);
      assert.equal(work.wordCount, 3);

      const chapter = await call('POST', `/api/v1/works/${work.id}/chapters`, alice, { title: 'Second', content: '<p>Four five.</p>' });
      assert.equal(chapter.statusCode, 201);
      const draft = await call('POST', `/api/v1/works/${work.id}/chapters`, alice, { title: 'Third', content: '<p>Six.</p>', draft: true });
      assert.equal(draft.json().posted, false);
      let current = (await call('GET', `/api/v1/works/${work.id}`, null)).json();
      assert.equal(current.chapterCount, 2, 'the draft chapter is not counted');
      assert.equal(current.wordCount, 5);

      const patched = await call('PATCH', `/api/v1/works/${work.id}/chapters/${draft.json().id}`, alice, { content: '<p>Six seven.</p>', draft: false });
      assert.equal(patched.statusCode, 200);
      current = (await call('GET', `/api/v1/works/${work.id}`, null)).json();
      assert.equal(current.chapterCount, 3);
      assert.equal(current.complete, true);

      const retagged = await call('PATCH', `/api/v1/works/${work.id}`, alice, { freeforms: ['Found Family'], title: 'Renamed Through The API' });
      assert.equal(retagged.statusCode, 200);
      assert.deepEqual(retagged.json().freeforms, ['Found Family']);
      assert.deepEqual(retagged.json().characters, ['The Archivist'], 'fields not sent stay as they were');
      const oldTag = await call('GET', '/api/v1/tags/Epistolary', null);
      assert.equal(oldTag.statusCode, 404, 'the filter set follows the new tags: no visible work uses the old one');

      assert.equal((await call('DELETE', `/api/v1/works/${work.id}/chapters/${chapter.json().id}`, alice)).statusCode, 204);
      assert.equal((await call('GET', `/api/v1/works/${work.id}`, null)).json().chapterCount, 2);
      assert.equal((await call('DELETE', `/api/v1/works/${work.id}`, alice)).statusCode, 204);
      assert.equal((await call('GET', `/api/v1/works/${work.id}`, null)).statusCode, 404);
    });

    it("keeps drafts private and refuses other people's tokens, changing nothing", async () => {
      const draft = (await call('POST', '/api/v1/works', alice, { ...WORK, title: 'Private Draft', draft: true })).json();
      assert.equal(draft.posted, false);
      assert.equal((await call('GET', `/api/v1/works/${draft.id}`, null)).statusCode, 404);
      assert.equal((await call('GET', `/api/v1/works/${draft.id}`, bob)).statusCode, 404);
      assert.equal((await call('GET', `/api/v1/works/${draft.id}`, alice)).statusCode, 200);
      assert.equal((await call('PATCH', `/api/v1/works/${draft.id}`, bob, { title: 'Stolen' })).statusCode, 404);
      assert.equal((await call('DELETE', `/api/v1/works/${draft.id}`, bob)).statusCode, 404);

      const posted = (await call('POST', '/api/v1/works', alice, { ...WORK, title: 'Public Work' })).json();
      const stolen = await call('PATCH', `/api/v1/works/${posted.id}`, bob, { title: 'Stolen' });
      assert.equal(stolen.statusCode, 403);
      assert.equal(stolen.json().error.code, 'forbidden');
      assert.equal((await call('DELETE', `/api/v1/works/${posted.id}`, bob)).statusCode, 403);
      assert.equal((await call('GET', `/api/v1/works/${posted.id}`, null)).json().title, 'Public Work');
    });

    it('answers bad input with a 4xx naming the problem, and writes nothing', async () => {
      const before = await workCount();
      const cases: Array<[unknown, string | null, number, RegExp]> = [
        [WORK, null, 401, /Log in/],
        [WORK, 'owl_not-a-real-token', 401, /API token is not valid/],
        [{ ...WORK, fandoms: [] }, alice, 422, /at least one fandom/],
        [{ ...WORK, warnings: [] }, alice, 422, /warning/i],
        [{ ...WORK, rating: 'Spicy' }, alice, 422, /rating/i],
        [{ ...WORK, summary: 'x'.repeat(1300) }, alice, 422, /1,250/],
        [{ ...WORK, coCreators: ['nobody_by_that_name'] }, alice, 422, /nobody_by_that_name/],
        [{ ...WORK, title: '' }, alice, 400, /title/],
        [{ ...WORK, chapters: [] }, alice, 400, /chapters/],
        [{ ...WORK, surprise: true }, alice, 400, /additional properties|surprise/],
        [{ ...WORK, postedAt: '2999-01-01' }, alice, 422, /future/],
      ];
      for (const [body, token, status, message] of cases) {
        const res = await call('POST', '/api/v1/works', token, body);
        assert.equal(res.statusCode, status, `${JSON.stringify(body).slice(0, 80)} → ${res.body.slice(0, 200)}`);
        assert.match(res.json().error.message, message);
      }
      const malformed = await t.app.inject({ method: 'POST', url: '/api/v1/works', headers: { authorization: `Bearer ${alice}`, 'content-type': 'application/json' }, payload: '{"title": ' });
      assert.equal(malformed.statusCode, 400);
      assert.equal(await workCount(), before);
    });

    it('needs the CSRF header when a browser session (not a token) writes', async () => {
      await createUser(t.ctx, { login: 'api_carol', email: 'api_carol@example.org', password: PASSWORD });
      const browser = new WebClient(t.app);
      await browser.logIn('api_carol', PASSWORD);
      await browser.get('/password/forgot');
      const token = browser.csrf;
      browser.csrf = null;
      assert.equal((await browser.json('POST', '/api/v1/works', WORK)).status, 403);
      browser.csrf = token;
      assert.equal((await browser.json('POST', '/api/v1/works', WORK)).status, 201);
    });
  });
}
