// Running one ResolvedWorkQuery against the discovery store, synchronously (no await between
// reading the arrays and producing the page, so a refresh can never interleave):
//
// 1. Candidates: the works named by full-text scores or by the creator filter; else the postings
//    of the rarest included tag (or the AND of the included bitsets when every included tag is
//    a popular one); else every slot.
// 2. Checks per candidate, cheapest first: flags byte (live, scope, complete, crossover, single
//    chapter, anonymous), language, included/excluded tags as bitsets (sparse tags' postings are
//    copied into a bitset first: they are short by definition), then numeric and date ranges.
// 3. Facets: one increment per filter tag of each match; when most live works match, counting
//    the works that do not match and subtracting from the per-tag totals the index keeps is
//    cheaper (the unfiltered archive listing costs nothing).
// 4. Order and page: a sort key per match, then discovery-select.ts picks the page.
import type { DiscoveryStore } from './discovery-store.ts';
import type { DiscoveryRequest, ResolvedWorkQuery, TextScores } from './types.ts';
import { ANONYMOUS, COMPLETE, CROSSOVER, LIVE, RESTRICTED, SINGLE_CHAPTER } from './discovery-flags.ts';
import { decodeCursor, encodeCursor, keyedByText } from './discovery-cursor.ts';
import { cachedFacets, facetsOf, type FacetCandidate } from './discovery-facets.ts';
import { bitsToSlots, setBits } from './discovery-postings.ts';
import { selectPage, selectShallowPage } from './discovery-select.ts';
import { Invalid } from '../domain/errors.ts';
import type { DateRange, NumberRange } from '../domain/work-query.ts';

export interface RawPage {
  ids: number[];
  total: number;
  next: string | null;
  /** Facet candidates (ties at the cut included); names are added by the caller. */
  facets: FacetCandidate[];
}

interface RangeCheck {
  col: Uint32Array | Float64Array;
  min: number;
  max: number;
}

interface Scratch {
  matches: Uint32Array;
  keys: Float64Array;
  counts: Int32Array;
  /** Tags whose facet count left zero (dense ids). */
  touched: Uint32Array;
  /** In-scope works a full pass rejected: facets by complement need them. */
  others: Uint32Array;
}

const scratchByStore = new WeakMap<DiscoveryStore, Scratch>();

function scratchFor(store: DiscoveryStore): Scratch {
  let s = scratchByStore.get(store);
  const slots = store.slotCount;
  const tags = store.tags.tagCount;
  if (!s || s.matches.length < slots || s.counts.length < tags) {
    const cap = Math.ceil(Math.max(slots, 1024) * 1.25);
    const tagCap = Math.ceil(Math.max(tags, 256) * 1.25);
    s = {
      matches: new Uint32Array(cap),
      keys: new Float64Array(cap),
      counts: new Int32Array(tagCap),
      touched: new Uint32Array(tagCap),
      others: new Uint32Array(cap),
    };
    scratchByStore.set(store, s);
  }
  return s;
}

/** Bytes of the per-store scratch arrays queries reuse (part of the index's footprint). */
export function scratchBytes(store: DiscoveryStore): number {
  const s = scratchByStore.get(store);
  return s ? s.matches.byteLength + s.keys.byteLength + s.counts.byteLength + s.touched.byteLength + s.others.byteLength : 0;
}

const EMPTY: RawPage = { ids: [], total: 0, next: null, facets: [] };

function slotsOfWorks(store: DiscoveryStore, workIds: Iterable<number>, size: number): Uint32Array {
  const out = new Uint32Array(size);
  let n = 0;
  for (const id of workIds) {
    const s = store.slotOf(id);
    if (s >= 0) out[n++] = s;
  }
  return out.subarray(0, n);
}

function numberRange(col: Uint32Array, range: NumberRange | undefined, out: RangeCheck[]): void {
  if (!range || (range.min === undefined && range.max === undefined)) return;
  out.push({ col, min: range.min ?? -Infinity, max: range.max ?? Infinity });
}

function epochSeconds(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Invalid(`Not a date: ${iso}`);
  return ms / 1000;
}

function dateRange(col: Float64Array, range: DateRange | undefined, out: RangeCheck[]): void {
  if (!range || (range.from === undefined && range.to === undefined)) return;
  out.push({ col, min: range.from === undefined ? -Infinity : epochSeconds(range.from), max: range.to === undefined ? Infinity : epochSeconds(range.to) });
}

export function runQuery(store: DiscoveryStore, q: ResolvedWorkQuery, req: DiscoveryRequest, creatorWorkIds: readonly number[] | null): RawPage {
  // Decoding first: a malformed cursor is an error even when nothing matches.
  const cursor = req.cursor ? decodeCursor(req.cursor, q.sort, q.order) : null;
  if (q.matchesNothing) return EMPTY;
  const { tags } = store;
  const words = Math.ceil(store.slotCount / 32);
  const scopeCounts = q.scope.includeRestricted ? tags.countAll : tags.countPublic;

  // ---- flags, language, ranges
  let mask = LIVE;
  let want = LIVE;
  if (!q.scope.includeRestricted) mask |= RESTRICTED;
  if (q.complete !== undefined) {
    mask |= COMPLETE;
    if (q.complete) want |= COMPLETE;
  }
  if (q.crossover === 'exclude' || q.crossover === 'only') {
    mask |= CROSSOVER;
    if (q.crossover === 'only') want |= CROSSOVER;
  }
  if (q.singleChapter) {
    mask |= SINGLE_CHAPTER;
    want |= SINGLE_CHAPTER;
  }
  if (q.creatorUserId !== undefined && !q.includeAnonymous) mask |= ANONYMOUS;
  const lang = q.language === undefined ? -1 : store.languageIndex(q.language);
  if (q.language !== undefined && lang < 0) return EMPTY;
  const ranges: RangeCheck[] = [];
  numberRange(store.words, q.words, ranges);
  numberRange(store.hits, q.hits, ranges);
  numberRange(store.kudos, q.kudos, ranges);
  numberRange(store.comments, q.comments, ranges);
  numberRange(store.bookmarks, q.bookmarks, ranges);
  dateRange(store.posted, q.posted, ranges);
  dateRange(store.revised, q.updated, ranges);

  // ---- candidates and tag checks
  const include = [...new Set(q.includeTagIds)].map((id) => tags.denseOf(id));
  if (include.some((d) => d < 0 || scopeCounts[d]! <= 0)) return EMPTY;
  let source: Uint32Array | null = null;
  if (q.textScores) source = slotsOfWorks(store, q.textScores.keys(), q.textScores.size);
  if (creatorWorkIds) {
    const bySlot = slotsOfWorks(store, creatorWorkIds, creatorWorkIds.length);
    if (source) {
      const keep = new Set(bySlot);
      source = source.filter((s) => keep.has(s));
    } else source = bySlot;
  }
  const checks: Uint32Array[] = [];
  let rest = include;
  /** Candidates as a bitset (every included tag has one): walked without listing them first. */
  let sourceBits: Uint32Array | null = null;
  if (!source && include.length > 0) {
    const sparse = include.filter((d) => !tags.bitset(d));
    if (sparse.length > 0) {
      const primary = sparse.reduce((a, b) => (scopeCounts[b]! < scopeCounts[a]! ? b : a));
      source = tags.sparsePostings(primary);
      rest = include.filter((d) => d !== primary);
    } else {
      const acc = tags.bitset(include[0]!)!.slice(0, words);
      for (const d of include.slice(1)) {
        const b = tags.bitset(d)!;
        for (let w = 0; w < words; w++) acc[w]! &= b[w]!;
      }
      sourceBits = acc;
      rest = [];
    }
  }
  for (const d of rest) {
    const own = tags.bitset(d);
    if (own) checks.push(own);
    else {
      const bits = new Uint32Array(words);
      setBits(bits, tags.sparsePostings(d));
      checks.push(bits);
    }
  }
  let exclude: Uint32Array | null = null;
  for (const id of new Set(q.excludeTagIds)) {
    const d = tags.denseOf(id);
    if (d < 0) continue;
    exclude ??= new Uint32Array(words);
    const own = tags.bitset(d);
    if (own) for (let w = 0; w < words; w++) exclude[w]! |= own[w]!;
    else setBits(exclude, tags.sparsePostings(d));
  }

  // ---- the filter pass
  const scratch = scratchFor(store);
  const matches = scratch.matches;
  const { flags } = store;
  let m = 0;
  /** With every slot as candidate, the in-scope rejects (the complement of the matches). */
  let rejected: { slots: Uint32Array; n: number } | null = null;
  if (lang < 0 && !exclude && checks.length === 0 && ranges.length === 0) {
    // Only the flags byte to test (the unfiltered listing, a tag page): a tight loop.
    if (sourceBits) {
      for (let w = 0; w < words; w++) {
        for (let x = sourceBits[w]!; x !== 0; x &= x - 1) {
          const s = (w << 5) | (31 - Math.clz32(x & -x));
          if ((flags[s]! & mask) === want) matches[m++] = s;
        }
      }
    } else if (source) {
      for (let k = 0; k < source.length; k++) if ((flags[source[k]!]! & mask) === want) matches[m++] = source[k]!;
    } else {
      for (let s = 0, n = store.slotCount; s < n; s++) if ((flags[s]! & mask) === want) matches[m++] = s;
    }
  } else {
    if (sourceBits) source = bitsToSlots(sourceBits, words);
    const scopeMask = q.scope.includeRestricted ? LIVE : LIVE | RESTRICTED;
    const others = source ? null : scratch.others;
    const [kept, dropped] = filterPass(store, source, mask, want, scopeMask, lang, exclude, checks, ranges, matches, others);
    m = kept;
    if (others) rejected = { slots: others, n: dropped };
  }

  const facets = req.facetsPerType > 0 && m > 0 ? cachedFacets(store, q, req.facetsPerType, () => facetsOf(store, q, matches, m, scratch, req.facetsPerType, rejected)) : [];
  return { ...page(store, q, req, matches, m, scratch.keys, cursor), total: m, facets };
}

/**
 * The general filter loop, cheapest tests first. Writes matches; with `others`, also the
 * candidates in scope that a filter rejected. Returns both counts.
 */
function filterPass(
  store: DiscoveryStore,
  source: Uint32Array | null,
  mask: number,
  want: number,
  scopeMask: number,
  lang: number,
  exclude: Uint32Array | null,
  checks: Uint32Array[],
  ranges: RangeCheck[],
  matches: Uint32Array,
  others: Uint32Array | null,
): [number, number] {
  const { flags } = store;
  const langCol = store.lang;
  const n = source ? source.length : store.slotCount;
  let m = 0;
  let o = 0;
  for (let k = 0; k < n; k++) {
    const s = source ? source[k]! : k;
    const f = flags[s]!;
    if ((f & mask) !== want) {
      if (others && (f & scopeMask) === LIVE) others[o++] = s;
      continue;
    }
    test: {
      if (lang >= 0 && langCol[s] !== lang) break test;
      const word = s >>> 5;
      const bit = 1 << (s & 31);
      if (exclude && exclude[word]! & bit) break test;
      for (let c = 0; c < checks.length; c++) if (!(checks[c]![word]! & bit)) break test;
      for (let r = 0; r < ranges.length; r++) {
        const range = ranges[r]!;
        const v = range.col[s]!;
        if (v < range.min || v > range.max) break test;
      }
      matches[m++] = s;
      continue;
    }
    if (others) others[o++] = s;
  }
  return [m, o];
}

/**
 * The column a sort reads, or the text scores for "best" with a full-text query. Returning the
 * array (not a per-slot function) keeps the key loop below free of calls.
 */
function sortColumn(store: DiscoveryStore, q: ResolvedWorkQuery): Uint32Array | Float64Array | TextScores {
  switch (q.sort) {
    case 'best':
      return q.textScores ?? store.revised;
    case 'title':
    case 'creator':
      return store.rankColumn(q.sort);
    case 'posted':
      return store.posted;
    case 'updated':
      return store.revised;
    case 'words':
      return store.words;
    case 'hits':
      return store.hits;
    case 'kudos':
      return store.kudos;
    case 'comments':
      return store.comments;
    case 'bookmarks':
      return store.bookmarks;
  }
}

function fillKeys(store: DiscoveryStore, column: ReturnType<typeof sortColumn>, sign: number, matches: Uint32Array, m: number, keys: Float64Array): void {
  if (column instanceof Float64Array) for (let i = 0; i < m; i++) keys[i] = sign * column[matches[i]!]!;
  else if (column instanceof Uint32Array) for (let i = 0; i < m; i++) keys[i] = sign * column[matches[i]!]!;
  else for (let i = 0; i < m; i++) keys[i] = sign * (column.get(store.workId[matches[i]!]!) ?? 0);
}

function page(
  store: DiscoveryStore,
  q: ResolvedWorkQuery,
  req: DiscoveryRequest,
  matches: Uint32Array,
  m: number,
  keys: Float64Array,
  cursor: ReturnType<typeof decodeCursor> | null,
): { ids: number[]; next: string | null } {
  const descending = q.order === 'desc';
  const sign = descending ? -1 : 1;
  const column = sortColumn(store, q);
  const limit = Math.max(0, Math.floor(req.limit));
  const offset = Math.max(0, Math.floor(req.offset ?? 0));
  // A cursor's position in sort-key space: title and creator keys are located among the ranks.
  const dict = q.sort === 'title' ? store.titles : store.creators;
  const after = cursor ? { value: keyedByText(q.sort) ? dict.locate(cursor.value as string) : (cursor.value as number), workId: cursor.workId } : null;
  const shallow =
    column instanceof Float64Array || column instanceof Uint32Array
      ? selectShallowPage(column, matches, m, store.workId, descending, offset, limit, after)
      : null;
  let n = m;
  if (!shallow) {
    fillKeys(store, column, sign, matches, m, keys);
    if (after) {
      const ck = sign * after.value;
      const cid = sign * after.workId;
      n = 0;
      for (let i = 0; i < m; i++) {
        const k = keys[i]!;
        const s = matches[i]!;
        if (k > ck || (k === ck && sign * store.workId[s]! > cid)) {
          keys[n] = k;
          matches[n++] = s;
        }
      }
    }
  }
  const picked = shallow ?? selectPage(keys, matches, n, store.workId, descending, offset, limit);
  const ids = picked.slots.map((s) => store.workId[s]!);
  const last = picked.slots.at(-1);
  let next: string | null = null;
  if (picked.more && last !== undefined) {
    const cursorValue =
      q.sort === 'title'
        ? store.titles.keyString(store.titleKey[last]!)
        : q.sort === 'creator'
          ? store.creators.keyString(store.creatorKey[last]!)
          : column instanceof Float64Array || column instanceof Uint32Array
            ? column[last]!
            : (column.get(store.workId[last]!) ?? 0);
    next = encodeCursor(q.sort, q.order, { value: cursorValue, workId: store.workId[last]! });
  }
  return { ids, next };
}
