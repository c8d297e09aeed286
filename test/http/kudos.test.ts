// Kudos, hits and the stats pages over HTTP, on both databases: the "Kudos ♥" form as guests
// and users, the polite refusal of a second kudos, creators and unreadable works refused, the
// CSRF token required, hits once per visitor per day and never for the creator, the stats pages
// for their owners only, and the JSON API under the same rules.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipUnless } from '../support/stores.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeWork } from '../support/factories.ts';
import { WebClient } from '../support/web-client.ts';
import { createUser } from '../../src/services/create-user.ts';
import { createApiToken } from '../../src/services/accounts/api-tokens.ts';
import { findWorkById } from '../../src/db/repos/works.repo.ts';
import type { App } from '../../src/http/app-type.ts';

const PASSWORD = 'kudos test passphrase';

/** A browser-like client whose requests come from `ip`. */
function clientAt(app: App, ip: string): WebClient {
  const proxy = Object.create(app) as App;
  proxy.inject = ((options: object) => app.inject({ ...options, remoteAddress: ip } as never)) as never;
  return new WebClient(proxy);
}

for (const dialect of DIALECTS) {
  describe(`[${dialect}] kudos, hits and stats over HTTP`, { skip: await skipUnless(dialect) }, () => {
    let t: TestApp;
    let writer: WebClient;
    let reader: WebClient;
    let readerToken: string;
    let writerToken: string;

    before(async () => {
      t = await createTestApp(dialect);
      const ids: Record<string, number> = {};
      for (const login of ['kdwriter', 'kdreader']) ids[login] = (await createUser(t.ctx, { login, email: `${login}@example.org`, password: PASSWORD })).id;
      writer = new WebClient(t.app);
      reader = new WebClient(t.app);
      assert.equal((await writer.logIn('kdwriter', PASSWORD)).status, 303);
      assert.equal((await reader.logIn('kdreader', PASSWORD)).status, 303);
      const tokenFor = async (login: string) => (await createApiToken({ ...t.ctx, actor: { kind: 'user', userId: ids[login]!, login, roles: new Set(), suspended: false } }, 'tests')).token;
      readerToken = await tokenFor('kdreader');
      writerToken = await tokenFor('kdwriter');
    });
    after(async () => t?.close());

    const newWork = (extra: Parameters<typeof makeWork>[1] = {}) =>
      makeWork(t.ctx, { creator: 'kdwriter', chapters: [{ title: 'One', html: '<p>First.</p>' }, { title: 'Two', html: '<p>Second.</p>' }], ...extra });
    const work = async (id: number) => (await findWorkById(t.store.db, id))!;
    const chapterIds = async (id: number) => (await t.store.db.selectFrom('chapters').select('id').where('work_id', '=', id).orderBy('position').execute()).map((c) => c.id);

    it('takes a guest’s kudos, then refuses the same guest’s second politely, changing nothing', async () => {
      const { id } = await newWork();
      const guest = clientAt(t.app, '203.0.113.10');
      const page = await guest.get(`/works/${id}`);
      assert.equal(page.status, 200);
      assert.match(page.body, /<form class="kudos-form" method="post" action="\/works\/\d+\/kudos">/);
      assert.match(page.body, /No kudos yet\./);

      const first = await guest.post(`/works/${id}/kudos`, { return_to: `/works/${id}` });
      assert.equal(first.status, 303);
      assert.equal(first.location, `/works/${id}?kudos=left#kudos`);
      const thanked = await guest.follow(first);
      assert.match(thanked.body, /Thank you for leaving kudos!/);
      assert.match(thanked.body, /1 guest left kudos on this work!/);
      assert.equal((await work(id)).kudosCount, 1);

      const second = await guest.post(`/works/${id}/kudos`, { return_to: `/works/${id}` });
      assert.equal(second.location, `/works/${id}?kudos=already#kudos`);
      assert.match((await guest.follow(second)).body, /You have already left kudos here\. :\)/);
      assert.equal((await work(id)).kudosCount, 1);

      // Another address is another guest.
      const other = clientAt(t.app, '203.0.113.11');
      await other.get(`/works/${id}`);
      await other.post(`/works/${id}/kudos`, {});
      assert.equal((await work(id)).kudosCount, 2);
    });

    it('takes a user’s kudos once and names them, linked, beside the guests', async () => {
      const { id } = await newWork();
      const guest = clientAt(t.app, '203.0.113.12');
      await guest.get(`/works/${id}`);
      await guest.post(`/works/${id}/kudos`, {});
      await reader.get(`/works/${id}`);
      const first = await reader.post(`/works/${id}/kudos`, {});
      assert.equal(first.location, `/works/${id}?kudos=left#kudos`);
      const page = await reader.follow(first);
      assert.match(page.body, /<a href="\/users\/kdreader">kdreader<\/a> and 1 guest left kudos on this work!/);
      const again = await reader.post(`/works/${id}/kudos`, {});
      assert.match((await reader.follow(again)).body, /You have already left kudos here\. :\)/);
      assert.equal((await work(id)).kudosCount, 2);
    });

    it('comes back to the chapter it was left from, and never to another site', async () => {
      const { id } = await newWork();
      const [, second] = await chapterIds(id);
      const guest = clientAt(t.app, '203.0.113.13');
      const page = await guest.get(`/works/${id}/chapters/${second}`);
      assert.match(page.body, new RegExp(`name="return_to" value="/works/${id}/chapters/${second}"`));
      const res = await guest.post(`/works/${id}/kudos`, { return_to: `/works/${id}/chapters/${second}` });
      assert.equal(res.location, `/works/${id}/chapters/${second}?kudos=left#kudos`);
      const full = await guest.post(`/works/${id}/kudos`, { return_to: `/works/${id}?view_full_work=true` });
      assert.equal(full.location, `/works/${id}?view_full_work=true&kudos=already#kudos`);
      for (const evil of ['https://evil.example/', '//evil.example/x', '/works/1', '/account']) {
        const redirected = await guest.post(`/works/${id}/kudos`, { return_to: evil });
        assert.equal(redirected.location, `/works/${id}?kudos=already#kudos`, evil);
      }
    });

    it('refuses the creator on their own work: no button, and a 403 that changes nothing', async () => {
      const { id } = await newWork();
      const page = await writer.get(`/works/${id}`);
      assert.doesNotMatch(page.body, /kudos-form/);
      assert.match(page.body, /Stats for this work/);
      const res = await writer.post(`/works/${id}/kudos`, {});
      assert.equal(res.status, 403);
      assert.match(res.body, /You can(?:'|&#39;|&#x27;)t leave kudos on your own work\./);
      assert.equal((await work(id)).kudosCount, 0);
    });

    it('refuses kudos where the work cannot be read', async () => {
      const draft = await newWork({ draft: true });
      const restricted = await newWork({ restricted: true });
      const guest = clientAt(t.app, '203.0.113.14');
      // Any page with a form hands the guest a CSRF token.
      await guest.get('/login');
      assert.equal((await guest.post(`/works/${draft.id}/kudos`, {})).status, 404);
      assert.equal((await reader.post(`/works/${draft.id}/kudos`, {})).status, 404);
      assert.equal((await guest.post(`/works/${restricted.id}/kudos`, {})).status, 401);
      assert.equal((await reader.post(`/works/${restricted.id}/kudos`, {})).status, 303);
      assert.equal((await work(draft.id)).kudosCount, 0);
      assert.equal((await work(restricted.id)).kudosCount, 1);
    });

    it('needs the form’s CSRF token and a same-site origin', async () => {
      const { id } = await newWork();
      const guest = clientAt(t.app, '203.0.113.15');
      await guest.get(`/works/${id}`);
      assert.equal((await guest.post(`/works/${id}/kudos`, { _csrf: null })).status, 403);
      assert.equal((await guest.post(`/works/${id}/kudos`, { _csrf: 'forged-token-value' })).status, 403);
      guest.headers = { origin: 'https://evil.example' };
      assert.equal((await guest.post(`/works/${id}/kudos`, {})).status, 403);
      assert.equal((await work(id)).kudosCount, 0);
    });

    it('counts one hit per visitor per work per day, on work and chapter pages, never the creator’s', async () => {
      t.clock.set('2026-11-21T10:00:00.000Z');
      const { id } = await newWork();
      const [firstChapter, secondChapter] = await chapterIds(id);
      const guest = clientAt(t.app, '198.51.100.20');
      await guest.get(`/works/${id}`);
      await guest.get(`/works/${id}/chapters/${secondChapter}`);
      await guest.get(`/works/${id}?view_full_work=true`);
      assert.equal((await work(id)).hits, 1);
      await clientAt(t.app, '198.51.100.21').get(`/works/${id}/chapters/${firstChapter}`);
      assert.equal((await work(id)).hits, 2);
      await reader.get(`/works/${id}`);
      await reader.get(`/works/${id}/chapters/${secondChapter}`);
      assert.equal((await work(id)).hits, 3);
      await writer.get(`/works/${id}`);
      await writer.get(`/works/${id}/chapters/${secondChapter}`);
      assert.equal((await work(id)).hits, 3);
      await t.app.inject({ method: 'HEAD', url: `/works/${id}`, remoteAddress: '198.51.100.22' });
      assert.equal((await work(id)).hits, 3);

      t.clock.set('2026-11-22T10:00:00.000Z');
      await guest.get(`/works/${id}`);
      assert.equal((await work(id)).hits, 4);
      const visitors = JSON.stringify(await t.store.db.selectFrom('work_hit_visitors').selectAll().execute());
      assert.doesNotMatch(visitors, /198\.51\.100/);
    });

    it('shows a creator’s stats page to its owner only', async () => {
      await newWork({ title: 'Stats Page Work' });
      const own = await writer.get('/users/kdwriter/stats');
      assert.equal(own.status, 200);
      assert.match(own.body, /<h1>Stats<\/h1>/);
      assert.match(own.body, /Stats Page Work/);
      assert.equal(own.headers['cache-control'], 'private, no-store');
      assert.match((await writer.get('/users/kdwriter/stats?sort=title&order=asc')).body, /aria-sort="ascending"/);
      assert.equal((await writer.get('/users/kdwriter/stats?sort=nonsense')).status, 400);
      assert.equal((await reader.get('/users/kdwriter/stats')).status, 403);
      const guest = await new WebClient(t.app).get('/users/kdwriter/stats');
      assert.equal(guest.status, 303);
      assert.match(guest.location ?? '', /^\/login/);
    });

    it('draws a work’s stats as accessible SVG charts for its creators, with the numbers as a table', async () => {
      t.clock.set('2026-11-22T12:00:00.000Z');
      const { id } = await newWork({ title: 'Charted Work' });
      await clientAt(t.app, '198.51.100.30').get(`/works/${id}`);
      await reader.get(`/works/${id}`);
      await reader.post(`/works/${id}/kudos`, {});
      const res = await writer.get(`/works/${id}/stats`);
      assert.equal(res.status, 200);
      assert.match(res.body, /<svg class="chart" role="img" aria-labelledby="chart-hits-title chart-hits-desc"/);
      assert.match(res.body, /<title id="chart-hits-title">Hits per day, last 30 days<\/title>/);
      assert.match(res.body, /2 hits in all\. The most in one day was 2 hits, on 22 Nov 2026\./);
      assert.match(res.body, /<details class="stats-data">/);
      assert.match(res.body, /aria-current="page">Last 30 days</);
      const year = await writer.get(`/works/${id}/stats?days=365`);
      assert.match(year.body, /Hits per week, last 365 days/);
      assert.match(year.body, /aria-current="page">Last 365 days</);
      assert.equal((await writer.get(`/works/${id}/stats?days=7`)).status, 200);
      assert.equal((await reader.get(`/works/${id}/stats`)).status, 403);
      assert.match((await new WebClient(t.app).get(`/works/${id}/stats`)).location ?? '', /^\/login/);
      const draft = await newWork({ draft: true });
      assert.equal((await reader.get(`/works/${draft.id}/stats`)).status, 404);
    });

    it('serves kudos and stats through the JSON API under the same rules', async () => {
      const { id } = await newWork();
      const api = (method: 'GET' | 'POST', url: string, token?: string) =>
        t.app.inject({ method, url, headers: token ? { authorization: `Bearer ${token}` } : {} });
      const created = await api('POST', `/api/v1/works/${id}/kudos`, readerToken);
      assert.equal(created.statusCode, 201, created.body);
      assert.deepEqual(created.json(), { workId: id, total: 1, userCount: 1, guestCount: 0, users: [{ login: 'kdreader', url: '/users/kdreader' }] });
      const again = await api('POST', `/api/v1/works/${id}/kudos`, readerToken);
      assert.equal(again.statusCode, 422);
      assert.equal(again.json().error.message, 'You have already left kudos here. :)');
      assert.equal((await api('POST', `/api/v1/works/${id}/kudos`)).statusCode, 401);
      assert.equal((await api('POST', `/api/v1/works/${id}/kudos`, writerToken)).statusCode, 403);
      assert.equal((await work(id)).kudosCount, 1);

      assert.equal((await api('GET', `/api/v1/works/${id}/kudos`)).json().total, 1);
      const restricted = await newWork({ restricted: true });
      assert.equal((await api('GET', `/api/v1/works/${restricted.id}/kudos`)).statusCode, 401);

      const stats = await api('GET', `/api/v1/works/${id}/stats?days=90`, writerToken);
      assert.equal(stats.statusCode, 200);
      assert.equal(stats.json().days.length, 90);
      assert.equal(stats.json().totals.kudos, 1);
      assert.equal((await api('GET', `/api/v1/works/${id}/stats`, readerToken)).statusCode, 403);
      assert.equal((await api('GET', `/api/v1/works/${id}/stats`)).statusCode, 401);
      const openapi = (await api('GET', '/api/v1/openapi.json')).json();
      assert.ok(openapi.paths['/api/v1/works/{id}/kudos'].post);
      assert.deepEqual(openapi.paths['/api/v1/works/{id}/stats'].get.tags, ['feedback']);
    });

    it('still shows the work when counting a hit fails', async () => {
      const { id } = await newWork();
      await t.store.db.schema.dropTable('work_hit_visitors').execute();
      const res = await clientAt(t.app, '198.51.100.40').get(`/works/${id}`);
      assert.equal(res.status, 200);
      assert.equal((await work(id)).hits, 0);
    });
  });
}
