// Hits and statistics on both databases: one hit per visitor per work per day without storing
// addresses, the daily salt's rotation, the daily counters other features call, and who may see
// a work's or a creator's stats.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestStore, skipUnless, type TestStore } from '../support/stores.ts';
import { contextFor, fixedClock, makeUser, makeWork } from '../support/factories.ts';
import { GUEST, type Actor } from '../../src/domain/actor.ts';
import type { WorkAccess } from '../../src/domain/policy.ts';
import { recordHit } from '../../src/services/stats/record-hit.ts';
import { workStats } from '../../src/services/stats/work-stats.ts';
import { userStats } from '../../src/services/stats/user-stats.ts';
import { dailyStats, recordWorkStat } from '../../src/db/repos/work-stats.repo.ts';
import { findWorkById } from '../../src/db/repos/works.repo.ts';
import { insertCreatorships } from '../../src/db/repos/works.repo.ts';

for (const dialect of DIALECTS) {
  describe(`[${dialect}] hits and stats`, { skip: await skipUnless(dialect) }, () => {
    let store: TestStore;
    const clock = fixedClock('2026-11-21T12:00:00.000Z');
    const as = (actor: Actor) => contextFor(store, actor, clock);
    let writer: Awaited<ReturnType<typeof makeUser>>;
    let reader: Awaited<ReturnType<typeof makeUser>>;

    before(async () => {
      store = await createTestStore(dialect);
      writer = await makeUser(contextFor(store), { login: 'statswriter' });
      reader = await makeUser(contextFor(store), { login: 'statsreader' });
    });
    after(async () => store?.destroy());

    const newWork = (extra: Parameters<typeof makeWork>[1] = {}) => makeWork(contextFor(store, undefined, clock), { creator: writer.login, ...extra });
    const access = (extra: Partial<WorkAccess> = {}): WorkAccess => ({ posted: true, hiddenByAdmin: false, restricted: false, anonymous: false, creatorUserIds: [writer.id], ...extra });
    const hits = async (id: number) => (await findWorkById(store.db, id))!.hits;

    it('counts one hit per visitor per work per day, for guests and users', async () => {
      clock.set('2026-11-21T12:00:00.000Z');
      const work = await newWork();
      const hit = (actor: Actor, ip: string) => recordHit(as(actor), { workId: work.id, access: access(), ip });
      assert.equal(await hit(GUEST, '203.0.113.1'), true);
      assert.equal(await hit(GUEST, '203.0.113.1'), false);
      assert.equal(await hit(GUEST, '203.0.113.2'), true);
      assert.equal(await hit(reader.actor, '203.0.113.1'), true);
      assert.equal(await hit(reader.actor, '203.0.113.9'), false);
      assert.equal(await hits(work.id), 3);

      clock.set('2026-11-22T00:00:01.000Z');
      assert.equal(await hit(GUEST, '203.0.113.1'), true);
      assert.equal(await hit(reader.actor, '203.0.113.1'), true);
      assert.equal(await hits(work.id), 5);
      assert.deepEqual((await dailyStats(store.db, work.id, '2026-11-21', '2026-11-22')).map((d) => [d.day, d.hits]), [['2026-11-21', 3], ['2026-11-22', 2]]);
    });

    it('forgets the earlier days: their salt and their visitors go, and no address is stored', async () => {
      clock.set('2026-11-23T08:00:00.000Z');
      const work = await newWork();
      await recordHit(as(GUEST), { workId: work.id, access: access(), ip: '192.0.2.77' });
      const visitors = await store.db.selectFrom('work_hit_visitors').selectAll().execute();
      assert.ok(visitors.length > 0);
      assert.ok(visitors.every((v) => v.day === '2026-11-23'), 'earlier days are deleted');
      const salts = await store.db.selectFrom('settings').select('key').where('key', 'like', 'hits.salt.%').execute();
      assert.deepEqual(salts.map((s) => s.key), ['hits.salt.2026-11-23']);
      const dump = JSON.stringify([visitors, await store.db.selectFrom('settings').selectAll().execute()]);
      assert.ok(!dump.includes('192.0.2.77'));
    });

    it('does not count the work’s creators, drafts or hidden works', async () => {
      const work = await newWork();
      assert.equal(await recordHit(as(writer.actor), { workId: work.id, access: access(), ip: '203.0.113.3' }), false);
      assert.equal(await recordHit(as(GUEST), { workId: work.id, access: access({ posted: false }), ip: '203.0.113.3' }), false);
      assert.equal(await recordHit(as(GUEST), { workId: work.id, access: access({ hiddenByAdmin: true }), ip: '203.0.113.3' }), false);
      assert.equal(await hits(work.id), 0);
    });

    it('adds and removes daily counts for the features that call recordWorkStat', async () => {
      const work = await newWork();
      await recordWorkStat(store.db, work.id, 'comments', 1, new Date('2026-11-20T23:59:59.000Z'));
      await recordWorkStat(store.db, work.id, 'comments', 1, '2026-11-20');
      await recordWorkStat(store.db, work.id, 'bookmarks', 1, '2026-11-20');
      await recordWorkStat(store.db, work.id, 'bookmarks', -1, '2026-11-20');
      await recordWorkStat(store.db, work.id, 'subscriptions', 1, '2026-11-19');
      await recordWorkStat(store.db, work.id, 'subscriptions', 0, '2026-11-19');
      const rows = await dailyStats(store.db, work.id, '2026-11-01', '2026-11-30');
      assert.deepEqual(rows, [
        { day: '2026-11-19', hits: 0, kudos: 0, comments: 0, bookmarks: 0, subscriptions: 1 },
        { day: '2026-11-20', hits: 0, kudos: 0, comments: 2, bookmarks: 0, subscriptions: 0 },
      ]);
      await assert.rejects(recordWorkStat(store.db, work.id, 'comments', 0.5, '2026-11-20'));
    });

    it('gives a work’s creators every day of the period, with totals', async () => {
      clock.set('2026-11-21T12:00:00.000Z');
      const work = await newWork();
      await recordWorkStat(store.db, work.id, 'hits', 4, '2026-11-21');
      await recordWorkStat(store.db, work.id, 'hits', 2, '2026-10-01');
      await recordWorkStat(store.db, work.id, 'subscriptions', 3, '2025-01-01');
      const report = await workStats(as(writer.actor), work.id, 30);
      assert.equal(report.days.length, 30);
      assert.equal(report.days[0]!.day, '2026-10-23');
      assert.equal(report.days[29]!.day, '2026-11-21');
      assert.equal(report.days[29]!.hits, 4);
      assert.equal(report.periodTotals.hits, 4);
      assert.equal(report.totals.subscriptions, 3);
      assert.equal((await workStats(as(writer.actor), work.id, 90)).periodTotals.hits, 6);
    });

    it('shows a work’s stats to its creators only', async () => {
      const work = await newWork();
      const co = await makeUser(contextFor(store), { login: 'statscocreator' });
      await insertCreatorships(store.db, work.id, [(await store.db.selectFrom('pseuds').select('id').where('user_id', '=', co.id).executeTakeFirstOrThrow()).id]);
      assert.equal((await workStats(as(co.actor), work.id, 30)).work.id, work.id);
      await assert.rejects(workStats(as(reader.actor), work.id, 30), { code: 'forbidden' });
      await assert.rejects(workStats(as(GUEST), work.id, 30), { code: 'unauthenticated' });
      const draft = await newWork({ draft: true });
      await assert.rejects(workStats(as(reader.actor), draft.id, 30), { code: 'not_found' });
      assert.equal((await workStats(as(writer.actor), draft.id, 30)).work.posted, false);
    });

    it('lists a creator’s posted works with totals, sorted, to the creator alone', async () => {
      const owner = await makeUser(contextFor(store), { login: 'statsowner' });
      const a = await makeWork(contextFor(store, undefined, clock), { creator: owner.login, title: 'Alder', chapters: [{ html: '<p>one two three</p>' }] });
      const b = await makeWork(contextFor(store, undefined, clock), { creator: owner.login, title: 'birch', chapters: [{ html: '<p>one</p>' }] });
      await makeWork(contextFor(store, undefined, clock), { creator: owner.login, title: 'Draft', draft: true });
      await store.db.updateTable('works').set({ hits: 10, kudos_count: 1 }).where('id', '=', a.id).execute();
      await store.db.updateTable('works').set({ hits: 20, kudos_count: 5 }).where('id', '=', b.id).execute();
      await recordWorkStat(store.db, a.id, 'subscriptions', 2, '2026-11-21');

      const byHits = await userStats(as(owner.actor), 'statsowner');
      assert.deepEqual(byHits.works.map((w) => w.title), ['birch', 'Alder']);
      assert.deepEqual(byHits.totals, { hits: 30, kudos: 6, comments: 0, bookmarks: 0, subscriptions: 2, words: 4 });
      assert.deepEqual((await userStats(as(owner.actor), 'StatsOwner', 'title')).works.map((w) => w.title), ['Alder', 'birch']);
      assert.deepEqual((await userStats(as(owner.actor), 'statsowner', 'subscriptions')).works.map((w) => w.title), ['Alder', 'birch']);
      assert.deepEqual((await userStats(as(owner.actor), 'statsowner', 'words', 'asc')).works.map((w) => w.title), ['birch', 'Alder']);

      await assert.rejects(userStats(as(reader.actor), 'statsowner'), { code: 'forbidden' });
      await assert.rejects(userStats(as(GUEST), 'statsowner'), { code: 'unauthenticated' });
      await assert.rejects(userStats(as(owner.actor), 'nobody_here'), { code: 'not_found' });
    });
  });
}
