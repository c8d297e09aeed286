// Tag autocomplete benchmark (docs/BENCHMARKS.md): builds 200,000 tags through the store layer
// on SQLite (a temporary file) and PostgreSQL (a throwaway database; skipped with a message when
// the server is unreachable), then times a fixed mix of autocomplete questions through the
// service, and a sample through the HTTP route, and prints p50/p95/p99 per database.
//
//   npm run bench:autocomplete [-- --tags 200000 --fandoms 300 --queries 2000 --only sqlite|postgres]
//
// The corpus is bench/tag-corpus.ts, loaded by bench/build-tags.ts.
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { createTestStore, postgresUnavailableReason, type TestStore } from '../test/support/stores.ts';
import { fixedClock, memoryMailer } from '../test/support/factories.ts';
import { buildApp } from '../src/http/app.ts';
import { loadConfig } from '../src/config.ts';
import type { DialectName } from '../src/db/connect.ts';
import { autocompleteTags, type AutocompleteQuery } from '../src/services/works/tag-autocomplete.ts';
import { GUEST, type Actor } from '../src/domain/actor.ts';
import { foldText } from '../src/domain/tag-search.ts';
import type { TagType } from '../src/domain/tag-types.ts';
import { buildCorpus, pick, rng, zipf, type Corpus, type CorpusTag } from './tag-corpus.ts';
import { buildTags } from './build-tags.ts';

const { values: args } = parseArgs({
  options: {
    tags: { type: 'string', default: '200000' },
    fandoms: { type: 'string', default: '300' },
    queries: { type: 'string', default: '2000' },
    http: { type: 'string', default: '300' },
    repeat: { type: 'string', default: '3' },
    only: { type: 'string' },
  },
});
const TAGS = Number(args.tags);
const FANDOMS = Number(args.fandoms);
const QUERIES = Number(args.queries);
const HTTP_QUERIES = Number(args.http);
const REPEAT = Number(args.repeat);
const WARMUP = 300;
const NOW = '2026-11-21T12:00:00.000Z';
const READER: Actor = { kind: 'user', userId: 1, login: 'reader', roles: new Set(), suspended: false };

interface BenchQuery extends AutocompleteQuery {
  actor: Actor;
  /** For the breakdown. */
  kind: string;
}

/**
 * The fixed question mix. Filters: 40% a type, 20% no filter, 30% a type and a fandom, 10% a
 * fandom only; fandoms drawn with the corpus's skew, so big fandoms are asked about most. The
 * typed text is the first 1–4 characters of a word of an existing tag that fits the filters (as
 * a writer types a name they know; with or without its accents, in any case) — or, one time in
 * ten, letters that match little or nothing. 70% of the questions come from guests.
 */
function queryMix(corpus: Corpus, count: number, seed: number): BenchQuery[] {
  const random = rng(seed);
  const all = [...corpus.fandoms, ...corpus.tags];
  const typed: TagType[] = ['character', 'relationship', 'freeform', 'fandom'];
  const children = new Map<number, CorpusTag[]>();
  for (const t of corpus.tags) {
    for (const f of t.fandoms) {
      if (!children.has(f)) children.set(f, []);
      children.get(f)!.push(t);
    }
  }
  const pools = new Map<string, CorpusTag[]>();
  const queries: BenchQuery[] = [];
  while (queries.length < count) {
    const filter = random();
    const withType = filter < 0.4 || (filter >= 0.6 && filter < 0.9);
    const withFandom = filter >= 0.6;
    const type = withType ? (withFandom ? pick(random, typed.slice(0, 3)) : pick(random, typed)) : undefined;
    const fandomIndex = withFandom ? zipf(random, corpus.fandoms.length) : null;
    const poolKey = `${fandomIndex ?? 'all'}:${type ?? ''}`;
    let pool = pools.get(poolKey);
    if (!pool) pools.set(poolKey, (pool = (fandomIndex === null ? all : (children.get(fandomIndex) ?? [])).filter((t) => !type || t.type === type)));
    const length = 1 + Math.floor(random() * 4);
    let q: string;
    if (pool.length === 0 || random() < 0.1) {
      q = Array.from({ length }, () => pick(random, [...'qxzjkvwy'])).join('');
    } else {
      const words = pick(random, pool).name.split(/[\s/&()-]+/).filter((w) => w !== '');
      const word = pick(random, words);
      q = Array.from(random() < 0.5 ? word : foldText(word)).slice(0, length).join('');
      if (random() < 0.5) q = q.toLowerCase();
    }
    queries.push({
      q,
      ...(type ? { type } : {}),
      ...(fandomIndex !== null ? { fandom: corpus.fandoms[fandomIndex]!.name } : {}),
      actor: random() < 0.7 ? GUEST : READER,
      kind: `${type ? 'type' : 'any type'}${fandomIndex !== null ? ' + fandom' : ''}`,
    });
  }
  return queries;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summary(times: number[]): { n: number; p50: number; p95: number; p99: number; max: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted[sorted.length - 1]! };
}

const ms = (value: number) => value.toFixed(2);

function printTable(title: string, rows: Array<[string, number[]]>): void {
  console.log(`\n${title}\n| queries | n | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|`);
  for (const [label, times] of rows) {
    const s = summary(times);
    console.log(`| ${label} | ${s.n} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} |`);
  }
}

async function sizeOf(store: TestStore): Promise<string> {
  const { n } = await store.db.withTables<{ tag_words: { tag_id: number } }>().selectFrom('tag_words').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (store.caps.dialect === 'postgres') {
    const { rows } = await sql<{ size: string }>`select pg_size_pretty(pg_total_relation_size('tag_words')) as size`.execute(store.db);
    return `${Number(n).toLocaleString('en')} tag_words rows, ${rows[0]!.size} with indexes`;
  }
  const file = store.flags[1] ? `${store.flags[1]}/owlery.sqlite` : '';
  const { rows } = await sql<{ size: number }>`select sum(pgsize) as size from dbstat where name like 'tag_words%' or name like 'sqlite_autoindex_tag_words%'`.execute(store.db).catch(() => ({ rows: [] as Array<{ size: number }> }));
  const words = rows[0]?.size ? `, ${(rows[0].size / 1048576).toFixed(0)} MiB for tag_words` : '';
  return `${Number(n).toLocaleString('en')} tag_words rows; database file ${(fs.statSync(file).size / 1048576).toFixed(0)} MiB${words}`;
}

async function run(dialect: DialectName, corpus: Corpus, mix: BenchQuery[]): Promise<void> {
  if (dialect === 'postgres') {
    const reason = await postgresUnavailableReason();
    if (reason) {
      console.log(`\n## postgres: skipped — ${reason}`);
      return;
    }
  }
  const store = await createTestStore(dialect);
  try {
    const started = performance.now();
    await buildTags(store, corpus);
    const buildSeconds = (performance.now() - started) / 1000;
    console.log(`\n## ${dialect}: built ${(corpus.fandoms.length + corpus.tags.length).toLocaleString('en')} tags in ${buildSeconds.toFixed(1)} s (${await sizeOf(store)})`);

    const run = (query: BenchQuery) => autocompleteTags({ db: store.db, caps: store.caps, actor: query.actor }, query);
    for (const query of mix.slice(0, WARMUP)) await run(query);
    // The mix runs REPEAT times; every timing counts. The per-query minimum is printed as well: on
    // a shared machine it shows what the query costs when it is not waiting for a CPU.
    const samples: number[][] = mix.map(() => []);
    let empty = 0;
    for (let pass = 0; pass < REPEAT; pass++) {
      for (const [i, query] of mix.entries()) {
        const t0 = performance.now();
        const found = await run(query);
        samples[i]!.push(performance.now() - t0);
        if (pass === 0 && found.length === 0) empty++;
      }
    }
    const all = samples.flat();
    const best = samples.map((s) => Math.min(...s));
    const by = (key: (q: BenchQuery) => string) => {
      const groups = new Map<string, number[]>();
      mix.forEach((q, i) => {
        const group = groups.get(key(q)) ?? [];
        group.push(...samples[i]!);
        groups.set(key(q), group);
      });
      return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
    };
    printTable(`Service, ${mix.length} queries × ${REPEAT} passes (${empty} of ${mix.length} answers empty); load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`, [
      ['all', all],
      ['all, fastest of the passes per query', best],
      ...by((q) => `${Array.from(q.q).length} character${Array.from(q.q).length > 1 ? 's' : ''}`),
      ...by((q) => q.kind),
    ]);
    const slowest = mix.map((q, i) => ({ q, t: best[i]! })).sort((a, b) => b.t - a.t).slice(0, 5);
    console.log(`\nSlowest (fastest pass): ${slowest.map(({ q, t }) => `${ms(t)} ms ${JSON.stringify({ q: q.q, type: q.type, fandom: q.fandom ? 'yes' : undefined })}`).join('; ')}`);

    const dir = store.flags[0] === '--data' ? store.flags[1]! : os.tmpdir();
    const config = loadConfig({ data: dir, logLevel: 'silent' }, { OWLERY_RATE_LIMIT: '100000000' });
    const app = await buildApp({ config, store, clock: fixedClock(NOW), mailer: memoryMailer(), setupPending: false }, { logger: false });
    await app.ready();
    try {
      const url = (q: BenchQuery) => `/api/v1/tags/autocomplete?${new URLSearchParams({ q: q.q, ...(q.type ? { type: q.type } : {}), ...(q.fandom ? { fandom: q.fandom } : {}) }).toString()}`;
      const sample = mix.slice(0, HTTP_QUERIES);
      for (const query of sample.slice(0, 50)) await app.inject({ method: 'GET', url: url(query) });
      const httpTimes: number[] = [];
      for (const query of sample) {
        const t0 = performance.now();
        const res = await app.inject({ method: 'GET', url: url(query) });
        httpTimes.push(performance.now() - t0);
        if (res.statusCode !== 200) throw new Error(`${url(query)} answered ${res.statusCode}: ${res.body}`);
      }
      printTable('HTTP route through app.inject (guest)', [['sample', httpTimes]]);
    } finally {
      await app.close();
    }
  } finally {
    await store.destroy();
  }
}

const cpus = os.cpus();
console.log(`# Tag autocomplete benchmark — ${new Date().toISOString().slice(0, 10)}`);
console.log(`Node ${process.version}, ${os.availableParallelism()} cores (${cpus[0]?.model ?? 'unknown CPU'}), ${(os.totalmem() / 1073741824).toFixed(0)} GiB RAM`);
const t0 = performance.now();
const corpus = buildCorpus(TAGS, FANDOMS);
const mix = queryMix(corpus, QUERIES, 42);
const counts = new Map<string, number>();
for (const t of [...corpus.fandoms, ...corpus.tags]) counts.set(t.type, (counts.get(t.type) ?? 0) + 1);
const canonical = corpus.tags.filter((t) => t.canonical).length + corpus.fandoms.length;
console.log(
  `Corpus: ${(corpus.fandoms.length + corpus.tags.length).toLocaleString('en')} tags (${[...counts].map(([k, v]) => `${v.toLocaleString('en')} ${k}`).join(', ')}), ` +
    `${Math.round((100 * canonical) / (corpus.fandoms.length + corpus.tags.length))}% canonical; ${mix.length} queries + ${WARMUP} warm-up; generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
for (const dialect of ['sqlite', 'postgres'] as const) {
  if (args.only && args.only !== dialect) continue;
  await run(dialect, corpus, mix);
}
