// Kysely's SQLite driver prepares every query anew, and preparing costs as much as running the
// small indexed queries a page makes (a work page makes about twenty: a third of its database
// time went to sqlite3_prepare). This hands Kysely a database whose prepare() reuses the
// statement already compiled for the same SQL text, keeping the most recently used ones.
//
// Reuse is safe because the driver runs each statement to completion synchronously (all() or
// run()); only streamQuery() iterates, and Owlery never streams. SQLite re-prepares a cached
// statement by itself when a migration changes the schema under it.
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Distinct SQL texts kept; queries with IN lists of varying length make new texts. */
export const STATEMENT_CACHE_SIZE = 500;

export function withStatementCache(sqlite: BetterSqlite3.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) {
        // Map order is insertion order: moving a hit to the end makes the first key the least
        // recently used.
        cache.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (cache.size >= size) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}
