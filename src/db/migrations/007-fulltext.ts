// The full-text index (issue 5; src/search/fulltext/): one row per posted, unhidden work.
//
// SQLite: an FTS5 table, contentless (the text stays in works and chapters) with contentless_delete
// so rows can be replaced by rowid (= work id). Tokens arrive folded and stemmed from JavaScript,
// so the tokenizer only splits on spaces; see sqlite-fts5.ts.
//
// PostgreSQL: a table of two tsvector columns with a GIN index each (postgres-tsvector.ts). Vectors are
// written as literals built in JavaScript, so no text search configuration or extension
// (unaccent, pg_trgm) is needed.
//
// No backfill here: the sync state below asks the index to scan every existing work, which the
// application does a bounded step at a time (or `owlery reindex` at once), so upgrading a large
// archive does not hold its migration for the length of a full index build.
import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './types.ts';

const STATE_KEY = 'fulltext.sync';

export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  if (ctx.caps.dialect === 'postgres') {
    // toast_tuple_target 128 moves both vectors out of the row (the minimum PostgreSQL allows), so
    // a row is a few dozen bytes and the heap pages a bitmap scan visits per match stay few.
    await sql`create table search_docs (
      work_id integer primary key,
      strong_tsv tsvector not null,
      text_tsv tsvector not null
    ) with (toast_tuple_target = 128)`.execute(db);
    await sql`create index search_docs_strong on search_docs using gin (strong_tsv)`.execute(db);
    await sql`create index search_docs_text on search_docs using gin (text_tsv)`.execute(db);
  } else {
    // Keep in step with FTS_TOKENIZE and INDEX_FIELDS in sqlite-fts5.ts / analyze.ts.
    await sql.raw(`create virtual table search_fts using fts5(
      title, summary, notes, tags, creators, body,
      content = '', contentless_delete = 1,
      tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
    )`).execute(db);
  }

  // The state index-sync.ts reads: log applied up to the newest entry, and a scan from the first
  // work when there are works to index already.
  const latest = await sql<{ seq: number | null }>`select max(seq) as seq from work_changes`.execute(db);
  const works = await sql<{ id: number }>`select id from works limit 1`.execute(db);
  const state = { seq: Number(latest.rows[0]?.seq ?? 0), gaps: [], scan: works.rows.length > 0 ? 0 : null };
  const now = new Date().toISOString();
  await sql`insert into settings (key, value, updated_at) values (${STATE_KEY}, ${JSON.stringify(state)}, ${now})`.execute(db);
}

export async function down(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  await sql`delete from settings where key = ${STATE_KEY}`.execute(db);
  await sql.raw(ctx.caps.dialect === 'postgres' ? 'drop table if exists search_docs' : 'drop table if exists search_fts').execute(db);
}
