// Logging in and out. Failures are counted per address and per account (so attempts spread over
// many addresses are still stopped); the answer never says whether the login exists.
import { findUserByEmail, findUserByLogin, type UserRecord } from '../../db/repos/users.repo.ts';
import { Forbidden, Invalid } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import { hashPassword, verifyPassword } from '../passwords.ts';
import { giveBack, LIMITS, reset, spend } from '../rate-limit.ts';
import { closeSession, openSession, type OpenedSession } from './sessions.ts';

export interface LogInInput {
  /** Login or email address, as AO3 accepts either. */
  login: string;
  password: string;
  /** The client's address, for the per-address limit. */
  ip: string;
}

const WRONG = 'The login or password is not correct.';
// Verified against when the login is unknown, so both answers take the same time.
let dummyHash: Promise<string> | null = null;

async function findAccount(ctx: ServiceContext, login: string): Promise<UserRecord | null> {
  const trimmed = login.trim();
  if (trimmed === '' || trimmed.length > 254) return null;
  return trimmed.includes('@') ? findUserByEmail(ctx.db, trimmed) : findUserByLogin(ctx.db, trimmed);
}

export async function logIn(ctx: ServiceContext, input: LogInInput): Promise<{ session: OpenedSession; user: UserRecord }> {
  const now = ctx.clock.now();
  await spend(ctx.db, LIMITS.loginPerIp, input.ip, now);
  const user = await findAccount(ctx, input.login);
  const accountKey = accountLimitKey(user, input.login);
  await spend(ctx.db, LIMITS.loginPerAccount, accountKey, now);

  dummyHash ??= hashPassword('owlery-timing-equalizer');
  const ok = user?.passwordHash ? await verifyPassword(user.passwordHash, input.password) : (await verifyPassword(await dummyHash, input.password), false);
  if (!user || !ok) throw new Invalid(WRONG, { login: WRONG });
  if (user.suspendedAt) throw new Forbidden('This account is suspended. Contact the archive admins if you think this is a mistake.');
  await giveBack(ctx.db, LIMITS.loginPerIp, input.ip);
  await reset(ctx.db, LIMITS.loginPerAccount, accountKey);
  return { session: await openSession(ctx.db, user.id, now), user };
}

/** The key failed password checks count under for an account (or a login that names none). */
export function accountLimitKey(user: Pick<UserRecord, 'id'> | null, login: string): string {
  return user ? `user:${user.id}` : `login:${login.trim().toLowerCase()}`;
}

export async function logOut(ctx: ServiceContext, sessionId: number): Promise<void> {
  await closeSession(ctx.db, sessionId);
}
