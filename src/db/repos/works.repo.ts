// Works: writing a work with its links, reading one, and listing visible works.
import type { Capabilities } from '../connect.ts';
import type { Db } from '../types.ts';
import { bool } from '../types.ts';

export interface WorkRecord {
  id: number;
  title: string;
  summary: string;
  notes: string;
  endNotes: string;
  language: string;
  restricted: boolean;
  anonymous: boolean;
  commentPermission: string;
  moderatedComments: boolean;
  expectedChapters: number | null;
  complete: boolean;
  posted: boolean;
  hiddenByAdmin: boolean;
  wordCount: number;
  chapterCount: number;
  hits: number;
  kudosCount: number;
  commentsCount: number;
  bookmarksCount: number;
  revision: number;
  postedAt: string | null;
  revisedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface WorkInsert {
  title: string;
  summary: string;
  notes: string;
  endNotes: string;
  language: string;
  restricted: boolean;
  anonymous: boolean;
  commentPermission?: string;
  moderatedComments?: boolean;
  expectedChapters: number | null;
  complete: boolean;
  posted: boolean;
  wordCount: number;
  chapterCount: number;
  sanitizerVersion: number;
  postedAt: string | null;
  revisedAt: string | null;
}

export async function insertWork(db: Db, work: WorkInsert, now: string): Promise<number> {
  const row = await db
    .insertInto('works')
    .values({
      title: work.title,
      summary: work.summary,
      notes: work.notes,
      end_notes: work.endNotes,
      language: work.language,
      restricted: work.restricted,
      anonymous: work.anonymous,
      comment_permission: work.commentPermission ?? 'everyone',
      moderated_comments: work.moderatedComments ?? false,
      expected_chapters: work.expectedChapters,
      complete: work.complete,
      posted: work.posted,
      word_count: work.wordCount,
      chapter_count: work.chapterCount,
      sanitizer_version: work.sanitizerVersion,
      posted_at: work.postedAt,
      revised_at: work.revisedAt,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertCreatorships(db: Db, workId: number, pseudIds: readonly number[], approved = true): Promise<void> {
  if (pseudIds.length === 0) return;
  // New creators go after the existing ones, so the byline keeps its order.
  const last = await db.selectFrom('work_creatorships').select((eb) => eb.fn.max('position').as('max')).where('work_id', '=', workId).executeTakeFirst();
  const start = last?.max === null || last?.max === undefined ? 0 : Number(last.max) + 1;
  await db
    .insertInto('work_creatorships')
    .values(pseudIds.map((pseudId, index) => ({ work_id: workId, pseud_id: pseudId, position: start + index, approved })))
    .onConflict((oc) => oc.columns(['work_id', 'pseud_id']).doNothing())
    .execute();
}

/** Replaces a work's tags (its filter set is written by services/filter-set.ts). */
export async function replaceWorkTags(db: Db, workId: number, tagIds: readonly number[]): Promise<void> {
  await db.deleteFrom('work_tags').where('work_id', '=', workId).execute();
  const unique = [...new Set(tagIds)];
  if (unique.length > 0) await db.insertInto('work_tags').values(unique.map((tagId) => ({ work_id: workId, tag_id: tagId }))).execute();
}

type WorkRow = {
  id: number; title: string; summary: string; notes: string; end_notes: string; language: string;
  restricted: unknown; anonymous: unknown; comment_permission: string; moderated_comments: unknown;
  expected_chapters: number | null; complete: unknown; posted: unknown; hidden_by_admin: unknown;
  word_count: number; chapter_count: number; hits: number; kudos_count: number; comments_count: number;
  bookmarks_count: number; revision: number; posted_at: string | null; revised_at: string | null;
  created_at: string; updated_at: string;
};

export const WORK_COLUMNS = [
  'works.id', 'works.title', 'works.summary', 'works.notes', 'works.end_notes', 'works.language',
  'works.restricted', 'works.anonymous', 'works.comment_permission', 'works.moderated_comments',
  'works.expected_chapters', 'works.complete', 'works.posted', 'works.hidden_by_admin', 'works.word_count',
  'works.chapter_count', 'works.hits', 'works.kudos_count', 'works.comments_count', 'works.bookmarks_count',
  'works.revision', 'works.posted_at', 'works.revised_at', 'works.created_at', 'works.updated_at',
] as const;

export function toWorkRecord(row: WorkRow): WorkRecord {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    notes: row.notes,
    endNotes: row.end_notes,
    language: row.language,
    restricted: bool(row.restricted),
    anonymous: bool(row.anonymous),
    commentPermission: row.comment_permission,
    moderatedComments: bool(row.moderated_comments),
    expectedChapters: row.expected_chapters,
    complete: bool(row.complete),
    posted: bool(row.posted),
    hiddenByAdmin: bool(row.hidden_by_admin),
    wordCount: row.word_count,
    chapterCount: row.chapter_count,
    hits: row.hits,
    kudosCount: row.kudos_count,
    commentsCount: row.comments_count,
    bookmarksCount: row.bookmarks_count,
    revision: row.revision,
    postedAt: row.posted_at,
    revisedAt: row.revised_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findWorkById(db: Db, id: number): Promise<WorkRecord | null> {
  const row = await db.selectFrom('works').select(WORK_COLUMNS).where('works.id', '=', id).executeTakeFirst();
  return row ? toWorkRecord(row) : null;
}

export async function findWorksByIds(db: Db, ids: readonly number[]): Promise<WorkRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('works').select(WORK_COLUMNS).where('works.id', 'in', [...ids]).execute();
  const byId = new Map(rows.map((r) => [r.id, toWorkRecord(r)]));
  return ids.map((id) => byId.get(id)).filter((w): w is WorkRecord => w !== undefined);
}

/** The fields "Edit Work" changes (chapters and counters have their own writers). */
export interface WorkDetailsUpdate {
  title: string;
  summary: string;
  notes: string;
  endNotes: string;
  language: string;
  restricted: boolean;
  anonymous: boolean;
  commentPermission: string;
  moderatedComments: boolean;
  expectedChapters: number | null;
  postedAt?: string | null;
}

export async function updateWorkDetails(db: Db, workId: number, work: WorkDetailsUpdate, now: string): Promise<void> {
  await db
    .updateTable('works')
    .set({
      title: work.title,
      summary: work.summary,
      notes: work.notes,
      end_notes: work.endNotes,
      language: work.language,
      restricted: work.restricted,
      anonymous: work.anonymous,
      comment_permission: work.commentPermission,
      moderated_comments: work.moderatedComments,
      expected_chapters: work.expectedChapters,
      ...(work.postedAt !== undefined ? { posted_at: work.postedAt } : {}),
      updated_at: now,
    })
    .where('id', '=', workId)
    .execute();
}

/** Sets only the expected chapter count, so a concurrent edit of the other details stands. */
export async function setExpectedChapters(db: Db, workId: number, expected: number | null, now: string): Promise<void> {
  await db.updateTable('works').set({ expected_chapters: expected, updated_at: now }).where('id', '=', workId).execute();
}

/**
 * Locks a work's row until the transaction ends, so changes to its chapters (positions, counts)
 * made from what the transaction reads cannot interleave. A no-op where the database has no row
 * locks (SQLite, whose write transactions already run one at a time).
 */
export async function lockWork(db: Db, caps: Pick<Capabilities, 'rowLocks'>, workId: number): Promise<void> {
  if (!caps.rowLocks) return;
  await db.selectFrom('works').select('id').where('id', '=', workId).forUpdate().execute();
}

/** What follows from the chapters: counts, completeness, dates; bumps the revision. */
export interface WorkCounters {
  posted: boolean;
  chapterCount: number;
  wordCount: number;
  expectedChapters: number | null;
  complete: boolean;
  postedAt: string | null;
  revisedAt: string | null;
}

export async function setWorkCounters(db: Db, workId: number, counters: WorkCounters, now: string): Promise<void> {
  await db
    .updateTable('works')
    .set((eb) => ({
      posted: counters.posted,
      chapter_count: counters.chapterCount,
      word_count: counters.wordCount,
      expected_chapters: counters.expectedChapters,
      complete: counters.complete,
      posted_at: counters.postedAt,
      revised_at: counters.revisedAt,
      revision: eb('revision', '+', 1),
      updated_at: now,
    }))
    .where('id', '=', workId)
    .execute();
}

/** Ids of the unposted works a user's pseuds created (approved creatorships), newest first. */
export async function draftWorkIdsOfUser(db: Db, userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('works')
    .innerJoin('work_creatorships', 'work_creatorships.work_id', 'works.id')
    .innerJoin('pseuds', 'pseuds.id', 'work_creatorships.pseud_id')
    .select('works.id')
    .distinct()
    .where('pseuds.user_id', '=', userId)
    .where('work_creatorships.approved', '=', true)
    .where('works.posted', '=', false)
    .orderBy('works.id', 'desc')
    .execute();
  return rows.map((r) => r.id);
}
