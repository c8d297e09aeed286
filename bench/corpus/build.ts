// Builds the benchmark corpus into a store: tags, accounts, then works in batches — each batch
// generated in memory and written in one transaction, so memory stays bounded whatever N is.
import { sql } from 'kysely';
import type { Store } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { putSetting } from '../../src/db/repos/settings.repo.ts';
import { tagKey } from '../../src/domain/tag-name.ts';
import { YEARS, rng } from './distributions.ts';
import {
  archiveContents, beginLoad, databaseBytes, deferIndexes, endLoad, firstFreeIds, isEmptyArchive, restoreIndexes, RowWriter, wipeArchive, writeTags,
  writeUsers, writeWorks, type Deferred,
} from './load.ts';
import { planTags } from './tags.ts';
import { generateWork, type WorkIds, type WorkRows } from './works.ts';

export interface CorpusOptions {
  works: number;
  seed: number;
  /** Share of works stored with chapter text (the others keep their metadata and empty chapter bodies). */
  textFraction: number;
  /** At most this many words of text per work. */
  textWordsCap: number;
  /** Wipe a non-empty archive first; without it a non-empty archive is refused. */
  fresh: boolean;
  /** The newest moment in the corpus is this day's midnight (UTC); works are posted over the fifteen years before. */
  endDate: string;
  /** Works per transaction. */
  batchSize?: number;
  /** SQLite page cache during the load. */
  cacheMiB?: number;
  /** Build the full-text index at the end (the provider's rebuild, as `owlery reindex` does). */
  reindex?: boolean;
  onProgress?: (event: ProgressEvent) => void;
}

export interface ProgressEvent {
  phase: 'tags' | 'users' | 'works' | 'indexes' | 'finishing' | 'full-text';
  done: number;
  total: number;
}

export interface CorpusSummary {
  works: number;
  posted: number;
  drafts: number;
  hidden: number;
  restricted: number;
  anonymous: number;
  crossovers: number;
  textWorks: number;
  textWords: number;
  nominalWords: number;
  chapters: number;
  users: number;
  tags: number;
  workTags: number;
  workFilters: number;
  /** Database size on disk at the end, and before the full-text index was built. */
  bytes: number;
  corpusBytes: number;
  seconds: { tags: number; users: number; works: number; indexes: number; finishing: number; fulltext: number; total: number };
}

export class CorpusError extends Error {}

export const DEFAULTS = { seed: 20261121, textFraction: 0.1, textWordsCap: 3000, endDate: '2026-11-21', batchSize: 1000, cacheMiB: 1024 } as const;

/** The setting the build leaves behind, so benchmarks can say what they ran on. */
export const CORPUS_SETTING = 'bench.corpus';

export async function buildCorpus(store: Store, options: CorpusOptions): Promise<CorpusSummary> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => {});
  const end = Date.parse(`${options.endDate}T00:00:00.000Z`);
  if (!Number.isFinite(end)) throw new CorpusError(`Invalid end date "${options.endDate}" (expected YYYY-MM-DD).`);
  // Tags and accounts date from the archive's first days, before any work.
  const opened = end - YEARS * 365.25 * 86_400_000;

  await migrateToLatest(store);
  const contents = await archiveContents(store.db);
  if (!isEmptyArchive(contents)) {
    if (!options.fresh) {
      throw new CorpusError(
        `${store.describe} is not empty (${contents.works} works, ${contents.users} users, ${contents.tags} tags). ` +
          'Pass --fresh to wipe it and build the corpus from scratch.',
      );
    }
    await wipeArchive(store);
    await migrateToLatest(store);
  }

  const summary: CorpusSummary = {
    works: options.works, posted: 0, drafts: 0, hidden: 0, restricted: 0, anonymous: 0, crossovers: 0, textWorks: 0, textWords: 0,
    nominalWords: 0, chapters: 0, users: 0, tags: 0, workTags: 0, workFilters: 0, bytes: 0, corpusBytes: 0,
    seconds: { tags: 0, users: 0, works: 0, indexes: 0, finishing: 0, fulltext: 0, total: 0 },
  };
  const lap = (() => {
    let last = performance.now();
    return () => {
      const t = performance.now();
      const s = (t - last) / 1000;
      last = t;
      return s;
    };
  })();

  await store.db.connection().execute(async (db) => {
    await beginLoad(store, db, options.cacheMiB ?? DEFAULTS.cacheMiB);
    let finished = false;
    let deferred: Deferred | null = null;
    try {
      const existing = await db.selectFrom('tags').select('name').execute();
      const plan = planTags(rng(options.seed, 1), { works: options.works, taken: existing.map((t) => tagKey(t.name)) });
      progress({ phase: 'tags', done: 0, total: plan.specs.length });
      const writer = new RowWriter(store.caps.dialect);
      const tags = await writeTags(db, writer, plan, new Date(opened).toISOString(), (done) => progress({ phase: 'tags', done, total: plan.specs.length }));
      summary.tags = plan.specs.length;
      summary.seconds.tags = lap();

      const userCount = Math.max(1, Math.ceil(options.works / 3));
      progress({ phase: 'users', done: 0, total: userCount });
      const creators = await writeUsers(db, writer, rng(options.seed, 2), userCount, opened);
      summary.users = userCount;
      progress({ phase: 'users', done: userCount, total: userCount });
      summary.seconds.users = lap();

      deferred = await deferIndexes(store, db);
      const random = rng(options.seed, 3);
      const first = await firstFreeIds(db);
      const ids: WorkIds = { workId: first.work, nextChapterId: first.chapter };
      const batchSize = options.batchSize ?? DEFAULTS.batchSize;
      progress({ phase: 'works', done: 0, total: options.works });
      // Generating batch k+1 overlaps writing batch k: the generator yields to the event loop
      // every few works, so PostgreSQL's replies are read and the next statement sent while it
      // runs (on SQLite, whose calls are synchronous, this changes nothing).
      let writing: Promise<void> | null = null;
      for (let start = 0; start < options.works; start += batchSize) {
        const batch: WorkRows[] = [];
        for (let i = start; i < Math.min(options.works, start + batchSize); i++) {
          // Evenly spread: exactly round(N × fraction) works get text.
          const withText = Math.floor((i + 1) * options.textFraction) > Math.floor(i * options.textFraction);
          const rows = generateWork(random, tags, creators, ids, { withText, textWordsCap: options.textWordsCap, end });
          ids.workId++;
          batch.push(rows);
          tally(summary, rows, withText);
          if (writing && i % 25 === 0) await new Promise((resolve) => setImmediate(resolve));
        }
        await writing;
        const done = Math.min(options.works, start + batchSize);
        writing = db.transaction().execute((trx) => writeWorks(trx, writer, batch)).then(() => progress({ phase: 'works', done, total: options.works }));
        // Rejections are seen at the next `await writing`; this only keeps Node from reporting them early.
        writing.catch(() => {});
      }
      await writing;
      summary.seconds.works = lap();
      finished = true;
    } finally {
      // Even after a failure, put back the indexes, foreign keys and triggers migrations made
      // (a failed load leaves a partial corpus: build it again with --fresh).
      const put = async (step: () => Promise<void>) => {
        await step().catch((error: unknown) => {
          if (finished) throw error;
        });
      };
      if (deferred) {
        const statements = deferred;
        progress({ phase: 'indexes', done: 0, total: statements.statements.length });
        await put(() => restoreIndexes(db, statements, (done, total) => progress({ phase: 'indexes', done, total })));
        summary.seconds.indexes = lap();
      }
      progress({ phase: 'finishing', done: 0, total: 1 });
      await put(() => endLoad(store, db));
    }
  });

  // PostgreSQL: what autovacuum would do soon after a bulk load (statistics for the planner, the
  // visibility map for index-only scans). SQLite gets no ANALYZE: the application never runs one,
  // so benchmarks see the planner a real archive has.
  if (store.caps.dialect === 'postgres') await sql`vacuum analyze`.execute(store.db);
  await putSetting(
    store.db,
    CORPUS_SETTING,
    JSON.stringify({
      works: options.works, seed: options.seed, textFraction: options.textFraction, textWordsCap: options.textWordsCap, endDate: options.endDate,
      builtAt: new Date().toISOString(), generator: 'bench/corpus.ts',
    }),
    new Date().toISOString(),
  );
  summary.seconds.finishing = lap();
  summary.corpusBytes = await databaseBytes(store);
  progress({ phase: 'finishing', done: 1, total: 1 });

  // The change log was off and is empty, so the full-text index would not see the corpus's
  // works on its own: rebuild it (or run `owlery reindex` later).
  if (options.reindex) {
    const { searchProviderFor } = await import('../../src/search/fulltext/index.ts');
    progress({ phase: 'full-text', done: 0, total: options.works });
    await searchProviderFor(store.db, store.caps).rebuild((done, total) => progress({ phase: 'full-text', done, total }));
    if (store.caps.dialect === 'postgres') await sql`vacuum analyze`.execute(store.db);
    summary.seconds.fulltext = lap();
  }
  summary.bytes = await databaseBytes(store);
  summary.seconds.total = (performance.now() - started) / 1000;
  return summary;
}

function tally(summary: CorpusSummary, rows: WorkRows, withText: boolean): void {
  const w = rows.work;
  if (w.posted) summary.posted++;
  else summary.drafts++;
  if (w.hidden_by_admin) summary.hidden++;
  if (w.restricted) summary.restricted++;
  if (w.anonymous) summary.anonymous++;
  if (w.crossover) summary.crossovers++;
  if (withText) summary.textWorks++;
  summary.textWords += rows.textWords;
  summary.nominalWords += rows.chapters.reduce((sum, c) => sum + c.word_count, 0);
  summary.chapters += rows.chapters.length;
  summary.workTags += rows.tagIds.length;
  summary.workFilters += rows.filterIds.length;
}
