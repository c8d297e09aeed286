// Opens the configured store, migrated, for a command; closes it afterwards whatever happens.
import type { Config } from '../config.ts';
import { openStore, type Store } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { SYSTEM } from '../domain/actor.ts';
import { systemClock, type ServiceContext } from '../services/context.ts';

export async function withStore<T>(config: Config, fn: (store: Store, ctx: ServiceContext) => Promise<T>): Promise<T> {
  const store = openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    await migrateToLatest(store);
    return await fn(store, { db: store.db, caps: store.caps, actor: SYSTEM, clock: systemClock });
  } finally {
    await store.close();
  }
}
