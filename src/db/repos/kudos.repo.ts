// Kudos: one row per kudos, a user's or a guest's (by keyed hash), and the work's exact count.
import { sql } from 'kysely';
import type { Db } from '../types.ts';

export type KudosGiver = { userId: number } | { guestKey: string };

/**
 * Adds a kudos unless this giver already left one on the work; true when it was added. The
 * unique indexes decide (ON CONFLICT DO NOTHING, the same on both databases), so two requests
 * racing each other add one row between them, never two and never an error.
 */
export async function insertKudos(db: Db, workId: number, giver: KudosGiver, now: string): Promise<boolean> {
  const result = await db
    .insertInto('kudos')
    .values({ work_id: workId, user_id: 'userId' in giver ? giver.userId : null, guest_key: 'guestKey' in giver ? giver.guestKey : null, created_at: now })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function bumpKudosCount(db: Db, workId: number): Promise<void> {
  await db.updateTable('works').set({ kudos_count: sql<number>`kudos_count + 1` }).where('id', '=', workId).execute();
}

export async function hasKudos(db: Db, workId: number, giver: KudosGiver): Promise<boolean> {
  let query = db.selectFrom('kudos').select('id').where('work_id', '=', workId);
  query = 'userId' in giver ? query.where('user_id', '=', giver.userId) : query.where('guest_key', '=', giver.guestKey);
  return (await query.executeTakeFirst()) !== undefined;
}

export interface KudosCounts {
  total: number;
  /** Kudos by current accounts; the rest are guests' (and deleted accounts'). */
  users: number;
}

export async function kudosCounts(db: Db, workId: number): Promise<KudosCounts> {
  const row = await db
    .selectFrom('kudos')
    .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.count<number>('user_id').as('users')])
    .where('work_id', '=', workId)
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), users: Number(row.users) };
}

/** The logins of the users who left kudos, most recent first. */
export async function kudosLogins(db: Db, workId: number, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('kudos')
    .innerJoin('users', 'users.id', 'kudos.user_id')
    .select('users.login')
    .where('kudos.work_id', '=', workId)
    .orderBy('kudos.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.login);
}
