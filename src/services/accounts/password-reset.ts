// Forgotten passwords: an emailed link that works once, for an hour. The request answers the
// same whatever the address, so it cannot be used to find out who has an account.
import { claimPasswordReset, consumePasswordResets, findPasswordReset, insertPasswordReset } from '../../db/repos/password-resets.repo.ts';
import { deleteSessionsOfUser } from '../../db/repos/sessions.repo.ts';
import { findUserByEmail, updateUser } from '../../db/repos/users.repo.ts';
import { Invalid, NotFound } from '../../domain/errors.ts';
import { emailProblem } from '../../domain/password-rules.ts';
import type { ServiceContext } from '../context.ts';
import { hashPassword } from '../passwords.ts';
import { checkPassword } from '../password-policy.ts';
import { exhausted, LIMITS, reset, spend } from '../rate-limit.ts';
import { hashToken, newToken } from '../tokens.ts';
import { revokeAllApiTokens } from './api-tokens.ts';
import { sendInBackground } from '../../mail/outbox.ts';
import { accountLimitKey } from './log-in.ts';

const RESET_TTL_MS = 60 * 60 * 1000;

export const RESET_REQUESTED =
  'If an account uses that address, we have sent it a link to reset the password. The link works once, for one hour.';

export async function requestPasswordReset(ctx: ServiceContext, input: { email: string; ip: string }): Promise<string> {
  const email = input.email.trim();
  const problem = emailProblem(email);
  if (problem) throw new Invalid(problem, { email: problem });
  const now = ctx.clock.now();
  await spend(ctx.db, LIMITS.resetPerIp, input.ip, now);
  // Past the per-address allowance, say the same thing and send nothing.
  if (await exhausted(ctx.db, LIMITS.resetPerAddress, email, now)) return RESET_REQUESTED;
  await spend(ctx.db, LIMITS.resetPerAddress, email, now);

  const user = await findUserByEmail(ctx.db, email);
  if (user && !user.suspendedAt) {
    const token = newToken('rst_');
    await insertPasswordReset(ctx.db, { tokenHash: hashToken(token), userId: user.id, expiresAt: new Date(now.getTime() + RESET_TTL_MS).toISOString() }, now.toISOString());
    sendInBackground(ctx.mailer, {
      to: user.email!,
      subject: `[${ctx.site.name}] Reset your password`,
      text:
        `Someone asked to reset the password of the account ${user.login} on ${ctx.site.name}.\n\n` +
        `Choose a new password here (the link works once, for one hour):\n${ctx.site.baseUrl}/password/reset/${token}\n\n` +
        'If it was not you, ignore this email: your password stays as it is.\n',
    });
  }
  return RESET_REQUESTED;
}

async function liveReset(ctx: ServiceContext, token: string) {
  const found = await findPasswordReset(ctx.db, hashToken(token));
  if (!found || found.usedAt || Date.parse(found.expiresAt) <= ctx.clock.now().getTime()) {
    throw new NotFound('This reset link has expired or was used already. Ask for a new one.');
  }
  return found;
}

export async function checkResetToken(ctx: ServiceContext, token: string): Promise<void> {
  await liveReset(ctx, token);
}

export async function resetPassword(ctx: ServiceContext, input: { token: string; password: string; passwordConfirmation: string }): Promise<void> {
  const found = await liveReset(ctx, input.token);
  const problem = checkPassword(input.password, input.passwordConfirmation);
  if (problem) throw new Invalid(problem, { password: problem });
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    // Claimed inside the transaction: of two submissions of one link, only one gets through.
    if (!(await claimPasswordReset(trx, found.id, now))) throw new NotFound('This reset link has expired or was used already. Ask for a new one.');
    await updateUser(trx, found.userId, { passwordHash });
    await consumePasswordResets(trx, found.userId, now);
    // Whoever knew the old password is logged out everywhere, and loses any token they made.
    await deleteSessionsOfUser(trx, found.userId);
    await revokeAllApiTokens(trx, found.userId, now);
  });
  // The owner is back in: lift the lock that failed guesses put on the account.
  await reset(ctx.db, LIMITS.loginPerAccount, accountLimitKey({ id: found.userId }, ''));
}
