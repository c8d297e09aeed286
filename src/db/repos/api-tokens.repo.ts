import type { Db } from '../types.ts';

export interface ApiTokenRow {
  id: number;
  userId: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

type Row = { id: number; user_id: number; name: string; created_at: string; last_used_at: string | null; revoked_at: string | null };
const COLUMNS = ['id', 'user_id', 'name', 'created_at', 'last_used_at', 'revoked_at'] as const;
const toRow = (r: Row): ApiTokenRow => ({ id: r.id, userId: r.user_id, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at });

export async function insertApiToken(db: Db, token: { userId: number; name: string; tokenHash: string }, now: string): Promise<ApiTokenRow> {
  const row = await db.insertInto('api_tokens').values({ user_id: token.userId, name: token.name, token_hash: token.tokenHash, created_at: now }).returning(COLUMNS).executeTakeFirstOrThrow();
  return toRow(row);
}

export async function findApiTokenByHash(db: Db, tokenHash: string): Promise<ApiTokenRow | null> {
  const row = await db.selectFrom('api_tokens').select(COLUMNS).where('token_hash', '=', tokenHash).executeTakeFirst();
  return row ? toRow(row) : null;
}

export async function apiTokensOfUser(db: Db, userId: number): Promise<ApiTokenRow[]> {
  const rows = await db.selectFrom('api_tokens').select(COLUMNS).where('user_id', '=', userId).where('revoked_at', 'is', null).orderBy('created_at', 'desc').execute();
  return rows.map(toRow);
}

export async function revokeApiToken(db: Db, id: number, userId: number, now: string): Promise<boolean> {
  const result = await db.updateTable('api_tokens').set({ revoked_at: now }).where('id', '=', id).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function touchApiToken(db: Db, id: number, now: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
}

export async function revokeTokensOfUser(db: Db, userId: number, now: string): Promise<void> {
  await db.updateTable('api_tokens').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
}
