// Seeded random numbers and the distributions the benchmark corpus is drawn from (issue 5):
// log-normal word counts, Zipf popularity of fandoms, tags and creators, power-law kudos with hits,
// comments and bookmarks that follow them, posting dates over fifteen years. Everything takes a
// `Random` so one seed gives one corpus, whatever the batch sizes.

/** A uniform number in [0, 1). */
export type Random = () => number;

/** splitmix32: spreads a seed (and a stream number) into well-mixed 32-bit states. */
function splitmix32(state: number): () => number {
  let a = state >>> 0;
  return () => {
    a = (a + 0x9e3779b9) >>> 0;
    let z = a;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): fast, passes PractRand, period of
 * at least 2^32. `stream` gives independent sequences from one seed (tags, works, text…), so
 * adding a draw to one part of the generator does not reshuffle the others.
 */
export function rng(seed: number, stream = 0): Random {
  const mix = splitmix32((seed ^ Math.imul(stream + 1, 0x27d4eb2f)) >>> 0);
  let a = mix();
  let b = mix();
  let c = mix();
  let d = 1;
  const next = (): number => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** An integer in [min, max]. */
export function int(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function chance(random: Random, p: number): boolean {
  return random() < p;
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** A standard normal deviate (Box–Muller). */
export function normal(random: Random): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Log-normal with the given median and shape σ (the σ of the underlying normal). */
export function logNormal(random: Random, median: number, sigma: number): number {
  return median * Math.exp(sigma * normal(random));
}

/** Pareto (type II, Lomax) shifted to start at 0: P(X > x) = (1 + x/scale)^-alpha. */
export function lomax(random: Random, scale: number, alpha: number): number {
  return scale * (Math.pow(1 - random(), -1 / alpha) - 1);
}

/** Number of failures before a success with probability 1/(mean+1): mean `mean`. */
export function geometric(random: Random, mean: number): number {
  if (mean <= 0) return 0;
  const p = 1 / (mean + 1);
  return Math.floor(Math.log(1 - random()) / Math.log(1 - p));
}

/** A choice among weighted options. */
export class Weighted<T> {
  readonly #items: T[];
  readonly #cdf: Float64Array;
  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    this.#items = entries.map(([item]) => item);
    this.#cdf = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach(([, weight], i) => (this.#cdf[i] = sum += weight));
    for (let i = 0; i < this.#cdf.length; i++) this.#cdf[i]! /= sum;
  }
  draw(random: Random): T {
    return this.#items[searchCdf(this.#cdf, random())]!;
  }
}

function searchCdf(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid]! > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Zipf's law over ranks 0…n−1: P(rank k) ∝ 1/(k + 1 + offset)^s. A cumulative table with binary
 * search; tables are shared between lists of the same length and shape (the character lists of
 * many small fandoms), so memory stays proportional to the distinct sizes.
 */
export class Zipf {
  static readonly #cache = new Map<string, Float64Array>();
  readonly n: number;
  readonly #cdf: Float64Array;
  constructor(n: number, s = 1, offset = 0) {
    if (n < 1) throw new Error('Zipf needs at least one rank');
    this.n = n;
    const key = `${n}:${s}:${offset}`;
    let cdf = Zipf.#cache.get(key);
    if (!cdf) {
      cdf = new Float64Array(n);
      let sum = 0;
      for (let k = 0; k < n; k++) cdf[k] = sum += 1 / Math.pow(k + 1 + offset, s);
      for (let k = 0; k < n; k++) cdf[k]! /= sum;
      if (n <= 100_000) Zipf.#cache.set(key, cdf);
    }
    this.#cdf = cdf;
  }
  draw(random: Random): number {
    return searchCdf(this.#cdf, random());
  }
  /** The share of draws that land on rank k. */
  share(k: number): number {
    return this.#cdf[k]! - (k === 0 ? 0 : this.#cdf[k - 1]!);
  }
}

// ── The corpus's distributions ──────────────────────────────────────────────────────────────

/** Words in a work: log-normal, median 3,000, a long tail clamped at 500,000 (AO3's shape). */
export function workWords(random: Random): number {
  return Math.round(Math.min(500_000, Math.max(20, logNormal(random, 3000, 1.35))));
}

/**
 * Chapters, growing with length: the chance of more than one chapter rises with the word count
 * (a logistic in log-words centred on 4,500 words, about 40% multi-chapter over the whole
 * corpus), and a multi-chapter work has chapters of ~3,500 words (log-normal), at least two.
 */
export function chapterCount(random: Random, words: number): number {
  const multi = 1 / (1 + Math.exp(-1.6 * (Math.log(words) - Math.log(4500))));
  if (random() >= multi) return 1;
  const perChapter = logNormal(random, 3500, 0.6);
  return Math.max(2, Math.min(300, Math.round(words / perChapter)));
}

/** Splits a total into `parts` positive pieces of uneven size (chapters are rarely equal). */
export function splitTotal(random: Random, total: number, parts: number): number[] {
  if (parts === 1) return [total];
  const weights = Array.from({ length: parts }, () => 0.5 + random());
  const sum = weights.reduce((a, b) => a + b, 0);
  const pieces = weights.map((w) => Math.max(1, Math.floor((w / sum) * total)));
  let rest = total - pieces.reduce((a, b) => a + b, 0);
  for (let i = 0; rest !== 0; i = (i + 1) % parts) {
    const step = rest > 0 ? 1 : pieces[i]! > 1 ? -1 : 0;
    pieces[i]! += step;
    rest -= step;
    if (rest < 0 && pieces.every((p) => p <= 1)) break;
  }
  return pieces;
}

export interface WorkStats {
  kudos: number;
  hits: number;
  comments: number;
  bookmarks: number;
}

/**
 * Kudos follow a power law (Lomax, α 1.3: median ≈ 28, 1% above ~1,300, a handful in the tens of
 * thousands); hits are kudos × 5–40 (log-uniform) plus the readers who left none; comments and
 * bookmarks are log-normal fractions of kudos, so all four rise and fall together.
 */
export function workStats(random: Random): WorkStats {
  const kudos = Math.min(250_000, Math.floor(lomax(random, 40, 1.3)));
  const hits = Math.round(kudos * Math.exp(Math.log(5) + random() * Math.log(8))) + int(random, 1, 80);
  const comments = Math.round(kudos * logNormal(random, 0.08, 0.9));
  const bookmarks = Math.round(kudos * logNormal(random, 0.12, 0.6));
  return { kudos, hits, comments, bookmarks };
}

const DAY = 86_400_000;
export const YEARS = 15;

/**
 * A posting date over the fifteen years before `end`, denser towards the present (the archive
 * grows: the density rises linearly, so half the works are from the last ~4.4 years).
 */
export function postedAt(random: Random, end: number): number {
  const span = YEARS * 365.25 * DAY;
  return Math.floor(end - span + span * Math.sqrt(random()));
}

/**
 * The last update, never before posting: most one-shots are never revised; a multi-chapter work
 * gains a chapter every few days to a few months, so its last update is chapters × that gap after
 * posting (never after `end`).
 */
export function revisedAt(random: Random, posted: number, chapters: number, end: number): number {
  let revised: number;
  if (chapters === 1) revised = random() < 0.85 ? posted : posted + logNormal(random, 20, 1.5) * DAY;
  else revised = posted + (chapters - 1) * logNormal(random, 14, 1) * DAY;
  // Past the end: updated at some point in the second half of the time it has been up.
  if (revised > end) revised = posted + (end - posted) * (0.5 + 0.5 * random());
  return Math.floor(Math.max(posted, revised));
}
