// Synthetic check of the discovery index's design: builds the in-memory store from N generated
// works (no database) with ~20 filter tags each, drawn from Zipf-like distributions per tag type
// the way fandom tags are skewed, then times typical listing queries with facets and reports the
// index's memory (by part, and by column) and the longest step of sealing the build (how long
// a server building its index in slices may hold the event loop at once).
//
//   node --expose-gc bench/discovery-synthetic.ts [--works 1000000] [--runs 30] [--only NAME-PART]
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { DiscoveryRow } from '../src/db/repos/discovery.repo.ts';
import { DiscoveryStore } from '../src/search/discovery-store.ts';
import { runQuery } from '../src/search/discovery-query.ts';
import type { DiscoveryRequest, ResolvedWorkQuery } from '../src/search/types.ts';
import { TAG_TYPES } from '../src/domain/tag-types.ts';

const { values } = parseArgs({ options: { works: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '30' }, only: { type: 'string' } } });
const N = Number(values.works);
const RUNS = Number(values.runs);

// A small deterministic PRNG so runs are comparable.
let seed = 42;
const rand = (): number => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};

/** Tag ids of one type, drawn with probability ∝ 1 / rank^s. */
function zipf(firstId: number, count: number, s: number): () => number {
  const cdf = new Float64Array(count);
  let sum = 0;
  for (let i = 0; i < count; i++) cdf[i] = sum += 1 / (i + 1) ** s;
  return () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return firstId + lo;
  };
}

const TYPES: Array<{ type: (typeof TAG_TYPES)[number]; count: number; s: number; perWork: [number, number] }> = [
  { type: 'rating', count: 5, s: 0.5, perWork: [1, 1] },
  { type: 'warning', count: 6, s: 1.2, perWork: [1, 2] },
  { type: 'category', count: 6, s: 0.8, perWork: [1, 2] },
  { type: 'media', count: 12, s: 1.5, perWork: [1, 1] },
  { type: 'fandom', count: 30_000, s: 1.05, perWork: [1, 2] },
  { type: 'relationship', count: 150_000, s: 0.9, perWork: [1, 3] },
  { type: 'character', count: 120_000, s: 0.9, perWork: [3, 6] },
  { type: 'freeform', count: 300_000, s: 0.8, perWork: [5, 9] },
];
let nextTagId = 1;
const generators = TYPES.map((t) => {
  const first = nextTagId;
  nextTagId += t.count;
  return { ...t, first, draw: zipf(first, t.count, t.s) };
});
const typeOfTag = new Uint8Array(nextTagId);
for (const g of generators) typeOfTag.fill(TAG_TYPES.indexOf(g.type), g.first, g.first + g.count);

const WORDS = 'the a of love and night star river dark light home war time after before winter summer heart fire sea king queen lost found song'.split(' ');
const NOW = 1_780_000_000;

function makeRow(id: number): DiscoveryRow {
  const tags = new Set<number>();
  for (const g of generators) {
    const [lo, hi] = g.perWork;
    const k = lo + Math.floor(rand() * (hi - lo + 1));
    for (let i = 0; i < k; i++) tags.add(g.draw());
  }
  const titleWords = 1 + Math.floor(rand() * 4);
  const title = Array.from({ length: titleWords }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ') + (rand() < 0.3 ? ` ${Math.floor(rand() * 100)}` : '');
  const posted = NOW - Math.floor(rand() * 15 * 365 * 86400);
  return {
    id,
    title,
    language: rand() < 0.85 ? 'en' : rand() < 0.5 ? 'zh' : 'es',
    restricted: rand() < 0.2,
    anonymous: rand() < 0.03,
    complete: rand() < 0.6,
    crossover: rand() < 0.05,
    expectedChapters: rand() < 0.5 ? 1 : null,
    wordCount: Math.floor(rand() ** 3 * 200_000),
    hits: Math.floor(rand() ** 4 * 500_000),
    kudos: Math.floor(rand() ** 4 * 20_000),
    comments: Math.floor(rand() ** 4 * 3_000),
    bookmarks: Math.floor(rand() ** 4 * 5_000),
    postedAt: posted,
    revisedAt: posted + Math.floor(rand() * 86400 * 30),
    creatorName: `writer${Math.floor(rand() ** 2 * 300_000)}`,
    filterTagIds: [...tags],
  };
}

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;
gc?.();
const rssBefore = process.memoryUsage().rss;
let t0 = performance.now();
const store = new DiscoveryStore();
for (let id = 1; id <= N; id++) store.append(makeRow(id));
for (let id = 1; id < nextTagId; id++) store.setTagType(id, typeOfTag[id]!);
const loaded = performance.now() - t0;
/** Runs steps to the end; the longest step by wall clock and by this thread's CPU time (ms). */
function timeSteps(steps: Generator<undefined, void, undefined>): { wall: number; cpu: number } {
  const cpuMs = (): number => {
    const u = process.threadCpuUsage();
    return (u.user + u.system) / 1000;
  };
  let wall = 0;
  let cpu = 0;
  for (;;) {
    const start = performance.now();
    const startCpu = cpuMs();
    const done = steps.next().done;
    wall = Math.max(wall, performance.now() - start);
    cpu = Math.max(cpu, cpuMs() - startCpu);
    if (done) return { wall, cpu };
  }
}
t0 = performance.now();
const longestStep = timeSteps(store.finishBuildSteps());
const finished = performance.now() - t0;
gc?.();
const rssAfter = process.memoryUsage().rss;
console.log(`works ${N}, filter tags ${store.tags.tagCount}, forward entries ${store.tags.fwdStart[store.slotCount]}`);
console.log(`append ${loaded.toFixed(0)} ms (includes generating rows), finishBuild ${finished.toFixed(0)} ms (longest step ${longestStep.wall.toFixed(1)} ms, ${longestStep.cpu.toFixed(1)} ms CPU)`);
console.log(`index arrays ${mb(store.memoryBytes())} (${(store.memoryBytes() / N).toFixed(1)} B/work); RSS growth ${mb(rssAfter - rssBefore)}, RSS ${mb(rssAfter)}`);
console.log(`  ${Object.entries(store.memoryParts()).map(([part, bytes]) => `${part} ${mb(bytes)}`).join(', ')}`);
console.log(`  columns: ${Object.entries(store.columnBytes()).map(([col, bytes]) => `${col} ${mb(bytes)}`).join(', ')}`);

const base: ResolvedWorkQuery = { scope: { includeRestricted: false }, includeTagIds: [], excludeTagIds: [], matchesNothing: false, sort: 'updated', order: 'desc' };
const req: DiscoveryRequest = { limit: 20, facetsPerType: 10 };
const fandom = (rank: number): number => generators[4]!.first + rank;
const freeform = (rank: number): number => generators[7]!.first + rank;
const rating = (rank: number): number => generators[0]!.first + rank;

const cases: Array<{ name: string; q: Partial<ResolvedWorkQuery>; r?: Partial<DiscoveryRequest> }> = [
  { name: 'everything, updated desc', q: {} },
  { name: 'everything, logged in, kudos desc', q: { scope: { includeRestricted: true }, sort: 'kudos' } },
  { name: 'top fandom', q: { includeTagIds: [fandom(0)] } },
  { name: 'fandom #50', q: { includeTagIds: [fandom(50)] } },
  { name: 'fandom #2000', q: { includeTagIds: [fandom(2000)] } },
  { name: 'top fandom − top freeform, complete, 1k–50k words', q: { includeTagIds: [fandom(0)], excludeTagIds: [freeform(0)], complete: true, words: { min: 1000, max: 50_000 } } },
  { name: 'rating #1 + freeform #3 (bitsets)', q: { includeTagIds: [rating(1), freeform(3)] } },
  { name: 'everything − rating #4, title asc', q: { excludeTagIds: [rating(4)], sort: 'title', order: 'asc' } },
  { name: 'top fandom, title asc, offset 10,000', q: { includeTagIds: [fandom(0)], sort: 'title', order: 'asc' }, r: { offset: 10_000 } },
  { name: 'fandom #50, creator asc, offset 2,000', q: { includeTagIds: [fandom(50)], sort: 'creator', order: 'asc' }, r: { offset: 2000 } },
  { name: 'everything, words desc, offset 100,000, no facets', q: { sort: 'words' }, r: { offset: 100_000, facetsPerType: 0 } },
];

for (const c of cases) {
  if (values.only && !c.name.includes(values.only)) continue;
  const q = { ...base, ...c.q };
  const r = { ...req, ...c.r };
  // On a shared machine the minimum is the best estimate of the uncontended time.
  const wall: number[] = [];
  let total = 0;
  for (let i = 0; i < RUNS; i++) {
    // As if the archive changed between queries: no facet cache hits (see the cached line below).
    store.version++;
    const start = performance.now();
    const page = runQuery(store, q, r, null);
    wall.push(performance.now() - start);
    total = page.total;
  }
  wall.sort((a, b) => a - b);
  const p = (x: number): string => wall[Math.min(wall.length - 1, Math.floor(x * wall.length))]!.toFixed(2);
  console.log(`${c.name.padEnd(52)} total ${String(total).padStart(7)}  min ${p(0)}  p50 ${p(0.5)}  p95 ${p(0.95)} ms`);
}

// A popular listing asked again while nothing changed: facets come from the cache.
{
  const q = { ...base, includeTagIds: [fandom(0)] };
  runQuery(store, q, req, null);
  const start = performance.now();
  for (let i = 0; i < RUNS; i++) runQuery(store, q, req, null);
  console.log(`${'top fandom again, facets cached'.padEnd(52)} ${((performance.now() - start) / RUNS).toFixed(2)} ms/query`);
}

// Keyset paging: follow `next` a few pages deep.
{
  const q = { ...base, includeTagIds: [fandom(0)], sort: 'kudos' as const };
  let cursor: string | null = null;
  const start = performance.now();
  for (let i = 0; i < 10; i++) cursor = runQuery(store, q, { limit: 20, facetsPerType: 0, cursor }, null).next;
  console.log(`${'top fandom, kudos desc, 10 cursor pages'.padEnd(52)} ${((performance.now() - start) / 10).toFixed(2)} ms/page`);
}

// Incremental changes: move 10,000 works to new slots, then compact.
{
  const start = performance.now();
  for (let id = 1; id <= 10_000; id++) {
    const slot = store.slotOf(id);
    store.kill(slot);
    store.append(makeRow(id));
  }
  const moved = performance.now() - start;
  const c0 = performance.now();
  const longest = timeSteps(store.compactSteps());
  console.log(`10,000 works re-tagged ${moved.toFixed(0)} ms; compact ${(performance.now() - c0).toFixed(0)} ms (longest step ${longest.wall.toFixed(1)} ms, ${longest.cpu.toFixed(1)} ms CPU)`);
}
