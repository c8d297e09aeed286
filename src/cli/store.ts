// Opens the configured store, migrated, for a command; closes it afterwards whatever happens.
import { publicBaseUrl, type Config } from '../config.ts';
import { openStore, type Store } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { SYSTEM } from '../domain/actor.ts';
import { systemClock, type ServiceContext } from '../services/context.ts';
import { createMailer } from '../mail/outbox.ts';

export async function withStore<T>(config: Config, fn: (store: Store, ctx: ServiceContext) => Promise<T>): Promise<T> {
  const store = openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    await migrateToLatest(store);
    return await fn(store, systemContext(store, config));
  } finally {
    await store.close();
  }
}

/** The context the command line acts in: the system actor, the real clock and mailer. */
export function systemContext(store: Store, config: Config): ServiceContext {
  return {
    db: store.db,
    caps: store.caps,
    actor: SYSTEM,
    clock: systemClock,
    mailer: createMailer(config),
    site: { name: config.siteName, baseUrl: publicBaseUrl(config) },
  };
}
