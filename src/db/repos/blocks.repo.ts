// Blocked users (AO3's blocks): who blocked whom.
import type { Db } from '../types.ts';

export interface BlockedUserRow {
  userId: number;
  login: string;
  blockedAt: string;
}

/** Adds a block; false when it was there already. */
export async function insertBlock(db: Db, userId: number, blockedUserId: number, now: string): Promise<boolean> {
  const result = await db
    .insertInto('blocked_users')
    .values({ user_id: userId, blocked_user_id: blockedUserId, created_at: now })
    .onConflict((oc) => oc.columns(['user_id', 'blocked_user_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteBlock(db: Db, userId: number, blockedUserId: number): Promise<boolean> {
  const result = await db.deleteFrom('blocked_users').where('user_id', '=', userId).where('blocked_user_id', '=', blockedUserId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function countBlocks(db: Db, userId: number): Promise<number> {
  const row = await db.selectFrom('blocked_users').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function isBlocked(db: Db, userId: number, blockedUserId: number): Promise<boolean> {
  const row = await db.selectFrom('blocked_users').select('user_id').where('user_id', '=', userId).where('blocked_user_id', '=', blockedUserId).executeTakeFirst();
  return row !== undefined;
}

/** Which of `blockerIds` have blocked `userId`. */
export async function blockersAmong(db: Db, blockerIds: readonly number[], userId: number): Promise<number[]> {
  if (blockerIds.length === 0) return [];
  const rows = await db.selectFrom('blocked_users').select('user_id').where('user_id', 'in', [...new Set(blockerIds)]).where('blocked_user_id', '=', userId).execute();
  return rows.map((r) => r.user_id);
}

export async function blockedUsersOf(db: Db, userId: number): Promise<BlockedUserRow[]> {
  const rows = await db
    .selectFrom('blocked_users')
    .innerJoin('users', 'users.id', 'blocked_users.blocked_user_id')
    .select(['users.id', 'users.login', 'blocked_users.created_at'])
    .where('blocked_users.user_id', '=', userId)
    .orderBy('blocked_users.created_at', 'desc')
    .orderBy('users.id', 'desc')
    .execute();
  return rows.map((r) => ({ userId: r.id, login: r.login, blockedAt: r.created_at }));
}
