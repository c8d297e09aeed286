import { configFrom, parse } from './args.ts';
import { openStore } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';

export const MIGRATE_HELP = `owlery migrate [--data DIR | --database-url URL]
  Brings the database schema up to date. (serve does this too, at start.)`;

export async function migrateCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {});
  if (values.help) return (console.log(MIGRATE_HELP), 0);
  const config = configFrom(values);
  const store = openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    const { applied } = await migrateToLatest(store);
    console.log(applied.length > 0 ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'The database is up to date.');
  } finally {
    await store.close();
  }
  return 0;
}
