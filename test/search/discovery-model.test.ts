// The discovery store and query engine against a brute-force model, without a database: random
// works and random queries (every filter, sort, order, offset and cursor), before and after
// random edits and a compaction. Bitsets are forced on small tags so both posting paths run.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import type { DiscoveryRow } from '../../src/db/repos/discovery.repo.ts';
import { DiscoveryStore } from '../../src/search/discovery-store.ts';
import { runQuery } from '../../src/search/discovery-query.ts';
import { finishFacets } from '../../src/search/discovery-facets.ts';
import { creatorSortKey, keyBytes, titleSortKey } from '../../src/search/discovery-keys.ts';
import { SORT_KEYS, type SortKey } from '../../src/domain/work-query.ts';
import { TAG_TYPES } from '../../src/domain/tag-types.ts';
import type { ResolvedWorkQuery } from '../../src/search/types.ts';

let seed = 7;
const rand = (): number => {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return seed / 2 ** 32;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const int = (n: number): number => Math.floor(rand() * n);

const TAGS = 60;
const typeOf = (tagId: number): number => tagId % TAG_TYPES.length;
const TITLES = ['The Zebra', 'an Apple', 'apple', '"Quoted"', '10 Days', '2 Days', 'Émile', '日本', 'zebra', 'Zebra'];

function randomRow(id: number): DiscoveryRow {
  const tags = new Set<number>();
  // Skewed: low tag ids are common, so some get bitsets.
  for (let i = 0, n = 1 + int(8); i < n; i++) tags.add(1 + Math.floor(rand() ** 2 * TAGS));
  const posted = 1_700_000_000 + int(1000) * 3600;
  return {
    id,
    title: pick(TITLES) + (rand() < 0.5 ? ` ${int(5)}` : ''),
    language: pick(['en', 'en', 'fr', 'zh']),
    restricted: rand() < 0.3,
    anonymous: rand() < 0.2,
    complete: rand() < 0.5,
    crossover: rand() < 0.2,
    expectedChapters: pick([1, null, 3]),
    wordCount: int(5000),
    hits: int(100),
    kudos: int(20),
    comments: int(5),
    bookmarks: int(5),
    postedAt: posted,
    revisedAt: posted + int(100) * 60,
    creatorName: pick(['alice', 'Bob', '_carol', null]),
    filterTagIds: [...tags],
  };
}

function randomQuery(rows: Map<number, DiscoveryRow>, tagIds: readonly number[] = []): { q: ResolvedWorkQuery; creatorWorkIds: number[] | null } {
  const tag = (): number => (tagIds.length > 0 && rand() < 0.5 ? pick(tagIds) : 1 + Math.floor(rand() ** 2 * TAGS));
  const q: ResolvedWorkQuery = {
    scope: { includeRestricted: rand() < 0.5 },
    includeTagIds: rand() < 0.6 ? Array.from({ length: 1 + int(2) }, tag) : [],
    excludeTagIds: rand() < 0.4 ? [rand() < 0.5 ? tag() : 1 + int(TAGS + 5)] : [],
    matchesNothing: false,
    sort: pick(SORT_KEYS),
    order: rand() < 0.5 ? 'asc' : 'desc',
  };
  if (rand() < 0.2) q.crossover = pick(['include', 'exclude', 'only'] as const);
  if (rand() < 0.2) q.complete = rand() < 0.5;
  if (rand() < 0.15) q.singleChapter = true;
  if (rand() < 0.15) q.language = pick(['en', 'fr', 'de']);
  if (rand() < 0.2) q.words = { min: int(2000), ...(rand() < 0.5 ? { max: 2000 + int(3000) } : {}) };
  if (rand() < 0.15) q.kudos = { max: int(20) };
  if (rand() < 0.15) q.posted = { from: new Date((1_700_000_000 + int(1000) * 3600) * 1000).toISOString() };
  if (rand() < 0.15) q.updated = { to: new Date((1_700_000_000 + int(1000) * 3600) * 1000).toISOString() };
  if (rand() < 0.15) q.textScores = new Map([...rows.keys()].filter(() => rand() < 0.3).map((id) => [id, int(4)]));
  let creatorWorkIds: number[] | null = null;
  if (rand() < 0.15) {
    q.creatorUserId = 1;
    q.includeAnonymous = rand() < 0.5;
    creatorWorkIds = [...rows.keys()].filter(() => rand() < 0.3);
  }
  return { q, creatorWorkIds };
}

const inRange = (v: number, r: { min?: number; max?: number } | undefined): boolean => !r || ((r.min ?? -Infinity) <= v && v <= (r.max ?? Infinity));
const inDates = (v: number, r: { from?: string; to?: string } | undefined): boolean =>
  !r || ((r.from === undefined || v >= Date.parse(r.from) / 1000) && (r.to === undefined || v <= Date.parse(r.to) / 1000));

function modelMatches(rows: Map<number, DiscoveryRow>, q: ResolvedWorkQuery, creatorWorkIds: number[] | null): DiscoveryRow[] {
  return [...rows.values()].filter(
    (r) =>
      (q.scope.includeRestricted || !r.restricted) &&
      q.includeTagIds.every((t) => r.filterTagIds.includes(t)) &&
      !q.excludeTagIds.some((t) => r.filterTagIds.includes(t)) &&
      (q.crossover !== 'exclude' || !r.crossover) &&
      (q.crossover !== 'only' || r.crossover) &&
      (q.complete === undefined || r.complete === q.complete) &&
      (!q.singleChapter || r.expectedChapters === 1) &&
      (q.language === undefined || r.language === q.language) &&
      inRange(r.wordCount, q.words) &&
      inRange(r.kudos, q.kudos) &&
      inDates(r.postedAt, q.posted) &&
      inDates(r.revisedAt, q.updated) &&
      (!q.textScores || q.textScores.has(r.id)) &&
      (!creatorWorkIds || (creatorWorkIds.includes(r.id) && (q.includeAnonymous || !r.anonymous))),
  );
}

const keyCache = new Map<string, Buffer>();
const keyOf = (text: string): Buffer => {
  let key = keyCache.get(text);
  if (!key) keyCache.set(text, (key = Buffer.from(keyBytes(text))));
  return key;
};

function modelOrder(rows: DiscoveryRow[], q: ResolvedWorkQuery): number[] {
  const value = (r: DiscoveryRow, sort: SortKey): number | Buffer => {
    switch (sort) {
      case 'best':
        return q.textScores ? (q.textScores.get(r.id) ?? 0) : r.revisedAt;
      case 'title':
        return keyOf(titleSortKey(r.title));
      case 'creator':
        return keyOf(creatorSortKey(r.creatorName, r.anonymous));
      case 'posted':
        return r.postedAt;
      case 'updated':
        return r.revisedAt;
      case 'words':
        return r.wordCount;
      case 'hits':
        return r.hits;
      case 'kudos':
        return r.kudos;
      case 'comments':
        return r.comments;
      case 'bookmarks':
        return r.bookmarks;
    }
  };
  const sign = q.order === 'desc' ? -1 : 1;
  return rows
    .map((r) => ({ id: r.id, v: value(r, q.sort) }))
    .sort((a, b) => {
      const c = typeof a.v === 'number' ? a.v - (b.v as number) : Buffer.compare(a.v, b.v as Buffer);
      return sign * (c || a.id - b.id);
    })
    .map((r) => r.id);
}

function modelFacets(rows: DiscoveryRow[], perType: number): string {
  const counts = new Map<number, number>();
  for (const r of rows) for (const t of r.filterTagIds) counts.set(t, (counts.get(t) ?? 0) + 1);
  const names = new Map([...counts.keys()].map((id) => [id, `tag ${id}`]));
  const candidates = [...counts].map(([tagId, count]) => ({ tagId, count, type: TAG_TYPES[typeOf(tagId)]! }));
  return JSON.stringify(finishFacets(candidates, names, perType));
}

function check(store: DiscoveryStore, rows: Map<number, DiscoveryRow>, queries: number, tagIds: readonly number[] = []): void {
  for (let i = 0; i < queries; i++) {
    const { q, creatorWorkIds } = randomQuery(rows, tagIds);
    checkOne(store, rows, q, creatorWorkIds);
  }
  // Queries most works pass, whose facets are counted over the works that fail (with and
  // without restricted works in scope): excluding rare tags, small ranges.
  for (const includeRestricted of [false, true]) {
    for (let tag = TAGS - 20; tag <= TAGS; tag += 5) {
      const base: ResolvedWorkQuery = { scope: { includeRestricted }, includeTagIds: [], excludeTagIds: [tag], matchesNothing: false, sort: 'hits', order: 'desc' };
      checkOne(store, rows, base, null);
      checkOne(store, rows, { ...base, excludeTagIds: [], words: { min: 50 * (tag - TAGS + 21) } }, null);
    }
    // Most works named by full-text scores or by the creator filter.
    const base: ResolvedWorkQuery = { scope: { includeRestricted }, includeTagIds: [], excludeTagIds: [], matchesNothing: false, sort: 'best', order: 'desc' };
    const most = [...rows.keys()].filter(() => rand() < 0.9);
    checkOne(store, rows, { ...base, textScores: new Map(most.map((id) => [id, int(3)])) }, null);
    checkOne(store, rows, { ...base, creatorUserId: 1, includeAnonymous: true }, most);
  }
}

function checkOne(store: DiscoveryStore, rows: Map<number, DiscoveryRow>, q: ResolvedWorkQuery, creatorWorkIds: number[] | null): void {
  const matches = modelMatches(rows, q, creatorWorkIds);
  const expected = modelOrder(matches, q);
  const limit = 1 + int(15);
  const offset = rand() < 0.5 ? int(expected.length + 2) : 0;
  const perType = 1 + int(4);
  const page = runQuery(store, q, { limit, offset, facetsPerType: perType }, creatorWorkIds);
  const scores = q.textScores;
  const context = JSON.stringify({ ...q, textScores: scores ? Array.from(scores.keys(), (id) => [id, scores.get(id)]) : undefined, limit, offset });
  assert.equal(page.total, matches.length, `total for ${context}`);
  assert.deepEqual(page.ids, expected.slice(offset, offset + limit), `page for ${context}`);
  assert.equal(page.next !== null, offset + limit < expected.length, `next for ${context}`);
  const names = new Map(page.facets.map((f) => [f.tagId, `tag ${f.tagId}`]));
  assert.equal(JSON.stringify(finishFacets(page.facets, names, perType)), modelFacets(matches, perType), `facets for ${context}`);
  // Walking the cursor from the first page reaches every match once, in order.
  if (expected.length > 500) return;
  const walked: number[] = [];
  let cursor: string | null = null;
  do {
    const next = runQuery(store, q, { limit: 7, cursor, facetsPerType: 0 }, creatorWorkIds);
    walked.push(...next.ids);
    cursor = next.next;
  } while (cursor);
  assert.deepEqual(walked, expected, `cursor walk for ${context}`);
}

function buildStore(rows: Map<number, DiscoveryRow>, maxTagId = TAGS + 5): DiscoveryStore {
  const store = new DiscoveryStore({ bitsetMinPostings: 8 });
  for (const row of rows.values()) store.append(row);
  for (let id = 1; id <= maxTagId; id++) store.setTagType(id, typeOf(id));
  store.finishBuild();
  return store;
}

describe('discovery store against a brute-force model', () => {
  it('answers random queries like the model, after edits and after compaction', () => {
    const rows = new Map<number, DiscoveryRow>();
    for (let id = 1; id <= 400; id++) rows.set(id, randomRow(id));
    const store = buildStore(rows);
    check(store, rows, 150);

    // Edits as a refresh applies them: new works, moved filter sets, counters, removals.
    let nextId = 401;
    for (let i = 0; i < 300; i++) {
      const roll = rand();
      const id = pick([...rows.keys()]);
      const slot = store.slotOf(id);
      if (roll < 0.25) {
        const row = randomRow(nextId++);
        rows.set(row.id, row);
        store.append(row);
      } else if (roll < 0.5) {
        const row = { ...randomRow(id), filterTagIds: rows.get(id)!.filterTagIds };
        rows.set(id, row);
        store.update(slot, row);
      } else if (roll < 0.75) {
        const row = randomRow(id);
        rows.set(id, row);
        store.kill(slot);
        store.append(row);
      } else {
        rows.delete(id);
        store.kill(slot);
      }
    }
    for (let id = 1; id <= TAGS + 5; id++) store.setTagType(id, typeOf(id));
    assert.ok(store.deadCount > 0);
    check(store, rows, 150);

    store.compact();
    assert.equal(store.deadCount, 0);
    check(store, rows, 150);
  });

  it('handles tags and gaps past 16 bits (two-unit entries, the long tail of facets)', () => {
    // 40,000 works, each with one tag of its own: more than 32,768 distinct tags, so the rarest
    // have two-unit dense ids; tag 999 on the first and last works makes a two-unit gap.
    const rows = new Map<number, DiscoveryRow>();
    const N = 34_000;
    for (let id = 1; id <= N; id++) {
      const row = randomRow(id);
      row.filterTagIds = [...new Set([...row.filterTagIds.slice(0, 2), 1000 + id, ...(id === 1 || id === N ? [999] : [])])];
      rows.set(id, row);
    }
    const store = buildStore(rows, 1000 + N);
    assert.ok(store.tags.tagCount > 32_768);
    const rare = [999, 1001, 1000 + N, 1000 + N - 1, 20_000, 35_000];
    check(store, rows, 15, rare);
    for (const id of [1, N]) {
      const slot = store.slotOf(id);
      const row = { ...rows.get(id)!, filterTagIds: [999, 5, 1000 + N + id] };
      rows.set(id, row);
      store.kill(slot);
      store.append(row);
    }
    for (let id = 1000 + N; id <= 1000 + 2 * N; id++) store.setTagType(id, typeOf(id));
    check(store, rows, 15, [...rare, 1000 + N + 1]);
  });

  it('never answers from a facet cache the store has outdated', () => {
    const rows = new Map<number, DiscoveryRow>();
    for (let id = 1; id <= 200; id++) rows.set(id, randomRow(id));
    const store = buildStore(rows);
    const base: ResolvedWorkQuery = { scope: { includeRestricted: true }, includeTagIds: [], excludeTagIds: [], matchesNothing: false, sort: 'kudos', order: 'desc' };
    const facetsOf = (q: ResolvedWorkQuery): string => {
      const page = runQuery(store, q, { limit: 1, facetsPerType: 3 }, null);
      return JSON.stringify(finishFacets(page.facets, new Map(page.facets.map((f) => [f.tagId, `tag ${f.tagId}`])), 3));
    };
    const expected = (q: ResolvedWorkQuery): string => modelFacets(modelMatches(rows, q, null), 3);
    for (let round = 0; round < 40; round++) {
      const q = rand() < 0.5 ? { ...base, kudos: { min: 10 } } : { ...base, words: { max: 2500 }, includeTagIds: [1 + int(4)] };
      assert.equal(facetsOf(q), expected(q));
      const id = pick([...rows.keys()]);
      const slot = store.slotOf(id);
      const row = rows.get(id)!;
      if (rand() < 0.5) {
        const counters = { id, hits: row.hits, kudos: int(20), comments: row.comments, bookmarks: row.bookmarks };
        rows.set(id, { ...row, kudos: counters.kudos });
        store.setCounters(slot, counters);
      } else {
        const changed = { ...row, wordCount: int(5000) };
        rows.set(id, changed);
        store.update(slot, changed);
      }
      assert.equal(facetsOf(q), expected(q), `round ${round}`);
    }
  });

  it('rejects malformed cursors and cursors of another sort', () => {
    const rows = new Map<number, DiscoveryRow>();
    for (let id = 1; id <= 30; id++) rows.set(id, randomRow(id));
    const store = buildStore(rows);
    const q: ResolvedWorkQuery = { scope: { includeRestricted: true }, includeTagIds: [], excludeTagIds: [], matchesNothing: false, sort: 'kudos', order: 'desc' };
    const first = runQuery(store, q, { limit: 5, facetsPerType: 0 }, null);
    assert.ok(first.next);
    for (const bad of ['', 'not a cursor!', 'e30', Buffer.from('[1,"kudos","desc","x",3]').toString('base64url'), Buffer.from('[1,"kudos","desc",3,-1]').toString('base64url')]) {
      assert.throws(() => runQuery(store, q, { limit: 5, cursor: bad || 'x'.repeat(1000), facetsPerType: 0 }, null), { code: 'invalid' }, bad);
    }
    assert.throws(() => runQuery(store, { ...q, sort: 'hits' }, { limit: 5, cursor: first.next, facetsPerType: 0 }, null), { code: 'invalid' });
    assert.throws(() => runQuery(store, { ...q, order: 'asc' }, { limit: 5, cursor: first.next, facetsPerType: 0 }, null), { code: 'invalid' });
  });
});
