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

/**
 * A rowid bound as an integer. better-sqlite3 binds JavaScript numbers as REAL, and FTS5 takes a
 * rowid constraint (`rowid >= ?`, `rowid = ?`) only when its value is an INTEGER: otherwise it
 * walks every match and leaves SQLite to filter them (200 ms instead of 10 for a phrase).
 */
const rowid = (id: number) => sql`cast(${id} as integer)`;

/** A JSON array of ids, for json_each(): one statement text whatever the number of ids. */
const idList = (ids: readonly number[]) => JSON.stringify(ids);
const minOf = (ids: readonly number[]) => ids.reduce((a, b) => Math.min(a, b));
const maxOf = (ids: readonly number[]) => ids.reduce((a, b) => Math.max(a, b));

export const sqliteFts5: FulltextEngine = {
  async lockForWrite(trx) {
    // A write as the transaction's first statement takes SQLite's write lock before anything is
    // read, so the works this step reads cannot change under it (and a deferred transaction never
    // has to upgrade from a stale read snapshot, which would fail with SQLITE_BUSY).
    await sql`update settings set value = value where key = ${STATE_KEY}`.execute(trx);
  },

  async remove(trx, workIds) {
    if (workIds.length === 0) return;
    await sql`delete from ${sql.table(FTS_TABLE)} where rowid in (${sql.join(workIds.map(rowid))})`.execute(trx);
  },

  async removeRange(trx, after, upTo) {
    await (upTo === null
      ? sql`delete from ${sql.table(FTS_TABLE)} where rowid > ${rowid(after)}`
      : sql`delete from ${sql.table(FTS_TABLE)} where rowid > ${rowid(after)} and rowid <= ${rowid(upTo)}`
    ).execute(trx);
  },

  async insert(trx, docs) {
    for (let i = 0; i < docs.length; i += INSERT_ROWS) {
      const rows = docs.slice(i, i + INSERT_ROWS).map((doc) => sql`(${sql.join([doc.workId, ...INDEX_FIELDS.map((f) => columnText(doc.fields[f]))])})`);
      await sql`insert into ${sql.table(FTS_TABLE)} (rowid, ${sql.raw(INDEX_FIELDS.join(', '))}) values ${sql.join(rows)}`.execute(trx);
    }
  },

  async ids(db, query, floor) {
    // One row holding a JSON array: returning a quarter of a million rows one by one costs several
    // times what finding them does, and JSON.parse reads numbers faster than anything else here.
    const { rows } = await sql<{ ids: string }>`
      select json_group_array(rowid) as ids from ${sql.table(FTS_TABLE)}
      where ${sql.table(FTS_TABLE)} match ${fts5Query(query)} ${floor === undefined ? sql`` : sql`and rowid >= ${rowid(floor)}`}`.execute(db);
    return rows[0] ? (JSON.parse(rows[0].ids) as number[]) : [];
  },

  async newest(db, term, limit) {
    const { rows } = await sql<{ n: number; floor: number | null }>`
      select count(*) as n, min(id) as floor from (
        select rowid as id from ${sql.table(FTS_TABLE)} where ${sql.table(FTS_TABLE)} match ${termQuery({ ...term, field: null })} order by rowid desc limit ${limit})`.execute(db);
    return { count: Number(rows[0]?.n ?? 0), floor: Number(rows[0]?.floor ?? 0) };
  },

  async ranked(db, terms, within) {
    if (within.length === 0 || terms.length === 0) return [];
    // The works in `within` already match the query; any of the terms finds them again for
    // bm25(), which sums over the phrases of the expression whatever its operators. The list is
    // tested by SQLite on each row (the unary + keeps it from FTS5): handed to FTS5, it becomes
    // one lookup per id, and each lookup recounts the works holding every phrase for bm25() — a
    // millisecond per id. The id range still narrows FTS5's walk.
    const { rows } = await sql<{ id: number; rank: number }>`
      select rowid as id, ${sql.raw(BM25)} as rank from ${sql.table(FTS_TABLE)}
      where ${sql.table(FTS_TABLE)} match ${terms.map(termQuery).join(' OR ')}
        and rowid between ${rowid(minOf(within))} and ${rowid(maxOf(within))} and +rowid in (select value from json_each(${idList(within)}))`.execute(db);
    // bm25() is lower-is-better; the interface wants higher-is-better.
    return rows.map((r) => ({ workId: Number(r.id), score: -r.rank }));
  },

  async strong(db, terms, limit, floor) {
    const wanted = terms.filter((t) => !t.field || STRONG.has(t.field));
    if (wanted.length === 0) return [];
    const match = wanted.map((t) => (t.field ? termQuery(t) : `{${[...STRONG].join(' ')}} : ${termQuery(t)}`)).join(' OR ');
    const from = floor === undefined ? sql`` : sql`and rowid >= ${rowid(floor)}`;
    // Counting first is cheap (no bm25), and spares scoring thousands of rows only to drop them.
    const { rows: counted } = await sql<{ n: number }>`
      select count(*) as n from (select rowid from ${sql.table(FTS_TABLE)} where ${sql.table(FTS_TABLE)} match ${match} ${from} limit ${limit + 1})`.execute(db);
    if (Number(counted[0]?.n ?? 0) > limit) return null;
    const { rows } = await sql<{ id: number; rank: number }>`
      select rowid as id, ${sql.raw(BM25)} as rank from ${sql.table(FTS_TABLE)} where ${sql.table(FTS_TABLE)} match ${match} ${from}`.execute(db);
    return rows.map((r) => ({ workId: Number(r.id), score: -r.rank }));
  },

  async inBody(db, term, workIds) {
    if (workIds.length === 0) return new Set();
    // Here FTS5 does take the list: a lookup per id (no bm25), for a page of works.
    const { rows } = await sql<{ id: number }>`
      select rowid as id from ${sql.table(FTS_TABLE)}
      where ${sql.table(FTS_TABLE)} match ${termQuery({ ...term, field: 'body' })} and rowid in (select value from json_each(${idList(workIds)}))`.execute(db);
    return new Set(rows.map((r) => Number(r.id)));
  },

  async afterRebuild() {
    // No 'optimize' (one merge of the whole index): it holds SQLite's write lock for as long as it
    // takes, which on a large archive stops every write for minutes. FTS5's automerge merges the
    // segments a rebuild leaves incrementally, as later writes happen.
  },
};
