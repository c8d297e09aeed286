// The canary test: hidden works carry unique marker strings in their titles, summaries, notes,
// text and creator names; no response that an unauthorized actor can fetch — any page, listing,
// tag page or API answer the app serves — may contain one of them.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { DIALECTS, skipUnless } from '../support/stores.ts';
import { ACTORS, buildFixture, expectations as may, type ActorName, type Fixture, type FixtureWork, type WorkState } from './authorization-fixture.ts';
import { makeWork } from '../support/factories.ts';
import { createUser } from '../../src/services/create-user.ts';
import { wrangle } from '../../src/services/wrangling/wrangle.ts';

const PUBLIC_CHARACTER = 'Canary Public Character';

interface Canary {
  state: WorkState;
  work: FixtureWork;
  markers: string[];
  tag: string;
}

/** Values for route parameters that are not about the canary work. */
function fill(url: string, f: Fixture, canary: Canary): string | null {
  if (url.includes('*')) return null;
  // The catalog's title search, asked for what every hidden work's title starts with (not for the
  // marker itself: the results feed repeats the query in its title and links).
  if (url === '/opds/search') return `${url}?q=CANARY`;
  return url
    // Series pages, feeds and downloads are about the canary work's series.
    .replace(':id', String(url.startsWith('/series') || url.startsWith('/downloads/series/') ? canary.work.seriesId : canary.work.id))
    .replace(':chapterId', String(canary.work.chapterIds[1]))
    // A rating's catalog feed: the canary works have the default rating.
    .replace(':tag', url.startsWith('/opds/ratings/') ? 'Not%20Rated' : encodeURIComponent(canary.tag))
    .replace(':login', f.logins.owner)
    .replace(':pseud', f.logins.owner)
    .replace(':token', 'not-a-real-token-value')
    // Downloads, of a work or a whole series: the HTML one, whose text a marker would show up in.
    .replace(':slug.:format', 'download.html');
}

for (const dialect of DIALECTS) {
  describe(`[${dialect}] canary: hidden things leak nowhere`, { skip: await skipUnless(dialect) }, () => {
    let f: Fixture;
    const canaries: Canary[] = [];
    let anonCreator: string;

    before(async () => {
      f = await buildFixture(dialect, 'cn');
      await makeWork(f.t.ctx, { title: 'Public character work', characters: [PUBLIC_CHARACTER] });
      await wrangle(f.t.ctx, { kind: 'canonical', tag: PUBLIC_CHARACTER, canonical: true });
      for (const state of ['draft', 'restricted', 'hidden'] as const) {
        const m = `CANARY${state.toUpperCase()}${randomBytes(4).toString('hex')}`;
        const tag = `Canary Fandom ${state}`;
        const work = await f.freshWork(state, {
          title: `${m}title`,
          summaryHtml: `<p>${m}summary</p>`,
          notesHtml: `<p>${m}notes</p>`,
          fandoms: [tag],
          // New tags that only this hidden work uses: they must not surface on public tag pages.
          relationships: [`${PUBLIC_CHARACTER}/${m}lover`],
          freeforms: [`${m}freeform`],
          chapters: [{ title: `${m}chaptertitle`, html: `<p>${m}text</p>` }, { html: `<p>${m}second</p>` }],
        });
        canaries.push({ state, work, markers: [m], tag });
      }
      // An anonymous work whose creator's names are the markers: the work is public, its creator is not.
      anonCreator = `cnanon${randomBytes(3).toString('hex')}`;
      await createUser(f.t.ctx, { login: anonCreator, email: `${anonCreator}@example.org`, password: 'an anonymous passphrase' });
      const anon = await makeWork(f.t.ctx, {
        creator: anonCreator,
        title: 'A Gift With No Name',
        anonymous: true,
        fandoms: ['Canary Fandom anonymous'],
        series: { title: 'Canary anonymous series', position: 1 },
        chapters: [{ html: '<p>One.</p>' }, { html: '<p>Two.</p>' }],
      });
      const chapters = await f.t.store.db.selectFrom('chapters').select('id').where('work_id', '=', anon.id).orderBy('position').execute();
      const series = await f.t.store.db.selectFrom('serial_works').select('series_id').where('work_id', '=', anon.id).executeTakeFirstOrThrow();
      canaries.push({ state: 'anonymous', work: { id: anon.id, chapterIds: chapters.map((c) => c.id), seriesId: series.series_id }, markers: [anonCreator], tag: 'Canary Fandom anonymous' });
    });
    after(async () => f?.t.close());

    it('shows no marker of a hidden work, or of an anonymous work’s creator, to anyone not allowed to see it', async () => {
      const leaks: string[] = [];
      let fetched = 0;
      const routes = f.t.app.routeTable.filter((r) => r.method === 'GET');
      for (const canary of canaries) {
        const blind: ActorName[] = ACTORS.filter((a) => (canary.state === 'anonymous' ? !may.isCreator(a) : !may.canRead(a, canary.state)));
        for (const actor of blind) {
          const client = f.clients[actor];
          const extra = [`/tags/${encodeURIComponent(PUBLIC_CHARACTER)}`, `/api/v1/tags/${encodeURIComponent(PUBLIC_CHARACTER)}`, `/tags/${encodeURIComponent(PUBLIC_CHARACTER)}/works`];
          for (const route of [...routes, ...extra.map((url) => ({ url, method: 'GET' }))]) {
            const url = fill(route.url, f, canary);
            if (!url) continue;
            for (const variant of [url, `${url}?view_full_work=true`]) {
              const res = await client.get(variant);
              fetched++;
              assert.ok(res.status !== 429 && res.status < 500, `${variant} as ${actor}: ${res.status}`);
              for (const marker of canary.markers) {
                if (res.body.includes(marker) || JSON.stringify(res.headers).includes(marker)) leaks.push(`${canary.state} marker in ${variant} for ${actor} (${res.status})`);
              }
            }
          }
        }
      }
      assert.ok(fetched > 200, `fetched ${fetched} responses`);
      assert.deepEqual(leaks, []);
    });

    it('keeps the anonymous work off its creator’s own pages for everyone else', async () => {
      for (const actor of ['guest', 'user', 'admin'] as const) {
        for (const url of [`/users/${anonCreator}`, `/users/${anonCreator}/works`]) {
          const res = await f.clients[actor].get(url);
          assert.equal(res.status, 200);
          assert.doesNotMatch(res.body, /A Gift With No Name/, `${url} as ${actor}`);
        }
      }
    });
  });
}
