// The reading history (AO3's readings): one row per reader and work with the last visit, the
// last chapter opened and a visit count, and the "Mark for Later" flag on the same row.
import { sql } from 'kysely';
import type { Db } from '../types.ts';
import type { WorkScope } from '../../domain/policy.ts';

export interface ReadingRecord {
  workId: number;
  chapterId: number | null;
  lastVisitedAt: string | null;
  visitCount: number;
  markedForLaterAt: string | null;
}

const COLUMNS = ['readings.work_id', 'readings.chapter_id', 'readings.last_visited_at', 'readings.visit_count', 'readings.marked_for_later_at'] as const;
type Row = { work_id: number; chapter_id: number | null; last_visited_at: string | null; visit_count: number; marked_for_later_at: string | null };

function toRecord(row: Row): ReadingRecord {
  return { workId: row.work_id, chapterId: row.chapter_id, lastVisitedAt: row.last_visited_at, visitCount: Number(row.visit_count), markedForLaterAt: row.marked_for_later_at };
}

/**
 * One statement, so a page view costs one round trip. The entire-work view passes no chapter and
 * keeps the one last opened.
 */
export async function upsertVisit(db: Db, userId: number, workId: number, chapterId: number | null, now: string): Promise<void> {
  await db
    .insertInto('readings')
    .values({ user_id: userId, work_id: workId, chapter_id: chapterId, last_visited_at: now, visit_count: 1 })
    .onConflict((oc) =>
      oc.columns(['user_id', 'work_id']).doUpdateSet({
        last_visited_at: now,
        visit_count: sql<number>`readings.visit_count + 1`,
        chapter_id: sql<number | null>`coalesce(excluded.chapter_id, readings.chapter_id)`,
      }),
    )
    .execute();
}

export async function setMarkedForLater(db: Db, userId: number, workId: number, markedAt: string | null): Promise<void> {
  if (markedAt === null) {
    await db.updateTable('readings').set({ marked_for_later_at: null }).where('user_id', '=', userId).where('work_id', '=', workId).execute();
    // A row kept only for the mark goes with it.
    await db.deleteFrom('readings').where('user_id', '=', userId).where('work_id', '=', workId).where('last_visited_at', 'is', null).execute();
    return;
  }
  await db
    .insertInto('readings')
    .values({ user_id: userId, work_id: workId, chapter_id: null, last_visited_at: null, visit_count: 0, marked_for_later_at: markedAt })
    .onConflict((oc) => oc.columns(['user_id', 'work_id']).doUpdateSet({ marked_for_later_at: markedAt }))
    .execute();
}

export async function findReading(db: Db, userId: number, workId: number): Promise<ReadingRecord | null> {
  const row = await db.selectFrom('readings').select(COLUMNS).where('readings.user_id', '=', userId).where('readings.work_id', '=', workId).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/**
 * A reader's history (works they opened, last visit first) or their Mark for Later list (last
 * marked first), of works they may still see listed.
 */
export async function readingsOf(
  db: Db,
  userId: number,
  options: { scope: WorkScope; list: 'history' | 'later'; limit: number; offset: number },
): Promise<{ items: ReadingRecord[]; total: number }> {
  let q = db
    .selectFrom('readings')
    .innerJoin('works', 'works.id', 'readings.work_id')
    .where('readings.user_id', '=', userId)
    .where('works.posted', '=', true)
    .where('works.hidden_by_admin', '=', false);
  if (!options.scope.includeRestricted) q = q.where('works.restricted', '=', false);
  q = options.list === 'later' ? q.where('readings.marked_for_later_at', 'is not', null) : q.where('readings.last_visited_at', 'is not', null);
  const order = options.list === 'later' ? 'readings.marked_for_later_at' : 'readings.last_visited_at';
  const [rows, count] = await Promise.all([
    q.select(COLUMNS).orderBy(order, 'desc').orderBy('readings.work_id', 'desc').limit(options.limit).offset(options.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toRecord), total: Number(count.n) };
}

/** Forgets one work's visits; like clearVisits, a work marked for later stays on that list. */
export async function forgetVisit(db: Db, userId: number, workId: number): Promise<boolean> {
  const deleted = await db.deleteFrom('readings').where('user_id', '=', userId).where('work_id', '=', workId).where('marked_for_later_at', 'is', null).executeTakeFirst();
  const kept = await db
    .updateTable('readings')
    .set({ last_visited_at: null, visit_count: 0, chapter_id: null })
    .where('user_id', '=', userId)
    .where('work_id', '=', workId)
    .where('last_visited_at', 'is not', null)
    .executeTakeFirst();
  return Number(deleted.numDeletedRows) + Number(kept.numUpdatedRows) > 0;
}

/**
 * Forgets the visits. Works marked for later stay on that list (the reader asked to keep them),
 * without their visit data.
 */
export async function clearVisits(db: Db, userId: number): Promise<void> {
  await db.deleteFrom('readings').where('user_id', '=', userId).where('marked_for_later_at', 'is', null).execute();
  await db.updateTable('readings').set({ last_visited_at: null, visit_count: 0, chapter_id: null }).where('user_id', '=', userId).execute();
}
