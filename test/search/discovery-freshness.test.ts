// Freshness of the discovery index on both databases: every query first applies the work change
// log, so a write is visible to the next query of the same process — a new work, counters,
// filter-set changes (wrangling's recomputation or direct writes), renames, works unposted,
// hidden or deleted — and the index resynchronizes when the log overflowed or was pruned.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestStore, skipUnless, type TestStore } from '../support/stores.ts';
import { contextFor, makeWork, type MadeWork } from '../support/factories.ts';
import { GUEST, query } from './discovery-corpus.ts';
import { MemoryDiscoveryIndex } from '../../src/search/discovery-index.ts';
import { recomputeFilterSets } from '../../src/services/filter-set.ts';
import { latestChangeSeq, pruneChanges, setChangeLogging } from '../../src/db/repos/work-changes.repo.ts';
import { changeLogResumePoint } from '../../src/db/repos/discovery.repo.ts';
import { MAX_CHANGES_PER_POLL } from '../../src/search/change-feed.ts';
import type { ResolvedWorkQuery } from '../../src/search/types.ts';

for (const dialect of DIALECTS) {
  describe(`[${dialect}] discovery index freshness`, { skip: await skipUnless(dialect) }, () => {
    let store: TestStore;
    let index: MemoryDiscoveryIndex;
    let now = 1_000_000;
    before(async () => {
      store = await createTestStore(dialect);
      index = new MemoryDiscoveryIndex(store.db, store.caps, { now: () => now });
    });
    after(async () => {
      await index?.idle();
      await store?.destroy();
    });

    const ctx = () => contextFor(store);
    const tagId = async (name: string) => (await store.db.selectFrom('tags').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
    const ids = async (q: Partial<ResolvedWorkQuery>) => (await index.query(query(q), { limit: 100, facetsPerType: 0 })).ids;
    const facetCount = async (name: string, q: Partial<ResolvedWorkQuery> = {}) =>
      (await index.query(query(q), { limit: 1, facetsPerType: 50 })).facets.find((f) => f.name === name)?.count ?? 0;

    it('shares one build between concurrent first queries', async () => {
      const first = await makeWork(ctx(), { title: 'First', fandoms: ['Fresh Fandom'] });
      // The first caller starts the build; everyone arriving meanwhile shares one run after it.
      const runs = [index.refresh(), index.refresh(), index.refresh()];
      assert.notEqual(runs[0], runs[1]);
      assert.equal(runs[1], runs[2]);
      await Promise.all(runs);
      const pages = await Promise.all([1, 2, 3].map(() => index.query(query(), { limit: 10, facetsPerType: 5 })));
      for (const page of pages) assert.deepEqual(page.ids, [first.id]);
    });

    it('sees a new work at once, in results and facets', async () => {
      const before = await facetCount('Fresh Fandom');
      const work = await makeWork(ctx(), { title: 'Second', fandoms: ['Fresh Fandom'], freeforms: ['Brand New Tag'] });
      assert.ok((await ids({})).includes(work.id));
      assert.equal(await facetCount('Fresh Fandom'), before + 1);
      assert.deepEqual(await ids({ includeTagIds: [await tagId('Brand New Tag')] }), [work.id]);
    });

    it('sees its own write even while another refresh is under way', async () => {
      const inFlight = index.query(query(), { limit: 100, facetsPerType: 0 });
      const work = await makeWork(ctx(), { title: 'Racing' });
      assert.ok((await ids({})).includes(work.id));
      await inFlight;
    });

    it('follows counters, dates and flags changed in place', async () => {
      const work = await makeWork(ctx(), { title: 'Counted' });
      await store.db.updateTable('works').set({ kudos_count: 10_000, hits: 12_345 }).where('id', '=', work.id).execute();
      assert.equal((await ids({ sort: 'kudos', order: 'desc' }))[0], work.id);
      assert.deepEqual(await ids({ hits: { min: 12_345, max: 12_345 } }), [work.id]);
      await store.db.updateTable('works').set({ revised_at: '2031-01-01T00:00:00.000Z', complete: true }).where('id', '=', work.id).execute();
      assert.equal((await ids({ sort: 'updated', order: 'desc' }))[0], work.id);
      assert.ok((await ids({ complete: true })).includes(work.id));
      await store.db.updateTable('works').set({ restricted: true }).where('id', '=', work.id).execute();
      assert.ok(!(await ids({ scope: GUEST })).includes(work.id));
      assert.ok((await ids({})).includes(work.id));
      await store.db.updateTable('works').set({ title: 'Aardvark' }).where('id', '=', work.id).execute();
      assert.equal((await ids({ sort: 'title', order: 'asc' }))[0], work.id);
    });

    it('follows a creator renaming their pseud', async () => {
      const work = await makeWork(ctx(), { title: 'By Zed', creator: 'zed' });
      assert.notEqual((await ids({ sort: 'creator', order: 'asc' }))[0], work.id);
      await store.db.updateTable('pseuds').set({ name: 'aaron' }).where('name', '=', 'zed').execute();
      assert.equal((await ids({ sort: 'creator', order: 'asc' }))[0], work.id);
    });

    it('follows filter-set changes, direct or recomputed after wrangling', async () => {
      const work = await makeWork(ctx(), { title: 'Retagged', fandoms: ['Old Fandom'] });
      const oldFandom = await tagId('Old Fandom');
      assert.deepEqual(await ids({ includeTagIds: [oldFandom] }), [work.id]);
      // Direct writes to the filter set.
      const other = await tagId('Fresh Fandom');
      await store.db.insertInto('work_filters').values({ work_id: work.id, tag_id: other }).execute();
      assert.ok((await ids({ includeTagIds: [other] })).includes(work.id));
      await store.db.deleteFrom('work_filters').where('work_id', '=', work.id).where('tag_id', '=', oldFandom).execute();
      assert.deepEqual(await ids({ includeTagIds: [oldFandom] }), []);
      assert.equal(await facetCount('Old Fandom'), 0);
      // A wrangler makes "Old Fandom" a synonym of "Canon Fandom": recomputing puts the canonical tag in.
      const canon = await makeWork(ctx(), { title: 'Canon', fandoms: ['Canon Fandom'] });
      const canonId = await tagId('Canon Fandom');
      await store.db.updateTable('tags').set({ merger_id: canonId }).where('id', '=', oldFandom).execute();
      await recomputeFilterSets(store.db, [work.id]);
      assert.deepEqual((await ids({ includeTagIds: [canonId] })).sort((a, b) => a - b), [work.id, canon.id].sort((a, b) => a - b));
      assert.equal(await facetCount('Canon Fandom'), 2);
    });

    it('drops works that are unposted, hidden or deleted, from results and facets', async () => {
      const works = await Promise.all(['Gone 1', 'Gone 2', 'Gone 3'].map((title) => makeWork(ctx(), { title, freeforms: ['Soon Gone'] })));
      assert.equal(await facetCount('Soon Gone'), 3);
      await store.db.updateTable('works').set({ posted: false }).where('id', '=', works[0]!.id).execute();
      await store.db.updateTable('works').set({ hidden_by_admin: true }).where('id', '=', works[1]!.id).execute();
      await store.db.deleteFrom('works').where('id', '=', works[2]!.id).execute();
      const all = await ids({});
      for (const work of works) assert.ok(!all.includes(work.id), work.title);
      assert.equal(await facetCount('Soon Gone'), 0);
      assert.deepEqual(await ids({ includeTagIds: [await tagId('Soon Gone')] }), []);
      await store.db.updateTable('works').set({ hidden_by_admin: false }).where('id', '=', works[1]!.id).execute();
      assert.deepEqual(await ids({ includeTagIds: [await tagId('Soon Gone')] }), [works[1]!.id]);
    });

    it('applies more log rows than one poll takes by reloading the works they name', async () => {
      // A wrangling change rewriting many filter sets logs every row; here a work written while
      // logging was off is named by more rows than a poll reads.
      await setChangeLogging(store.db, store.caps.dialect, false);
      const silent = await makeWork(ctx(), { title: 'Silent', freeforms: ['Quietly Added'] });
      await setChangeLogging(store.db, store.caps.dialect, true);
      const bystander = await makeWork(ctx(), { title: 'Bystander' });
      assert.ok(!(await ids({})).includes(silent.id));
      await store.db.updateTable('works').set({ kudos_count: 77 }).where('id', '=', bystander.id).execute();
      const rows = Array.from({ length: MAX_CHANGES_PER_POLL + 1 }, (_, i) => ({ work_id: silent.id, kind: i % 2 ? ('tags' as const) : ('content' as const), changed_at: new Date().toISOString() }));
      for (let i = 0; i < rows.length; i += 5000) await store.db.insertInto('work_changes').values(rows.slice(i, i + 5000)).execute();
      const all = await ids({});
      assert.ok(all.includes(silent.id));
      assert.equal(await facetCount('Quietly Added'), 1);
      assert.deepEqual(await ids({ kudos: { min: 77, max: 77 } }), [bystander.id], 'changes logged before the flood are applied too');
      const later = await makeWork(ctx(), { title: 'After the flood' });
      assert.ok((await ids({})).includes(later.id), 'the log is read on from there');
    });

    it('resynchronizes when the log was pruned past its position', async () => {
      await setChangeLogging(store.db, store.caps.dialect, false);
      const silent = await makeWork(ctx(), { title: 'Pruned Away' });
      await setChangeLogging(store.db, store.caps.dialect, true);
      await ids({});
      // Changes the index has not read yet, then pruned away before it looks.
      const missed = await makeWork(ctx(), { title: 'Missed' });
      await pruneChanges(store.db, new Date(Date.now() + 60_000));
      const later = await makeWork(ctx(), { title: 'Later' });
      now += 10 * 60_000;
      const all = await ids({});
      for (const work of [silent, missed, later]) assert.ok(all.includes(work.id), work.title);
    });

    it('answers consistently while refreshes and compactions run in slices', async () => {
      // Every refresh applied in slices and compaction as soon as a few slots are dead, each
      // yielding to the event loop after every step: queries racing them must wait for them.
      const sliced = new MemoryDiscoveryIndex(store.db, store.caps, { now: () => now, sliceMs: 0, sliceAboveWorks: 0, compactAfterDead: 1 });
      const works: MadeWork[] = [];
      for (let i = 0; i < 12; i++) works.push(await makeWork(ctx(), { title: `Sliced ${i}`, freeforms: ['Sliced Tag'] }));
      const sliceTag = await tagId('Sliced Tag');
      const extra = await tagId('Fresh Fandom');
      const expected = works.map((w) => w.id).sort((a, b) => a - b);
      const check = async () => {
        const page = await sliced.query(query({ includeTagIds: [sliceTag], sort: 'title', order: 'asc' }), { limit: 50, facetsPerType: 50 });
        assert.deepEqual([...page.ids].sort((a, b) => a - b), expected);
        assert.equal(page.total, expected.length);
        assert.equal(page.facets.find((f) => f.name === 'Sliced Tag')?.count, expected.length);
        // Title order survives the rank renumbering of compactions.
        assert.deepEqual(page.ids, [...works].sort((a, b) => (a.title < b.title ? -1 : 1)).map((w) => w.id));
      };
      await check();
      // Each new filter tag moves a work to a new slot and leaves a dead one behind.
      for (const work of works) {
        const write = store.db.insertInto('work_filters').values({ work_id: work.id, tag_id: extra }).execute();
        await Promise.all([check(), write.then(check), check(), write.then(check)]);
      }
      await check();
      await sliced.idle();
    });

    // Last in the suite: it takes a sequence number by hand, which PostgreSQL's own counter will
    // reach again some 500 writes later.
    it('resumes the log before a sequence number not yet visible (a transaction in flight)', async () => {
      const latest = await latestChangeSeq(store.db);
      assert.equal(await changeLogResumePoint(store.db), latest);
      const work = await makeWork(ctx(), { title: 'Committed Late' });
      const taken = await latestChangeSeq(store.db);
      // Seen as: numbers latest+1 … taken-1 not visible yet, `taken` committed.
      await store.db.deleteFrom('work_changes').where('seq', '>', latest).where('seq', '<', taken).execute();
      assert.equal(await changeLogResumePoint(store.db), latest);
      await store.db.insertInto('work_changes').values({ seq: taken + 500, work_id: work.id, kind: 'content', changed_at: new Date().toISOString() }).execute();
      assert.equal(await changeLogResumePoint(store.db), latest);
    });
  });
}
