// Finding works over HTTP on both databases: the listing parameters on /works, /works/search,
// /tags/:tag/works, /users/:login/works and GET /api/v1/works; the filter sidebar's facet counts;
// full-text search with highlighted snippets; and hidden works (drafts, admin-hidden, restricted
// for guests) never counted or shown.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipUnless } from '../support/stores.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeWork } from '../support/factories.ts';
import { WebClient } from '../support/web-client.ts';
import { createUser } from '../../src/services/create-user.ts';

const FANDOM = 'Lighthouse Keepers (Original)';
const OTHER = 'Canal Barges (Original)';
const VIOLENCE = 'Graphic Depictions Of Violence';
const PASSWORD = 'a sturdy passphrase here';

interface ApiList {
  total: number;
  works: Array<{ id: number; title: string; match?: { html: string; chapterPosition: number } }>;
  facets: Record<string, Array<{ name: string; count: number }>>;
  next: string | null;
}

for (const dialect of DIALECTS) {
  describe(`[${dialect}] finding works over HTTP`, { skip: await skipUnless(dialect) }, () => {
    let t: TestApp;
    const ids: Record<string, number> = {};
    const api = async (query: string): Promise<ApiList> => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/works?${query}` });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as ApiList;
    };
    /** A listing page, after the one redirect to its canonical URL that a filter form's submission gets. */
    const page = async (url: string) => {
      let res = await t.app.inject({ method: 'GET', url });
      if (res.statusCode === 303) res = await t.app.inject({ method: 'GET', url: String(res.headers.location) });
      assert.equal(res.statusCode, 200, res.body);
      return res.body;
    };
    const setStats = (id: number, stats: { kudos_count?: number; hits?: number }) => t.store.db.updateTable('works').set(stats).where('id', '=', id).execute();

    before(async () => {
      t = await createTestApp(dialect);
      ids.calm = (await makeWork(t.ctx, {
        title: 'Calm Waters',
        creator: 'keeperwren',
        fandoms: [FANDOM],
        freeforms: ['Slow Burn'],
        warnings: ['No Archive Warnings Apply'],
        chapters: [{ title: 'Fog', html: '<p>The fog rolled in.</p>' }, { title: 'Kettle', html: '<p>At midnight the silver kettle sang to the keeper.</p>' }],
      })).id;
      ids.storm = (await makeWork(t.ctx, { title: 'Storm Lamp', creator: 'keeperwren', fandoms: [FANDOM], warnings: [VIOLENCE], freeforms: ['Slow Burn'] })).id;
      ids.barge = (await makeWork(t.ctx, { title: 'Barge and Beacon', creator: 'bargee', fandoms: [FANDOM, OTHER], warnings: ['No Archive Warnings Apply'] })).id;
      ids.restricted = (await makeWork(t.ctx, { title: 'Members Lamp', creator: 'quiet', fandoms: [FANDOM], freeforms: ['Restricted Facet Marker'], restricted: true })).id;
      ids.draft = (await makeWork(t.ctx, { title: 'Draft Lamp', creator: 'quiet', fandoms: [FANDOM], freeforms: ['Draft Facet Marker'], draft: true, chapters: [{ html: '<p>silver kettle draft words</p>' }] })).id;
      ids.hidden = (await makeWork(t.ctx, { title: 'Hidden Lamp', creator: 'quiet', fandoms: [FANDOM], freeforms: ['Hidden Facet Marker'], chapters: [{ html: '<p>silver kettle hidden words</p>' }] })).id;
      await t.store.db.updateTable('works').set({ hidden_by_admin: true }).where('id', '=', ids.hidden).execute();
      await setStats(ids.calm, { kudos_count: 50, hits: 400 });
      await setStats(ids.storm, { kudos_count: 500, hits: 4000 });
      await setStats(ids.barge, { kudos_count: 5, hits: 40 });
      await createUser(t.ctx, { login: 'reader', email: 'reader@example.org', password: PASSWORD });
    });
    after(async () => t?.close());

    it('filters by fandom, excludes a warning and sorts by kudos through the API', async () => {
      const all = await api(`fandom=${encodeURIComponent(FANDOM)}&sort=kudos`);
      assert.deepEqual(all.works.map((w) => w.title), ['Storm Lamp', 'Calm Waters', 'Barge and Beacon']);
      assert.equal(all.total, 3);
      const calm = await api(`fandom=${encodeURIComponent(FANDOM)}&exclude=${encodeURIComponent(VIOLENCE)}&sort=kudos&order=asc`);
      assert.deepEqual(calm.works.map((w) => w.title), ['Barge and Beacon', 'Calm Waters']);
      const fandoms = Object.fromEntries((calm.facets.fandom ?? []).map((f) => [f.name, f.count]));
      assert.deepEqual(fandoms, { [FANDOM]: 2, [OTHER]: 1 });
    });

    it('never counts drafts, admin-hidden works or (for guests) restricted works', async () => {
      const guest = await api(`fandom=${encodeURIComponent(FANDOM)}`);
      const body = JSON.stringify(guest);
      for (const marker of ['Restricted Facet Marker', 'Draft Facet Marker', 'Hidden Facet Marker', 'Members Lamp', 'Draft Lamp', 'Hidden Lamp']) assert.ok(!body.includes(marker), `${marker} leaked`);
      assert.equal(guest.facets.fandom?.find((f) => f.name === FANDOM)?.count, 3);
      const listing = await page(`/works?fandom=${encodeURIComponent(FANDOM)}`);
      for (const marker of ['Restricted Facet Marker', 'Draft Facet Marker', 'Hidden Facet Marker', 'Draft Lamp', 'Hidden Lamp']) assert.ok(!listing.includes(marker), `${marker} leaked into the page`);

      const member = new WebClient(t.app);
      await member.logIn('reader', PASSWORD);
      const seen = await member.get(`/works?fandom=${encodeURIComponent(FANDOM)}`);
      assert.match(seen.body, /Restricted Facet Marker/, 'a logged-in reader sees the restricted work and its tags');
      assert.doesNotMatch(seen.body, /Draft Facet Marker|Hidden Facet Marker/);
    });

    it('shows the filter sidebar with facet counts and writes every choice back into the form', async () => {
      const body = await page(`/works?fandom=${encodeURIComponent(FANDOM)}&exclude=${encodeURIComponent(VIOLENCE)}&sort=kudos&words=1-5000&crossover=exclude`);
      assert.match(body, /<h2 id="filters_heading">Filters<\/h2>/);
      assert.match(body, new RegExp(`name="fandom" value="${FANDOM.replace(/[()]/g, '\\$&')}" checked`));
      assert.match(body, new RegExp(`name="exclude" value="${VIOLENCE}" checked`));
      assert.match(body, /<option value="kudos" selected>Kudos<\/option>/);
      assert.match(body, /name="words" type="text"[^>]* value="1-5000"/);
      assert.match(body, /id="filter_crossover_exclude" name="crossover" type="radio" value="exclude" checked/);
      assert.match(body, /Calm Waters/);
      assert.doesNotMatch(body, /Barge and Beacon/, 'the crossover is excluded');
    });

    it('redirects a submitted filter form to the canonical URL, without empty or default fields', async () => {
      const res = await t.app.inject({ method: 'GET', url: `/works?sort=kudos&order=desc&tag=&exclude=&words=&crossover=&fandom=${encodeURIComponent(FANDOM)}&page=2` });
      assert.equal(res.statusCode, 303);
      const location = new URL(String(res.headers.location), 'http://x');
      assert.equal(location.pathname, '/works');
      assert.deepEqual([...location.searchParams], [['fandom', FANDOM], ['sort', 'kudos'], ['page', '2']]);
    });

    it('finds a phrase inside a chapter and highlights it, in the page and the API', async () => {
      const body = await page('/works/search?q=%22silver+kettle%22');
      assert.match(body, /1 work found for &quot;silver kettle&quot;/);
      assert.match(body, /<mark>silver<\/mark> <mark>kettle<\/mark>|<mark>silver kettle<\/mark>/);
      assert.match(body, /Chapter 2/);
      assert.doesNotMatch(body, /Draft Lamp|Hidden Lamp/);
      const found = await api('q=%22silver+kettle%22');
      assert.deepEqual(found.works.map((w) => w.title), ['Calm Waters']);
      assert.equal(found.works[0]!.match?.chapterPosition, 2);
      assert.match(found.works[0]!.match?.html ?? '', /<mark>/);
    });

    it('combines search with filters, and scopes tag and creator listings', async () => {
      const tagged = await page(`/tags/${encodeURIComponent('Slow Burn')}/works?sort=kudos&exclude=${encodeURIComponent(VIOLENCE)}`);
      assert.match(tagged, /Calm Waters/);
      assert.doesNotMatch(tagged, /Storm Lamp/);
      const byCreator = await page('/users/keeperwren/works?sort=title&order=asc');
      assert.ok(byCreator.indexOf('Calm Waters') < byCreator.indexOf('Storm Lamp'), 'title order');
      assert.doesNotMatch(byCreator, /Barge and Beacon/);
      const none = await api(`q=kettle&exclude=${encodeURIComponent('Slow Burn')}`);
      assert.equal(none.total, 0);
    });

    it('pages with the cursor without repeating or skipping works', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const result: ApiList = await api(`fandom=${encodeURIComponent(FANDOM)}&sort=hits&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        seen.push(...result.works.map((w) => w.title));
        cursor = result.next;
      } while (cursor && seen.length < 10);
      assert.deepEqual(seen, ['Storm Lamp', 'Calm Waters', 'Barge and Beacon']);
    });

    it('answers bad parameters with a 422 naming the parameter', async () => {
      for (const [query, param] of [['kudos=lots', 'kudos'], ['sort=sideways', 'sort'], ['crossover=maybe', 'crossover'], ['language=zz-unknown', 'language'], ['q=-only', 'q']] as const) {
        const res = await t.app.inject({ method: 'GET', url: `/api/v1/works?${query}` });
        assert.equal(res.statusCode, 422, query);
        const body = res.json() as { error: { code: string; message: string } };
        assert.equal(body.error.code, 'invalid');
        assert.match(body.error.message, new RegExp(param), `${query}: ${body.error.message}`);
        const html = await t.app.inject({ method: 'GET', url: `/works?${query}` });
        assert.equal(html.statusCode, 422, query);
      }
      const cursor = await t.app.inject({ method: 'GET', url: '/api/v1/works?cursor=not-a-cursor' });
      assert.equal(cursor.statusCode, 422);
    });
  });
}
