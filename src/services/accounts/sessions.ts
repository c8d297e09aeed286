// Server-side sessions (OWASP Session Management): a 256-bit random token in an HttpOnly cookie,
// only its hash in the database; a new token at every log-in; gone at log-out, on suspension and
// when the password changes.
import { deleteSession, deleteSessionsOfUser, findSessionByHash, insertSession, touchSession } from '../../db/repos/sessions.repo.ts';
import { findUserById, rolesOf } from '../../db/repos/users.repo.ts';
import type { Db } from '../../db/types.ts';
import type { Actor } from '../../domain/actor.ts';
import { hashToken, newToken } from '../tokens.ts';

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** Sliding expiry is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60 * 60 * 1000;

export interface OpenedSession {
  token: string;
  id: number;
  expiresAt: Date;
}

export async function openSession(db: Db, userId: number, now: Date): Promise<OpenedSession> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  const id = await insertSession(db, { tokenHash: hashToken(token), userId, expiresAt: expiresAt.toISOString() }, now.toISOString());
  return { token, id, expiresAt };
}

export interface ResolvedSession {
  id: number;
  actor: Extract<Actor, { kind: 'user' }>;
}

/** The session a cookie token belongs to, or null when it is unknown, expired or its user is suspended. */
export async function resolveSession(db: Db, token: string, now: Date): Promise<ResolvedSession | null> {
  const session = await findSessionByHash(db, hashToken(token));
  if (!session) return null;
  if (Date.parse(session.expiresAt) <= now.getTime()) {
    await deleteSession(db, session.id);
    return null;
  }
  const user = await findUserById(db, session.userId);
  if (!user) return null;
  if (user.suspendedAt) {
    await deleteSessionsOfUser(db, user.id);
    return null;
  }
  if (now.getTime() - Date.parse(session.lastSeenAt) > TOUCH_EVERY_MS) {
    await touchSession(db, session.id, now.toISOString(), new Date(now.getTime() + SESSION_TTL_MS).toISOString());
  }
  const roles = await rolesOf(db, user.id);
  return { id: session.id, actor: { kind: 'user', userId: user.id, login: user.login, roles: new Set(roles), suspended: false } };
}

export async function closeSession(db: Db, sessionId: number): Promise<void> {
  await deleteSession(db, sessionId);
}
