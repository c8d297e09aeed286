// The work change log (migration 006) on both databases: every kind of write to a work leaves an
// entry of the right kind, and a ChangeFeed reads each change once, in order.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestStore, skipUnless, type TestStore } from '../support/stores.ts';
import { contextFor, makeWork } from '../support/factories.ts';
import { ChangeFeed } from '../../src/search/change-feed.ts';
import { latestChangeSeq, setChangeLogging } from '../../src/db/repos/work-changes.repo.ts';

for (const dialect of DIALECTS) {
  describe(`[${dialect}] work change log`, { skip: await skipUnless(dialect) }, () => {
    let store: TestStore;
    before(async () => {
      store = await createTestStore(dialect);
    });
    after(async () => store?.destroy());

    it('logs posting, counter, chapter, tag and creator changes with their kinds', async () => {
      const feed = new ChangeFeed(await latestChangeSeq(store.db));
      const work = await makeWork(contextFor(store), { title: 'Logged' });
      const posted = await feed.poll(store.db);
      assert.equal(posted.rebuild, false);
      const kinds = posted.works.get(work.id);
      assert.ok(kinds, 'the new work is in the batch');
      for (const kind of ['content', 'tags', 'creators'] as const) assert.ok(kinds.has(kind), `posting logs ${kind}`);

      assert.equal((await feed.poll(store.db)).works.size, 0, 'each change is read once');

      await store.db.updateTable('works').set({ kudos_count: 3 }).where('id', '=', work.id).execute();
      assert.deepEqual([...((await feed.poll(store.db)).works.get(work.id) ?? [])], ['stats']);

      await store.db.updateTable('chapters').set({ title: 'Renamed' }).where('work_id', '=', work.id).execute();
      assert.deepEqual([...((await feed.poll(store.db)).works.get(work.id) ?? [])], ['content']);

      const pseud = await store.db.selectFrom('work_creatorships').select('pseud_id').where('work_id', '=', work.id).executeTakeFirstOrThrow();
      await store.db.updateTable('pseuds').set({ name: 'Renamed Pseud' }).where('id', '=', pseud.pseud_id).execute();
      assert.deepEqual([...((await feed.poll(store.db)).works.get(work.id) ?? [])], ['creators']);

      await store.db.deleteFrom('work_filters').where('work_id', '=', work.id).execute();
      assert.deepEqual([...((await feed.poll(store.db)).works.get(work.id) ?? [])], ['tags']);
    });

    it('stops and restarts logging for bulk loads', async () => {
      const before = await latestChangeSeq(store.db);
      await setChangeLogging(store.db, store.caps.dialect, false);
      await makeWork(contextFor(store), { title: 'Bulk' });
      assert.equal(await latestChangeSeq(store.db), before, 'nothing logged while off');
      await setChangeLogging(store.db, store.caps.dialect, true);
      await makeWork(contextFor(store), { title: 'Logged again' });
      assert.ok((await latestChangeSeq(store.db)) > before);
    });
  });
}

describe('ChangeFeed gaps', () => {
  it('asks again for a sequence number skipped by a transaction still in flight', async () => {
    const rows = [
      { seq: 1, work_id: 10, kind: 'content' },
      { seq: 3, work_id: 30, kind: 'content' },
    ];
    const asked: Array<{ after: number; also: number[] }> = [];
    // A minimal stand-in for the query builder, answering changesAfter's one query.
    const fakeDb = {
      selectFrom: () => {
        let after = 0;
        let also: number[] = [];
        const builder = {
          select: () => builder,
          where: (fn: (eb: unknown) => unknown) => {
            const eb = Object.assign((col: string, op: string, value: unknown) => {
              if (op === '>') after = value as number;
              if (op === 'in') also = value as number[];
              return null;
            }, { or: () => null });
            fn(eb);
            return builder;
          },
          orderBy: () => builder,
          limit: () => builder,
          execute: async () => {
            asked.push({ after, also });
            return rows.filter((r) => r.seq > after || also.includes(r.seq)).sort((a, b) => a.seq - b.seq);
          },
        };
        return builder;
      },
    };
    const feed = new ChangeFeed(0, () => 0);
    const first = await feed.poll(fakeDb as never);
    assert.deepEqual([...first.works.keys()], [10, 30]);
    assert.equal(feed.position, 3);
    rows.push({ seq: 2, work_id: 20, kind: 'tags' });
    const second = await feed.poll(fakeDb as never);
    assert.deepEqual(asked.at(-1), { after: 3, also: [2] });
    assert.deepEqual([...second.works.keys()], [20], 'the late commit is picked up');
    await feed.poll(fakeDb as never);
    assert.deepEqual(asked.at(-1), { after: 3, also: [] }, 'a filled gap is forgotten');
  });
});
