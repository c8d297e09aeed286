// Postings of the discovery index: for each tag (by dense id), the slots of the works carrying
// it, in slot order.
//
// - Numbers are stored in 16-bit units, here and in the forward lists (discovery-tags.ts): below
//   0x8000 one unit, otherwise two (the first with its high bit set carries the upper 15 bits),
//   so values reach 2^31.
// - A tag on at least 1/16 of all slots gets a bitset (cap/8 bytes, cheaper than its list, and
//   tested in O(1)). The others are slot lists in one shared array (CSR), coded as gaps from the
//   previous slot, mostly one unit each: lists are only ever walked in order, so gaps cost nothing.
// - Slots only ever append (a work whose filter set changes gets a new slot; the store marks the
//   old one dead), so lists stay sorted: a new slot goes to the end of the tag's tail list, or
//   sets its bit. rebuildSteps() folds the tails into the CSR when the store compacts.
import { LIVE } from './discovery-flags.ts';
import { inRanges, type Steps } from './discovery-slices.ts';

export const HIGH = 0x8000;
const DEFAULT_BITSET_MIN = 1024;

export class Postings {
  private indexed = false;
  private csr = new Uint16Array(0);
  private csrStart = new Uint32Array(1);
  private csrTags = 0;
  /** Slots appended since the last rebuild, per sparse tag. */
  private tails = new Map<number, number[]>();
  /** Dense id → index into `bitsets`, -1 for sparse tags (typed, so hot lookups stay fast). */
  private bitsetOf = new Int32Array(256).fill(-1);
  private bitsets: Uint32Array[] = [];
  private bitsetWords = 0;
  private readonly bitsetMin: number;
  /** Entries in tail lists. */
  tailEntries = 0;

  constructor(bitsetMin = DEFAULT_BITSET_MIN) {
    this.bitsetMin = bitsetMin;
  }

  growTags(count: number): void {
    if (count <= this.bitsetOf.length) return;
    const grown = new Int32Array(Math.max(count, this.bitsetOf.length * 2)).fill(-1);
    grown.set(this.bitsetOf);
    this.bitsetOf = grown;
  }

  trimTags(count: number): void {
    if (this.bitsetOf.length > count) this.bitsetOf = this.bitsetOf.slice(0, count);
  }

  /** Room for slots below `cap` in every bitset. */
  growSlots(cap: number): void {
    const words = Math.ceil(cap / 32);
    if (words <= this.bitsetWords) return;
    this.bitsetWords = Math.max(words, Math.ceil(this.bitsetWords * 1.5));
    this.bitsets = this.bitsets.map((b) => {
      const grown = new Uint32Array(this.bitsetWords);
      grown.set(b);
      return grown;
    });
  }

  /** Records a new slot (higher than every slot so far) for tag `d`, once postings exist. */
  add(d: number, slot: number): void {
    if (!this.indexed) return;
    const b = this.bitsetOf[d]!;
    if (b >= 0) {
      this.bitsets[b]![slot >>> 5]! |= 1 << (slot & 31);
      return;
    }
    let tail = this.tails.get(d);
    if (!tail) this.tails.set(d, (tail = []));
    tail.push(slot);
    this.tailEntries++;
  }

  bitset(d: number): Uint32Array | undefined {
    const b = this.bitsetOf[d]!;
    return b >= 0 ? this.bitsets[b] : undefined;
  }

  /** Every slot (dead ones too) holding sparse tag `d`, ascending. */
  sparse(d: number): Uint32Array {
    const tail = this.tails.get(d);
    let n = tail ? tail.length : 0;
    const from = d < this.csrTags ? this.csrStart[d]! : 0;
    const to = d < this.csrTags ? this.csrStart[d + 1]! : 0;
    const out = new Uint32Array(to - from + n);
    const a = this.csr;
    let slot = -1;
    n = 0;
    for (let i = from; i < to; ) {
      let u = a[i++]!;
      if (u & HIGH) u = ((u & 0x7fff) << 16) | a[i++]!;
      slot += u;
      out[n++] = slot;
    }
    if (tail) for (const s of tail) out[n++] = s;
    return out.subarray(0, n);
  }

  /**
   * Builds every tag's postings from the forward lists of the live slots; `sizes[d]` is the
   * number of live slots carrying tag d (it decides bitset or list). In steps of a range of
   * slots (discovery-slices.ts); nothing may read the postings until it is done.
   */
  *rebuildSteps(f: Uint16Array, start: Uint32Array, slotCount: number, flags: Uint8Array, sizes: Int32Array, cap: number): Steps {
    const T = sizes.length;
    this.csr = new Uint16Array(0);
    this.tails = new Map();
    this.tailEntries = 0;
    this.bitsets = [];
    this.growTags(T);
    this.bitsetOf.fill(-1);
    this.bitsetWords = Math.ceil(cap / 32);
    const minBits = Math.max(this.bitsetMin, slotCount >>> 4);
    for (let d = 0; d < T; d++) {
      if (sizes[d]! < minBits) continue;
      this.bitsetOf[d] = this.bitsets.length;
      this.bitsets.push(new Uint32Array(this.bitsetWords));
    }
    // Two passes over the lists: the size of each gap-coded list, then the lists. Per tag, its
    // last slot and its size (later: its write position) sit side by side in `state`, one cache
    // miss per entry instead of two.
    const state = new Int32Array(2 * T);
    yield;
    for (let pass = 0; pass < 2; pass++) {
      for (let d = 0; d < T; d++) state[2 * d] = -1;
      yield* inRanges(slotCount, (from, to) => this.postSlots(pass, f, start, flags, from, to, state));
      if (pass === 0) {
        // Sizes → start offsets, which then serve as each list's write position.
        const starts = new Uint32Array(T + 1);
        for (let d = 0; d < T; d++) {
          starts[d + 1] = starts[d]! + state[2 * d + 1]!;
          state[2 * d + 1] = starts[d]!;
        }
        this.csrStart = starts;
        this.csr = new Uint16Array(starts[T]!);
        yield;
      }
    }
    this.csrTags = T;
    this.indexed = true;
  }

  /** One pass of rebuildSteps over the slots [from, to): pass 0 sizes the lists, pass 1 writes them. */
  private postSlots(pass: number, f: Uint16Array, start: Uint32Array, flags: Uint8Array, from: number, to: number, state: Int32Array): void {
    const bitsetOf = this.bitsetOf;
    const csr = this.csr;
    for (let s = from; s < to; s++) {
      if (!(flags[s]! & LIVE)) continue;
      for (let i = start[s]!, end = start[s + 1]!; i < end; ) {
        let d = f[i++]!;
        if (d & HIGH) d = ((d & 0x7fff) << 16) | f[i++]!;
        const b = bitsetOf[d]!;
        if (b >= 0) {
          if (pass === 1) this.bitsets[b]![s >>> 5]! |= 1 << (s & 31);
          continue;
        }
        const gap = s - state[2 * d]!;
        state[2 * d] = s;
        if (pass === 0) state[2 * d + 1]! += gap < HIGH ? 1 : 2;
        else {
          let at = state[2 * d + 1]!;
          if (gap < HIGH) csr[at++] = gap;
          else {
            csr[at++] = HIGH | (gap >>> 16);
            csr[at++] = gap & 0xffff;
          }
          state[2 * d + 1] = at;
        }
      }
    }
  }

  memoryBytes(): number {
    let bytes = this.csr.byteLength + this.csrStart.byteLength + this.bitsetOf.byteLength + this.tailEntries * 8;
    for (const b of this.bitsets) bytes += b.byteLength;
    return bytes;
  }
}

/** Sets the bit of every listed slot. */
export function setBits(bits: Uint32Array, slots: Uint32Array): void {
  for (let i = 0; i < slots.length; i++) bits[slots[i]! >>> 5]! |= 1 << (slots[i]! & 31);
}

/** The slots whose bits are set, ascending. */
export function bitsToSlots(bits: Uint32Array, words: number): Uint32Array {
  let n = 0;
  for (let w = 0; w < words; w++) for (let x = bits[w]!; x !== 0; x &= x - 1) n++;
  const out = new Uint32Array(n);
  n = 0;
  for (let w = 0; w < words; w++) {
    for (let x = bits[w]!; x !== 0; x &= x - 1) out[n++] = (w << 5) | (31 - Math.clz32(x & -x));
  }
  return out;
}
