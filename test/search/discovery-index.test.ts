// The discovery index on both databases: every filter, facet counts (drafts, admin-hidden works
// and restricted works for guests never counted), the creator filter with anonymous works and
// full-text scores. Run twice per dialect: with default postings and with bitsets forced on
// every tag, so both posting paths meet real data. Sorting and paging: discovery-sort.test.ts;
// freshness: discovery-freshness.test.ts.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestStore, skipUnless, type TestStore } from '../support/stores.ts';
import { GUEST, makeCorpus, query, type Corpus, type WorkKey } from './discovery-corpus.ts';
import { MemoryDiscoveryIndex, discoveryIndexFor, dropDiscoveryIndex } from '../../src/search/discovery-index.ts';
import type { DiscoveryIndex, DiscoveryRequest, ResolvedWorkQuery } from '../../src/search/types.ts';

for (const dialect of DIALECTS) {
  for (const bitsets of [false, true]) {
    describe(`[${dialect}] discovery index filters and facets${bitsets ? ' (all bitsets)' : ''}`, { skip: await skipUnless(dialect) }, () => {
      let store: TestStore;
      let corpus: Corpus;
      let index: DiscoveryIndex;
      before(async () => {
        store = await createTestStore(dialect);
        corpus = await makeCorpus(store);
        index = bitsets ? new MemoryDiscoveryIndex(store.db, store.caps, { bitsetMinPostings: 1 }) : discoveryIndexFor(store.db, store.caps);
      });
      after(async () => {
        await dropDiscoveryIndex(store.db);
        await store?.destroy();
      });

      const run = (q: Partial<ResolvedWorkQuery>, request: Partial<DiscoveryRequest> = {}) => index.query(query(q), { limit: 50, facetsPerType: 0, ...request });
      const keys = async (q: Partial<ResolvedWorkQuery>): Promise<WorkKey[]> => {
        const page = await run(q);
        assert.equal(page.total, page.ids.length);
        return page.ids.map((id) => corpus.keyOf.get(id)!).sort();
      };

      it('lists posted, unhidden works; guests do not see restricted ones', async () => {
        assert.deepEqual(await keys({}), ['A', 'B', 'C', 'D', 'E']);
        assert.deepEqual(await keys({ scope: GUEST }), ['A', 'C', 'D', 'E']);
        assert.ok(index.memoryBytes() > 0);
      });

      it('includes and excludes filter tags', async () => {
        const [fandomA, fluff, hurt, angst] = await Promise.all(['Fandom A', 'Fluff', 'Hurt/Comfort', 'Angst'].map((n) => corpus.tag(n)));
        assert.deepEqual(await keys({ includeTagIds: [fandomA!] }), ['A', 'B', 'D']);
        assert.deepEqual(await keys({ includeTagIds: [fandomA!, fluff!] }), ['A', 'B', 'D']);
        assert.deepEqual(await keys({ includeTagIds: [fandomA!, hurt!] }), ['D']);
        assert.deepEqual(await keys({ excludeTagIds: [fluff!] }), ['C', 'E']);
        assert.deepEqual(await keys({ includeTagIds: [fandomA!], excludeTagIds: [angst!, hurt!] }), ['A']);
        assert.deepEqual(await keys({ includeTagIds: [999_999] }), [], 'an included tag no work has matches nothing');
        assert.deepEqual(await keys({ excludeTagIds: [999_999] }), ['A', 'B', 'C', 'D', 'E']);
        assert.deepEqual(await keys({ matchesNothing: true }), []);
      });

      it('filters by crossover, completion, single chapter and language', async () => {
        assert.deepEqual(await keys({ crossover: 'include' }), ['A', 'B', 'C', 'D', 'E']);
        assert.deepEqual(await keys({ crossover: 'exclude' }), ['A', 'C', 'D', 'E']);
        assert.deepEqual(await keys({ crossover: 'only' }), ['B']);
        assert.deepEqual(await keys({ complete: true }), ['A', 'C']);
        assert.deepEqual(await keys({ complete: false }), ['B', 'D', 'E']);
        assert.deepEqual(await keys({ singleChapter: true }), ['A'], 'AO3: the expected chapter count is 1');
        assert.deepEqual(await keys({ language: 'fr' }), ['C']);
        assert.deepEqual(await keys({ language: 'en' }), ['A', 'B', 'D', 'E']);
        assert.deepEqual(await keys({ language: 'de' }), []);
      });

      it('filters by inclusive count and date ranges', async () => {
        assert.deepEqual(await keys({ words: { min: 1000, max: 7000 } }), ['A', 'B', 'E']);
        assert.deepEqual(await keys({ hits: { min: 500 } }), ['B', 'D']);
        assert.deepEqual(await keys({ kudos: { max: 5 } }), ['A', 'B', 'D']);
        assert.deepEqual(await keys({ comments: { min: 2, max: 7 } }), ['D', 'E']);
        assert.deepEqual(await keys({ bookmarks: { min: 7 } }), ['C', 'E']);
        assert.deepEqual(await keys({ posted: { from: '2024-01-01T00:00:00.000Z', to: '2024-02-01T00:00:00.000Z' } }), ['A', 'B']);
        assert.deepEqual(await keys({ updated: { from: '2024-04-01T00:00:00.000Z' } }), ['C', 'D']);
        assert.deepEqual(await keys({ updated: { to: '2023-12-31T23:59:59.999Z' } }), ['E']);
      });

      it('filters by creator, leaving anonymous works out unless asked', async () => {
        const [alice, carol] = [await corpus.userId('alice'), await corpus.userId('carol')];
        assert.deepEqual(await keys({ creatorUserId: alice }), ['B', 'D'], 'the draft F stays out');
        assert.deepEqual(await keys({ creatorUserId: alice, scope: GUEST }), ['D']);
        assert.deepEqual(await keys({ creatorUserId: carol }), []);
        assert.deepEqual(await keys({ creatorUserId: carol, includeAnonymous: true }), ['C']);
        assert.deepEqual(await keys({ creatorUserId: 999_999 }), []);
      });

      it('keeps only full-text matches, best first', async () => {
        const { A, C, D } = corpus.ids;
        const textScores = new Map([[A, 0.5], [C, 2], [D, 1], [999_999, 5]]);
        const page = await run({ textScores, sort: 'best', order: 'desc' });
        assert.deepEqual(page.ids, [C, D, A]);
        assert.equal(page.total, 3);
        assert.deepEqual((await run({ textScores, sort: 'best', order: 'asc' })).ids, [A, D, C]);
        assert.deepEqual((await run({ textScores, sort: 'best', order: 'desc', scope: GUEST, excludeTagIds: [await corpus.tag('Angst')] })).ids, [D, A]);
      });

      it('counts facets over every matching work, top N per type, ties by name', async () => {
        const facets = async (q: Partial<ResolvedWorkQuery>, perType: number) =>
          (await run(q, { facetsPerType: perType, limit: 1 })).facets.map((f) => `${f.type}:${f.name}=${f.count}`);
        const guest = await facets({ scope: GUEST }, 10);
        for (const expected of ['fandom:Fandom A=2', 'fandom:Fandom B=1', 'fandom:Fandom C=1', 'freeform:Fluff=2', 'freeform:Angst=1', 'freeform:Hurt/Comfort=1', 'rating:General Audiences=2']) {
          assert.ok(guest.includes(expected), `${expected} in ${guest.join(', ')}`);
        }
        const member = await facets({}, 10);
        for (const expected of ['fandom:Fandom A=3', 'fandom:Fandom B=2', 'freeform:Fluff=3', 'freeform:Angst=2', 'rating:Mature=1']) {
          assert.ok(member.includes(expected), `${expected} in ${member.join(', ')}`);
        }
        // Top 2 per type: equal counts are ordered by name.
        const top2 = await facets({ scope: GUEST }, 2);
        assert.deepEqual(top2.filter((f) => f.startsWith('freeform:')), ['freeform:Fluff=2', 'freeform:Angst=1']);
        assert.deepEqual(top2.filter((f) => f.startsWith('rating:')), ['rating:General Audiences=2', 'rating:Explicit=1']);
        assert.deepEqual(top2.filter((f) => f.startsWith('fandom:')), ['fandom:Fandom A=2', 'fandom:Fandom B=1']);
        // Facets follow the filters.
        const filtered = await facets({ includeTagIds: [await corpus.tag('Fandom B')] }, 10);
        assert.ok(filtered.includes('fandom:Fandom A=1') && filtered.includes('freeform:Angst=2') && !filtered.some((f) => f.startsWith('freeform:Fluff=') && f !== 'freeform:Fluff=1'));
        assert.deepEqual(await facets({ matchesNothing: true }, 10), []);
        assert.deepEqual((await run({}, { facetsPerType: 0 })).facets, []);
      });
    });
  }
}
