// The result of a full-text match as the discovery index reads it (search/types.ts TextScores):
// every matching work, and a relevance score for those that were ranked (the others score 0).
//
// A common word matches a quarter of the works of a large archive. A Map entry per match would
// cost more to build than finding the matches did, so membership is a bitset by work id, the ids
// stay in the array the engine returned, and only ranked works (a few thousand at most) have a
// Map entry.
//
// The ids are kept newest first. The discovery index picks "best match" pages with a bounded
// heap, ties (unscored matches) going to the newest: fed newest first, the heap is full of the
// right works at once and rejects every later one with a single comparison. Fed oldest first,
// each match would displace the heap's worst, at 25 ms for a quarter of a million matches.
import type { TextScores } from '../types.ts';

export class MatchSet implements TextScores {
  static readonly EMPTY = new MatchSet([]);

  readonly #ids: readonly number[];
  readonly #member: Uint32Array;
  readonly #scores: ReadonlyMap<number, number>;

  /**
   * `ids` must be distinct (the array may be reordered); `scores` may hold works outside `ids`
   * (they are ignored).
   */
  constructor(ids: number[], scores: ReadonlyMap<number, number> = new Map(), member: Uint32Array = bitsetOf(ids)) {
    this.#ids = newestFirst(ids);
    this.#member = member;
    this.#scores = scores;
  }

  /** The same matches, scored by `scores` (works without a score keep 0). */
  withScores(scores: ReadonlyMap<number, number>): MatchSet {
    return new MatchSet(this.#ids as number[], scores, this.#member);
  }

  get size(): number {
    return this.#ids.length;
  }

  /** The matching ids, newest (highest) first. */
  get ids(): readonly number[] {
    return this.#ids;
  }

  has(workId: number): boolean {
    const word = workId >>> 5;
    return workId >= 0 && word < this.#member.length && (this.#member[word]! & (1 << (workId & 31))) !== 0;
  }

  get(workId: number): number | undefined {
    if (!this.has(workId)) return undefined;
    return this.#scores.size === 0 ? 0 : (this.#scores.get(workId) ?? 0);
  }

  keys(): Iterable<number> {
    return this.#ids;
  }
}

function bitsetOf(ids: readonly number[]): Uint32Array {
  let max = 0;
  for (let i = 0; i < ids.length; i++) if (ids[i]! > max) max = ids[i]!;
  const bits = new Uint32Array((max >>> 5) + 1);
  for (let i = 0; i < ids.length; i++) bits[ids[i]! >>> 5]! |= 1 << (ids[i]! & 31);
  return bits;
}

/** Sorts in place, highest first: engines mostly return ascending ids, which only need reversing. */
function newestFirst(ids: number[]): number[] {
  let descending = true;
  let ascending = true;
  for (let i = 1; i < ids.length && (descending || ascending); i++) {
    if (ids[i]! > ids[i - 1]!) descending = false;
    else ascending = false;
  }
  if (descending) return ids;
  return ascending ? ids.reverse() : ids.sort((a, b) => b - a);
}
