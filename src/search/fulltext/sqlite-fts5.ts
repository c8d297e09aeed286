// The full-text engine on SQLite: one FTS5 row per work (migration 007), rowid = work id, columns
// title, summary, notes, tags, creators, body, ranked with FTS5's bm25() and column weights.
//
// The table is contentless with contentless_delete (SQLite ≥ 3.43): the text already lives in
// `works` and `chapters`, so the index keeps only its inverted lists and document sizes (all that
// bm25 needs), and rows can still be deleted by rowid. Tokens arrive folded and stemmed from
// analyze.ts, space-separated; the tokenizer only splits on the spaces (unicode61 with diacritic
// removal off, and marks counted as word characters so Indic and other combining scripts stay
// whole). Values of a multi-valued column (tags, chapters) are separated by U+E000, a private-use
// character that is a token of its own here and that no folded query can contain, so a phrase
// never runs from one tag or chapter into the next.
import { sql } from 'kysely';
import { INDEX_FIELDS, type CompiledQuery, type IndexField, type QueryTerm } from './analyze.ts';
import type { FulltextEngine } from './engine.ts';
import { STATE_KEY } from './index-sync.ts';

export const FTS_TABLE = 'search_fts';
export const FTS_TOKENIZE = `unicode61 remove_diacritics 0 categories 'L* N* Co M*'`;
const BOUNDARY = '\uE000';

/**
 * bm25 column weights, in column order (INDEX_FIELDS): a title match counts most, then tags and
 * creators, then the summary, then notes and chapter text (issue 5's ranking order).
 */
const WEIGHTS: Record<IndexField, number> = { title: 10, summary: 3, notes: 1, tags: 5, creators: 5, body: 1 };
/** Columns searched when too many works match to rank them all (engine.ts `strong`). */
const STRONG: ReadonlySet<IndexField> = new Set(['title', 'tags', 'creators']);
const BM25 = `bm25(${FTS_TABLE}, ${INDEX_FIELDS.map((f) => WEIGHTS[f]).join(', ')})`;

/** Rows per INSERT statement (7 parameters each, far below SQLite's variable limit). */
const INSERT_ROWS = 100;

function columnText(values: readonly string[][]): string {
  return values.map((v) => v.join(' ')).join(` ${BOUNDARY} `);
}

function termQuery(term: QueryTerm): string {
  // A quoted string is a phrase in FTS5 syntax; tokens hold only letters, digits and marks, but
  // quotes are doubled anyway as the syntax requires.
  const phrase = `"${term.tokens.join(' ').replaceAll('"', '""')}"`;
  return term.field ? `${term.field} : ${phrase}` : phrase;
}

/** The FTS5 MATCH expression: (a OR b) AND c NOT (d OR e). */
export function fts5Query(query: CompiledQuery): string {
  const positive = query.all.map((clause) => (clause.length === 1 ? termQuery(clause[0]!) : `(${clause.map(termQuery).join(' OR ')})`)).join(' AND ');
  if (query.none.length === 0) return positive;
  return `(${positive}) NOT (${query.none.map(termQuery).join(' OR ')})`;
}

export const sqliteFts5: FulltextEngine = {
  // bm25() needs each phrase's document frequency, which FTS5 finds by evaluating the phrase over
  // the whole index: cheap for a word (its list's length), not for a phrase of common words.
  rankFirst: (query) => query.all.flat().every((t) => t.tokens.length === 1),

  async lockForWrite(trx) {
    // A write as the transaction's first statement takes SQLite's write lock before anything is
    // read, so the works this step reads cannot change under it (and a deferred transaction never
    // has to upgrade from a stale read snapshot, which would fail with SQLITE_BUSY).
    await sql`update settings set value = value where key = ${STATE_KEY}`.execute(trx);
  },

  async remove(trx, workIds) {
    if (workIds.length === 0) return;
    await sql`delete from ${sql.table(FTS_TABLE)} where rowid in (${sql.join([...workIds])})`.execute(trx);
  },

  async removeRange(trx, after, upTo) {
    await (upTo === null
      ? sql`delete from ${sql.table(FTS_TABLE)} where rowid > ${after}`
      : sql`delete from ${sql.table(FTS_TABLE)} where rowid > ${after} and rowid <= ${upTo}`
    ).execute(trx);
  },

  async insert(trx, docs) {
    for (let i = 0; i < docs.length; i += INSERT_ROWS) {
      const rows = docs.slice(i, i + INSERT_ROWS).map((doc) => sql`(${sql.join([doc.workId, ...INDEX_FIELDS.map((f) => columnText(doc.fields[f]))])})`);
      await sql`insert into ${sql.table(FTS_TABLE)} (rowid, ${sql.raw(INDEX_FIELDS.join(', '))}) values ${sql.join(rows)}`.execute(trx);
    }
  },

  async countUpTo(db, query, limit) {
    const { rows } = await sql<{ n: number }>`
      select count(*) as n from (select rowid from ${sql.table(FTS_TABLE)} where ${sql.table(FTS_TABLE)} match ${fts5Query(query)} limit ${limit})`.execute(db);
    return Number(rows[0]?.n ?? 0);
  },

  async ranked(db, query, limit) {
    // bm25() is computed as rows are produced, so the limit also bounds the scoring work.
    const { rows } = await sql<{ id: number; rank: number }>`
      select rowid as id, ${sql.raw(BM25)} as rank from ${sql.table(FTS_TABLE)} where ${sql.table(FTS_TABLE)} match ${fts5Query(query)} limit ${limit}`.execute(db);
    // bm25() is lower-is-better; the interface wants higher-is-better.
    return rows.map((r) => ({ workId: Number(r.id), score: -r.rank }));
  },

  async ids(db, query, limit) {
    // One row of comma-separated ids: returning tens of thousands of rows one by one costs more
    // than finding them. FTS5 walks its lists in descending rowid order itself.
    const { rows } = await sql<{ ids: string | null }>`
      select group_concat(id) as ids from (
        select rowid as id from ${sql.table(FTS_TABLE)} where ${sql.table(FTS_TABLE)} match ${fts5Query(query)} order by rowid desc limit ${limit})`.execute(db);
    const ids = rows[0]?.ids;
    return ids ? ids.split(',').map(Number) : [];
  },

  async strong(db, terms, minId, limit) {
    const wanted = terms.filter((t) => !t.field || STRONG.has(t.field));
    if (wanted.length === 0) return [];
    const match = wanted.map((t) => (t.field ? termQuery(t) : `{${[...STRONG].join(' ')}} : ${termQuery(t)}`)).join(' OR ');
    const { rows } = await sql<{ id: number; rank: number }>`
      select rowid as id, ${sql.raw(BM25)} as rank from ${sql.table(FTS_TABLE)} where ${sql.table(FTS_TABLE)} match ${match} and rowid >= ${minId} limit ${limit}`.execute(db);
    return rows.map((r) => ({ workId: Number(r.id), score: -r.rank }));
  },

  async afterRebuild() {
    // No 'optimize' (one merge of the whole index): it holds SQLite's write lock for as long as it
    // takes, which on a large archive stops every write for minutes. FTS5's automerge merges the
    // segments a rebuild leaves incrementally, as later writes happen.
  },
};
