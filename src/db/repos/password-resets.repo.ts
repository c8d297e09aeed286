import type { Db } from '../types.ts';

export async function insertPasswordReset(db: Db, reset: { tokenHash: string; userId: number; expiresAt: string }, now: string): Promise<void> {
  await db.insertInto('password_resets').values({ token_hash: reset.tokenHash, user_id: reset.userId, expires_at: reset.expiresAt, created_at: now }).execute();
}

export async function findPasswordReset(db: Db, tokenHash: string): Promise<{ id: number; userId: number; expiresAt: string; usedAt: string | null } | null> {
  const row = await db.selectFrom('password_resets').select(['id', 'user_id', 'expires_at', 'used_at']).where('token_hash', '=', tokenHash).executeTakeFirst();
  return row ? { id: row.id, userId: row.user_id, expiresAt: row.expires_at, usedAt: row.used_at } : null;
}

/** Marks this reset used and voids every other outstanding reset of the same user. */
export async function consumePasswordResets(db: Db, userId: number, now: string): Promise<void> {
  await db.updateTable('password_resets').set({ used_at: now }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
}

/** Marks one reset used if it still is unused; false when another request got there first. */
export async function claimPasswordReset(db: Db, id: number, now: string): Promise<boolean> {
  const result = await db.updateTable('password_resets').set({ used_at: now }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
