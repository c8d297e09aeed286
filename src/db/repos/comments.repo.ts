// Comments: writing, loading (threads in a skeleton first, bodies for the shown ones), and the
// count of visible, approved comments a work's row keeps.
import type { Db } from '../types.ts';
import { bool } from '../types.ts';
import type { CommentStatus } from '../../domain/comment-rules.ts';

/** What deciding visibility and thread shape needs, without the text. */
export interface CommentSkeleton {
  id: number;
  workId: number;
  chapterId: number;
  parentId: number | null;
  threadId: number;
  depth: number;
  userId: number | null;
  status: CommentStatus;
  hidden: boolean;
  frozen: boolean;
  deleted: boolean;
  createdAt: string;
}

export interface CommentRecord extends CommentSkeleton {
  replyToId: number | null;
  pseudId: number | null;
  /** The commenter's pseud and login, when they have an account. */
  pseud: string | null;
  login: string | null;
  guestName: string | null;
  authorKey: string;
  body: string;
  editedAt: string | null;
  updatedAt: string;
}

const SKELETON = [
  'comments.id', 'comments.work_id', 'comments.chapter_id', 'comments.parent_id', 'comments.thread_id', 'comments.depth',
  'comments.user_id', 'comments.status', 'comments.hidden', 'comments.frozen', 'comments.deleted_at', 'comments.created_at',
] as const;

type SkeletonRow = {
  id: number; work_id: number; chapter_id: number; parent_id: number | null; thread_id: number | null; depth: number;
  user_id: number | null; status: string; hidden: unknown; frozen: unknown; deleted_at: string | null; created_at: string;
};

function toSkeleton(row: SkeletonRow): CommentSkeleton {
  return {
    id: row.id,
    workId: row.work_id,
    chapterId: row.chapter_id,
    parentId: row.parent_id,
    threadId: row.thread_id ?? row.id,
    depth: row.depth,
    userId: row.user_id,
    status: row.status === 'held' ? 'held' : 'published',
    hidden: bool(row.hidden),
    frozen: bool(row.frozen),
    deleted: row.deleted_at !== null,
    createdAt: row.created_at,
  };
}

const CHUNK = 500;

/** Every comment of the given chapters, without text, oldest first. */
export async function commentSkeletons(db: Db, chapterIds: readonly number[]): Promise<CommentSkeleton[]> {
  const out: CommentSkeleton[] = [];
  const ids = [...new Set(chapterIds)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db.selectFrom('comments').select(SKELETON).where('chapter_id', 'in', ids.slice(i, i + CHUNK)).orderBy('created_at').orderBy('id').execute();
    out.push(...rows.map(toSkeleton));
  }
  return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
}

/** Every comment of one thread, without text. */
export async function threadSkeletons(db: Db, threadId: number): Promise<CommentSkeleton[]> {
  const rows = await db.selectFrom('comments').select(SKELETON).where('thread_id', '=', threadId).orderBy('created_at').orderBy('id').execute();
  return rows.map(toSkeleton);
}

function fullQuery(db: Db) {
  return db
    .selectFrom('comments')
    .leftJoin('pseuds', 'pseuds.id', 'comments.pseud_id')
    .leftJoin('users', 'users.id', 'comments.user_id')
    .select([
      ...SKELETON,
      'comments.reply_to_id', 'comments.pseud_id', 'comments.guest_name', 'comments.author_key', 'comments.body',
      'comments.edited_at', 'comments.updated_at', 'pseuds.name as pseud_name', 'users.login',
    ]);
}

type FullRow = SkeletonRow & {
  reply_to_id: number | null; pseud_id: number | null; guest_name: string | null; author_key: string; body: string;
  edited_at: string | null; updated_at: string; pseud_name: string | null; login: string | null;
};

function toRecord(row: FullRow): CommentRecord {
  return {
    ...toSkeleton(row),
    replyToId: row.reply_to_id,
    pseudId: row.pseud_id,
    pseud: row.pseud_name,
    login: row.login,
    guestName: row.guest_name,
    authorKey: row.author_key,
    body: row.body,
    editedAt: row.edited_at,
    updatedAt: row.updated_at,
  };
}

export async function findComment(db: Db, id: number): Promise<CommentRecord | null> {
  const row = await fullQuery(db).where('comments.id', '=', id).executeTakeFirst();
  return row ? toRecord(row as FullRow) : null;
}

export async function commentsByIds(db: Db, ids: readonly number[]): Promise<Map<number, CommentRecord>> {
  const out = new Map<number, CommentRecord>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await fullQuery(db).where('comments.id', 'in', unique.slice(i, i + CHUNK)).execute();
    for (const row of rows) out.set(row.id, toRecord(row as FullRow));
  }
  return out;
}

export interface CommentInsert {
  workId: number;
  chapterId: number;
  parentId: number | null;
  threadId: number | null;
  depth: number;
  replyToId: number | null;
  userId: number | null;
  pseudId: number | null;
  guestName: string | null;
  guestEmail: string | null;
  authorKey: string;
  body: string;
  sanitizerVersion: number;
  status: CommentStatus;
}

export async function insertComment(db: Db, c: CommentInsert, now: string): Promise<number> {
  const row = await db
    .insertInto('comments')
    .values({
      work_id: c.workId,
      chapter_id: c.chapterId,
      parent_id: c.parentId,
      thread_id: c.threadId,
      depth: c.depth,
      reply_to_id: c.replyToId,
      user_id: c.userId,
      pseud_id: c.pseudId,
      guest_name: c.guestName,
      guest_email: c.guestEmail,
      author_key: c.authorKey,
      body: c.body,
      sanitizer_version: c.sanitizerVersion,
      status: c.status,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // A root comment is its own thread.
  if (c.threadId === null) await db.updateTable('comments').set({ thread_id: row.id }).where('id', '=', row.id).execute();
  return row.id;
}

/** Whether the same author left the same text on the work since `since` (deleted ones aside). */
export async function hasDuplicate(db: Db, workId: number, authorKey: string, body: string, since: string): Promise<boolean> {
  const row = await db
    .selectFrom('comments')
    .select('id')
    .where('work_id', '=', workId)
    .where('author_key', '=', authorKey)
    .where('body', '=', body)
    .where('deleted_at', 'is', null)
    .where('created_at', '>=', since)
    .executeTakeFirst();
  return row !== undefined;
}

export async function updateCommentBody(db: Db, id: number, body: string, sanitizerVersion: number, now: string): Promise<void> {
  await db.updateTable('comments').set({ body, sanitizer_version: sanitizerVersion, edited_at: now, updated_at: now }).where('id', '=', id).execute();
}

export async function setCommentFlags(db: Db, ids: readonly number[], flags: { hidden?: boolean; frozen?: boolean; status?: CommentStatus }, now: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('comments').set({ ...flags, updated_at: now }).where('id', 'in', [...ids]).execute();
}

/** Empties a comment that has replies: the thread keeps its place, the text and author go. */
export async function markCommentDeleted(db: Db, id: number, now: string): Promise<void> {
  await db
    .updateTable('comments')
    .set({ body: '', guest_name: null, guest_email: null, pseud_id: null, deleted_at: now, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function deleteCommentRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('comments').where('id', '=', id).execute();
}

export async function countChildren(db: Db, id: number): Promise<number> {
  const row = await db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).where('parent_id', '=', id).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Comments everyone may read: published, not hidden, not deleted (what works.comments_count holds). */
export async function countVisibleComments(db: Db, workId: number): Promise<number> {
  const row = await db
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('work_id', '=', workId)
    .where('status', '=', 'published')
    .where('hidden', '=', false)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function readCommentsCount(db: Db, workId: number): Promise<number> {
  const row = await db.selectFrom('works').select('comments_count').where('id', '=', workId).executeTakeFirst();
  return row?.comments_count ?? 0;
}

export async function writeCommentsCount(db: Db, workId: number, count: number): Promise<void> {
  await db.updateTable('works').set({ comments_count: count }).where('id', '=', workId).execute();
}

/** Comments held for approval on a work, for its creators' notice. */
export async function countHeldComments(db: Db, workId: number): Promise<number> {
  const row = await db
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('work_id', '=', workId)
    .where('status', '=', 'held')
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
