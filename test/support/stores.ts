// Fresh, migrated stores for tests, one per dialect. SQLite gets a temporary file; PostgreSQL a
// throwaway database created next to the test database and dropped afterwards, so test files
// can run in parallel without seeing each other's rows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgres, openSqlite, type DialectName, type Store } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { testEnvironment } from '../../src/config.ts';

export const DIALECTS: readonly DialectName[] = ['sqlite', 'postgres'];

export interface TestStore extends Store {
  /** Closes the store and removes its file or database. */
  destroy(): Promise<void>;
  /** For CLI tests: the flags that open this same store. */
  flags: string[];
}

let pgAvailability: Promise<string | null> | null = null;

/** null when PostgreSQL can be used; otherwise the reason it cannot. */
export function postgresUnavailableReason(): Promise<string | null> {
  pgAvailability ??= (async () => {
    const env = testEnvironment();
    if (env.postgresAvailable === false) return `PostgreSQL is not reachable at ${env.postgresUrl}`;
    const client = new pg.Client({ connectionString: env.postgresUrl, connectionTimeoutMillis: 10_000 });
    try {
      await client.connect();
      return null;
    } catch (error) {
      return `PostgreSQL is not reachable at ${env.postgresUrl}: ${(error as Error).message}`;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return pgAvailability;
}

/**
 * The `skip` option for a dialect's suite: false to run, or the printed reason. When CI requires
 * PostgreSQL, an unreachable server fails instead of skipping.
 */
export async function skipUnless(dialect: DialectName): Promise<false | string> {
  if (dialect === 'sqlite') return false;
  const reason = await postgresUnavailableReason();
  if (reason && testEnvironment().requirePostgres) throw new Error(`${reason} (and OWLERY_TEST_REQUIRE_PG=1)`);
  return reason ?? false;
}

export async function createTestStore(dialect: DialectName): Promise<TestStore> {
  const store = dialect === 'sqlite' ? createSqlite() : await createPostgres();
  await migrateToLatest(store);
  return store;
}

function createSqlite(): TestStore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'owlery-test-'));
  const store = openSqlite(path.join(dir, 'owlery.sqlite'));
  return {
    ...store,
    flags: ['--data', dir],
    async destroy() {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function createPostgres(): Promise<TestStore> {
  const adminUrl = testEnvironment().postgresUrl;
  const name = `owlery_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const store = openPostgres(url.toString(), 4);
  return {
    ...store,
    flags: ['--database-url', url.toString()],
    async destroy() {
      await store.close();
      // The pool has ended, but the server may take a moment to retire its backends.
      for (let attempt = 1; ; attempt++) {
        try {
          await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name}`);
          return;
        } catch (error) {
          if (attempt >= 20 || !/being accessed by other users/.test((error as Error).message)) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    },
  };
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
