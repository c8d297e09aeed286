// Title and creator order for the discovery index, held in little memory.
//
// Sort keys follow AO3's `title_to_sort_on` / `authors_to_sort_on` idea: lower-cased, leading
// punctuation and a leading English article dropped (so "The Long Way Home" files under L), a
// leading number padded so "2 Days" sorts before "10 Days"; anonymous works file under
// "anonymous". Keys are compared as UTF-8 bytes (code point order, the same on every database
// and locale), truncated to MAX_KEY_BYTES: titles equal that far are ordered by work id.
//
// SortKeyDict keeps each distinct key once, as UTF-8 bytes in one pool in key order, and gives
// each a rank: ranks order like the keys, so sorting a million works by title is a sort of
// integers. A work's slot holds only its key's rank (4 bytes), which is also how the key's text
// is found again (keyString), for cursors. The ranks of the pool are spread evenly over 2^32 —
// key i has rank (i + 1) * gap — so they need no array of their own. A key added later (a new
// work, a changed title) takes a free rank between its neighbours and waits in a short sorted
// side list; when a gap runs out or the list is full, pool and list are merged and every rank
// renumbered, and the holders of ranks translate theirs (the `renumbered` callback).
//
// At a million works that is about 20 bytes per distinct title and 4 per work, where a key id
// per work, a copy of its rank and an order array took 36.
import { inRanges, runSteps, sortInSteps, STEP, type Steps } from './discovery-slices.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const MAX_KEY_BYTES = 64;
/** Keys added since the last renumbering kept in a small sorted side list up to this many. */
const MAX_EXTRAS = 4096;
const RANK_SPACE = 2 ** 32;

const LEADING_NON_WORD = /^[^\p{L}\p{N}]+/u;
const ARTICLE = /^(?:the|an|a)\s+/;

export function titleSortKey(title: string): string {
  const lower = title.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  let key = lower.replace(LEADING_NON_WORD, '').replace(ARTICLE, '').replace(LEADING_NON_WORD, '');
  // Pad a leading number (up to 10 digits) so numbers sort by value, as AO3 pads to 5.
  key = key.replace(/^\d{1,10}(?!\d)/, (digits) => digits.padStart(10, '0'));
  // A title of only punctuation or symbols keeps them rather than sorting as empty.
  return key || lower;
}

export function creatorSortKey(name: string | null, anonymous: boolean): string {
  if (anonymous) return 'anonymous';
  if (name === null) return '';
  const lower = name.normalize('NFKC').toLowerCase();
  return lower.replace(LEADING_NON_WORD, '') || lower;
}

// One buffer for encoding keys (4 bytes per UTF-16 unit is enough; keys longer than that are cut).
const encodeBuffer = new Uint8Array(MAX_KEY_BYTES * 4 + 4);

/**
 * UTF-8 bytes of `key`, cut to MAX_KEY_BYTES at a character boundary. The result is a view of a
 * shared buffer, valid until the next call.
 */
export function keyBytes(key: string): Uint8Array {
  const { written } = encoder.encodeInto(key.length > MAX_KEY_BYTES ? key.slice(0, MAX_KEY_BYTES + 1) : key, encodeBuffer);
  let cut = written;
  if (cut > MAX_KEY_BYTES) {
    cut = MAX_KEY_BYTES;
    while (cut > 0 && (encodeBuffer[cut]! & 0xc0) === 0x80) cut--;
  }
  return encodeBuffer.subarray(0, cut);
}

/** Old handle (a rank, or a build id before sealing) → new rank. */
export type Translate = (handle: number) => number;

interface Extra {
  bytes: Uint8Array;
  rank: number;
}

/** Keys as added during a build: one entry per add(), in order, unsorted. */
class KeyPool {
  pool = new Uint8Array(1 << 16);
  used = 0;
  starts = new Uint32Array(1025);
  count = 0;

  append(bytes: Uint8Array): number {
    if (this.used + bytes.length > this.pool.length) {
      const grown = new Uint8Array(Math.max(this.pool.length * 2, this.used + bytes.length));
      grown.set(this.pool.subarray(0, this.used));
      this.pool = grown;
    }
    if (this.count + 2 > this.starts.length) {
      const grown = new Uint32Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    const id = this.count++;
    this.starts[id] = this.used;
    this.pool.set(bytes, this.used);
    this.used += bytes.length;
    this.starts[id + 1] = this.used;
    return id;
  }

  compare(a: number, b: number): number {
    return compareRanges(this.pool, this.starts[a]!, this.starts[a + 1]!, this.pool, this.starts[b]!, this.starts[b + 1]!);
  }

  bytes(): number {
    return this.pool.byteLength + this.starts.byteLength;
  }
}

function compareRanges(a: Uint8Array, as: number, ae: number, b: Uint8Array, bs: number, be: number): number {
  const n = Math.min(ae - as, be - bs);
  for (let k = 0; k < n; k++) {
    const d = a[as + k]! - b[bs + k]!;
    if (d !== 0) return d;
  }
  return ae - as - (be - bs);
}

export class SortKeyDict {
  /** Distinct keys in key order: key i is pool[starts[i] .. starts[i + 1]) with rank (i + 1) * gap. */
  private pool = new Uint8Array(0);
  private starts = new Uint32Array(1);
  private count = 0;
  private gap = RANK_SPACE;
  /** Keys interned since the pool was last rebuilt, in key (and so rank) order. */
  private extras: Extra[] = [];
  /** Build phase: keys as added; `sealSteps` sorts them into the pool. */
  private building: KeyPool | null = new KeyPool();
  private readonly renumbered: (translate: Translate) => Steps;
  /** Bumped whenever ranks are renumbered. */
  version = 0;

  /**
   * `renumbered` is called with old handle → new rank whenever the ranks handed out change; its
   * steps translate every rank held outside (a million at a million works, so in steps too).
   */
  constructor(renumbered: (translate: Translate) => Steps) {
    this.renumbered = renumbered;
  }

  /** Distinct keys (before sealing: keys added). */
  get size(): number {
    return this.building ? this.building.count : this.count + this.extras.length;
  }

  /** Build phase: stores a key as is and returns a build id; `sealSteps` turns build ids into ranks. */
  add(key: string): number {
    if (!this.building) throw new Error('SortKeyDict.add after sealing; use intern.');
    return this.building.append(keyBytes(key));
  }

  /**
   * Ends the build: orders the keys added, keeps each distinct key once and hands out ranks
   * (through `renumbered`, build id → rank).
   */
  *sealSteps(): Steps {
    const b = this.building;
    if (!b) return;
    const n = b.count;
    const ids = new Uint32Array(n);
    // A 6-byte big-endian prefix settles most comparisons without walking the pool.
    const prefix = new Float64Array(n);
    yield* inRanges(n, (from, to) => {
      for (let id = from; id < to; id++) {
        ids[id] = id;
        const s = b.starts[id]!;
        const e = b.starts[id + 1]!;
        let p = 0;
        for (let k = 0; k < 6; k++) p = p * 256 + (s + k < e ? b.pool[s + k]! + 1 : 0);
        prefix[id] = p;
      }
    });
    yield* sortInSteps(ids, (x, y) => prefix[x]! - prefix[y]! || b.compare(x, y));
    // Equal keys (titles repeat: "Untitled", "Drabbles") become one: the index of each build
    // id's key among the distinct ones, and the bytes those take.
    const distinctOf = new Uint32Array(n);
    let distinct = 0;
    let bytes = 0;
    yield* inRanges(n, (from, to) => {
      for (let k = from; k < to; k++) {
        const id = ids[k]!;
        if (k === 0 || prefix[ids[k - 1]!] !== prefix[id] || b.compare(ids[k - 1]!, id) !== 0) {
          distinct++;
          bytes += b.starts[id + 1]! - b.starts[id]!;
        }
        distinctOf[id] = distinct - 1;
      }
    });
    const pool = new Uint8Array(bytes);
    const starts = new Uint32Array(distinct + 1);
    let at = 0;
    yield* inRanges(n, (from, to) => {
      const src = b.pool;
      for (let k = from; k < to; k++) {
        const id = ids[k]!;
        const i = distinctOf[id]!;
        if (k > 0 && distinctOf[ids[k - 1]!] === i) continue;
        starts[i] = at;
        // Byte by byte: keys are short, and a view per key would be a million small objects.
        for (let x = b.starts[id]!, e = b.starts[id + 1]!; x < e; x++) pool[at++] = src[x]!;
      }
    });
    starts[distinct] = at;
    this.building = null;
    this.pool = pool;
    this.starts = starts;
    this.count = distinct;
    this.gap = gapFor(distinct);
    this.extras = [];
    this.version++;
    const gap = this.gap;
    yield* this.renumbered((id) => (distinctOf[id]! + 1) * gap);
  }

  /** The rank of `key`, added in a free rank between its neighbours when new. */
  intern(key: string): number {
    if (this.building) throw new Error('SortKeyDict.intern before sealing; use add.');
    const bytes = keyBytes(key);
    for (;;) {
      const found = this.locateBytes(bytes);
      if (found.equal >= 0) return found.equal;
      if (found.above - found.below >= 2 && this.extras.length < MAX_EXTRAS) {
        const rank = found.below + Math.floor((found.above - found.below) / 2);
        this.extras.splice(found.extrasIndex, 0, { bytes: bytes.slice(), rank });
        return rank;
      }
      runSteps(this.rebuildSteps(null));
    }
  }

  /**
   * Where `key` falls in rank space: its rank when present, otherwise a half-rank strictly
   * between its neighbours (keyset cursors whose work changed title still resume in place).
   */
  locate(key: string): number {
    const found = this.locateBytes(keyBytes(key));
    return found.equal >= 0 ? found.equal : found.below + 0.5;
  }

  /** The key text of a rank handed out by this dictionary. */
  keyString(rank: number): string {
    const i = this.indexFinder()(rank);
    if (i < 0) throw new Error(`No sort key has rank ${rank}.`);
    if (i < this.count) return decoder.decode(this.pool.subarray(this.starts[i]!, this.starts[i + 1]!));
    return decoder.decode(this.extras[i - this.count]!.bytes);
  }

  memoryBytes(): number {
    let extras = 0;
    for (const e of this.extras) extras += e.bytes.byteLength + 48;
    return this.pool.byteLength + this.starts.byteLength + extras + (this.building?.bytes() ?? 0);
  }

  /**
   * Rebuilds the pool from the keys whose rank `ranks[0..n)` holds (every key when `ranks` is
   * null), in key order with evenly spread ranks, and hands out the new ranks (`renumbered`).
   */
  *rebuildSteps(ranks: { ranks: Uint32Array; n: number } | null): Steps {
    const count = this.count;
    const extras = this.extras;
    const total = count + extras.length;
    const oldIndexOf = this.indexFinder();
    let keep: Uint8Array | null = null;
    if (ranks) {
      const k = new Uint8Array(total);
      const col = ranks.ranks;
      yield* inRanges(ranks.n, (from, to) => {
        for (let s = from; s < to; s++) {
          const i = oldIndexOf(col[s]!);
          if (i >= 0) k[i] = 1;
        }
      });
      keep = k;
    }
    // Walk pool and side list merged (both in key order): new index of every kept key.
    const newIndex = new Int32Array(total).fill(-1);
    let kept = 0;
    let bytes = 0;
    for (let i = 0, j = 0, walked = 0; i < count || j < extras.length; walked++) {
      const fromPool = j >= extras.length || (i < count && (i + 1) * this.gap < extras[j]!.rank);
      const at = fromPool ? i++ : count + j++;
      if (walked % STEP === STEP - 1) yield;
      if (keep && !keep[at]) continue;
      newIndex[at] = kept++;
      bytes += fromPool ? this.starts[at + 1]! - this.starts[at]! : extras[at - count]!.bytes.length;
    }
    const pool = new Uint8Array(bytes);
    const starts = new Uint32Array(kept + 1);
    // Lengths first, then offsets as their running sum, then the bytes: new indexes follow the
    // merged order, so each key's offset is the sum of the lengths of those before it.
    yield* inRanges(total, (from, to) => {
      for (let at = from; at < to; at++) {
        const i = newIndex[at]!;
        if (i >= 0) starts[i + 1] = at < count ? this.starts[at + 1]! - this.starts[at]! : extras[at - count]!.bytes.length;
      }
    });
    for (let i = 0; i < kept; i++) starts[i + 1]! += starts[i]!;
    yield;
    yield* inRanges(total, (from, to) => {
      const src = this.pool;
      for (let at = from; at < to; at++) {
        const i = newIndex[at]!;
        if (i < 0) continue;
        let w = starts[i]!;
        if (at < count) for (let x = this.starts[at]!, e = this.starts[at + 1]!; x < e; x++) pool[w++] = src[x]!;
        else pool.set(extras[at - count]!.bytes, w);
      }
    });
    // Translated with the old layout (oldIndexOf), then switched.
    const gap = gapFor(kept);
    this.pool = pool;
    this.starts = starts;
    this.count = kept;
    this.gap = gap;
    this.extras = [];
    this.version++;
    yield* this.renumbered((rank) => {
      const at = oldIndexOf(rank);
      const i = at >= 0 ? newIndex[at]! : -1;
      // A rank nobody holds any more (a dropped key) maps anywhere: its holder is dead.
      return (Math.max(0, i) + 1) * gap;
    });
  }

  /**
   * rank → index among pool (0 .. count) then side list (count ..), or -1, for the current
   * layout (the function keeps it, for translating after a rebuild).
   */
  private indexFinder(): (rank: number) => number {
    const { count, gap, extras } = this;
    return (rank) => {
      if (rank % gap === 0) {
        const i = rank / gap - 1;
        if (i >= 0 && i < count) return i;
      }
      let lo = 0;
      let hi = extras.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (extras[mid]!.rank < rank) lo = mid + 1;
        else hi = mid;
      }
      return lo < extras.length && extras[lo]!.rank === rank ? count + lo : -1;
    };
  }

  /** Rank of an equal key (-1 if none), and the ranks of the nearest keys below and above (0 / 2^32 at the ends). */
  private locateBytes(bytes: Uint8Array): { equal: number; below: number; above: number; extrasIndex: number } {
    let below = 0;
    let above = RANK_SPACE;
    let equal = -1;
    // First pool index whose key is >= bytes.
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compareToPool(bytes, mid) > 0) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) below = lo * this.gap;
    if (lo < this.count) {
      if (this.compareToPool(bytes, lo) === 0) equal = (lo + 1) * this.gap;
      else above = (lo + 1) * this.gap;
    }
    const extras = this.extras;
    lo = 0;
    hi = extras.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareRanges(bytes, 0, bytes.length, extras[mid]!.bytes, 0, extras[mid]!.bytes.length) > 0) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) below = Math.max(below, extras[lo - 1]!.rank);
    if (lo < extras.length) {
      const e = extras[lo]!;
      if (compareRanges(bytes, 0, bytes.length, e.bytes, 0, e.bytes.length) === 0) equal = equal >= 0 ? equal : e.rank;
      else above = Math.min(above, e.rank);
    }
    return { equal, below, above, extrasIndex: lo };
  }

  private compareToPool(bytes: Uint8Array, i: number): number {
    return compareRanges(bytes, 0, bytes.length, this.pool, this.starts[i]!, this.starts[i + 1]!);
  }
}

/** Rank spacing for `n` keys spread over the rank space (0 and 2^32 stay free as ends). */
function gapFor(n: number): number {
  return Math.max(1, Math.floor(RANK_SPACE / (n + 1)));
}
