// Picking one page of works in sort order without sorting every match. Each match i has a sort
// key keys[i] (already negated for descending order) and a slot; ties are broken by work id in
// the same direction, so the order is total and stable across requests.
//
// - A shallow page (offset + limit small) keeps the best few in a bounded max-heap: one
//   comparison per match against the heap's worst, O(n + k log k).
// - A deep page (offset 10,000 of 100,000) uses quickselect twice to bring the page's works
//   into [offset, offset + limit) in O(n) on average, then sorts only those.
const HEAP_LIMIT = 2048;

export interface SelectedPage {
  /** Slots of the page, in order. */
  slots: number[];
  /** Whether matches remain after the page. */
  more: boolean;
}

export function selectPage(
  keys: Float64Array,
  slots: Uint32Array,
  n: number,
  workIds: Uint32Array,
  descending: boolean,
  offset: number,
  limit: number,
): SelectedPage {
  const sign = descending ? -1 : 1;
  const end = Math.min(n, offset + limit);
  if (offset >= n || limit <= 0) return { slots: [], more: false };
  const more = n > offset + limit;
  if (end <= HEAP_LIMIT && end < n) return { slots: heapSelect(keys, slots, n, workIds, sign, offset, end), more };
  if (end < n) quickselect(keys, slots, workIds, sign, 0, n, offset, end);
  else if (offset > 0) quickselect(keys, slots, workIds, sign, 0, n, offset, n);
  const page = Array.from({ length: end - offset }, (_, i) => offset + i);
  page.sort((a, b) => keys[a]! - keys[b]! || sign * (workIds[slots[a]!]! - workIds[slots[b]!]!));
  return { slots: page.map((i) => slots[i]!), more };
}

/**
 * A shallow page straight from a sort column (no key array): the common listing of the first
 * pages, where writing a key per match would cost more than choosing the page. With `after`
 * (a keyset cursor: its sort value, unsigned, and work id), only works after it count. Null
 * when the page is too deep for a heap.
 */
export function selectShallowPage(
  column: Uint32Array | Float64Array,
  slots: Uint32Array,
  n: number,
  workIds: Uint32Array,
  descending: boolean,
  offset: number,
  limit: number,
  after: { value: number; workId: number } | null,
): SelectedPage | null {
  const cap = offset + limit;
  if (cap > HEAP_LIMIT) return null;
  if (limit <= 0) return { slots: [], more: false };
  const sign = descending ? -1 : 1;
  const ck = after ? sign * after.value : -Infinity;
  const cid = after ? sign * after.workId : -Infinity;
  // Max-heap of slots by (key, id): the root is the worst of the best `cap` so far.
  const heap = new Uint32Array(cap);
  const heapKeys = new Float64Array(cap);
  let size = 0;
  let counted = 0;
  const worse = (ka: number, a: number, kb: number, b: number): boolean => ka > kb || (ka === kb && sign * workIds[a]! > sign * workIds[b]!);
  for (let i = 0; i < n; i++) {
    const s = slots[i]!;
    const k = sign * column[s]!;
    if (after && !(k > ck || (k === ck && sign * workIds[s]! > cid))) continue;
    counted++;
    if (size === cap && !worse(heapKeys[0]!, heap[0]!, k, s)) continue;
    let c: number;
    if (size < cap) {
      c = size++;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (!worse(k, s, heapKeys[p]!, heap[p]!)) break;
        heap[c] = heap[p]!;
        heapKeys[c] = heapKeys[p]!;
        c = p;
      }
    } else {
      c = 0;
      for (;;) {
        const l = 2 * c + 1;
        if (l >= size) break;
        const r = l + 1;
        const w = r < size && worse(heapKeys[r]!, heap[r]!, heapKeys[l]!, heap[l]!) ? r : l;
        if (!worse(heapKeys[w]!, heap[w]!, k, s)) break;
        heap[c] = heap[w]!;
        heapKeys[c] = heapKeys[w]!;
        c = w;
      }
    }
    heap[c] = s;
    heapKeys[c] = k;
  }
  const order = Array.from({ length: size }, (_, i) => i);
  order.sort((a, b) => (worse(heapKeys[a]!, heap[a]!, heapKeys[b]!, heap[b]!) ? 1 : -1));
  return { slots: order.slice(offset).map((i) => heap[i]!), more: counted > cap };
}

function heapSelect(keys: Float64Array, slots: Uint32Array, n: number, workIds: Uint32Array, sign: number, offset: number, k: number): number[] {
  // Max-heap of match indices: the root is the worst of the best k so far.
  const heap = new Int32Array(k);
  let size = 0;
  const worse = (a: number, b: number): boolean => {
    const ka = keys[a]!;
    const kb = keys[b]!;
    return ka > kb || (ka === kb && sign * workIds[slots[a]!]! > sign * workIds[slots[b]!]!);
  };
  for (let i = 0; i < n; i++) {
    if (size < k) {
      let c = size++;
      heap[c] = i;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (!worse(heap[c]!, heap[p]!)) break;
        const t = heap[c]!;
        heap[c] = heap[p]!;
        heap[p] = t;
        c = p;
      }
    } else if (worse(heap[0]!, i)) {
      heap[0] = i;
      let c = 0;
      for (;;) {
        const l = 2 * c + 1;
        if (l >= size) break;
        const r = l + 1;
        const w = r < size && worse(heap[r]!, heap[l]!) ? r : l;
        if (!worse(heap[w]!, heap[c]!)) break;
        const t = heap[c]!;
        heap[c] = heap[w]!;
        heap[w] = t;
        c = w;
      }
    }
  }
  const best = Array.from(heap.subarray(0, size));
  best.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
  return best.slice(offset).map((i) => slots[i]!);
}

/**
 * Reorders [lo, hi) so that the elements belonging at positions [from, to) are there (in any
 * order), everything before them is smaller and everything after is larger.
 */
function quickselect(keys: Float64Array, slots: Uint32Array, workIds: Uint32Array, sign: number, lo: number, hi: number, from: number, to: number): void {
  nth(keys, slots, workIds, sign, lo, hi, from);
  if (to < hi) nth(keys, slots, workIds, sign, from, hi, to);
}

function nth(keys: Float64Array, slots: Uint32Array, workIds: Uint32Array, sign: number, lo: number, hi: number, k: number): void {
  const sid = (i: number): number => sign * workIds[slots[i]!]!;
  const swap = (i: number, j: number): void => {
    const tk = keys[i]!;
    keys[i] = keys[j]!;
    keys[j] = tk;
    const ts = slots[i]!;
    slots[i] = slots[j]!;
    slots[j] = ts;
  };
  const less = (i: number, j: number): boolean => keys[i]! < keys[j]! || (keys[i] === keys[j] && sid(i) < sid(j));
  while (hi - lo > 16) {
    const mid = (lo + hi) >>> 1;
    if (less(mid, lo)) swap(mid, lo);
    if (less(hi - 1, lo)) swap(hi - 1, lo);
    if (less(hi - 1, mid)) swap(hi - 1, mid);
    const pk = keys[mid]!;
    const pid = sid(mid);
    let i = lo;
    let j = hi - 1;
    while (i <= j) {
      while (keys[i]! < pk || (keys[i] === pk && sid(i) < pid)) i++;
      while (keys[j]! > pk || (keys[j] === pk && sid(j) > pid)) j--;
      if (i <= j) swap(i++, j--);
    }
    // [lo, j] ≤ pivot ≤ [i, hi); anything strictly between equals the pivot and is in place.
    if (k <= j) hi = j + 1;
    else if (k >= i) lo = i;
    else return;
  }
  for (let a = lo + 1; a < hi; a++) for (let b = a; b > lo && less(b, b - 1); b--) swap(b, b - 1);
}
