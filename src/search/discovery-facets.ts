// Facets of the discovery index: AO3's "Filters" sidebar, the most frequent filter tags of each
// type among all matching works.
//
// Counting is one increment per filter tag of each match (countFacets, cheapest parts first).
// When most works in scope match, the works that do not are counted instead and subtracted from
// the per-tag totals the index keeps (facetsOf); when all match, the totals are the answer. Recent
// results are cached per query until the store changes (cachedFacets). Ties are ordered by name,
// and names are read fresh from the database for the shown tags only, so the cut at `perType`
// needs every tag tied at the cut-off count: the candidates include those, finishFacets orders
// and cuts.
import { TAG_TYPES, type TagType } from '../domain/tag-types.ts';
import type { FacetCount, ResolvedWorkQuery } from './types.ts';
import { LIVE, RESTRICTED, UNKNOWN_TYPE } from './discovery-flags.ts';
import { setBits } from './discovery-postings.ts';
import type { DiscoveryStore } from './discovery-store.ts';
import { HEAD, type TagIndex } from './discovery-tags.ts';

export interface FacetCandidate {
  tagId: number;
  type: TagType;
  count: number;
}

/**
 * Facet candidates for the works in slots[0..n): tags whose count reaches the `perType`-th
 * highest count of their type (ties at the cut included). With `totals`, the listed slots are
 * the in-scope works that do not match, and a tag's count is totals[d] minus its count there.
 *
 * Dense ids are numbered most used first, so the head (the first HEAD ids) holds nearly every
 * popular tag and fits in cache; the long tail of rarely used tags is where counting costs
 * cache misses. The head is counted first; the tail only for types whose cut-off a tail tag
 * could still reach (TagIndex.tailBound) — for a large result set, none.
 */
export function countFacets(
  tags: TagIndex,
  slots: Uint32Array,
  n: number,
  perType: number,
  totals: Int32Array | null,
  counts: Int32Array,
  touched: Uint32Array,
): FacetCandidate[] {
  const T = tags.tagCount;
  const types = tags.types;
  const headEnd = Math.min(T, HEAD);
  const pick = new Picker(perType);
  counts.fill(0, 0, headEnd);
  // A few works touch few tags: list those rather than scanning the whole head afterwards.
  const few = !totals && n * 32 < headEnd;
  const k = tags.countHead(slots, n, counts, few ? touched : null);
  for (let i = 0, end = few ? k : headEnd; i < end; i++) {
    const d = few ? touched[i]! : i;
    const c = totals ? totals[d]! - counts[d]! : counts[d]!;
    const t = types[d]!;
    if (c > 0 && t !== UNKNOWN_TYPE && c >= pick.floor[t]!) pick.consider(d, c, t);
  }
  let need = 0;
  if (T > HEAD) for (let t = 0; t < TAG_TYPES.length; t++) if (tags.tailBound[t]! >= pick.floor[t]!) need |= 1 << t;
  if (need !== 0) {
    counts.fill(0, HEAD, T);
    if (totals) {
      tags.countTail(slots, n, counts, need, null);
      for (let d = HEAD; d < T; d++) {
        const t = types[d]!;
        if (!((1 << t) & need)) continue;
        const c = totals[d]! - counts[d]!;
        if (c > 0 && c >= pick.floor[t]!) pick.consider(d, c, t);
      }
    } else {
      const k = tags.countTail(slots, n, counts, need, touched);
      for (let i = 0; i < k; i++) {
        const d = touched[i]!;
        const c = counts[d]!;
        const t = types[d]!;
        if (c >= pick.floor[t]!) pick.consider(d, c, t);
      }
    }
  }
  return pick.result(tags);
}

/**
 * Per type: the perType highest counts so far (descending) and the lowest of them once there
 * are perType (`floor`: a smaller count cannot make the list). Every tag that reached the floor
 * when seen is kept; the final floor is applied at the end, keeping ties.
 */
class Picker {
  readonly floor = new Int32Array(TAG_TYPES.length).fill(1);
  private readonly best: number[][] = TAG_TYPES.map(() => []);
  private readonly seen: number[] = [];
  private readonly perType: number;

  constructor(perType: number) {
    this.perType = perType;
  }

  consider(d: number, c: number, t: number): void {
    const top = this.best[t]!;
    const perType = this.perType;
    this.seen.push(d, c);
    if (top.length === perType && c === top[perType - 1]!) return;
    let i = top.length;
    while (i > 0 && top[i - 1]! < c) i--;
    top.splice(i, 0, c);
    if (top.length > perType) top.pop();
    if (top.length === perType) this.floor[t] = top[perType - 1]!;
  }

  result(tags: TagIndex): FacetCandidate[] {
    const out: FacetCandidate[] = [];
    for (let i = 0; i < this.seen.length; i += 2) {
      const d = this.seen[i]!;
      const c = this.seen[i + 1]!;
      const t = tags.types[d]!;
      if (c >= this.floor[t]!) out.push({ tagId: tags.tagIds[d]!, type: TAG_TYPES[t]!, count: c });
    }
    return out;
  }
}

function byName(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Per type (in TAG_TYPES order): count descending, then name; at most `perType` each. */
export function finishFacets(candidates: readonly FacetCandidate[], names: ReadonlyMap<number, string>, perType: number): FacetCount[] {
  const out: FacetCount[] = [];
  for (const type of TAG_TYPES) {
    const ofType: FacetCount[] = [];
    for (const c of candidates) {
      const name = names.get(c.tagId);
      // A tag deleted since the index loaded it has no name: leave it out.
      if (c.type === type && name !== undefined) ofType.push({ type, tagId: c.tagId, name, count: c.count });
    }
    ofType.sort((a, b) => b.count - a.count || byName(a.name, b.name));
    out.push(...ofType.slice(0, perType));
  }
  return out;
}

/** Above this share of live works matching, facets are counted over the non-matches. */
const COMPLEMENT_SHARE = 0.6;

/** Facets of a whole scope (the unfiltered listing), kept until the per-tag totals change. */
const wholeScopeFacets = new WeakMap<DiscoveryStore, { key: string; facets: FacetCandidate[] }>();

/**
 * Recent facet lists by query, for the listings many readers open (a popular tag's works page):
 * counting facets over 100,000 matches is the costly part of a query. An entry is used only while
 * the store has not changed in a way that could change the matches (counters count only for
 * queries with a counter range, as hits change all the time).
 */
const FACET_CACHE_SIZE = 64;
const facetCache = new WeakMap<DiscoveryStore, Map<string, { version: string; facets: FacetCandidate[] }>>();

function facetCacheKey(q: ResolvedWorkQuery, perType: number): string | null {
  // Text scores and creator lists come from outside the store: not worth a key.
  if (q.textScores || q.creatorUserId !== undefined) return null;
  const sorted = (ids: readonly number[]) => [...new Set(ids)].sort((a, b) => a - b);
  return JSON.stringify([
    q.scope.includeRestricted, sorted(q.includeTagIds), sorted(q.excludeTagIds), q.crossover, q.complete, q.singleChapter, q.language,
    q.words, q.hits, q.kudos, q.comments, q.bookmarks, q.posted, q.updated, perType,
  ]);
}

/** `compute()`, unless an equal query was answered since the store last changed. */
export function cachedFacets(store: DiscoveryStore, q: ResolvedWorkQuery, perType: number, compute: () => FacetCandidate[]): FacetCandidate[] {
  const key = facetCacheKey(q, perType);
  if (key === null) return compute();
  const counters = q.hits || q.kudos || q.comments || q.bookmarks ? store.counterVersion : -1;
  const version = `${store.version}:${counters}`;
  let cache = facetCache.get(store);
  if (!cache) facetCache.set(store, (cache = new Map()));
  const hit = cache.get(key);
  cache.delete(key);
  if (hit?.version === version) {
    cache.set(key, hit);
    return hit.facets;
  }
  const facets = compute();
  cache.set(key, { version, facets });
  if (cache.size > FACET_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return facets;
}

/**
 * Facet candidates of the matches `matches[0..m)` of `q`: directly, by complement, or the totals.
 * `rejected` lists the in-scope works that do not match, when the filter pass collected them.
 */
export function facetsOf(
  store: DiscoveryStore,
  q: ResolvedWorkQuery,
  matches: Uint32Array,
  m: number,
  scratch: { counts: Int32Array; touched: Uint32Array },
  perType: number,
  rejected: { slots: Uint32Array; n: number } | null,
): FacetCandidate[] {
  const { tags, flags } = store;
  const all = q.scope.includeRestricted;
  const scopeLive = all ? store.liveCount : store.publicLiveCount;
  const totals = all ? tags.countAll : tags.countPublic;
  const { counts, touched } = scratch;
  if (m <= scopeLive * COMPLEMENT_SHARE) return countFacets(tags, matches, m, perType, null, counts, touched);
  if (m === scopeLive) {
    const key = `${tags.countsVersion}:${all}:${perType}`;
    const cached = wholeScopeFacets.get(store);
    if (cached?.key === key) return cached.facets;
    const facets = countFacets(tags, matches, 0, perType, totals, counts, touched);
    wholeScopeFacets.set(store, { key, facets });
    return facets;
  }
  // Most works match: count the others and subtract them from the scope's totals.
  if (rejected) return countFacets(tags, rejected.slots, rejected.n, perType, totals, counts, touched);
  const isMatch = new Uint32Array(Math.ceil(store.slotCount / 32));
  setBits(isMatch, matches.subarray(0, m));
  const others = new Uint32Array(scopeLive - m);
  let k = 0;
  const scopeMask = all ? LIVE : LIVE | RESTRICTED;
  for (let s = 0; s < store.slotCount && k < others.length; s++) {
    if ((flags[s]! & scopeMask) !== LIVE) continue;
    if (isMatch[s >>> 5]! & (1 << (s & 31))) continue;
    others[k++] = s;
  }
  return countFacets(tags, others, k, perType, totals, counts, touched);
}
