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
import { insertTestComment } from '../support/comments.ts';
import { testBookmark } from '../support/reader.ts';
import { muteUser } from '../../src/services/personal-filters/mute-user.ts';
import { saveSearch } from '../../src/services/personal-filters/save-search.ts';

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
      // The creator answering on their anonymous work is "Anonymous Creator" to everyone else.
      await insertTestComment(f.t.store.db, { workId: anon.id, chapterId: chapters[1]!.id, login: anonCreator, body: '<p>The creator answers.</p>' });
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

    it('keeps a reader’s muted creators and saved searches from everyone else', async () => {
      // The owner mutes an account that appears nowhere else, and saves a search whose name and
      // query are markers; no other actor may see either on any page, feed or API answer.
      const marker = `CANARYSAVED${randomBytes(4).toString('hex')}`;
      const mutedLogin = `cnmuted${randomBytes(3).toString('hex')}`;
      await createUser(f.t.ctx, { login: mutedLogin, email: `${mutedLogin}@example.org`, password: 'a muted passphrase' });
      const ownerRow = await f.t.store.db.selectFrom('users').select('id').where('login', '=', f.logins.owner).executeTakeFirstOrThrow();
      const owner = { ...f.t.ctx, actor: { kind: 'user' as const, userId: ownerRow.id, login: f.logins.owner, roles: new Set<never>(), suspended: false } };
      await muteUser(owner, { login: mutedLogin });
      await saveSearch(owner, { name: `${marker}name`, query: `q=${marker}query` });
      const seen = await f.clients.owner.get(`/users/${f.logins.owner}/saved-searches`);
      assert.match(seen.body, new RegExp(`${marker}name`), 'the owner sees it');

      const leaks: string[] = [];
      const routes = f.t.app.routeTable.filter((r) => r.method === 'GET');
      for (const actor of ACTORS.filter((a) => a !== 'owner')) {
        for (const route of routes) {
          const url = fill(route.url, f, canaries[0]!);
          if (!url) continue;
          const res = await f.clients[actor].get(url);
          assert.ok(res.status !== 429 && res.status < 500, `${url} as ${actor}: ${res.status}`);
          for (const m of [marker, mutedLogin]) if (res.body.includes(m)) leaks.push(`${m} in ${url} for ${actor} (${res.status})`);
        }
      }
      assert.deepEqual(leaks, []);
    });

    it('keeps held and hidden comments from everyone but the work’s creators', async () => {
      // On a public work: a held comment (awaiting approval), a held guest comment whose guest
      // name is a marker, and a hidden comment with a visible reply under it (so a placeholder is
      // shown in its place). Their authors are accounts no actor is; only the creators may see
      // the markers — on any page, feed or API answer, the comments' own pages included.
      const m = `CANARYCOMMENT${randomBytes(4).toString('hex')}`;
      const work = await f.freshWork('posted', { title: 'Canary comments work' });
      const chapterId = work.chapterIds[1]!;
      const held = await insertTestComment(f.t.store.db, { workId: work.id, chapterId, login: f.target, body: `<p>${m}held</p>`, status: 'held' });
      const guestHeld = await insertTestComment(f.t.store.db, { workId: work.id, chapterId, login: null, guestName: `${m}guest`, body: '<p>A guest waits.</p>', status: 'held' });
      const hidden = await insertTestComment(f.t.store.db, { workId: work.id, chapterId, login: f.target, body: `<p>${m}hidden</p>`, hidden: true });
      await insertTestComment(f.t.store.db, { workId: work.id, chapterId, login: f.logins.cocreator, body: '<p>A visible reply.</p>', parentId: hidden });
      const seen = await f.clients.owner.get(`/works/${work.id}/chapters/${chapterId}`);
      assert.match(seen.body, new RegExp(`${m}held[\\s\\S]*${m}guest[\\s\\S]*${m}hidden`), 'the creator sees them');

      const canary: Canary = { state: 'posted', work, markers: [m], tag: 'Original Work' };
      const ids = [held, guestHeld, hidden];
      const extra = ids.flatMap((id) => [`/comments/${id}`, `/api/v1/comments/${id}`, `/works/${work.id}/chapters/${chapterId}?show_comment=${id}`]);
      const leaks: string[] = [];
      const routes = f.t.app.routeTable.filter((r) => r.method === 'GET').map((r) => fill(r.url, f, canary));
      for (const actor of ACTORS.filter((a) => !may.isCreator(a))) {
        for (const url of [...routes, ...extra]) {
          if (!url) continue;
          for (const variant of [url, `${url}${url.includes('?') ? '&' : '?'}view_full_work=true`]) {
            const res = await f.clients[actor].get(variant);
            assert.ok(res.status !== 429 && res.status < 500, `${variant} as ${actor}: ${res.status}`);
            if (res.body.includes(m) || JSON.stringify(res.headers).includes(m)) leaks.push(`comment marker in ${variant} for ${actor} (${res.status})`);
          }
        }
      }
      assert.deepEqual(leaks, []);
    });

    it('keeps private bookmarks from everyone but their owner, and bookmarks of hidden works from those who may not see them', async () => {
      // The owner bookmarks a public work privately, with markers in the notes and their own
      // tags, and bookmarks every canary work publicly. Nobody else may see the private markers
      // anywhere; the owner's bookmarks page and API list show each hidden work only to those
      // who may read it, and never the anonymous work's creator.
      const m = `CANARYBOOKMARK${randomBytes(4).toString('hex')}`;
      const work = await f.freshWork('posted', { title: 'Canary bookmarked work' });
      const privateId = await testBookmark(f.t.store.db, f.logins.owner, work.id, { private: true, notes: `<p>${m}notes</p>`, tags: [`${m}tag`] });
      for (const canary of canaries) await testBookmark(f.t.store.db, f.logins.owner, canary.work.id);
      const seen = await f.clients.owner.get(`/users/${f.logins.owner}/bookmarks`);
      assert.match(seen.body, new RegExp(`${m}notes[\\s\\S]*${m}tag|${m}tag[\\s\\S]*${m}notes`), 'the owner sees it');

      const leaks: string[] = [];
      const canary: Canary = { state: 'posted', work, markers: [m], tag: 'Original Work' };
      const routes = f.t.app.routeTable.filter((r) => r.method === 'GET').map((r) => fill(r.url, f, canary));
      const extra = [`/users/${f.logins.owner}/bookmarks?tag=${m}tag`, `/api/v1/users/${f.logins.owner}/bookmarks?tag=${m}tag`];
      for (const actor of ACTORS.filter((a) => a !== 'owner')) {
        for (const url of [...routes, ...extra]) {
          if (!url) continue;
          const res = await f.clients[actor].get(url);
          assert.ok(res.status !== 429 && res.status < 500, `${url} as ${actor}: ${res.status}`);
          // A tag filter repeats the query it was given; the notes must not appear.
          const body = url.includes('?tag=') ? res.body.replaceAll(`${m}tag`, '') : res.body;
          if (body.includes(m)) leaks.push(`private bookmark marker in ${url} for ${actor} (${res.status})`);
        }
        for (const bookmarkUrl of [`/bookmarks/${privateId}/delete`]) {
          const res = await f.clients[actor].post(bookmarkUrl, {});
          if (res.status < 400 && !res.location?.startsWith('/login')) leaks.push(`${bookmarkUrl} allowed for ${actor}`);
        }
      }
      for (const hidden of canaries) {
        const blind = ACTORS.filter((a) => (hidden.state === 'anonymous' ? !may.isCreator(a) : !may.canRead(a, hidden.state)));
        for (const actor of blind) {
          for (const url of [`/users/${f.logins.owner}/bookmarks`, `/api/v1/users/${f.logins.owner}/bookmarks`]) {
            const res = await f.clients[actor].get(url);
            for (const marker of hidden.markers) if (res.body.includes(marker)) leaks.push(`${hidden.state} marker in ${url} for ${actor}`);
          }
        }
      }
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
