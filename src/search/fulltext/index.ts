// Full-text search (issue 5): the registry that gives each database handle one SearchProvider,
// SQLite FTS5 or PostgreSQL tsvector/GIN, so that one process's sync steps are coalesced.
import type { Kysely } from 'kysely';
import type { Capabilities } from '../../db/connect.ts';
import type { Database } from '../../db/schema.ts';
import type { SearchProvider } from '../types.ts';
import { FulltextProvider } from './provider.ts';
import { postgresTsvector } from './postgres-tsvector.ts';
import { sqliteFts5 } from './sqlite-fts5.ts';

const providers = new WeakMap<Kysely<Database>, SearchProvider>();

/** The full-text provider for a database handle: FTS5 on SQLite, tsvector/GIN on PostgreSQL. */
export function searchProviderFor(db: Kysely<Database>, caps: Capabilities): SearchProvider {
  let provider = providers.get(db);
  if (!provider) {
    provider = new FulltextProvider(db, caps.dialect === 'postgres' ? postgresTsvector : sqliteFts5);
    providers.set(db, provider);
  }
  return provider;
}
