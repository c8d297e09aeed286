// Opens the store: SQLite through better-sqlite3 (default) or PostgreSQL through pg. Everything
// dialect-specific is named here as a capability flag so the rest of the code asks "can this
// database do X?" rather than "is this SQLite?".
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { withStatementCache } from './sqlite-statement-cache.ts';
import type { Database } from './schema.ts';
import { SqliteBooleanPlugin } from './sqlite-booleans.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface Capabilities {
  dialect: DialectName;
  /** `SELECT … FOR UPDATE SKIP LOCKED` for job claiming. */
  skipLocked: boolean;
  /**
   * `SELECT … FOR UPDATE` row locks, to serialize writers of one work. SQLite has none and needs
   * none: a write transaction there already runs alone (one connection, one writer at a time).
   */
  rowLocks: boolean;
  /** `LEFT JOIN LATERAL`, which PostgreSQL plans far better than a many-branch UNION. */
  lateralJoins: boolean;
  /** `ILIKE` for case-insensitive matching; SQLite's LIKE is already ASCII case-insensitive. */
  ilike: boolean;
  /** Online backup: SQLite's backup API vs pg_dump. */
  onlineBackup: 'sqlite-api' | 'pg_dump';
}

export interface Store {
  db: Kysely<Database>;
  caps: Capabilities;
  /** Human-readable location for logs (never includes a password). */
  describe: string;
  /** The raw better-sqlite3 handle, for the backup API; null on PostgreSQL. */
  sqlite: BetterSqlite3.Database | null;
  close(): Promise<void>;
}

export interface StoreOptions {
  dataDir: string;
  databaseUrl: string | null;
  /** Maximum pooled PostgreSQL connections. */
  poolSize?: number;
}

export const SQLITE_FILE = 'owlery.sqlite';

// pg returns timestamptz as Date and int8 as string; make both databases hand back the same
// JavaScript values: ISO-8601 strings and numbers.
const PG_TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 1184 || oid === 1114) return (value: string) => new Date(value.includes('+') || value.endsWith('Z') ? value : `${value}Z`).toISOString();
    if (oid === 20) return (value: string) => Number(value);
    if (oid === 1700) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparseable)';
  }
}

export function openStore(options: StoreOptions): Store {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openSqlite(path.join(options.dataDir, SQLITE_FILE));
}

export function openSqlite(file: string): Store {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    plugins: [new SqliteBooleanPlugin()],
  });
  return {
    db,
    sqlite,
    caps: { dialect: 'sqlite', skipLocked: false, rowLocks: false, lateralJoins: false, ilike: false, onlineBackup: 'sqlite-api' },
    describe: `sqlite:${file}`,
    close: () => db.destroy(),
  };
}

export function openPostgres(url: string, poolSize: number): Store {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: PG_TYPES });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    sqlite: null,
    caps: { dialect: 'postgres', skipLocked: true, rowLocks: true, lateralJoins: true, ilike: true, onlineBackup: 'pg_dump' },
    describe: redactUrl(url),
    close: () => db.destroy(),
  };
}
