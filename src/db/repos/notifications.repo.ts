// The inbox: notifications of new works and chapters that subscriptions asked for, and of
// comments (migration 012: `kind`, `comment_id`), with the email each one still owes (at once, or
// in the daily digest).
import type { Db } from '../types.ts';
import { bool } from '../types.ts';
import type { NotificationKind, SubscriptionKind } from '../schema.ts';
import type { WorkScope } from '../../domain/policy.ts';

export type EmailDue = 'now' | 'digest';

export interface NotificationRecord {
  id: number;
  userId: number;
  reason: SubscriptionKind;
  workId: number;
  chapterId: number | null;
  seriesId: number | null;
  createdAt: string;
  readAt: string | null;
  emailDue: EmailDue | null;
  /** 'posting' for subscriptions; the comment kinds carry `commentId` (and reason 'work'). */
  kind: NotificationKind;
  commentId: number | null;
}

const COLUMNS = ['id', 'user_id', 'reason', 'work_id', 'chapter_id', 'series_id', 'created_at', 'read_at', 'email_due', 'kind', 'comment_id'] as const;
type Row = {
  id: number; user_id: number; reason: SubscriptionKind; work_id: number; chapter_id: number | null; series_id: number | null; created_at: string; read_at: string | null; email_due: EmailDue | null;
  kind: NotificationKind; comment_id: number | null;
};

function toRecord(row: Row): NotificationRecord {
  return {
    id: row.id, userId: row.user_id, reason: row.reason, workId: row.work_id, chapterId: row.chapter_id, seriesId: row.series_id, createdAt: row.created_at, readAt: row.read_at, emailDue: row.email_due,
    kind: row.kind, commentId: row.comment_id,
  };
}

export interface NotificationInsert {
  userId: number;
  reason: SubscriptionKind;
  workId: number;
  chapterId: number | null;
  seriesId: number | null;
  eventKey: string;
  emailDue: EmailDue | null;
  /** Comment notifications only (default 'posting', no comment). */
  kind?: NotificationKind;
  commentId?: number | null;
}

/** Adds the notifications; a reader who already has one for the event keeps theirs (a job ran twice). */
export async function insertNotifications(db: Db, rows: readonly NotificationInsert[], now: string): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('notifications')
    .values(
      rows.map((r) => ({
        user_id: r.userId,
        reason: r.reason,
        work_id: r.workId,
        chapter_id: r.chapterId,
        series_id: r.seriesId,
        event_key: r.eventKey,
        created_at: now,
        email_due: r.emailDue,
        kind: r.kind ?? 'posting',
        comment_id: r.commentId ?? null,
      })),
    )
    .onConflict((oc) => oc.columns(['user_id', 'event_key']).doNothing())
    .execute();
}

/** An event's notifications whose email should go out at once and has not yet. */
export async function dueNowForEvent(db: Db, eventKey: string): Promise<NotificationRecord[]> {
  const rows = await db.selectFrom('notifications').select(COLUMNS).where('event_key', '=', eventKey).where('email_due', '=', 'now').orderBy('id').execute();
  return rows.map(toRecord);
}

/** Readers with notifications waiting for the daily digest. */
export async function usersWithDigestDue(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('notifications').select('user_id').distinct().where('email_due', '=', 'digest').orderBy('user_id').execute();
  return rows.map((r) => r.user_id);
}

export async function digestDueOf(db: Db, userId: number): Promise<NotificationRecord[]> {
  const rows = await db.selectFrom('notifications').select(COLUMNS).where('user_id', '=', userId).where('email_due', '=', 'digest').orderBy('created_at').orderBy('id').execute();
  return rows.map(toRecord);
}

/** The email of these notifications is settled: sent (`sentAt`) or not wanted any more (null). */
export async function settleEmails(db: Db, ids: readonly number[], sentAt: string | null): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('notifications').set({ email_due: null, emailed_at: sentAt }).where('id', 'in', [...ids]).execute();
}

export async function findNotification(db: Db, id: number): Promise<NotificationRecord | null> {
  const row = await db.selectFrom('notifications').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/**
 * A reader's notifications, newest first, of works they may still see listed (a work hidden or
 * restricted since drops out; the service checks the policy again), with the counts.
 */
export async function notificationsOf(
  db: Db,
  userId: number,
  options: { scope: WorkScope; unreadOnly: boolean; limit: number; offset: number },
): Promise<{ items: NotificationRecord[]; total: number; unread: number }> {
  let base = db
    .selectFrom('notifications')
    .innerJoin('works', 'works.id', 'notifications.work_id')
    .where('notifications.user_id', '=', userId)
    .where('works.posted', '=', true)
    .where('works.hidden_by_admin', '=', false)
    // A comment emptied by its deletion (kept for its replies) takes its notifications out of
    // the inbox; removed comments took theirs along already (foreign key).
    .leftJoin('comments', 'comments.id', 'notifications.comment_id')
    .where('comments.deleted_at', 'is', null)
    // A reply hidden or held since it was announced must not show, even as a number in the
    // counts: its existence is the creator's and the commenter's business only.
    .where((eb) => eb.or([eb('notifications.kind', '!=', 'reply'), eb.and([eb('comments.hidden', '=', false), eb('comments.status', '=', 'published')])]));
  if (!options.scope.includeRestricted) base = base.where('works.restricted', '=', false);
  const shown = options.unreadOnly ? base.where('notifications.read_at', 'is', null) : base;
  const [rows, total, unread] = await Promise.all([
    shown
      .select(COLUMNS.map((c) => `notifications.${c}` as const))
      .orderBy('notifications.created_at', 'desc')
      .orderBy('notifications.id', 'desc')
      .limit(options.limit)
      .offset(options.offset)
      .execute(),
    shown.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base.where('notifications.read_at', 'is', null).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toRecord), total: Number(total.n), unread: Number(unread.n) };
}

/** Marks these of the reader's notifications read ('all': every unread one). */
export async function markNotificationsRead(db: Db, userId: number, ids: readonly number[] | 'all', now: string): Promise<number> {
  let q = db.updateTable('notifications').set({ read_at: now }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids !== 'all') {
    if (ids.length === 0) return 0;
    q = q.where('id', 'in', [...ids]);
  }
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function deleteNotificationOf(db: Db, userId: number, id: number): Promise<boolean> {
  const result = await db.deleteFrom('notifications').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export interface ChapterLabel {
  /** The chapter's number as readers count it: among the work's posted chapters. */
  number: number;
  title: string;
  posted: boolean;
}

export async function chapterLabels(db: Db, chapterIds: readonly number[]): Promise<Map<number, ChapterLabel>> {
  const out = new Map<number, ChapterLabel>();
  if (chapterIds.length === 0) return out;
  const rows = await db
    .selectFrom('chapters as c')
    .select((eb) => [
      'c.id',
      'c.title',
      'c.posted',
      eb
        .selectFrom('chapters as p')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('p.work_id', '=', 'c.work_id')
        .where('p.posted', '=', true)
        .whereRef('p.position', '<=', 'c.position')
        .as('number'),
    ])
    .where('c.id', 'in', [...chapterIds])
    .execute();
  for (const row of rows) out.set(row.id, { number: Number(row.number), title: row.title, posted: bool(row.posted) });
  return out;
}

export interface Recipient {
  id: number;
  login: string;
  email: string | null;
  suspended: boolean;
}

/** The accounts notifications go to: who they are for the policy, and where email goes. */
export async function notificationRecipients(db: Db, userIds: readonly number[]): Promise<Recipient[]> {
  if (userIds.length === 0) return [];
  const rows = await db.selectFrom('users').select(['id', 'login', 'email', 'suspended_at']).where('id', 'in', [...userIds]).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, login: r.login, email: r.email, suspended: r.suspended_at !== null }));
}
