// Discovery benchmark (issue 5, docs/BENCHMARKS.md): on an archive built by `npm run
// bench:corpus`, times a fixed mix of AO3-style filter queries (with facet counts) and full-text
// queries through the service every listing page and the API use (findWorks: parse → resolve →
// full-text → discovery index → cards → snippets), and prints p50/p95/p99 per kind.
//
//   npm run bench:search -- --data DIR | --database-url URL [--rounds 200] [--seed 7] [--json FILE]
//
// The queries are drawn from the archive itself (seeded): popular fandoms from the unfiltered
// facets, rare tags from the filter-set counts, characters and relationships from a fandom's
// facets, words and phrases from sampled chapter text.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { openStore, type Store } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { GUEST, type Actor } from '../src/domain/actor.ts';
import { systemClock, type ServiceContext } from '../src/services/context.ts';
import { findWorks, type FindWorksRequest } from '../src/services/find-works.ts';
import { discoveryIndexFor } from '../src/search/discovery-index.ts';
import { searchWords } from '../src/domain/tag-search.ts';
import { markdownTable, mib, ms, summarize } from './lib/stats.ts';
import { rng, pick, type Random } from './corpus/distributions.ts';
import { randomFreeforms, sampleChapterText } from './lib/corpus-samples.ts';

const { values: args } = parseArgs({
  options: {
    data: { type: 'string' },
    'database-url': { type: 'string' },
    rounds: { type: 'string', default: '200' },
    seed: { type: 'string', default: '7' },
    json: { type: 'string' },
  },
});
if (!args.data && !args['database-url']) {
  console.error('bench:search needs --data DIR or --database-url URL (an archive built by npm run bench:corpus).');
  process.exit(2);
}
const ROUNDS = Number(args.rounds);
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) {
  console.error('--rounds must be a whole number from 1.');
  process.exit(2);
}

type Params = FindWorksRequest['params'];
interface QueryKind {
  name: string;
  text: boolean;
  make(random: Random): { params: Params; page?: number };
}

function contextFor(store: Store, actor: Actor): ServiceContext {
  return { db: store.db, caps: store.caps, actor, clock: systemClock, mailer: { send: async () => {} } as never, site: { name: 'bench', baseUrl: 'http://bench.test' } };
}

const EXCLUDED_WARNINGS = ['Graphic Depictions Of Violence', 'Major Character Death'];

async function main(): Promise<void> {
  const store = openStore({ dataDir: args.data ?? './data', databaseUrl: args['database-url'] ?? null, poolSize: 4 });
  await migrateToLatest(store);
  const ctx = contextFor(store, GUEST);
  const random = rng(Number(args.seed));

  const buildStart = performance.now();
  await discoveryIndexFor(store.db, store.caps).refresh();
  const buildMs = performance.now() - buildStart;
  const top = await findWorks(ctx, { params: {}, limit: 1, facetsPerType: 50 });
  const fandoms = top.facets.filter((f) => f.type === 'fandom').map((f) => f.name);
  const popular = fandoms.slice(0, 5);
  if (popular.length === 0) throw new Error('The archive has no fandoms; build it with npm run bench:corpus first.');
  process.stderr.write(`index built in ${(buildMs / 1000).toFixed(1)} s; choosing queries…\n`);
  // Rare tags: random freeforms that 5 to 50 visible works carry (the index counts them).
  const rare: string[] = [];
  for (const name of await randomFreeforms(store, 2000, random)) {
    if (rare.length >= 200) break;
    const { total } = await findWorks(ctx, { params: { tag: name }, limit: 1, facetsPerType: 0 });
    if (total >= 5 && total <= 50) rare.push(name);
  }
  if (rare.length === 0) rare.push(...(await randomFreeforms(store, 20, random)));
  const neighbours = new Map<string, { characters: string[]; relationships: string[] }>();
  for (const fandom of fandoms.slice(0, 20)) {
    const within = await findWorks(ctx, { params: { fandom }, limit: 1, facetsPerType: 10 });
    neighbours.set(fandom, {
      characters: within.facets.filter((f) => f.type === 'character').map((f) => f.name),
      relationships: within.facets.filter((f) => f.type === 'relationship').map((f) => f.name),
    });
  }
  process.stderr.write(`${rare.length} rare tags; sampling chapter text…\n`);
  const text = await sampleChapterText(store, 60, random);
  const words = vocabulary(text);
  const phrases = phrasesOf(text, random, 200);

  const kinds: QueryKind[] = [
    { name: 'popular fandom − warnings, by kudos, page 1', text: false, make: (r) => ({ params: { fandom: pick(r, popular), exclude: EXCLUDED_WARNINGS, sort: 'kudos' } }) },
    { name: 'popular fandom − warnings, by kudos, page 50', text: false, make: (r) => ({ params: { fandom: pick(r, popular), exclude: EXCLUDED_WARNINGS, sort: 'kudos' }, page: 50 }) },
    { name: 'rare tag', text: false, make: (r) => ({ params: { tag: pick(r, rare) } }) },
    {
      name: 'fandom + character + relationship',
      text: false,
      make: (r) => {
        const fandom = pick(r, [...neighbours.keys()]);
        const n = neighbours.get(fandom)!;
        return { params: { fandom, ...(n.characters.length ? { character: pick(r, n.characters) } : {}), ...(n.relationships.length ? { relationship: pick(r, n.relationships) } : {}) } };
      },
    },
    { name: 'fandom + word range + complete, by words', text: false, make: (r) => ({ params: { fandom: pick(r, fandoms.slice(0, 50)), words: pick(r, ['1000-5000', '10000-50000', '>100000']), complete: 'true', sort: 'words' } }) },
    { name: 'all works, by updated (front page of /works)', text: false, make: () => ({ params: {} }) },
    { name: 'text: common word', text: true, make: (r) => ({ params: { q: pick(r, words.common) } }) },
    { name: 'text: uncommon word', text: true, make: (r) => ({ params: { q: pick(r, words.uncommon) } }) },
    { name: 'text: phrase', text: true, make: (r) => ({ params: { q: `"${pick(r, phrases)}"` } }) },
    { name: 'text: two words − one, in a popular fandom by kudos', text: true, make: (r) => ({ params: { q: `${pick(r, words.uncommon)} ${pick(r, words.common)} -${pick(r, words.uncommon)}`, fandom: pick(r, popular), sort: 'kudos' } }) },
    { name: 'text: title: prefix', text: true, make: (r) => ({ params: { q: `title:${pick(r, words.common)}` } }) },
  ];

  const rows: string[][] = [];
  const results: Record<string, ReturnType<typeof summarize>> = {};
  const all: { filter: number[]; text: number[] } = { filter: [], text: [] };
  for (const kind of kinds) {
    const samples: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const { params, page } = kind.make(random);
      const start = performance.now();
      await findWorks(ctx, { params, limit: 20, ...(page ? { page } : {}), facetsPerType: 10 });
      samples.push(performance.now() - start);
    }
    // The first rounds warm caches; they are kept (a real server meets cold queries too).
    const s = summarize(samples);
    results[kind.name] = s;
    (kind.text ? all.text : all.filter).push(...samples);
    rows.push([kind.name, String(s.n), ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max)]);
    process.stderr.write(`${kind.name}: p95 ${ms(s.p95)} ms\n`);
  }
  const filter = summarize(all.filter);
  const fullText = summarize(all.text);
  rows.push(['**all filter queries (with facets)**', String(filter.n), ms(filter.p50), ms(filter.p95), ms(filter.p99), ms(filter.max)]);
  rows.push(['**all full-text queries**', String(fullText.n), ms(fullText.p50), ms(fullText.p95), ms(fullText.p99), ms(fullText.max)]);

  const index = discoveryIndexFor(store.db, store.caps);
  const memory = process.memoryUsage();
  console.log(`Database: ${store.describe}; works in the index: ${top.total.toLocaleString('en-US')} visible to guests`);
  console.log(`Discovery index: built in ${(buildMs / 1000).toFixed(1)} s, ${mib(index.memoryBytes())} of arrays; process RSS ${mib(memory.rss)}, heap ${mib(memory.heapUsed)}`);
  console.log('');
  console.log(markdownTable(['query (milliseconds)', 'n', 'p50', 'p95', 'p99', 'max'], rows));
  if (args.json) fs.writeFileSync(args.json, JSON.stringify({ database: store.caps.dialect, buildMs, indexBytes: index.memoryBytes(), rss: memory.rss, results, filter, fullText }, null, 2));
  await store.close();
}

/** Words of the sampled text by frequency: the commonest hundred, and ones seen two to five times. */
function vocabulary(text: string[]): { common: string[]; uncommon: string[] } {
  const counts = new Map<string, number>();
  for (const passage of text) for (const word of searchWords(passage)) if (word.length > 3) counts.set(word, (counts.get(word) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const common = ranked.slice(0, 100).map(([w]) => w);
  const uncommon = ranked.filter(([, n]) => n >= 2 && n <= 5).map(([w]) => w);
  return { common, uncommon: uncommon.length > 0 ? uncommon : common };
}

/** Two- and three-word runs taken from the sampled text. */
function phrasesOf(text: string[], random: Random, count: number): string[] {
  const phrases: string[] = [];
  for (let i = 0; i < count * 4 && phrases.length < count; i++) {
    const words = searchWords(pick(random, text));
    if (words.length < 4) continue;
    const length = 2 + Math.floor(random() * 2);
    const start = Math.floor(random() * (words.length - length));
    phrases.push(words.slice(start, start + length).join(' '));
  }
  return phrases;
}

await main();
