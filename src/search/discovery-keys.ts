// Title and creator order for the discovery index, held in little memory.
//
// Sort keys follow AO3's `title_to_sort_on` / `authors_to_sort_on` idea: lower-cased, leading
// punctuation and a leading English article dropped (so "The Long Way Home" files under L), a
// leading number padded so "2 Days" sorts before "10 Days"; anonymous works file under
// "anonymous". Keys are compared as UTF-8 bytes (code point order, the same on every database
// and locale), truncated to MAX_KEY_BYTES: titles equal that far are ordered by work id.
//
// SortKeyDict keeps each distinct key once, as bytes in one pool, with a rank per key such that
// ranks order like the keys. Sorting a million works by title is then a sort of integers. Ranks
// are spread out (a gap between neighbours) so that a key added later — a new work, a changed
// title — takes a free rank between its neighbours without renumbering; when a gap runs out, or
// many keys were added, all ranks are renumbered in one pass over the sorted order (a few ms).
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

export class SortKeyDict {
  private pool = new Uint8Array(1 << 16);
  private poolUsed = 0;
  /** Key id → start in the pool; starts[id + 1] is its end. */
  private starts = new Uint32Array(1025);
  private count = 0;
  /** Key id → rank. Exposed for tight sort loops. */
  ranks = new Uint32Array(1024);
  /** Key ids in key order as of the last renumbering. */
  private order = new Uint32Array(0);
  /** Key ids added since, in key order. */
  private extras: number[] = [];
  private sealed = false;
  /** Bumped whenever ranks are renumbered (copies of ranks elsewhere are then stale). */
  version = 0;

  get size(): number {
    return this.count;
  }

  /** Build phase: stores a key without looking for an equal one; `seal()` orders everything. */
  add(key: string): number {
    return this.append(keyBytes(key));
  }

  /** Orders all keys added so far and gives them ranks; later keys go through `intern`. */
  seal(): void {
    const ids = new Uint32Array(this.count);
    for (let i = 0; i < ids.length; i++) ids[i] = i;
    // A 6-byte big-endian prefix settles most comparisons without walking the pool.
    const prefix = new Float64Array(this.count);
    for (let id = 0; id < this.count; id++) {
      const s = this.starts[id]!;
      const e = this.starts[id + 1]!;
      let p = 0;
      for (let k = 0; k < 6; k++) p = p * 256 + (s + k < e ? this.pool[s + k]! + 1 : 0);
      prefix[id] = p;
    }
    ids.sort((a, b) => prefix[a]! - prefix[b]! || this.compareIds(a, b));
    this.order = ids;
    this.extras = [];
    this.sealed = true;
    this.renumber();
  }

  /** The id of an equal key, or a new key ranked among the others. */
  intern(key: string): number {
    if (!this.sealed) return this.add(key);
    const bytes = keyBytes(key);
    for (;;) {
      const found = this.locateBytes(bytes);
      if (found.equal >= 0) return found.equal;
      if (found.above - found.below >= 2) {
        const id = this.append(bytes);
        this.ranks[id] = found.below + Math.floor((found.above - found.below) / 2);
        this.extras.splice(found.extrasIndex, 0, id);
        if (this.extras.length > MAX_EXTRAS) this.renumber();
        return id;
      }
      this.renumber();
    }
  }

  /**
   * Where `key` falls in rank space: its rank when present, otherwise a half-rank strictly
   * between its neighbours (keyset cursors whose work changed title still resume in place).
   */
  locate(key: string): number {
    const found = this.locateBytes(keyBytes(key));
    return found.equal >= 0 ? this.ranks[found.equal]! : found.below + 0.5;
  }

  keyString(id: number): string {
    return decoder.decode(this.pool.subarray(this.starts[id]!, this.starts[id + 1]!));
  }

  memoryBytes(): number {
    return this.pool.byteLength + this.starts.byteLength + this.ranks.byteLength + this.order.byteLength + this.extras.length * 8;
  }

  /**
   * Drops keys no work uses any more (`used[id]` = 0) and renumbers the rest in key order.
   * Returns old id → new id (-1 for dropped keys).
   */
  compact(used: Uint8Array): Int32Array {
    const ordered = this.mergedOrder();
    const remap = new Int32Array(this.count).fill(-1);
    let kept = 0;
    let bytes = 0;
    for (const id of ordered) {
      if (used[id]) {
        remap[id] = kept++;
        bytes += this.starts[id + 1]! - this.starts[id]!;
      }
    }
    const pool = new Uint8Array(Math.max(1024, Math.ceil(bytes * 1.25)));
    const starts = new Uint32Array(kept + Math.max(1024, kept >> 3) + 1);
    let at = 0;
    let next = 0;
    for (const id of ordered) {
      if (!used[id]) continue;
      starts[next++] = at;
      for (let i = this.starts[id]!, e = this.starts[id + 1]!; i < e; i++) pool[at++] = this.pool[i]!;
    }
    starts[next] = at;
    this.pool = pool;
    this.poolUsed = at;
    this.starts = starts;
    this.count = kept;
    this.ranks = new Uint32Array(starts.length - 1);
    this.order = new Uint32Array(kept);
    for (let i = 0; i < kept; i++) this.order[i] = i;
    this.extras = [];
    this.sealed = true;
    this.renumber();
    return remap;
  }

  private append(bytes: Uint8Array): number {
    if (this.poolUsed + bytes.length > this.pool.length) {
      const grown = new Uint8Array(Math.max(this.pool.length * 2, this.poolUsed + bytes.length));
      grown.set(this.pool.subarray(0, this.poolUsed));
      this.pool = grown;
    }
    if (this.count + 2 > this.starts.length) {
      const grown = new Uint32Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
      const ranks = new Uint32Array(grown.length - 1);
      ranks.set(this.ranks);
      this.ranks = ranks;
    }
    const id = this.count++;
    this.starts[id] = this.poolUsed;
    this.pool.set(bytes, this.poolUsed);
    this.poolUsed += bytes.length;
    this.starts[id + 1] = this.poolUsed;
    return id;
  }

  /** Spreads ranks evenly over the whole sorted order; equal keys (from the build) share one. */
  private renumber(): void {
    const ordered = this.mergedOrder();
    let distinct = 0;
    for (let i = 0; i < ordered.length; i++) if (i === 0 || this.compareIds(ordered[i - 1]!, ordered[i]!) !== 0) distinct++;
    const gap = Math.max(1, Math.floor(RANK_SPACE / (distinct + 1)));
    let rank = 0;
    for (let i = 0; i < ordered.length; i++) {
      if (i === 0 || this.compareIds(ordered[i - 1]!, ordered[i]!) !== 0) rank += gap;
      this.ranks[ordered[i]!] = rank;
    }
    this.order = ordered;
    this.extras = [];
    this.version++;
  }

  private mergedOrder(): Uint32Array<ArrayBuffer> {
    if (this.extras.length === 0) return this.order;
    const out = new Uint32Array(this.order.length + this.extras.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < this.order.length || j < this.extras.length) {
      if (j >= this.extras.length || (i < this.order.length && this.compareIds(this.order[i]!, this.extras[j]!) <= 0)) out[k++] = this.order[i++]!;
      else out[k++] = this.extras[j++]!;
    }
    return out;
  }

  /** Equal key, and the ranks of the nearest keys below and above (0 / 2^32 at the ends). */
  private locateBytes(bytes: Uint8Array): { equal: number; below: number; above: number; extrasIndex: number } {
    let below = 0;
    let above = RANK_SPACE;
    let equal = -1;
    // First index in `order` whose key is >= bytes.
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compareBytes(bytes, this.order[mid]!) > 0) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) below = this.ranks[this.order[lo - 1]!]!;
    if (lo < this.order.length) {
      const id = this.order[lo]!;
      if (this.compareBytes(bytes, id) === 0) equal = id;
      else above = this.ranks[id]!;
    }
    lo = 0;
    hi = this.extras.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compareBytes(bytes, this.extras[mid]!) > 0) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) below = Math.max(below, this.ranks[this.extras[lo - 1]!]!);
    if (lo < this.extras.length) {
      const id = this.extras[lo]!;
      if (this.compareBytes(bytes, id) === 0) equal = equal >= 0 ? equal : id;
      else above = Math.min(above, this.ranks[id]!);
    }
    return { equal, below, above, extrasIndex: lo };
  }

  private compareBytes(bytes: Uint8Array, id: number): number {
    const s = this.starts[id]!;
    const len = this.starts[id + 1]! - s;
    const n = Math.min(bytes.length, len);
    for (let k = 0; k < n; k++) {
      const d = bytes[k]! - this.pool[s + k]!;
      if (d !== 0) return d;
    }
    return bytes.length - len;
  }

  private compareIds(a: number, b: number): number {
    const sa = this.starts[a]!;
    const la = this.starts[a + 1]! - sa;
    const sb = this.starts[b]!;
    const lb = this.starts[b + 1]! - sb;
    const n = Math.min(la, lb);
    for (let k = 0; k < n; k++) {
      const d = this.pool[sa + k]! - this.pool[sb + k]!;
      if (d !== 0) return d;
    }
    return la - lb;
  }
}
