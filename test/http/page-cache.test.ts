// The guest page cache (src/http/page-cache.ts) on both databases: a guest's second view of a
// work or listing comes from the cache with the guest's own CSRF token in its forms, hits are
// still counted, signed-in readers are never served from it, and anything that changes a page —
// an edit, hiding, restricting, a new work in a listing, a hidden comment, a series renamed —
// shows on the very next view.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipUnless } from '../support/stores.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeWork } from '../support/factories.ts';
import { insertTestComment } from '../support/comments.ts';
import { WebClient } from '../support/web-client.ts';
import { createUser } from '../../src/services/create-user.ts';
import { findWorkById } from '../../src/db/repos/works.repo.ts';
import type { App } from '../../src/http/app-type.ts';

const PASSWORD = 'page cache test passphrase';

/** A browser-like guest whose requests come from `ip`. */
function guestAt(app: App, ip: string): WebClient {
  const proxy = Object.create(app) as App;
  proxy.inject = ((options: object) => app.inject({ ...options, remoteAddress: ip } as never)) as never;
  return new WebClient(proxy);
}

const fromCache = (res: { headers: Record<string, unknown> }) => res.headers['x-owlery-cache'] === 'hit';

for (const dialect of DIALECTS) {
  describe(`[${dialect}] guest page cache`, { skip: await skipUnless(dialect) }, () => {
    let t: TestApp;
    let ip = 0;
    const newGuest = () => guestAt(t.app, `198.51.100.${++ip}`);

    before(async () => {
      t = await createTestApp(dialect);
      await createUser(t.ctx, { login: 'pcwriter', email: 'pcwriter@example.org', password: PASSWORD });
      await createUser(t.ctx, { login: 'pcreader', email: 'pcreader@example.org', password: PASSWORD });
    });
    after(async () => t?.close());

    const newWork = (title: string) => makeWork(t.ctx, { creator: 'pcwriter', title, chapters: [{ title: 'One', html: '<p>First chapter.</p>' }, { title: 'Two', html: '<p>Second chapter.</p>' }] });

    it('serves a guest’s second view from the cache, with each guest’s own CSRF token', async () => {
      const { id } = await newWork('Cached Lanterns');
      const first = newGuest();
      const a = await first.get(`/works/${id}`);
      assert.equal(a.status, 200);
      assert.equal(fromCache(a), false);
      const second = newGuest();
      const b = await second.get(`/works/${id}`);
      assert.equal(b.status, 200);
      assert.ok(fromCache(b), 'the second guest is answered from the cache');
      assert.match(b.body, /Cached Lanterns/);
      // Each guest's forms carry the token of that guest's own cookie, never the first guest's.
      assert.ok(first.csrf && second.csrf && first.csrf !== second.csrf);
      assert.equal(second.csrf, second.cookies.get('owlery_csrf'));
      assert.ok(!b.body.includes(first.csrf!));
      // The cached page's forms work: the guest's kudos is accepted.
      const kudos = await second.post(`/works/${id}/kudos`, { return_to: `/works/${id}` });
      assert.equal(kudos.status, 303);
      assert.equal((await findWorkById(t.store.db, id))!.kudosCount, 1);
    });

    it('counts a hit for a new guest answered from the cache', async () => {
      const { id } = await newWork('Counted Footsteps');
      await newGuest().get(`/works/${id}`);
      const hitsBefore = (await findWorkById(t.store.db, id))!.hits;
      const res = await newGuest().get(`/works/${id}`);
      assert.ok(fromCache(res), 'answered from the cache');
      assert.equal((await findWorkById(t.store.db, id))!.hits, hitsBefore + 1);
    });

    it('never serves a signed-in reader from the cache, nor keeps their page', async () => {
      const { id } = await newWork('Private Margins');
      await newGuest().get(`/works/${id}`);
      const reader = new WebClient(t.app);
      assert.equal((await reader.logIn('pcreader', PASSWORD)).status, 303);
      const mine = await reader.get(`/works/${id}`);
      assert.equal(fromCache(mine), false);
      assert.match(mine.body, /Mark for Later/);
      const guest = await newGuest().get(`/works/${id}`);
      assert.doesNotMatch(guest.body, /Mark for Later|pcreader/);
    });

    it('shows an edit, then hides a hidden or restricted work, on the very next view', async () => {
      const { id } = await newWork('Before The Edit');
      await newGuest().get(`/works/${id}`);
      assert.ok(fromCache(await newGuest().get(`/works/${id}`)));
      await t.store.db.updateTable('works').set({ title: 'After The Edit' }).where('id', '=', id).execute();
      const edited = await newGuest().get(`/works/${id}`);
      assert.equal(fromCache(edited), false);
      assert.match(edited.body, /After The Edit/);

      await newGuest().get(`/works/${id}`);
      await t.store.db.updateTable('works').set({ restricted: true }).where('id', '=', id).execute();
      const restricted = await newGuest().get(`/works/${id}`);
      assert.notEqual(restricted.status, 200);
      assert.doesNotMatch(restricted.body, /After The Edit/);

      await t.store.db.updateTable('works').set({ restricted: false, hidden_by_admin: true }).where('id', '=', id).execute();
      assert.equal((await newGuest().get(`/works/${id}`)).status, 404);
    });

    it('drops a work from a cached listing as soon as it is hidden, and adds a new one', async () => {
      const { id } = await newWork('Listed Then Hidden');
      const url = '/works';
      await newGuest().get(url);
      const cached = await newGuest().get(url);
      assert.ok(fromCache(cached));
      assert.match(cached.body, /Listed Then Hidden/);
      await t.store.db.updateTable('works').set({ hidden_by_admin: true }).where('id', '=', id).execute();
      const after = await newGuest().get(url);
      assert.doesNotMatch(after.body, /Listed Then Hidden/);
      await newWork('Freshly Posted');
      assert.match((await newGuest().get(url)).body, /Freshly Posted/);
    });

    it('drops a work page when one of its comments is hidden, and when its series is renamed', async () => {
      const { id } = await newWork('Commented Upon');
      const chapterIds = (await t.store.db.selectFrom('chapters').select('id').where('work_id', '=', id).orderBy('position').execute()).map((c) => c.id);
      const commentId = await insertTestComment(t.store.db, { workId: id, chapterId: chapterIds[0]!, login: 'pcreader', body: '<p>A remark soon hidden.</p>' });
      const page = `/works/${id}/chapters/${chapterIds[0]}`;
      await newGuest().get(page);
      const cached = await newGuest().get(page);
      assert.ok(fromCache(cached));
      assert.match(cached.body, /A remark soon hidden/);
      await t.store.db.updateTable('comments').set({ hidden: true }).where('id', '=', commentId).execute();
      assert.doesNotMatch((await newGuest().get(page)).body, /A remark soon hidden/);

      const now = new Date().toISOString();
      const series = await t.store.db.insertInto('series').values({ title: 'Old Series Name', summary: '', notes: '', created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
      await t.store.db.insertInto('serial_works').values({ series_id: series.id, work_id: id, position: 1 }).execute();
      assert.match((await newGuest().get(`/works/${id}`)).body, /Old Series Name/);
      await newGuest().get(`/works/${id}`);
      await t.store.db.updateTable('series').set({ title: 'New Series Name' }).where('id', '=', series.id).execute();
      const renamed = await newGuest().get(`/works/${id}`);
      assert.match(renamed.body, /New Series Name/);
      assert.doesNotMatch(renamed.body, /Old Series Name/);
    });

    it('answers pages with a notice, or any other parameter, without the cache', async () => {
      const { id } = await newWork('Noticed');
      await newGuest().get(`/works/${id}`);
      const withNotice = await newGuest().get(`/works/${id}?kudos=left`);
      assert.equal(fromCache(withNotice), false);
    });
  });
}
