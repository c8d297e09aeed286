// Runs the migration set with Kysely's Migrator (which takes a lock, so two app processes
// starting together on PostgreSQL do not race).
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import type { Store } from './connect.ts';
import { MIGRATIONS } from './migrations/index.ts';
import type { MigrationContext } from './migrations/types.ts';

function contextFor(store: Store): MigrationContext {
  const postgres = store.caps.dialect === 'postgres';
  return {
    caps: store.caps,
    columns: {
      id: postgres ? (c) => c.primaryKey().generatedByDefaultAsIdentity() : (c) => c.primaryKey().autoIncrement(),
      timestamp: postgres ? 'timestamptz' : 'text',
    },
  };
}

class StaticProvider implements MigrationProvider {
  readonly #ctx: MigrationContext;
  constructor(ctx: MigrationContext) {
    this.#ctx = ctx;
  }
  async getMigrations(): Promise<Record<string, Migration>> {
    const ctx = this.#ctx;
    return Object.fromEntries(
      Object.entries(MIGRATIONS).map(([name, m]) => [
        name,
        {
          up: (db) => m.up(db as never, ctx),
          ...(m.down ? { down: (db) => m.down!(db as never, ctx) } : {}),
        } satisfies Migration,
      ]),
    );
  }
}

export interface MigrationReport {
  applied: string[];
}

export async function migrateToLatest(store: Store): Promise<MigrationReport> {
  const migrator = new Migrator({ db: store.db, provider: new StaticProvider(contextFor(store)) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
