// Sorting and paging in the discovery index on both databases: every sort key in both orders
// (ties broken by work id in the same direction), page-number paging by offset, keyset cursors
// that walk the whole list, and cursors that are malformed or belong to another sort.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestStore, skipUnless, type TestStore } from '../support/stores.ts';
import { makeCorpus, query, type Corpus, type WorkKey } from './discovery-corpus.ts';
import { discoveryIndexFor, dropDiscoveryIndex } from '../../src/search/discovery-index.ts';
import { SORT_KEYS, type SortKey } from '../../src/domain/work-query.ts';
import type { DiscoveryIndex } from '../../src/search/types.ts';
import { Invalid } from '../../src/domain/errors.ts';

/** Ascending orders of works A–E (corpus ids grow A → E, which settles ties). */
const ASCENDING: Record<SortKey, WorkKey[]> = {
  // Without full-text scores, "best" is the revision date.
  best: ['E', 'B', 'A', 'D', 'C'],
  // Sort keys: "0000000002 days", "0000000010 days", "apple a day", "quiet' hours", "zebra tale".
  title: ['D', 'E', 'B', 'C', 'A'],
  // alice (B, D), anonymous (C), bob (A, E).
  creator: ['B', 'D', 'C', 'A', 'E'],
  posted: ['E', 'C', 'A', 'B', 'D'],
  updated: ['E', 'B', 'A', 'D', 'C'],
  words: ['D', 'A', 'B', 'E', 'C'],
  hits: ['C', 'A', 'E', 'B', 'D'],
  // A and B tie at 5.
  kudos: ['D', 'A', 'B', 'E', 'C'],
  comments: ['C', 'A', 'D', 'E', 'B'],
  // C and E tie at 7.
  bookmarks: ['A', 'D', 'B', 'C', 'E'],
};

/** Descending order: the reverse, ties included (ids descend too). */
const descending = (keys: WorkKey[]): WorkKey[] => [...keys].reverse();

for (const dialect of DIALECTS) {
  describe(`[${dialect}] discovery index sorting and paging`, { skip: await skipUnless(dialect) }, () => {
    let store: TestStore;
    let corpus: Corpus;
    let index: DiscoveryIndex;
    before(async () => {
      store = await createTestStore(dialect);
      corpus = await makeCorpus(store);
      index = discoveryIndexFor(store.db, store.caps);
    });
    after(async () => {
      await dropDiscoveryIndex(store.db);
      await store?.destroy();
    });

    const names = (ids: number[]): WorkKey[] => ids.map((id) => corpus.keyOf.get(id)!);

    it('sorts by every key in both orders', async () => {
      for (const sort of SORT_KEYS) {
        const asc = await index.query(query({ sort, order: 'asc' }), { limit: 10, facetsPerType: 0 });
        assert.deepEqual(names(asc.ids), ASCENDING[sort], `${sort} asc`);
        const desc = await index.query(query({ sort, order: 'desc' }), { limit: 10, facetsPerType: 0 });
        assert.deepEqual(names(desc.ids), descending(ASCENDING[sort]), `${sort} desc`);
      }
    });

    it('pages by offset, saying whether more follow', async () => {
      const q = query({ sort: 'kudos', order: 'desc' });
      const pages = [];
      for (const offset of [0, 2, 4, 6]) pages.push(await index.query(q, { limit: 2, offset, facetsPerType: 0 }));
      assert.deepEqual(pages.map((p) => names(p.ids)), [['C', 'E'], ['B', 'A'], ['D'], []]);
      assert.deepEqual(pages.map((p) => p.next !== null), [true, true, false, false]);
      assert.ok(pages.every((p) => p.total === 5));
    });

    it('walks every sort with keyset cursors', async () => {
      for (const sort of SORT_KEYS) {
        for (const order of ['asc', 'desc'] as const) {
          const q = query({ sort, order });
          const seen: number[] = [];
          let cursor: string | null = null;
          let pages = 0;
          do {
            const page = await index.query(q, { limit: 2, cursor, facetsPerType: 0 });
            assert.equal(page.total, 5, 'the total counts every match, not what is left');
            seen.push(...page.ids);
            cursor = page.next;
            pages++;
          } while (cursor && pages < 10);
          const expected = order === 'asc' ? ASCENDING[sort] : descending(ASCENDING[sort]);
          assert.deepEqual(names(seen), expected, `${sort} ${order}`);
          assert.equal(pages, 3);
        }
      }
    });

    it('resumes a title cursor whose work was renamed or removed', async () => {
      const q = query({ sort: 'title', order: 'asc' });
      const first = await index.query(q, { limit: 2, facetsPerType: 0 });
      assert.deepEqual(names(first.ids), ['D', 'E']);
      // The last work of the page ("10 Days") is renamed to sort last: the cursor still resumes
      // after where "10 Days" was.
      await store.db.updateTable('works').set({ title: 'Zzz' }).where('id', '=', corpus.ids.E).execute();
      const second = await index.query(q, { limit: 2, cursor: first.next, facetsPerType: 0 });
      assert.deepEqual(names(second.ids), ['B', 'C']);
      await store.db.updateTable('works').set({ title: '10 Days' }).where('id', '=', corpus.ids.E).execute();
    });

    it('refuses malformed cursors and cursors of another listing order', async () => {
      const q = query({ sort: 'hits', order: 'desc' });
      const first = await index.query(q, { limit: 2, facetsPerType: 0 });
      for (const cursor of ['garbage!', 'eyJ4IjoxfQ', 'W10', 'x'.repeat(2000)]) {
        await assert.rejects(index.query(q, { limit: 2, cursor, facetsPerType: 0 }), Invalid, cursor);
      }
      await assert.rejects(index.query(query({ sort: 'kudos', order: 'desc' }), { limit: 2, cursor: first.next, facetsPerType: 0 }), Invalid);
      await assert.rejects(index.query(query({ sort: 'hits', order: 'asc' }), { limit: 2, cursor: first.next, facetsPerType: 0 }), Invalid);
    });
  });
}
