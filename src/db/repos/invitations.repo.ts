// Invitations to sign up, and the queue of people asking for one.
import type { Db } from '../types.ts';
import { emailKey } from '../../domain/user-names.ts';

export interface InvitationRow {
  id: number;
  email: string;
  usedAt: string | null;
  createdAt: string;
}

export async function insertInvitation(db: Db, invitation: { tokenHash: string; email: string; invitedBy: number | null }, now: string): Promise<number> {
  const row = await db
    .insertInto('invitations')
    .values({ token_hash: invitation.tokenHash, email: invitation.email, invited_by: invitation.invitedBy, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findInvitationByHash(db: Db, tokenHash: string): Promise<InvitationRow | null> {
  const row = await db.selectFrom('invitations').select(['id', 'email', 'used_at', 'created_at']).where('token_hash', '=', tokenHash).executeTakeFirst();
  return row ? { id: row.id, email: row.email, usedAt: row.used_at, createdAt: row.created_at } : null;
}

/** Marks an invitation used if it still is unused; false when another sign-up used it first. */
export async function markInvitationUsed(db: Db, id: number, userId: number, now: string): Promise<boolean> {
  const result = await db.updateTable('invitations').set({ used_at: now, used_by: userId }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Adds an address to the queue; returns false when it was already there. */
export async function queueInviteRequest(db: Db, email: string, now: string): Promise<boolean> {
  const result = await db
    .insertInto('invite_requests')
    .values({ email, email_key: emailKey(email), created_at: now })
    .onConflict((oc) => oc.column('email_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export interface InviteRequestRow {
  id: number;
  email: string;
  createdAt: string;
}

export async function waitingInviteRequests(db: Db, limit: number): Promise<InviteRequestRow[]> {
  const rows = await db.selectFrom('invite_requests').select(['id', 'email', 'created_at']).where('invited_at', 'is', null).orderBy('created_at').orderBy('id').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, email: r.email, createdAt: r.created_at }));
}

export async function countWaitingInviteRequests(db: Db): Promise<number> {
  const row = await db.selectFrom('invite_requests').select((eb) => eb.fn.countAll<number>().as('n')).where('invited_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function markInviteRequestSent(db: Db, id: number, now: string): Promise<void> {
  await db.updateTable('invite_requests').set({ invited_at: now }).where('id', '=', id).execute();
}

/** Position of an address in the queue (1 = next), or null when it is not waiting. */
export async function queuePosition(db: Db, email: string): Promise<number | null> {
  const mine = await db.selectFrom('invite_requests').select(['id', 'created_at']).where('email_key', '=', emailKey(email)).where('invited_at', 'is', null).executeTakeFirst();
  if (!mine) return null;
  const row = await db
    .selectFrom('invite_requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('invited_at', 'is', null)
    .where((eb) => eb.or([eb('created_at', '<', mine.created_at), eb.and([eb('created_at', '=', mine.created_at), eb('id', '<=', mine.id)])]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
