// Creating an account: open sign-up, or invitation-only when the admin says so (AO3's model,
// with a public queue for invitations).
import { findInvitationByHash, markInvitationUsed } from '../../db/repos/invitations.repo.ts';
import { getSetting, putSetting } from '../../db/repos/settings.repo.ts';
import { insertUser, type UserRecord } from '../../db/repos/users.repo.ts';
import type { Db } from '../../db/types.ts';
import { Forbidden, Invalid } from '../../domain/errors.ts';
import { requireAdmin } from '../admin/guard.ts';
import type { ServiceContext } from '../context.ts';
import { hashPassword } from '../passwords.ts';
import { LIMITS, spend } from '../rate-limit.ts';
import { hashToken } from '../tokens.ts';
import { openSession, type OpenedSession } from './sessions.ts';
import { checkNewAccount } from './account-input.ts';

export type SignupMode = 'open' | 'invitation';
const MODE_KEY = 'signup_mode';

export async function signupMode(db: Db): Promise<SignupMode> {
  return (await getSetting(db, MODE_KEY)) === 'invitation' ? 'invitation' : 'open';
}

export async function setSignupMode(ctx: ServiceContext, mode: SignupMode): Promise<void> {
  requireAdmin(ctx);
  await putSetting(ctx.db, MODE_KEY, mode, ctx.clock.now().toISOString());
}

export interface SignUpInput {
  login: string;
  email: string;
  password: string;
  passwordConfirmation: string;
  /** The token from an invitation email; required in invitation mode. */
  invitation?: string | undefined;
  ip: string;
}

export async function signUp(ctx: ServiceContext, input: SignUpInput): Promise<{ user: UserRecord; session: OpenedSession }> {
  if (ctx.actor.kind === 'user') throw new Invalid('You are already logged in.');
  const now = ctx.clock.now();
  const mode = await signupMode(ctx.db);
  const invitation = input.invitation ? await findInvitationByHash(ctx.db, hashToken(input.invitation)) : null;
  if (mode === 'invitation' && (!invitation || invitation.usedAt)) {
    throw new Forbidden('Sign-up on this archive is by invitation. Request an invitation, or use the link from your invitation email.');
  }

  // Counted before the checks, so "that address already has an account" cannot be probed freely.
  await spend(ctx.db, LIMITS.signupPerIp, input.ip, now);
  const { login, email } = await checkNewAccount(ctx.db, input);

  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    const { user } = await insertUser(trx, { login, email, passwordHash }, now.toISOString());
    if (invitation && !(await markInvitationUsed(trx, invitation.id, user.id, now.toISOString())) && mode === 'invitation') {
      throw new Forbidden('This invitation was used already. Request a new one.');
    }
    return { user, session: await openSession(trx, user.id, now) };
  });
}
