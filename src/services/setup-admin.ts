// First run: with no admin account, `owlery serve` prints a one-time link to create one. There
// is no default password anywhere; the token is random, stored only as a hash, expires, and is
// consumed when the account is made.
import { addRole, countUsersWithRole, insertUser } from '../db/repos/users.repo.ts';
import { deleteSetting, getSetting, putSetting } from '../db/repos/settings.repo.ts';
import { Conflict, NotFound } from '../domain/errors.ts';
import type { ServiceContext } from './context.ts';
import { checkNewAccount } from './accounts/account-input.ts';
import { hashToken, newToken, sameSecret } from './tokens.ts';
import { hashPassword } from './passwords.ts';
import type { Db } from '../db/types.ts';

const TOKEN_KEY = 'setup_token';
const TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

export async function adminExists(db: Db): Promise<boolean> {
  return (await countUsersWithRole(db, 'admin')) > 0;
}

/** A fresh setup token when the archive has no admin, else null. Each call replaces the last. */
export async function issueSetupToken(ctx: ServiceContext): Promise<string | null> {
  if (await adminExists(ctx.db)) return null;
  const token = newToken();
  const expires = ctx.clock.now().getTime() + TOKEN_TTL_MS;
  await putSetting(ctx.db, TOKEN_KEY, JSON.stringify({ hash: hashToken(token), expires }), ctx.clock.now().toISOString());
  return token;
}

async function tokenIsValid(db: Db, token: string, now: Date): Promise<boolean> {
  const stored = await getSetting(db, TOKEN_KEY);
  if (!stored) return false;
  const { hash, expires } = JSON.parse(stored) as { hash: string; expires: number };
  return now.getTime() < expires && sameSecret(hashToken(token), hash);
}

/** Throws NotFound unless the token is the current, unexpired one and no admin exists yet. */
export async function checkSetupToken(ctx: ServiceContext, token: string): Promise<void> {
  if ((await adminExists(ctx.db)) || !(await tokenIsValid(ctx.db, token, ctx.clock.now()))) {
    throw new NotFound('This setup link is not valid: it was used already, has expired, or was replaced by a newer one. Restart the server to print a new link.');
  }
}

export interface AdminAccountInput {
  login: string;
  email: string;
  password: string;
  passwordConfirmation: string;
}

export async function completeSetup(ctx: ServiceContext, token: string, input: AdminAccountInput): Promise<{ login: string }> {
  await checkSetupToken(ctx, token);
  const { login, email } = await checkNewAccount(ctx.db, input);
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    // Re-check inside the transaction: two browsers submitting at once make one admin.
    if (await adminExists(trx)) throw new Conflict('An admin account already exists.');
    const { user } = await insertUser(trx, { login, email, passwordHash }, now);
    await addRole(trx, user.id, 'admin');
    await deleteSetting(trx, TOKEN_KEY);
    return { login: user.login };
  });
}
