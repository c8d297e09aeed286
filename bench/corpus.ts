// Builds a synthetic archive for the benchmarks (issue 5) through the real store layer:
//
//   npm run bench:corpus -- --works N [--data DIR | --database-url URL] [--seed S]
//       [--text-fraction 0.1] [--text-words-cap 3000] [--end-date YYYY-MM-DD] [--fresh]
//
// Realistic shapes: log-normal word counts (median ~3,000, tail to 500,000), Zipf-popular
// fandoms (~N/50), casts and freeforms (~N/10), ~20 tags per work with synonyms, parents and
// meta tags, power-law kudos with hits, comments and bookmarks following them, fifteen years of
// dates, ~2% drafts, ~0.5% hidden, ~5% restricted, ~3% anonymous; chapter text for a tenth of
// the works. The same seed builds the same archive. See bench/corpus/*.ts and docs/BENCHMARKS.md.
//
// The target must be empty (a fresh `--data` directory or database); `--fresh` wipes it first —
// on SQLite by deleting DIR/owlery.sqlite, on PostgreSQL by dropping and re-creating the public
// schema — and rebuilds it with the migrations.
import fs from 'node:fs';
import path from 'node:path';
import { configFrom, parse, UsageError } from '../src/cli/args.ts';
import { progressLine } from '../src/cli/progress.ts';
import { openStore, SQLITE_FILE } from '../src/db/connect.ts';
import { ConfigError } from '../src/config.ts';
import { buildCorpus, CorpusError, DEFAULTS, type CorpusOptions, type CorpusSummary, type ProgressEvent } from './corpus/build.ts';

export { buildCorpus, CorpusError, DEFAULTS, type CorpusOptions, type CorpusSummary } from './corpus/build.ts';

const HELP = `Usage: npm run bench:corpus -- --works N [options]

Builds a synthetic archive of N works for the benchmarks, through the store layer.

  --works N              number of works (required)
  --data DIR             SQLite archive in DIR/${SQLITE_FILE} (default ./data, or OWLERY_DATA)
  --database-url URL     PostgreSQL archive instead (or OWLERY_DATABASE_URL)
  --seed S               random seed; the same seed builds the same corpus (default ${DEFAULTS.seed})
  --text-fraction F      share of works stored with chapter text, 0–1 (default ${DEFAULTS.textFraction})
  --text-words-cap W     at most W words of text per such work (default ${DEFAULTS.textWordsCap})
  --end-date YYYY-MM-DD  newest posting date; works span the 15 years before (default ${DEFAULTS.endDate})
  --fresh                wipe a non-empty archive first (without it, a non-empty archive is refused);
                         needs --data or --database-url
  --batch-size B         works per transaction (default ${DEFAULTS.batchSize})
  --cache-mib M          SQLite page cache during the load, MiB (default ${DEFAULTS.cacheMiB})
  --no-reindex           skip building the full-text index (then run \`owlery reindex\` before searching)
  --json                 print the summary as JSON`;

const OPTIONS = {
  works: { type: 'string' },
  seed: { type: 'string' },
  'text-fraction': { type: 'string' },
  'text-words-cap': { type: 'string' },
  'end-date': { type: 'string' },
  fresh: { type: 'boolean' },
  'batch-size': { type: 'string' },
  'cache-mib': { type: 'string' },
  json: { type: 'boolean' },
  'no-reindex': { type: 'boolean' },
} as const;

function integer(name: string, value: string | undefined, fallback: number | null, min: number, max: number): number {
  if (value === undefined) {
    if (fallback === null) throw new UsageError(`--${name} is required.`);
    return fallback;
  }
  if (!/^\d+$/.test(value.replace(/_/g, ''))) throw new UsageError(`--${name} must be a whole number, not "${value}".`);
  const n = Number(value.replace(/_/g, ''));
  if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}, not ${n}.`);
  return n;
}

function fraction(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`--${name} must be a number from 0 to 1, not "${value}".`);
  return n;
}

const seconds = (s: number) => (s < 60 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`);
export const bytes = (n: number) => (n >= 2 ** 30 ? `${(n / 2 ** 30).toFixed(2)} GiB` : `${(n / 2 ** 20).toFixed(1)} MiB`);

/** One progress line per phase, with the rate and the time left. */
function progressReporter(): (event: ProgressEvent) => void {
  let line: ReturnType<typeof progressLine> | null = null;
  let phase = '';
  let phaseStart = 0;
  let lastDraw = 0;
  return (event) => {
    const now = performance.now();
    if (event.phase !== phase) {
      line?.done();
      phase = event.phase;
      phaseStart = now;
      line = event.phase === 'finishing' ? null : progressLine(event.phase.padEnd(7));
      if (event.phase === 'finishing') process.stderr.write('finishing: change-log triggers back on, sequences, statistics…\n');
    }
    if (!line || (now - lastDraw < 500 && event.done < event.total)) return;
    lastDraw = now;
    const elapsed = (now - phaseStart) / 1000;
    const rate = elapsed > 0 ? event.done / elapsed : 0;
    const eta = rate > 0 ? (event.total - event.done) / rate : 0;
    line.update(event.done, event.total, `${Math.round(rate).toLocaleString('en')}/s, ${seconds(elapsed)} elapsed, ETA ${seconds(eta)}`);
    if (event.done >= event.total) {
      line.done();
      line = null;
    }
  };
}

function printSummary(summary: CorpusSummary, where: string, options: CorpusOptions): void {
  const n = (v: number) => v.toLocaleString('en');
  const pct = (v: number) => `${((100 * v) / Math.max(1, summary.works)).toFixed(1)}%`;
  console.log(`Built a corpus of ${n(summary.works)} works in ${where} (seed ${options.seed}).

| | |
|---|---:|
| works | ${n(summary.works)} |
| posted / drafts | ${n(summary.posted)} / ${n(summary.drafts)} (${pct(summary.drafts)}) |
| hidden by admin | ${n(summary.hidden)} (${pct(summary.hidden)}) |
| restricted / anonymous | ${n(summary.restricted)} (${pct(summary.restricted)}) / ${n(summary.anonymous)} (${pct(summary.anonymous)}) |
| crossovers | ${n(summary.crossovers)} (${pct(summary.crossovers)}) |
| chapters | ${n(summary.chapters)} |
| works with text | ${n(summary.textWorks)} (${pct(summary.textWorks)}), ${n(summary.textWords)} words stored, cap ${n(options.textWordsCap)} per work |
| words (work word counts) | ${n(summary.nominalWords)} |
| users (one pseud each, some two) | ${n(summary.users)} |
| tags (besides the fixed ones) | ${n(summary.tags)} |
| work_tags / work_filters rows | ${n(summary.workTags)} / ${n(summary.workFilters)} (${(summary.workTags / Math.max(1, summary.works)).toFixed(1)} tags per work) |
| time: tags / users / works / indexes / finishing | ${seconds(summary.seconds.tags)} / ${seconds(summary.seconds.users)} / ${seconds(summary.seconds.works)} / ${seconds(summary.seconds.indexes)} / ${seconds(summary.seconds.finishing)} |
| time: full-text index | ${options.reindex ? seconds(summary.seconds.fulltext) : 'not built (--no-reindex)'} |
| **total time** | **${seconds(summary.seconds.total)}**${options.reindex ? ` (${seconds(summary.seconds.total - summary.seconds.fulltext)} without the full-text index)` : ''} |
| **database size** | **${bytes(summary.bytes)}**${options.reindex ? ` (${bytes(summary.corpusBytes)} before the full-text index)` : ''} |
`);
}

/** Runs the command; returns the exit code. */
export async function corpusCommand(argv: string[]): Promise<number> {
  try {
    const { values } = parse(argv, OPTIONS);
    if (values.help) {
      console.log(HELP);
      return 0;
    }
    const options: CorpusOptions = {
      works: integer('works', values.works, null, 1, 50_000_000),
      seed: integer('seed', values.seed, DEFAULTS.seed, 0, 2 ** 32 - 1),
      textFraction: fraction('text-fraction', values['text-fraction'], DEFAULTS.textFraction),
      textWordsCap: integer('text-words-cap', values['text-words-cap'], DEFAULTS.textWordsCap, 1, 1_000_000),
      endDate: values['end-date'] ?? DEFAULTS.endDate,
      fresh: values.fresh ?? false,
      batchSize: integer('batch-size', values['batch-size'], DEFAULTS.batchSize, 1, 100_000),
      cacheMiB: integer('cache-mib', values['cache-mib'], DEFAULTS.cacheMiB, 2, 64 * 1024),
      reindex: !values['no-reindex'],
      onProgress: progressReporter(),
    };
    if (!/^\d{4}-\d{2}-\d{2}$/.test(options.endDate) || !Number.isFinite(Date.parse(options.endDate))) {
      throw new UsageError(`--end-date must be a date as YYYY-MM-DD, not "${options.endDate}".`);
    }
    // Wiping is only for a target named on the command line, never the default ./data.
    if (options.fresh && values.data === undefined && values['database-url'] === undefined) {
      throw new UsageError('--fresh wipes the archive, so name it with --data DIR or --database-url URL.');
    }
    const config = configFrom(values);
    if (!config.databaseUrl && options.fresh) {
      // Deleting the file is much faster than dropping the tables of a large archive.
      const file = path.join(config.dataDir, SQLITE_FILE);
      for (const f of [file, `${file}-wal`, `${file}-shm`]) {
        if (fs.existsSync(f)) {
          process.stderr.write(`--fresh: deleting ${f}\n`);
          fs.rmSync(f);
        }
      }
    }
    const store = openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, poolSize: 2 });
    try {
      process.stderr.write(`Building ${options.works.toLocaleString('en')} works into ${store.describe}…\n`);
      const summary = await buildCorpus(store, options);
      if (values.json) console.log(JSON.stringify({ target: store.describe, ...summary, options: { ...options, onProgress: undefined } }));
      else printSummary(summary, store.describe, options);
      if (!options.reindex) {
        const flags = config.databaseUrl ? `--database-url '${store.describe}'` : `--data ${config.dataDir}`;
        process.stderr.write(`The full-text index is not built yet: run \`node src/main.ts reindex ${flags}\` before searching.\n`);
      }
      return 0;
    } finally {
      await store.close();
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof CorpusError) {
      console.error(`bench:corpus: ${error.message}${error instanceof UsageError ? '\n\n' + HELP : ''}`);
      return error instanceof UsageError ? 2 : 1;
    }
    console.error(`bench:corpus: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}

if (import.meta.main) process.exitCode = await corpusCommand(process.argv.slice(2));
