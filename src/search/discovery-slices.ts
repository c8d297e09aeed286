// Long computations of the discovery index (sealing a build, compacting) written as generators
// that yield between steps of a few milliseconds each. The same steps run to the end at once
// (tests, benchmarks) or in slices that hand the event loop back between them, so a server
// building its index at a million works keeps answering the requests that do not need it.
import { performance } from 'node:perf_hooks';

/** A computation cut into steps: each `yield` is a point where it may pause. */
export type Steps = Generator<undefined, void, undefined>;

/**
 * How long a slice may hold the event loop. A step is a few milliseconds, so a slice ends at
 * most one step later; other requests wait no longer than that.
 */
export const SLICE_MS = 10;

/** Work units (slots, tags, forward-list entries) handled between two yields. */
export const STEP = 1 << 13;

/** Lets the event loop run pending I/O and timers before continuing. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Measures a slice of a loop that awaits between items: `pause()` yields once SLICE_MS have passed. */
export class SliceClock {
  private start = performance.now();
  private readonly sliceMs: number;

  constructor(sliceMs = SLICE_MS) {
    this.sliceMs = sliceMs;
  }

  async pause(): Promise<void> {
    if (performance.now() - this.start < this.sliceMs) return;
    await yieldToEventLoop();
    this.start = performance.now();
  }
}

/** Runs every step now. */
export function runSteps(steps: Steps): void {
  while (!steps.next().done);
}

/** Runs the steps, yielding to the event loop whenever they have held it for `sliceMs`. */
export async function runStepsSliced(steps: Steps, sliceMs = SLICE_MS): Promise<void> {
  let start = performance.now();
  while (!steps.next().done) {
    if (performance.now() - start >= sliceMs) {
      await yieldToEventLoop();
      start = performance.now();
    }
  }
}

/**
 * Calls `body(from, to)` over [0, n) in ranges of `step`, yielding after each: the loop bodies
 * stay plain functions (optimized like any loop) and only the outer walk is a generator.
 */
export function* inRanges(n: number, body: (from: number, to: number) => void, step = STEP): Steps {
  for (let from = 0; from < n; from += step) {
    body(from, Math.min(n, from + step));
    yield;
  }
}

/** Items a sorting step handles: comparisons cost more than the plain loops' work units. */
const SORT_STEP = 1 << 12;

/**
 * Sorts `items` in place by `compare`, in steps: runs of 2,048 sorted by the engine, then merged
 * pairwise through one buffer of the same size. O(n log n) like Array#sort, but it can pause.
 */
export function* sortInSteps(items: Uint32Array<ArrayBuffer>, compare: (a: number, b: number) => number): Steps {
  const n = items.length;
  const RUN = 2048;
  for (let from = 0; from < n; from += RUN) {
    items.subarray(from, Math.min(n, from + RUN)).sort(compare);
    if ((from / RUN) % (SORT_STEP / RUN) === SORT_STEP / RUN - 1) yield;
  }
  if (n <= RUN) return;
  let src = items;
  let dst = new Uint32Array(n);
  for (let width = RUN; width < n; width *= 2) {
    let done = 0;
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(n, lo + width);
      const hi = Math.min(n, lo + 2 * width);
      // Merged in pieces, so one merge of two halves of a million items does not run unbroken.
      let i = lo;
      let j = mid;
      let k = lo;
      while (k < hi) {
        const end = Math.min(hi, k + SORT_STEP);
        done += end - k;
        while (k < end) {
          if (j >= hi || (i < mid && compare(src[i]!, src[j]!) <= 0)) dst[k++] = src[i++]!;
          else dst[k++] = src[j++]!;
        }
        if (done >= SORT_STEP) {
          done = 0;
          yield;
        }
      }
    }
    [src, dst] = [dst, src];
  }
  if (src !== items) items.set(src);
}
