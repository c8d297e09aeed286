// The full-text engine on PostgreSQL: one `search_docs` row per work (migration 007) with two
// tsvector columns, each with a GIN index:
//
//   strong_tsv  title (weight A), tags (B), creators (C)          — a few hundred bytes
//   text_tsv    summary (A), notes (B), chapter text (D)          — up to hundreds of kilobytes
//
// Two vectors rather than one because a tsvector has four weight classes and the query language
// has six fields; weights then name the field exactly (`creator:x` is 'x':C on strong_tsv), and
// the small vector ranks many matches without reading chapter text (engine.ts `strong`). Both
// are kept out of the table's rows (toast_tuple_target, migration 007), so the rows a bitmap scan
// visits for each match are a few dozen bytes and many fit on a page.
//
// The vectors are written as tsvector literals built in JavaScript from analyze.ts's tokens, and
// queries as tsquery literals from the same tokens: no text search configuration, parser, locale,
// dictionary or extension is involved (PostgreSQL's default parser treats CJK and other
// non-ASCII text differently under different locales; here every token is decided before it
// arrives). Ranking is ts_rank with per-class weights (title > tags/creators > summary >
// notes/chapter text), normalized by document length — the accepted PostgreSQL equivalent of
// FTS5's BM25 with column weights.
//
// tsvector limits, handled while building: positions stop at 16,383 (later tokens are still found
// as words, and keep their field's weight, but take part in phrases only within the first 16,383
// positions of each vector), at most 256 positions per lexeme, and under 1 MB per vector (a
// vector that would exceed it stops taking new words — only plausible for works of millions of
// words in which every word is different).
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Db } from '../../db/types.ts';
import { type CompiledQuery, type IndexDocument, type IndexField, type QueryTerm } from './analyze.ts';
import type { FulltextEngine } from './engine.ts';

type Weight = 'A' | 'B' | 'C' | 'D';
type Vector = 'strong_tsv' | 'text_tsv';

const PLACE: Readonly<Record<IndexField, { vector: Vector; weight: Weight }>> = {
  title: { vector: 'strong_tsv', weight: 'A' },
  tags: { vector: 'strong_tsv', weight: 'B' },
  creators: { vector: 'strong_tsv', weight: 'C' },
  summary: { vector: 'text_tsv', weight: 'A' },
  notes: { vector: 'text_tsv', weight: 'B' },
  body: { vector: 'text_tsv', weight: 'D' },
};

// ts_rank's weight arrays list classes in the order {D, C, B, A}.
const WEIGHTS: Readonly<Record<Vector, RawBuilder<unknown>>> = {
  strong_tsv: sql.raw(`'{0, 0.5, 0.5, 1.0}'::float4[]`),
  text_tsv: sql.raw(`'{0.1, 0, 0.1, 0.3}'::float4[]`),
};

const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_LEXEME = 256;
/** Under PostgreSQL's 1 MB tsvector limit, with room for its own headers. */
const MAX_VECTOR_BYTES = 1_000_000;
const INSERT_ROWS = 50;
/**
 * Runs a matching query with the planner kept to the GIN indexes (bitmap scans). Its cost model
 * does not know that testing a row's text vector means fetching and decompressing it from TOAST,
 * so on its own it may choose a sequential scan, or a backward scan of the primary key for
 * "newest first", that reads every work's text; or a bitmap so large it turns lossy
 * (page-level) and rechecks every row of those pages the same way. More work_mem keeps bitmaps
 * exact for the largest result sets.
 */
async function inPlannerSettings<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  const run = async (trx: Db) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    await sql`set local enable_indexscan = off`.execute(trx);
    await sql`set local work_mem = '64MB'`.execute(trx);
    return fn(trx);
  };
  // Inside a caller's transaction, settings would outlive this query: run it as it is.
  return db.isTransaction ? fn(db) : (db as Kysely<Database>).transaction().execute(run);
}

/** pg_advisory_xact_lock key for writers of this index ("owlF" in ASCII). */
const LOCK_KEY = 0x6f776c46;

interface Lexeme {
  positions: string[];
  /** Weight classes already present, so a clamped position is added once per class. */
  weights: Set<Weight>;
  last: number;
}

const literal = (token: string) => `'${token.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

/** A tsvector literal: `'dragon':3A,40D 'red':2A`. */
export function tsvectorLiteral(parts: ReadonlyArray<{ values: readonly string[][]; weight: Weight }>): string {
  const lexemes = new Map<string, Lexeme>();
  let position = 0;
  let bytes = 0;
  for (const { values, weight } of parts) {
    for (const value of values) {
      position++; // a gap before each value: no phrase spans two tags, fields or chapters
      for (const token of value) {
        position++;
        let lexeme = lexemes.get(token);
        if (!lexeme) {
          const cost = Buffer.byteLength(token) + 8;
          if (bytes + cost > MAX_VECTOR_BYTES) continue;
          bytes += cost;
          lexemes.set(token, (lexeme = { positions: [], weights: new Set(), last: 0 }));
        }
        if (lexeme.positions.length >= MAX_POSITIONS_PER_LEXEME) continue;
        // Past the last position, a lexeme still gets one clamped position per weight class, so
        // that field searches find it.
        const at = Math.min(position, MAX_POSITION);
        if (at <= lexeme.last || (at === MAX_POSITION && lexeme.weights.has(weight))) continue;
        lexeme.positions.push(`${at}${weight}`);
        lexeme.weights.add(weight);
        lexeme.last = at;
        bytes += 2;
      }
    }
  }
  return [...lexemes].map(([token, l]) => `${literal(token)}:${l.positions.join(',')}`).join(' ');
}

function vectorOf(doc: IndexDocument, vector: Vector): string {
  const fields = (Object.keys(PLACE) as IndexField[]).filter((f) => PLACE[f].vector === vector);
  return tsvectorLiteral(fields.map((f) => ({ values: doc.fields[f], weight: PLACE[f].weight })));
}

/** A term as a tsquery literal: 'red' <-> 'dragon', weight-restricted for a field. */
function termTsquery(term: QueryTerm): string {
  const weight = term.field ? `:${PLACE[term.field].weight}` : '';
  return term.tokens.map((t) => `${literal(t)}${weight}`).join(' <-> ');
}

function termCondition(term: QueryTerm): RawBuilder<unknown> {
  const q = termTsquery(term);
  if (term.field) return sql`${sql.ref(PLACE[term.field].vector)} @@ ${q}::tsquery`;
  return sql`(strong_tsv @@ ${q}::tsquery or text_tsv @@ ${q}::tsquery)`;
}

function whereClause(query: CompiledQuery): RawBuilder<unknown> {
  const clauses = query.all.map((clause) => sql`(${sql.join(clause.map(termCondition), sql` or `)})`);
  // Exclusions as a set of ids found through the indexes, rather than a test on each candidate
  // row, which would read (de-TOAST) every candidate's text vector.
  if (query.none.length > 0) {
    clauses.push(sql`work_id not in (select work_id from search_docs where ${sql.join(query.none.map(termCondition), sql` or `)})`);
  }
  return sql.join(clauses, sql` and `);
}

/** The OR of the terms that can occur in one vector ('' when none can). */
function rankTsquery(terms: readonly QueryTerm[], vector: Vector): string {
  return terms
    .filter((t) => !t.field || PLACE[t.field].vector === vector)
    .map((t) => `(${termTsquery(t)})`)
    .join(' | ');
}

/** ts_rank with normalization 1 (divided by 1 + log of the document's length), as BM25 discounts long documents. */
function rankOf(terms: readonly QueryTerm[], vector: Vector): RawBuilder<unknown> {
  const q = rankTsquery(terms, vector);
  return q ? sql`ts_rank(${WEIGHTS[vector]}, ${sql.ref(vector)}, ${q}::tsquery, 1)` : sql`0`;
}

export const postgresTsvector: FulltextEngine = {
  async lockForWrite(trx) {
    await sql`select pg_advisory_xact_lock(${sql.raw(String(LOCK_KEY))})`.execute(trx);
  },

  async remove(trx, workIds) {
    if (workIds.length === 0) return;
    await sql`delete from search_docs where work_id = any(${[...workIds]}::int[])`.execute(trx);
  },

  async removeRange(trx, after, upTo) {
    await (upTo === null
      ? sql`delete from search_docs where work_id > ${after}`
      : sql`delete from search_docs where work_id > ${after} and work_id <= ${upTo}`
    ).execute(trx);
  },

  async insert(trx, docs) {
    for (let i = 0; i < docs.length; i += INSERT_ROWS) {
      const rows = docs.slice(i, i + INSERT_ROWS).map((doc) => sql`(${doc.workId}, ${vectorOf(doc, 'strong_tsv')}::tsvector, ${vectorOf(doc, 'text_tsv')}::tsvector)`);
      await sql`insert into search_docs (work_id, strong_tsv, text_tsv) values ${sql.join(rows)}`.execute(trx);
    }
  },

  async ids(db, query, floor) {
    // One array rather than a row per id: returning a quarter of a million rows costs more than
    // finding them.
    return inPlannerSettings(db, async (trx) => {
      const { rows } = await sql<{ ids: number[] | null }>`
        select array_agg(work_id) as ids from search_docs where ${whereClause(query)} ${floor === undefined ? sql`` : sql`and work_id >= ${floor}`}`.execute(trx);
      return rows[0]?.ids ?? [];
    });
  },

  async newest(db, term, limit) {
    return inPlannerSettings(db, async (trx) => {
      const { rows } = await sql<{ n: number; floor: number | null }>`
        select count(*) as n, min(work_id) as floor from (
          select work_id from search_docs where ${termCondition({ ...term, field: null })} order by work_id desc limit ${limit}) found`.execute(trx);
      return { count: Number(rows[0]?.n ?? 0), floor: Number(rows[0]?.floor ?? 0) };
    });
  },

  async ranked(db, terms, within) {
    if (within.length === 0 || terms.length === 0) return [];
    // By primary key: ts_rank reads each of these few works' vectors anyway.
    const { rows } = await sql<{ work_id: number; score: number }>`
      select work_id, ${rankOf(terms, 'strong_tsv')} + ${rankOf(terms, 'text_tsv')} as score
      from search_docs where work_id = any(${[...within]}::int[]) and (${sql.join(terms.map(termCondition), sql` or `)})`.execute(db);
    return rows.map((r) => ({ workId: r.work_id, score: Number(r.score) }));
  },

  async strong(db, terms, limit, floor) {
    const q = rankTsquery(terms, 'strong_tsv');
    if (!q) return [];
    const from = floor === undefined ? sql`` : sql`and work_id >= ${floor}`;
    return inPlannerSettings(db, async (trx) => {
      // Counting first reads the GIN index alone; scoring reads each match's vector from TOAST,
      // which would be wasted on thousands of rows only to drop them.
      const { rows: counted } = await sql<{ n: number }>`
        select count(*) as n from (select 1 from search_docs where strong_tsv @@ ${q}::tsquery ${from} limit ${limit + 1}) found`.execute(trx);
      if (Number(counted[0]?.n ?? 0) > limit) return null;
      const { rows } = await sql<{ work_id: number; score: number }>`
        select work_id, ${rankOf(terms, 'strong_tsv')} as score from search_docs where strong_tsv @@ ${q}::tsquery ${from}`.execute(trx);
      return rows.map((r) => ({ workId: r.work_id, score: Number(r.score) }));
    });
  },

  async inBody(db, term, workIds) {
    if (workIds.length === 0) return new Set();
    // By primary key, then the test on each of these few rows' vectors (no planner settings: the
    // GIN index would list every work holding a common word).
    const { rows } = await sql<{ work_id: number }>`
      select work_id from search_docs where work_id = any(${[...workIds]}::int[]) and text_tsv @@ ${termTsquery({ ...term, field: 'body' })}::tsquery`.execute(db);
    return new Set(rows.map((r) => r.work_id));
  },

  async afterRebuild(db) {
    // Fresh statistics, so the planner's selectivity estimates for @@ match the new index.
    await sql`analyze search_docs`.execute(db);
  },
};
