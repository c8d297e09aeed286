// Hits and per-day work statistics: the daily counters behind the creators' charts, the day's
// counted visitors (hashes only), and the totals of a creator's works.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../types.ts';
import { bool } from '../types.ts';
import { utcDay } from '../../domain/stats-days.ts';

export const WORK_STAT_KINDS = ['hits', 'kudos', 'comments', 'bookmarks', 'subscriptions'] as const;
export type WorkStatKind = (typeof WORK_STAT_KINDS)[number];

export type DailyStats = Record<WorkStatKind, number> & { day: string };

/**
 * Adds `delta` (negative when something is removed) to a work's count of `kind` for a day, for
 * the stats charts. Call it in the same transaction as the change it counts: comments, bookmarks
 * and subscriptions call it as they are added (+1) and removed (-1). `day` is a Date (its UTC day
 * is used) or a YYYY-MM-DD string. One upsert on both databases.
 */
export async function recordWorkStat(db: Db, workId: number, kind: WorkStatKind, delta: number, day: Date | string): Promise<void> {
  if (!Number.isInteger(delta)) throw new Error(`recordWorkStat: delta must be an integer, got ${delta}`);
  if (delta === 0) return;
  const dayText = typeof day === 'string' ? day : utcDay(day);
  const update: { [K in WorkStatKind]?: RawBuilder<number> } = {};
  update[kind] = sql<number>`${sql.ref(`work_daily_stats.${kind}`)} + ${delta}`;
  await db
    .insertInto('work_daily_stats')
    .values({ work_id: workId, day: dayText, [kind]: delta })
    .onConflict((oc) => oc.columns(['work_id', 'day']).doUpdateSet(update))
    .execute();
}

/** A work's daily rows from `fromDay` to `toDay` inclusive, oldest first; days without any are absent. */
export async function dailyStats(db: Db, workId: number, fromDay: string, toDay: string): Promise<DailyStats[]> {
  const rows = await db
    .selectFrom('work_daily_stats')
    .select(['day', ...WORK_STAT_KINDS])
    .where('work_id', '=', workId)
    .where('day', '>=', fromDay)
    .where('day', '<=', toDay)
    .orderBy('day')
    .execute();
  return rows.map((r) => ({ day: r.day, hits: Number(r.hits), kudos: Number(r.kudos), comments: Number(r.comments), bookmarks: Number(r.bookmarks), subscriptions: Number(r.subscriptions) }));
}

/** Subscriptions gained minus lost, all time, per work (works have no subscription counter). */
export async function subscriptionTotals(db: Db, workIds: readonly number[]): Promise<Map<number, number>> {
  const totals = new Map<number, number>();
  if (workIds.length === 0) return totals;
  const rows = await db
    .selectFrom('work_daily_stats')
    .select((eb) => ['work_id', eb.fn.sum<number>('subscriptions').as('total')])
    .where('work_id', 'in', [...workIds])
    .groupBy('work_id')
    .execute();
  for (const row of rows) totals.set(row.work_id, Number(row.total));
  return totals;
}

/**
 * Records that a visitor (a hash under the day's salt) saw a work today; true the first time
 * that day. The primary key makes it a single insert-or-ignore.
 */
export async function insertHitVisitor(db: Db, day: string, workId: number, visitor: string): Promise<boolean> {
  const result = await db
    .insertInto('work_hit_visitors')
    .values({ day, work_id: workId, visitor })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function bumpHits(db: Db, workId: number): Promise<void> {
  await db.updateTable('works').set({ hits: sql<number>`hits + 1` }).where('id', '=', workId).execute();
}

/** Forgets the visitors of days before `day` (a range of the primary key). */
export async function pruneHitVisitors(db: Db, beforeDay: string): Promise<void> {
  await db.deleteFrom('work_hit_visitors').where('day', '<', beforeDay).execute();
}

export interface CreatorWorkStats {
  id: number;
  title: string;
  wordCount: number;
  hits: number;
  kudos: number;
  comments: number;
  bookmarks: number;
  postedAt: string | null;
  hiddenByAdmin: boolean;
}

/** The posted works a user created (through any of their pseuds) with their counters. */
export async function creatorWorkStats(db: Db, userId: number): Promise<CreatorWorkStats[]> {
  const rows = await db
    .selectFrom('works')
    .select(['id', 'title', 'word_count', 'hits', 'kudos_count', 'comments_count', 'bookmarks_count', 'posted_at', 'hidden_by_admin'])
    .where('posted', '=', true)
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('work_creatorships')
        .innerJoin('pseuds', 'pseuds.id', 'work_creatorships.pseud_id')
        .select('work_creatorships.work_id')
        .where('pseuds.user_id', '=', userId)
        .where('work_creatorships.approved', '=', true),
    )
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    wordCount: Number(r.word_count),
    hits: Number(r.hits),
    kudos: Number(r.kudos_count),
    comments: Number(r.comments_count),
    bookmarks: Number(r.bookmarks_count),
    postedAt: r.posted_at,
    hiddenByAdmin: bool(r.hidden_by_admin),
  }));
}
