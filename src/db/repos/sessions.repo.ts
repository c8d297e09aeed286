// Server-side sessions, looked up by a hash of the cookie token.
import type { Db } from '../types.ts';

export interface SessionRow {
  id: number;
  userId: number;
  expiresAt: string;
  lastSeenAt: string;
}

export async function insertSession(db: Db, session: { tokenHash: string; userId: number; expiresAt: string }, now: string): Promise<number> {
  const row = await db
    .insertInto('sessions')
    .values({ token_hash: session.tokenHash, user_id: session.userId, created_at: now, last_seen_at: now, expires_at: session.expiresAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findSessionByHash(db: Db, tokenHash: string): Promise<SessionRow | null> {
  const row = await db.selectFrom('sessions').select(['id', 'user_id', 'expires_at', 'last_seen_at']).where('token_hash', '=', tokenHash).executeTakeFirst();
  return row ? { id: row.id, userId: row.user_id, expiresAt: row.expires_at, lastSeenAt: row.last_seen_at } : null;
}

export async function touchSession(db: Db, id: number, lastSeenAt: string, expiresAt: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: number): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user, optionally keeping one (the one that changed the password). */
export async function deleteSessionsOfUser(db: Db, userId: number, exceptId?: number): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  await q.execute();
}

export async function deleteExpiredSessions(db: Db, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}
