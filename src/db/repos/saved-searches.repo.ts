// A reader's saved searches: a name and a canonical listing query string.
import type { Db } from '../types.ts';

export interface SavedSearchRow {
  id: number;
  userId: number;
  name: string;
  query: string;
  createdAt: string;
}

const COLUMNS = ['id', 'user_id', 'name', 'query', 'created_at'] as const;
type Row = { id: number; user_id: number; name: string; query: string; created_at: string };
const toRow = (r: Row): SavedSearchRow => ({ id: r.id, userId: r.user_id, name: r.name, query: r.query, createdAt: r.created_at });

export async function insertSavedSearch(db: Db, search: { userId: number; name: string; query: string }, now: string): Promise<SavedSearchRow> {
  const row = await db
    .insertInto('saved_searches')
    .values({ user_id: search.userId, name: search.name, query: search.query, created_at: now })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toRow(row);
}

/** Newest first. */
export async function savedSearchesOf(db: Db, userId: number): Promise<SavedSearchRow[]> {
  const rows = await db.selectFrom('saved_searches').select(COLUMNS).where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toRow);
}

export async function countSavedSearches(db: Db, userId: number): Promise<number> {
  const row = await db.selectFrom('saved_searches').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Deletes one of the user's saved searches; false when they have none with that id. */
export async function deleteSavedSearch(db: Db, id: number, userId: number): Promise<boolean> {
  const result = await db.deleteFrom('saved_searches').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
