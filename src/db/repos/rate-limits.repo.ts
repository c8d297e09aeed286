// Fixed-window counters shared by every app process (a table, not memory), so limits on log-in
// attempts hold however many processes serve the archive.
import { sql } from 'kysely';
import type { Db } from '../types.ts';

/**
 * Counts one event for `key` and returns the count within the current window. A window that has
 * ended starts again at 1. One atomic upsert on both databases.
 */
export async function countEvent(db: Db, key: string, windowMs: number, nowMs: number): Promise<{ count: number; windowStart: number }> {
  const windowStart = nowMs - (nowMs % windowMs);
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_start: windowStart, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql<number>`case when rate_limits.window_start < ${windowStart} then 1 else rate_limits.count + 1 end`,
        window_start: sql<number>`case when rate_limits.window_start < ${windowStart} then ${windowStart} else rate_limits.window_start end`,
      }),
    )
    .returning(['count', 'window_start'])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), windowStart: Number(row.window_start) };
}

/** The count in the current window without adding to it. */
export async function peekEvents(db: Db, key: string, windowMs: number, nowMs: number): Promise<number> {
  const windowStart = nowMs - (nowMs % windowMs);
  const row = await db.selectFrom('rate_limits').select(['count', 'window_start']).where('key', '=', key).executeTakeFirst();
  return row && Number(row.window_start) >= windowStart ? Number(row.count) : 0;
}

export async function clearEvents(db: Db, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}

/** Takes back one counted event (a successful attempt that should not use up the allowance). */
export async function uncountEvent(db: Db, key: string): Promise<void> {
  await db.updateTable('rate_limits').set((eb) => ({ count: eb('count', '-', 1) })).where('key', '=', key).where('count', '>', 0).execute();
}
