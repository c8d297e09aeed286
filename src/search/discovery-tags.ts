// The filter-set half of the discovery index: which tags each work slot has (forward lists, for
// facet counting) and, through discovery-postings.ts, which slots each tag has (for picking
// candidates), in typed arrays.
//
// - Tags get dense numbers, most frequent first (renumberByFrequencySteps), so forward-list
//   entries of the 32,768 most used tags — nearly all entries — take one 16-bit unit (the
//   encoding is described in discovery-postings.ts).
// - The index keeps, per tag, how many live works carry it (all, and unrestricted only), so the
//   facets of the whole archive cost nothing and facets of most of it cost only the rest.
import { LIVE, RESTRICTED, UNKNOWN_TYPE } from './discovery-flags.ts';
import { HIGH, Postings } from './discovery-postings.ts';
import { inRanges, type Steps } from './discovery-slices.ts';

/** Dense ids below this are the head: the most used tags, one unit in forward lists. */
export const HEAD = HIGH;

function grownInt32(a: Int32Array<ArrayBuffer>, min: number, fill = 0): Int32Array<ArrayBuffer> {
  if (a.length >= min) return a;
  const b = new Int32Array(Math.max(min, a.length * 2)).fill(fill);
  b.set(a);
  return b;
}

function grownUint32(a: Uint32Array<ArrayBuffer>, min: number): Uint32Array<ArrayBuffer> {
  if (a.length >= min) return a;
  const b = new Uint32Array(Math.max(min, a.length * 2));
  b.set(a);
  return b;
}

function grownUint8(a: Uint8Array<ArrayBuffer>, min: number): Uint8Array<ArrayBuffer> {
  if (a.length >= min) return a;
  const b = new Uint8Array(Math.max(min, a.length * 2));
  b.set(a);
  return b;
}

export interface TagIndexOptions {
  /** A tag on at least this many slots (and 1/16 of them) gets a bitset; tests lower it. */
  bitsetMinPostings?: number;
}

export class TagIndex {
  private denseOfId = new Int32Array(1024).fill(-1);
  /** Dense id → database tag id, tag type index (discovery-flags UNKNOWN_TYPE until known). */
  tagIds = new Uint32Array(256);
  types = new Uint8Array(256);
  /** Live slots holding each tag, all and unrestricted only: facets of everything, for free. */
  countAll = new Int32Array(256);
  countPublic = new Int32Array(256);
  tagCount = 0;

  /** Forward lists: slot s owns fwd[fwdStart[s] .. fwdStart[s + 1]). */
  fwd = new Uint16Array(1 << 12);
  private fwdUsed = 0;
  fwdStart = new Uint32Array(1025);

  private readonly postings: Postings;
  /**
   * Per tag type, at least the largest countAll of any tail tag (dense id >= HEAD) of that type:
   * a facet list whose cut-off is above it need not count tail tags at all. Raised as counts
   * grow, recomputed exactly by transposeSteps().
   */
  tailBound = new Int32Array(8);
  /** Changes whenever countAll/countPublic change (caches of unfiltered facets check it). */
  countsVersion = 0;

  constructor(options: TagIndexOptions = {}) {
    this.postings = new Postings(options.bitsetMinPostings);
  }

  /** Postings added since the last transpose (a reason to compact). */
  get tailEntries(): number {
    return this.postings.tailEntries;
  }

  denseOf(tagId: number): number {
    return tagId < this.denseOfId.length ? this.denseOfId[tagId]! : -1;
  }

  addTag(tagId: number, type: number = UNKNOWN_TYPE): number {
    const known = this.denseOf(tagId);
    if (known >= 0) return known;
    this.denseOfId = grownInt32(this.denseOfId, tagId + 1, -1);
    const d = this.tagCount++;
    this.tagIds = grownUint32(this.tagIds, this.tagCount);
    this.types = grownUint8(this.types, this.tagCount);
    this.countAll = grownInt32(this.countAll, this.tagCount);
    this.countPublic = grownInt32(this.countPublic, this.tagCount);
    this.postings.growTags(this.tagCount);
    this.denseOfId[tagId] = d;
    this.tagIds[d] = tagId;
    this.types[d] = type;
    return d;
  }

  /** Room for slots below `cap`. */
  growSlots(cap: number): void {
    this.fwdStart = grownUint32(this.fwdStart, cap + 1);
    this.postings.growSlots(cap);
  }

  /** Writes the forward list of `slot`, the next slot after all others. */
  appendSlot(slot: number, dense: ArrayLike<number>): void {
    if (this.fwdUsed + dense.length * 2 > this.fwd.length) {
      const grown = new Uint16Array(Math.max(this.fwd.length * 2, this.fwdUsed + dense.length * 2));
      grown.set(this.fwd.subarray(0, this.fwdUsed));
      this.fwd = grown;
    }
    let at = this.fwdUsed;
    this.fwdStart[slot] = at;
    for (let i = 0; i < dense.length; i++) {
      const d = dense[i]!;
      if (d < HIGH) this.fwd[at++] = d;
      else {
        this.fwd[at++] = HIGH | (d >>> 16);
        this.fwd[at++] = d & 0xffff;
      }
      this.postings.add(d, slot);
    }
    this.fwdUsed = at;
    this.fwdStart[slot + 1] = at;
  }

  slotTags(slot: number): number[] {
    const out: number[] = [];
    const f = this.fwd;
    for (let i = this.fwdStart[slot]!, end = this.fwdStart[slot + 1]!; i < end; ) {
      let d = f[i++]!;
      if (d & HIGH) d = ((d & 0x7fff) << 16) | f[i++]!;
      out.push(d);
    }
    return out;
  }

  /** Adds `delta` to the global counts of the slot's tags (a slot turning live or dead). */
  addCounts(slot: number, isPublic: boolean, delta: number): void {
    this.countsVersion++;
    for (const d of this.slotTags(slot)) {
      const c = (this.countAll[d]! += delta);
      if (isPublic) this.countPublic[d]! += delta;
      const t = this.types[d]!;
      if (d >= HEAD && t !== UNKNOWN_TYPE && c > this.tailBound[t]!) this.tailBound[t] = c;
    }
  }

  /**
   * Adds 1 to counts[d] for every head tag (d < HEAD) of every listed slot; with `touched`,
   * also lists the tags whose count left zero and returns how many.
   */
  countHead(slots: Uint32Array, n: number, counts: Int32Array, touched: Uint32Array | null): number {
    const f = this.fwd;
    const start = this.fwdStart;
    let t = 0;
    // Two copies of the loop: the hot one (a large result set) without the touched test.
    if (touched) {
      for (let k = 0; k < n; k++) {
        const s = slots[k]!;
        for (let i = start[s]!, end = start[s + 1]!; i < end; ) {
          const d = f[i++]!;
          if (d & HIGH) i++;
          else if (counts[d]!++ === 0) touched[t++] = d;
        }
      }
    } else {
      for (let k = 0; k < n; k++) {
        const s = slots[k]!;
        for (let i = start[s]!, end = start[s + 1]!; i < end; ) {
          const d = f[i++]!;
          if (d & HIGH) i++;
          else counts[d]!++;
        }
      }
    }
    return t;
  }

  /**
   * Adds 1 to counts[d] for every tail tag whose type bit is in `typeMask`; tags whose count
   * leaves zero are appended to `touched` (when given) and their number returned.
   */
  countTail(slots: Uint32Array, n: number, counts: Int32Array, typeMask: number, touched: Uint32Array | null): number {
    const f = this.fwd;
    const start = this.fwdStart;
    const types = this.types;
    let t = 0;
    for (let k = 0; k < n; k++) {
      const s = slots[k]!;
      for (let i = start[s]!, end = start[s + 1]!; i < end; ) {
        const u = f[i++]!;
        if (!(u & HIGH)) continue;
        const d = ((u & 0x7fff) << 16) | f[i++]!;
        if (!((1 << types[d]!) & typeMask)) continue;
        if (counts[d]!++ === 0 && touched) touched[t++] = d;
      }
    }
    return t;
  }

  bitset(d: number): Uint32Array | undefined {
    return this.postings.bitset(d);
  }

  /** Every slot (dead ones too) holding sparse tag `d`, ascending. */
  sparsePostings(d: number): Uint32Array {
    return this.postings.sparse(d);
  }

  /**
   * Renumbers tags most frequent first (ties by database id) so the common ones take one unit in
   * forward lists, and re-encodes the lists into an array of exactly their new size. Counting
   * sorts throughout: linear in tags and entries, and in steps.
   */
  *renumberByFrequencySteps(slotCount: number): Steps {
    const T = this.tagCount;
    const freq = new Uint32Array(T);
    const f = this.fwd;
    const start = this.fwdStart;
    yield* inRanges(slotCount, (from, to) => {
      for (let i = start[from]!, end = start[to]!; i < end; ) {
        let d = f[i++]!;
        if (d & HIGH) d = ((d & 0x7fff) << 16) | f[i++]!;
        freq[d]!++;
      }
    });
    // New id of each tag: bucket offsets by frequency, highest first; walking database ids in
    // ascending order (denseOfId is indexed by them) fills each bucket in id order.
    let maxFreq = 0;
    for (let d = 0; d < T; d++) if (freq[d]! > maxFreq) maxFreq = freq[d]!;
    const next = new Uint32Array(maxFreq + 1);
    for (let d = 0; d < T; d++) next[freq[d]!]!++;
    yield;
    for (let c = maxFreq, at = 0; c >= 0; c--) {
      const n = next[c]!;
      next[c] = at;
      at += n;
    }
    yield;
    const newOf = new Uint32Array(T);
    const denseOfId = this.denseOfId;
    yield* inRanges(denseOfId.length, (from, to) => {
      for (let id = from; id < to; id++) {
        const d = denseOfId[id]!;
        if (d >= 0) newOf[d] = next[freq[d]!]!++;
      }
    });
    const tagIds = new Uint32Array(this.tagIds.length);
    const types = new Uint8Array(this.types.length);
    let units = 0;
    yield* inRanges(T, (from, to) => {
      for (let old = from; old < to; old++) {
        const d = newOf[old]!;
        tagIds[d] = this.tagIds[old]!;
        types[d] = this.types[old]!;
        denseOfId[this.tagIds[old]!] = d;
        units += freq[old]! * (d < HIGH ? 1 : 2);
      }
    });
    this.tagIds = tagIds;
    this.types = types;
    // Re-encoded into a fresh array of the new size (an entry may grow or shrink), with a little
    // room for the works that arrive later; slot starts are rewritten in place, each read first.
    const out = new Uint16Array(units + (units >> 5) + 1024);
    let at = 0;
    yield* inRanges(slotCount, (from, to) => {
      for (let s = from; s < to; s++) {
        const end = start[s + 1]!;
        let i = start[s]!;
        start[s] = at;
        while (i < end) {
          let d = f[i++]!;
          if (d & HIGH) d = ((d & 0x7fff) << 16) | f[i++]!;
          d = newOf[d]!;
          if (d < HIGH) out[at++] = d;
          else {
            out[at++] = HIGH | (d >>> 16);
            out[at++] = d & 0xffff;
          }
        }
      }
    });
    start[slotCount] = at;
    this.fwd = out;
    this.fwdUsed = at;
  }

  /**
   * Moves the forward lists of kept slots down to their new numbers (remap[old] = new, or -1),
   * then rebuilds postings and global counts for the live ones.
   */
  *compactSlotsSteps(remap: Int32Array, oldCount: number, newCount: number, flags: Uint8Array, cap: number): Steps {
    let w = 0;
    yield* inRanges(oldCount, (from, to) => {
      for (let s = from; s < to; s++) {
        const ns = remap[s]!;
        if (ns < 0) continue;
        const a = this.fwdStart[s]!;
        const b = this.fwdStart[s + 1]!;
        this.fwdStart[ns] = w;
        this.fwd.copyWithin(w, a, b);
        w += b - a;
      }
    });
    this.fwdStart[newCount] = w;
    this.fwdUsed = w;
    // The live counts are kept up to date all along: no need to count again.
    yield* this.transposeSteps(newCount, flags, cap, false);
  }

  /**
   * Gives back spare room: after a bulk load the arrays grown by doubling are up to half empty.
   * Arrays already close to their size are left alone (a copy of the forward lists is tens of
   * megabytes at a million works).
   */
  *trimSteps(slotCap: number): Steps {
    const fwdSize = this.fwdUsed + (this.fwdUsed >> 5) + 1024;
    if (this.fwd.length > fwdSize + (fwdSize >> 4)) {
      const fwd = new Uint16Array(fwdSize);
      fwd.set(this.fwd.subarray(0, this.fwdUsed));
      this.fwd = fwd;
      yield;
    }
    if (this.fwdStart.length !== slotCap + 1) {
      const start = new Uint32Array(slotCap + 1);
      start.set(this.fwdStart.subarray(0, Math.min(this.fwdStart.length, slotCap + 1)));
      this.fwdStart = start;
      yield;
    }
    const tags = this.tagCount + (this.tagCount >> 4) + 256;
    const shrink = <T extends Int32Array<ArrayBuffer> | Uint32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>>(a: T, make: (n: number) => T): T => {
      if (a.length <= tags) return a;
      const b = make(tags);
      b.set(a.subarray(0, tags));
      return b;
    };
    this.tagIds = shrink(this.tagIds, (n) => new Uint32Array(n));
    this.types = shrink(this.types, (n) => new Uint8Array(n));
    this.countAll = shrink(this.countAll, (n) => new Int32Array(n));
    this.countPublic = shrink(this.countPublic, (n) => new Int32Array(n));
    this.postings.trimTags(tags);
    // Database id → dense id: grown by doubling, so up to half of it past the highest id used.
    let maxId = 0;
    for (let d = 0; d < this.tagCount; d++) if (this.tagIds[d]! > maxId) maxId = this.tagIds[d]!;
    const ids = maxId + (maxId >> 4) + 1024;
    if (this.denseOfId.length > ids + (ids >> 3)) {
      const byId = new Int32Array(ids).fill(-1);
      byId.set(this.denseOfId.subarray(0, ids));
      this.denseOfId = byId;
    }
  }

  /** Builds postings, bitsets and (with `recount`) global counts from the lists of live slots. */
  *transposeSteps(slotCount: number, flags: Uint8Array, cap: number, recount = true): Steps {
    const T = this.tagCount;
    if (recount) yield* this.countLiveSteps(slotCount, flags);
    yield* this.postings.rebuildSteps(this.fwd, this.fwdStart, slotCount, flags, this.countAll.subarray(0, T), cap);
    yield;
    this.tailBound.fill(0);
    for (let d = HEAD; d < T; d++) {
      const t = this.types[d]!;
      if (t !== UNKNOWN_TYPE && this.countAll[d]! > this.tailBound[t]!) this.tailBound[t] = this.countAll[d]!;
    }
  }

  private *countLiveSteps(slotCount: number, flags: Uint8Array): Steps {
    this.countAll.fill(0);
    this.countPublic.fill(0);
    this.countsVersion++;
    const f = this.fwd;
    const start = this.fwdStart;
    const countAll = this.countAll;
    const countPublic = this.countPublic;
    yield* inRanges(slotCount, (from, to) => {
      for (let s = from; s < to; s++) {
        const fl = flags[s]!;
        if (!(fl & LIVE)) continue;
        const pub = !(fl & RESTRICTED);
        for (let i = start[s]!, end = start[s + 1]!; i < end; ) {
          let d = f[i++]!;
          if (d & HIGH) d = ((d & 0x7fff) << 16) | f[i++]!;
          countAll[d]!++;
          if (pub) countPublic[d]!++;
        }
      }
    });
  }

  /** Bytes of the forward lists, the postings and the per-tag arrays. */
  memoryParts(): { forward: number; postings: number; perTag: number } {
    return {
      forward: this.fwd.byteLength + this.fwdStart.byteLength,
      postings: this.postings.memoryBytes(),
      perTag: this.denseOfId.byteLength + this.tagIds.byteLength + this.types.byteLength + this.countAll.byteLength * 2,
    };
  }
}
