// Personal API tokens: created and revoked on the account page, shown once, stored hashed. A
// token acts as its user, under the same policies as the web.
import { apiTokensOfUser, findApiTokenByHash, insertApiToken, revokeApiToken, revokeTokensOfUser, touchApiToken, type ApiTokenRow } from '../../db/repos/api-tokens.repo.ts';
import { findUserById, rolesOf } from '../../db/repos/users.repo.ts';
import type { Db } from '../../db/types.ts';
import type { Actor } from '../../domain/actor.ts';
import { Invalid, NotFound } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import { ownUserId } from './own-account.ts';
import { hashToken, newToken } from '../tokens.ts';

export const TOKEN_PREFIX = 'owl_';
const MAX_TOKENS = 20;


export async function myApiTokens(ctx: ServiceContext): Promise<ApiTokenRow[]> {
  return apiTokensOfUser(ctx.db, ownUserId(ctx, 'manage your API tokens'));
}

/** Creates a token; the secret is returned this once and never stored. */
export async function createApiToken(ctx: ServiceContext, name: string): Promise<{ token: string; row: ApiTokenRow }> {
  const userId = ownUserId(ctx, 'manage your API tokens');
  const label = name.replace(/\s+/g, ' ').trim();
  if (label === '' || label.length > 100) throw new Invalid('Give the token a name of 1 to 100 characters, so you can tell your tokens apart.', { name: 'Required, at most 100 characters.' });
  if ((await apiTokensOfUser(ctx.db, userId)).length >= MAX_TOKENS) throw new Invalid(`You can have at most ${MAX_TOKENS} tokens; revoke one first.`);
  const token = newToken(TOKEN_PREFIX);
  const row = await insertApiToken(ctx.db, { userId, name: label, tokenHash: hashToken(token) }, ctx.clock.now().toISOString());
  return { token, row };
}

export async function revokeMyApiToken(ctx: ServiceContext, id: number): Promise<void> {
  const userId = ownUserId(ctx, 'manage your API tokens');
  if (!(await revokeApiToken(ctx.db, id, userId, ctx.clock.now().toISOString()))) throw new NotFound('You have no such token.');
}

/** The actor a bearer token stands for, or null when it is unknown, revoked or its user suspended. */
export async function actorForApiToken(db: Db, token: string, now: Date): Promise<Extract<Actor, { kind: 'user' }> | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await findApiTokenByHash(db, hashToken(token));
  if (!row || row.revokedAt) return null;
  const user = await findUserById(db, row.userId);
  if (!user || user.suspendedAt) return null;
  if (!row.lastUsedAt || now.getTime() - Date.parse(row.lastUsedAt) > 60_000) await touchApiToken(db, row.id, now.toISOString());
  return { kind: 'user', userId: user.id, login: user.login, roles: new Set(await rolesOf(db, user.id)), suspended: false, viaToken: true };
}

/** Revokes every token of a user: their password changed, so whatever held a token may not be them. */
export async function revokeAllApiTokens(db: Db, userId: number, now: string): Promise<void> {
  await revokeTokensOfUser(db, userId, now);
}
