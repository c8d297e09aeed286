// Reading pages and the read API over HTTP, on both databases: what a guest sees, and what they
// must never see.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipUnless } from '../support/stores.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeWork } from '../support/factories.ts';
import fs from 'node:fs';
import path from 'node:path';
import { importWorks } from '../../src/services/import-works.ts';

for (const dialect of DIALECTS) {
  describe(`[${dialect}] reading pages and API`, { skip: await skipUnless(dialect) }, () => {
    let t: TestApp;
    let multi: { id: number };
    let hostile: { id: number };
    let restricted: { id: number };
    let draft: { id: number };
    let anonymous: { id: number };

    before(async () => {
      t = await createTestApp(dialect);
      multi = await makeWork(t.ctx, {
        title: 'The Lantern Road',
        creator: 'lampwright',
        summaryHtml: '<p>A road, a <em>lantern</em>.</p>',
        fandoms: ['Original Work'],
        characters: ['The Lamplighter'],
        freeforms: ['Slow Burn'],
        rating: 'Teen And Up Audiences',
        expectedChapters: 5,
        chapters: [
          { title: 'Dusk', html: '<p>First chapter words here.</p>' },
          { title: 'Midnight', html: '<p>Second chapter words here.</p>', notesHtml: '<p>Chapter two notes.</p>' },
          { title: 'Dawn', html: '<p>Third chapter words here.</p>' },
        ],
      });
      hostile = await makeWork(t.ctx, {
        title: '<script>alert("title")</script> & Friends',
        creator: 'mischief',
        summaryHtml: '<p onclick="steal()">Summary <script>alert(1)</script><a href="javascript:alert(2)">link</a></p>',
        freeforms: ['<b>Bold Tag</b>'],
        chapters: [{ html: '<p>Body <em>kept</em></p><script>alert(3)</script><iframe src="https://example.com"></iframe><table><tr><td>cell</td></tr></table>' }],
      });
      restricted = await makeWork(t.ctx, { title: 'Members Only Marker', creator: 'secretive', restricted: true });
      draft = await makeWork(t.ctx, { title: 'Unfinished Draft Marker', creator: 'secretive', draft: true });
      anonymous = await makeWork(t.ctx, { title: 'Nameless Gift', creator: 'hiddenhand', anonymous: true });
    });
    after(async () => t?.close());

    const get = (url: string) => t.app.inject({ method: 'GET', url });

    it('lists the newest visible works on the home page', async () => {
      const res = await get('/');
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /text\/html/);
      assert.match(res.body, /The Lantern Road/);
      assert.match(res.body, /Nameless Gift/);
      assert.doesNotMatch(res.body, /Members Only Marker|Unfinished Draft Marker/);
      assert.doesNotMatch(res.body, /hiddenhand/);
    });

    it('shows a work with its tags, word count and chapters n/m', async () => {
      const res = await get(`/works/${multi.id}`);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<h1[^>]*>[^<]*The Lantern Road/);
      assert.match(res.body, /The Lamplighter/);
      assert.match(res.body, /Slow Burn/);
      assert.match(res.body, /Teen And Up Audiences/);
      assert.match(res.body, /3\/5/);
      assert.match(res.body, /First chapter words here/);
      assert.doesNotMatch(res.body, /Second chapter words here/);
    });

    it('moves between chapters and shows the entire work', async () => {
      const page = await get(`/works/${multi.id}`);
      const next = /href="(\/works\/\d+\/chapters\/\d+)"[^>]*>[^<]*Next Chapter/.exec(page.body) ?? /href="(\/works\/\d+\/chapters\/\d+)"[^>]*rel="next"/.exec(page.body);
      assert.ok(next, 'a Next Chapter link');
      const second = await get(next[1]!);
      assert.equal(second.statusCode, 200);
      assert.match(second.body, /Second chapter words here/);
      assert.match(second.body, /Chapter two notes/);
      assert.match(second.body, /Previous Chapter/);

      const full = await get(`/works/${multi.id}?view_full_work=true`);
      for (const text of ['First', 'Second', 'Third']) assert.match(full.body, new RegExp(`${text} chapter words here`));
    });

    it('redirects the chapter picker to the chosen chapter', async () => {
      const api = await get(`/api/v1/works/${multi.id}/chapters`);
      const third = api.json().chapters[2];
      const res = await get(`/works/${multi.id}?selected_id=${third.id}`);
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `/works/${multi.id}/chapters/${third.id}`);
    });

    it('escapes titles, summaries and tags, and strips dangerous HTML from the text', async () => {
      for (const url of [`/works/${hostile.id}`, '/', '/works']) {
        const res = await get(url);
        assert.equal(res.statusCode, 200);
        assert.doesNotMatch(res.body, /<script>alert/);
        assert.doesNotMatch(res.body, /onclick=|javascript:alert|<iframe/);
        assert.match(res.body, /&lt;script&gt;alert\(&quot;title&quot;\)&lt;\/script&gt; &amp; Friends/);
        assert.match(res.body, /&lt;b&gt;Bold Tag&lt;\/b&gt;/);
      }
      const work = await get(`/works/${hostile.id}`);
      assert.match(work.body, /Body <em>kept<\/em>/);
      assert.match(work.body, /<td>cell<\/td>/);
    });

    it('keeps the allowed formatting of an imported HTML file and drops everything hostile', async () => {
      const file = path.resolve(import.meta.dirname, '../fixtures/markup.html');
      const [work] = await importWorks(t.ctx, [{ name: 'markup.html', bytes: fs.readFileSync(file) }], { fandoms: ['Original Work'] });
      const res = await get(`/works/${work!.id}?view_full_work=true`);
      assert.equal(res.statusCode, 200);
      const text = res.body.slice(res.body.indexOf('<main'));
      for (const element of ['<em>', '<strong>', '<ol>', '<ul>', '<blockquote>', '<table>', '<th>', '<td>', '<hr']) {
        assert.ok(text.includes(element), `keeps ${element}`);
      }
      for (const marker of ['kestrel', 'quince', 'marigold', 'heron', 'tamarind', 'saffron', 'juniper']) {
        assert.ok(text.includes(marker), `keeps the text near the hostile markup (${marker})`);
      }
      assert.doesNotMatch(text, /<script|onerror|onclick|javascript:|<iframe|<object|style=|head-script/i);
    });

    it('asks guests to log in for restricted works and hides drafts entirely', async () => {
      const res = await get(`/works/${restricted.id}`);
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `/login?return_to=${encodeURIComponent(`/works/${restricted.id}`)}&reason=restricted`);
      assert.doesNotMatch(res.body, /Members Only Marker/);
      const api = await get(`/api/v1/works/${restricted.id}`);
      assert.equal(api.statusCode, 401);
      assert.equal(api.json().error.code, 'unauthenticated');
      assert.doesNotMatch(api.body, /Members Only Marker/);
      const hidden = await get(`/works/${draft.id}`);
      assert.equal(hidden.statusCode, 404);
      assert.doesNotMatch(hidden.body, /Unfinished Draft Marker/);
      const draftApi = await get(`/api/v1/works/${draft.id}`);
      assert.equal(draftApi.statusCode, 404);
      assert.equal(draftApi.json().error.code, 'not_found');
    });

    it('never reveals the creator of an anonymous work', async () => {
      const page = await get(`/works/${anonymous.id}`);
      assert.match(page.body, /Anonymous/);
      assert.doesNotMatch(page.body, /hiddenhand/);
      const api = (await get(`/api/v1/works/${anonymous.id}`)).json();
      assert.deepEqual(api.creators, []);
      assert.equal(api.anonymous, true);
      const creatorPage = await get('/users/hiddenhand');
      assert.equal(creatorPage.statusCode, 200);
      assert.doesNotMatch(creatorPage.body, /Nameless Gift/);
      assert.doesNotMatch((await get('/users/hiddenhand/works')).body, /Nameless Gift/);
    });

    it('returns the same facts from the API as the page shows', async () => {
      const res = await get(`/api/v1/works/${multi.id}`);
      assert.equal(res.statusCode, 200);
      const work = res.json();
      assert.equal(work.title, 'The Lantern Road');
      assert.equal(work.rating, 'Teen And Up Audiences');
      assert.deepEqual(work.fandoms, ['Original Work']);
      assert.deepEqual(work.characters, ['The Lamplighter']);
      assert.deepEqual(work.freeforms, ['Slow Burn']);
      assert.deepEqual(work.creators.map((c: { pseud: string }) => c.pseud), ['lampwright']);
      assert.equal(work.wordCount, 12);
      assert.equal(work.chapterCount, 3);
      assert.equal(work.expectedChapters, 5);
      assert.equal(work.complete, false);
      assert.equal(work.restricted, false);
      // This guest opened the work in earlier tests: one hit per visitor per day.
      assert.deepEqual(work.stats, { hits: 1, kudos: 0, comments: 0, bookmarks: 0 });
      assert.ok(Date.parse(work.postedAt));
      const page = await get(`/works/${multi.id}`);
      assert.match(page.body, new RegExp(`>${work.wordCount}<`));
    });

    it('pages through works with a cursor, newest first, without hidden works', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let total: number;
      do {
        const res = await get(`/api/v1/works?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        assert.equal(res.statusCode, 200);
        const body = res.json();
        total = body.total;
        seen.push(...body.works.map((w: { title: string }) => w.title));
        cursor = body.next;
      } while (cursor);
      assert.equal(seen.length, total);
      assert.equal(new Set(seen).size, seen.length);
      assert.ok(!seen.includes('Members Only Marker') && !seen.includes('Unfinished Draft Marker'));
      assert.ok(seen.includes('Nameless Gift'));
    });

    it('counts facets over visible works only', async () => {
      const body = (await get('/api/v1/works?limit=100')).json();
      const fandom = body.facets.fandom.find((f: { name: string }) => f.name === 'Original Work');
      const visible = body.works.filter((w: { fandoms: string[] }) => w.fandoms.includes('Original Work')).length;
      assert.equal(fandom.count, visible);
      assert.equal(body.total, body.works.length);
      const rating = body.facets.rating.find((f: { name: string }) => f.name === 'Teen And Up Audiences');
      assert.equal(rating.count, 1);
    });

    it('answers bad input with clear 4xx errors, never a 500', async () => {
      const cases: Array<[string, number]> = [
        ['/works/abc', 400],
        ['/works/0', 400],
        ['/works/99999999999999', 400],
        ['/works/999999', 404],
        ['/api/v1/works/abc', 400],
        ['/api/v1/works?limit=1000', 400],
        ['/api/v1/works?cursor=garbage', 422],
        [`/works/${multi.id}/chapters/999999`, 404],
        ['/tags/No%20Such%20Tag', 404],
        ['/users/nobody_here', 404],
        ['/series/12345', 404],
        ['/no/such/page', 404],
      ];
      for (const [url, status] of cases) {
        const res = await get(url);
        assert.equal(res.statusCode, status, `${url} → ${res.statusCode}: ${res.body.slice(0, 200)}`);
        if (url.startsWith('/api/')) {
          const body = res.json();
          assert.equal(typeof body.error.code, 'string');
          assert.ok(body.error.message.length > 0);
        } else if (status === 404) {
          // One wording for "not found", whichever code path answers (error view and error handler).
          assert.match(res.body, /<h1>We couldn’t find that page<\/h1>/, url);
          assert.match(res.body, /<title>We couldn’t find that page \| /, url);
        }
      }
    });

    it('lists works on tag pages through the filter set, by AO3-escaped names', async () => {
      const slashed = await makeWork(t.ctx, { title: 'Slash Tag Work', relationships: ['Ada/Brook'] });
      const page = await get('/tags/Ada*s*Brook/works');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Slash Tag Work/);
      const tag = await get('/api/v1/tags/Ada*s*Brook');
      assert.equal(tag.statusCode, 200);
      assert.equal(tag.json().type, 'relationship');
      assert.equal(tag.json().workCount, 1);
      assert.ok(slashed.id);
      const fandom = await get('/tags/Original%20Work');
      assert.equal(fandom.statusCode, 200);
      assert.match(fandom.body, /Fandom/);
      assert.doesNotMatch(fandom.body, /Members Only Marker|Unfinished Draft Marker/);
    });

    it('shows creator and series pages', async () => {
      const user = await get('/users/lampwright');
      assert.equal(user.statusCode, 200);
      assert.match(user.body, /The Lantern Road/);
      const one = await makeWork(t.ctx, { title: 'Series Part One', creator: 'serialist', series: { title: 'The Long Series', position: 1 } });
      await makeWork(t.ctx, { title: 'Series Part Two', creator: 'serialist', series: { title: 'The Long Series', position: 2 } });
      const api = (await get(`/api/v1/works/${one.id}`)).json();
      const seriesId = api.series[0].id;
      const series = await get(`/series/${seriesId}`);
      assert.equal(series.statusCode, 200);
      assert.ok(series.body.indexOf('Series Part One') < series.body.indexOf('Series Part Two'));
    });

    it('describes the API in OpenAPI and renders it as documentation', async () => {
      const spec = (await get('/api/v1/openapi.json')).json();
      for (const path of ['/api/v1/works', '/api/v1/works/{id}', '/api/v1/works/{id}/chapters', '/api/v1/tags/{tag}']) {
        assert.ok(spec.paths[path], `${path} documented`);
      }
      assert.ok(!spec.paths['/works/{id}'], 'pages are not part of the API document');
      const docs = await get('/api');
      assert.equal(docs.statusCode, 200);
      assert.match(docs.body, /\/api\/v1\/works\/\{id\}\/chapters/);
    });

    it('answers the health check from the database', async () => {
      const res = await get('/healthz');
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), { status: 'ok', database: dialect });
    });
  });
}
