// The benchmark corpus builder (bench/corpus.ts) on a small scale: the shape of what it writes,
// that filter sets and word counts agree with the application's own code, and that it leaves the
// archive as migrations made it (triggers, indexes, foreign keys, sequences).
import { describe, it, before, after, mock } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DIALECTS, createTestStore, skipUnless, type TestStore } from '../support/stores.ts';
import { buildCorpus, corpusCommand, CorpusError, type CorpusOptions, type CorpusSummary } from '../../bench/corpus.ts';
import { Zipf, chapterCount, rng, workStats, workWords } from '../../bench/corpus/distributions.ts';
import { englishWordForms } from '../../bench/corpus/text.ts';
import { filterSetFor } from '../../src/services/filter-set.ts';
import { countWords } from '../../src/domain/word-count.ts';
import { sanitizeHtml } from '../../src/formats/sanitize.ts';
import { bool } from '../../src/db/types.ts';
import type { Store } from '../../src/db/connect.ts';

const OPTIONS: CorpusOptions = { works: 300, seed: 11, textFraction: 0.1, textWordsCap: 400, fresh: false, endDate: '2026-11-21' };

async function indexNames(store: Store): Promise<string[]> {
  if (store.sqlite) {
    return (store.sqlite.prepare(`select name from sqlite_master where type = 'index' order by name`).all() as Array<{ name: string }>).map((r) => r.name);
  }
  const { rows } = await sql<{ name: string }>`select indexname as name from pg_indexes where schemaname = current_schema() order by 1`.execute(store.db);
  return rows.map((r) => r.name);
}

describe('corpus distributions', () => {
  it('draws log-normal word counts around 3,000 words and more chapters for longer works', () => {
    const random = rng(1);
    const words = Array.from({ length: 20_000 }, () => workWords(random)).sort((a, b) => a - b);
    const median = words[words.length / 2]!;
    assert.ok(median > 2600 && median < 3400, `median ${median}`);
    assert.ok(words.at(-1)! > 60_000 && words.at(-1)! <= 500_000);
    const multi = words.filter((w) => chapterCount(random, w) > 1).length / words.length;
    assert.ok(multi > 0.3 && multi < 0.5, `multi-chapter share ${multi}`);
  });

  it('writes prose from a vocabulary of a few thousand English word forms', () => {
    const forms = englishWordForms().size;
    assert.ok(forms > 2000 && forms < 3500, `${forms} word forms`);
  });

  it('skews Zipf draws and keeps hits above kudos', () => {
    const random = rng(2);
    const zipf = new Zipf(1000, 1, 1);
    const counts = new Array<number>(1000).fill(0);
    for (let i = 0; i < 50_000; i++) counts[zipf.draw(random)]!++;
    assert.ok(counts[0]! > 20 * counts[500]!);
    for (let i = 0; i < 1000; i++) {
      const s = workStats(random);
      assert.ok(s.hits > s.kudos && s.kudos >= 0 && s.comments >= 0 && s.bookmarks >= 0);
    }
  });
});

describe('bench:corpus command line', () => {
  it('refuses bad flags with a message and exit code 2', async () => {
    const errors = mock.method(console, 'error', () => {});
    try {
      assert.equal(await corpusCommand([]), 2);
      assert.match(String(errors.mock.calls[0]?.arguments[0]), /--works is required/);
      assert.equal(await corpusCommand(['--works', 'many']), 2);
      assert.match(String(errors.mock.calls[1]?.arguments[0]), /--works must be a whole number/);
      assert.equal(await corpusCommand(['--works', '10', '--text-fraction', '2']), 2);
      assert.equal(await corpusCommand(['--works', '10', '--wat']), 2);
      assert.equal(await corpusCommand(['--works', '10', '--fresh']), 2);
      assert.match(String(errors.mock.calls.at(-1)?.arguments[0]), /--fresh wipes the archive/);
    } finally {
      errors.mock.restore();
    }
  });
});

for (const dialect of DIALECTS) {
  describe(`[${dialect}] bench corpus`, { skip: await skipUnless(dialect) }, () => {
    let store: TestStore;
    let summary: CorpusSummary;
    let indexesBefore: string[];
    before(async () => {
      store = await createTestStore(dialect);
      indexesBefore = await indexNames(store);
      summary = await buildCorpus(store, OPTIONS);
    });
    after(async () => {
      await store?.destroy();
    });

    const count = async (table: 'works' | 'chapters' | 'users' | 'work_tags' | 'work_filters' | 'work_changes') =>
      Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    it('writes what it reports', async () => {
      assert.equal(await count('works'), 300);
      assert.equal(await count('users'), 100);
      assert.equal(await count('chapters'), summary.chapters);
      assert.equal(await count('work_tags'), summary.workTags);
      assert.equal(await count('work_filters'), summary.workFilters);
      assert.ok(summary.chapters > 300 && summary.bytes > 0);
    });

    it('gives each work about twenty tags and the filter set the application would compute', async () => {
      const rows = await store.db
        .selectFrom('work_tags')
        .innerJoin('tags', 'tags.id', 'work_tags.tag_id')
        .select(['work_tags.work_id', 'work_tags.tag_id', 'tags.type'])
        .execute();
      const byWork = new Map<number, Array<{ id: number; type: string }>>();
      for (const r of rows) byWork.set(r.work_id, [...(byWork.get(r.work_id) ?? []), { id: r.tag_id, type: r.type }]);
      assert.equal(byWork.size, 300);
      const perWork = rows.length / 300;
      assert.ok(perWork > 16 && perWork < 24, `${perWork} tags per work`);
      for (const tags of byWork.values()) {
        const of = (type: string) => tags.filter((t) => t.type === type).length;
        assert.equal(of('rating'), 1);
        assert.ok(of('warning') >= 1 && of('category') >= 1 && of('fandom') >= 1);
      }
      const filters = await store.db.selectFrom('work_filters').select(['work_id', 'tag_id']).execute();
      const works = await store.db.selectFrom('works').select(['id', 'crossover']).execute();
      for (const work of works.filter((w) => w.id % 7 === 0)) {
        const expected = await filterSetFor(store.db, byWork.get(work.id)!.map((t) => t.id));
        const stored = filters.filter((f) => f.work_id === work.id).map((f) => f.tag_id).sort((a, b) => a - b);
        assert.deepEqual(stored, expected.filterIds, `filter set of work ${work.id}`);
        assert.equal(bool(work.crossover), expected.crossover, `crossover flag of work ${work.id}`);
      }
      assert.ok(works.some((w) => bool(w.crossover)));
    });

    it('stores chapter text for a tenth of the works, counted as AO3 counts, as sanitized HTML', async () => {
      const chapters = await store.db.selectFrom('chapters').select(['work_id', 'content', 'word_count']).execute();
      const withText = new Set(chapters.filter((c) => c.content !== '').map((c) => c.work_id));
      assert.equal(withText.size, 30);
      const stored = new Map<number, number>();
      for (const c of chapters.filter((c) => c.content !== '')) {
        assert.equal(c.word_count, countWords(c.content));
        stored.set(c.work_id, (stored.get(c.work_id) ?? 0) + c.word_count);
      }
      for (const c of chapters.filter((c) => c.content !== '').slice(0, 10)) assert.equal(sanitizeHtml(c.content), c.content);
      const capped = await store.db.selectFrom('works').select(['id', 'chapter_count']).where('id', 'in', [...withText]).execute();
      // The cap holds to within a sentence per chapter (a chapter ends at the first sentence past its share).
      for (const w of capped) assert.ok(stored.get(w.id)! <= OPTIONS.textWordsCap + 30 * Math.max(1, w.chapter_count), `work ${w.id}: ${stored.get(w.id)} words`);
      const posted = await store.db.selectFrom('works').select(['id', 'word_count']).where('posted', '=', true).execute();
      const sums = new Map<number, number>();
      for (const c of chapters) sums.set(c.work_id, (sums.get(c.work_id) ?? 0) + c.word_count);
      for (const w of posted) assert.equal(w.word_count, sums.get(w.id));
    });

    it('skews popularity: the biggest fandom has several times the works of the median one', async () => {
      const rows = await store.db
        .selectFrom('work_filters')
        .innerJoin('tags', 'tags.id', 'work_filters.tag_id')
        .where('tags.type', '=', 'fandom')
        .select(['tags.id', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('tags.id')
        .execute();
      const counts = rows.map((r) => Number(r.n)).sort((a, b) => b - a);
      // Only eight fandoms at this size (N/50, at least 8): at a million works the top one is ~5,000× the median.
      assert.ok(counts[0]! >= 2.5 * counts[Math.floor(counts.length / 2)]! && counts[0]! >= 4 * counts.at(-1)!, `fandom sizes ${counts.join(', ')}`);
      const kudos = (await store.db.selectFrom('works').select('kudos_count').where('posted', '=', true).execute()).map((r) => r.kudos_count).sort((a, b) => a - b);
      assert.ok(kudos.at(-1)! > 10 * kudos[Math.floor(kudos.length / 2)]!);
    });

    it('has drafts (unposted, with unposted chapters), restricted and anonymous works', async () => {
      const works = await store.db.selectFrom('works').select(['id', 'posted', 'posted_at', 'chapter_count', 'restricted', 'anonymous', 'hidden_by_admin']).execute();
      const drafts = works.filter((w) => !bool(w.posted));
      assert.ok(drafts.length >= 1 && drafts.length <= 20, `${drafts.length} drafts`);
      assert.ok(drafts.every((w) => w.posted_at === null && w.chapter_count === 0));
      const draftChapters = await store.db.selectFrom('chapters').select('posted').where('work_id', 'in', drafts.map((d) => d.id)).execute();
      assert.ok(draftChapters.length > 0 && draftChapters.every((c) => !bool(c.posted)));
      assert.ok(works.some((w) => bool(w.restricted)) && works.some((w) => bool(w.anonymous)));
      assert.ok(works.filter((w) => bool(w.hidden_by_admin)).length <= 10);
    });

    it('leaves the archive as migrations made it: indexes, foreign keys, change log triggers, sequences', async () => {
      assert.deepEqual(await indexNames(store), indexesBefore);
      assert.equal(await count('work_changes'), 0);
      await assert.rejects(store.db.insertInto('work_tags').values({ work_id: 999_999, tag_id: 1 }).execute(), /foreign key/i);
      const now = new Date().toISOString();
      const { id } = await store.db
        .insertInto('works')
        .values({ title: 'After the corpus', summary: '', notes: '', end_notes: '', language: 'en', sanitizer_version: 1, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      assert.equal(id, 301);
      assert.equal(await count('work_changes'), 1);
    });

    it('refuses a non-empty archive, and with fresh wipes it and builds again (the same corpus for the same seed)', async () => {
      await assert.rejects(buildCorpus(store, OPTIONS), (error: unknown) => error instanceof CorpusError && /not empty/.test(error.message));
      const titles = async () => (await store.db.selectFrom('works').select('title').orderBy('id').limit(300).execute()).map((r) => r.title);
      const first = await titles();
      // The same build again on SQLite; a small one on PostgreSQL, where migrating twice is slow.
      const options = dialect === 'sqlite' ? { ...OPTIONS, fresh: true } : { ...OPTIONS, works: 30, fresh: true };
      const again = await buildCorpus(store, options);
      assert.equal(await count('works'), options.works);
      assert.equal(await count('work_tags'), again.workTags);
      if (dialect === 'sqlite') {
        assert.equal(again.workTags, summary.workTags);
        assert.deepEqual(await titles(), first);
      }
    });
  });
}
