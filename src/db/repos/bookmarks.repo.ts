// Bookmarks and their bookmarker's tags, and the public-bookmark count kept on each work.
import type { Db } from '../types.ts';
import { bool } from '../types.ts';
import type { BookmarkTag } from '../../domain/bookmarks.ts';
import type { WorkScope } from '../../domain/policy.ts';

export interface BookmarkRecord {
  id: number;
  userId: number;
  workId: number;
  /** Sanitized HTML. */
  notes: string;
  private: boolean;
  rec: boolean;
  createdAt: string;
  updatedAt: string;
}

const COLUMNS = ['bookmarks.id', 'bookmarks.user_id', 'bookmarks.work_id', 'bookmarks.notes', 'bookmarks.private', 'bookmarks.rec', 'bookmarks.created_at', 'bookmarks.updated_at'] as const;

type Row = { id: number; user_id: number; work_id: number; notes: string; private: unknown; rec: unknown; created_at: string; updated_at: string };

function toRecord(row: Row): BookmarkRecord {
  return {
    id: row.id,
    userId: row.user_id,
    workId: row.work_id,
    notes: row.notes,
    private: bool(row.private),
    rec: bool(row.rec),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findBookmarkById(db: Db, id: number): Promise<BookmarkRecord | null> {
  const row = await db.selectFrom('bookmarks').select(COLUMNS).where('bookmarks.id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function findBookmarkOf(db: Db, userId: number, workId: number): Promise<BookmarkRecord | null> {
  const row = await db.selectFrom('bookmarks').select(COLUMNS).where('bookmarks.user_id', '=', userId).where('bookmarks.work_id', '=', workId).executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function findBookmarksByIds(db: Db, ids: readonly number[]): Promise<BookmarkRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('bookmarks').select(COLUMNS).where('bookmarks.id', 'in', [...ids]).execute();
  const byId = new Map(rows.map((r) => [r.id, toRecord(r)]));
  return ids.map((id) => byId.get(id)).filter((b): b is BookmarkRecord => b !== undefined);
}

export interface BookmarkWrite {
  notes: string;
  private: boolean;
  rec: boolean;
  sanitizerVersion: number;
}

/** Inserts the reader's bookmark of a work; null when they already have one (one per work). */
export async function insertBookmark(db: Db, userId: number, workId: number, bookmark: BookmarkWrite, now: string): Promise<number | null> {
  const row = await db
    .insertInto('bookmarks')
    .values({ user_id: userId, work_id: workId, notes: bookmark.notes, private: bookmark.private, rec: bookmark.rec, sanitizer_version: bookmark.sanitizerVersion, created_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(['user_id', 'work_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function updateBookmark(db: Db, id: number, bookmark: BookmarkWrite, now: string): Promise<void> {
  await db
    .updateTable('bookmarks')
    .set({ notes: bookmark.notes, private: bookmark.private, rec: bookmark.rec, sanitizer_version: bookmark.sanitizerVersion, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function deleteBookmarkRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('bookmarks').where('id', '=', id).execute();
}

/** Replaces a bookmark's tags with these, in this order. */
export async function setBookmarkTags(db: Db, bookmarkId: number, tags: readonly BookmarkTag[]): Promise<void> {
  await db.deleteFrom('bookmark_tags').where('bookmark_id', '=', bookmarkId).execute();
  if (tags.length === 0) return;
  await db
    .insertInto('bookmark_tags')
    .values(tags.map((t, index) => ({ bookmark_id: bookmarkId, name: t.name, name_key: t.key, position: index + 1 })))
    .execute();
}

export async function tagsForBookmarks(db: Db, bookmarkIds: readonly number[]): Promise<Map<number, string[]>> {
  const byBookmark = new Map<number, string[]>();
  if (bookmarkIds.length === 0) return byBookmark;
  const rows = await db
    .selectFrom('bookmark_tags')
    .select(['bookmark_id', 'name'])
    .where('bookmark_id', 'in', [...bookmarkIds])
    .orderBy('bookmark_id')
    .orderBy('position')
    .execute();
  for (const row of rows) byBookmark.set(row.bookmark_id, [...(byBookmark.get(row.bookmark_id) ?? []), row.name]);
  return byBookmark;
}

/**
 * Sets the work's bookmark count from the bookmarks themselves (AO3 counts public ones), rather
 * than adding and subtracting, so it cannot drift. Returns the count.
 */
export async function recountWorkBookmarks(db: Db, workId: number): Promise<number> {
  const row = await db
    .selectFrom('bookmarks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('work_id', '=', workId)
    .where('private', '=', false)
    .executeTakeFirstOrThrow();
  const count = Number(row.n);
  await db.updateTable('works').set({ bookmarks_count: count }).where('id', '=', workId).where('bookmarks_count', '<>', count).execute();
  return count;
}

export interface UserBookmarkFilter {
  userId: number;
  /** Private bookmarks too: for their owner only. */
  includePrivate: boolean;
  /** Which works the viewer may see listed (workScope): never drafts or hidden works. */
  scope: WorkScope;
  /** Only bookmarks carrying this tag key. */
  tagKey?: string | undefined;
}

/**
 * A user's bookmarks the viewer may see, newest first: only of posted, unhidden works, and of
 * restricted works only for logged-in viewers. The service applies the policy again per work.
 */
export async function listUserBookmarkIds(db: Db, filter: UserBookmarkFilter, page: { limit: number; offset: number }): Promise<{ ids: number[]; total: number }> {
  let q = db
    .selectFrom('bookmarks')
    .innerJoin('works', 'works.id', 'bookmarks.work_id')
    .where('bookmarks.user_id', '=', filter.userId)
    .where('works.posted', '=', true)
    .where('works.hidden_by_admin', '=', false);
  if (!filter.includePrivate) q = q.where('bookmarks.private', '=', false);
  if (!filter.scope.includeRestricted) q = q.where('works.restricted', '=', false);
  if (filter.tagKey !== undefined) {
    const key = filter.tagKey;
    q = q.where((eb) => eb.exists(eb.selectFrom('bookmark_tags').select('bookmark_tags.bookmark_id').whereRef('bookmark_tags.bookmark_id', '=', 'bookmarks.id').where('bookmark_tags.name_key', '=', key)));
  }
  const [rows, count] = await Promise.all([
    q.select('bookmarks.id').orderBy('bookmarks.updated_at', 'desc').orderBy('bookmarks.id', 'desc').limit(page.limit).offset(page.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { ids: rows.map((r) => r.id), total: Number(count.n) };
}

/** Works a user has bookmarked (to recount them when the account goes). */
export async function workIdsBookmarkedBy(db: Db, userId: number): Promise<number[]> {
  const rows = await db.selectFrom('bookmarks').select('work_id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.work_id);
}

export async function deleteBookmarksOfUser(db: Db, userId: number): Promise<void> {
  await db.deleteFrom('bookmarks').where('user_id', '=', userId).execute();
}
