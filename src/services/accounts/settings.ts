// Changing one's password or email address; both need the current password (ASVS V2.1.6).
import { deleteSessionsOfUser } from '../../db/repos/sessions.repo.ts';
import { findUserByEmail, findUserById, updateUser, type UserRecord } from '../../db/repos/users.repo.ts';
import { Invalid } from '../../domain/errors.ts';
import { emailProblem } from '../../domain/password-rules.ts';
import { ownUserId } from './own-account.ts';
import { revokeAllApiTokens } from './api-tokens.ts';
import { accountLimitKey } from './log-in.ts';
import { LIMITS, reset, spend } from '../rate-limit.ts';
import type { ServiceContext } from '../context.ts';
import { hashPassword, verifyPassword } from '../passwords.ts';
import { checkPassword } from '../password-policy.ts';

/** Loads the acting user's account after checking they may manage it and gave the right password. */
export async function ownAccountWithPassword(ctx: ServiceContext, currentPassword: string): Promise<UserRecord> {
  const userId = ownUserId(ctx, 'change your account');
  const user = await findUserById(ctx.db, userId);
  // Guesses at the current password count against the same allowance as failed log-ins, so a
  // hijacked session cannot be used to find the password.
  const key = accountLimitKey(user, '');
  await spend(ctx.db, LIMITS.loginPerAccount, key, ctx.clock.now());
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new Invalid('Your current password is not correct.', { current_password: 'Your current password is not correct.' });
  }
  await reset(ctx.db, LIMITS.loginPerAccount, key);
  return user;
}

export async function changePassword(
  ctx: ServiceContext,
  input: { currentPassword: string; password: string; passwordConfirmation: string; keepSessionId?: number | undefined },
): Promise<void> {
  const user = await ownAccountWithPassword(ctx, input.currentPassword);
  const problem = checkPassword(input.password, input.passwordConfirmation);
  if (problem) throw new Invalid(problem, { password: problem });
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { passwordHash });
    await deleteSessionsOfUser(trx, user.id, input.keepSessionId);
    await revokeAllApiTokens(trx, user.id, ctx.clock.now().toISOString());
  });
  if (user.email) {
    await ctx.mailer.send({
      to: user.email,
      subject: `[${ctx.site.name}] Your password was changed`,
      text: `The password of your account ${user.login} on ${ctx.site.name} was just changed. If it was not you, reset it now at ${ctx.site.baseUrl}/password/forgot\n`,
    });
  }
}

export async function changeEmail(ctx: ServiceContext, input: { currentPassword: string; email: string }): Promise<void> {
  const user = await ownAccountWithPassword(ctx, input.currentPassword);
  const email = input.email.trim();
  const problem = emailProblem(email);
  if (problem) throw new Invalid(problem, { email: problem });
  const other = await findUserByEmail(ctx.db, email);
  if (other && other.id !== user.id) throw new Invalid('Another account uses that email address.', { email: 'Another account uses that email address.' });
  await updateUser(ctx.db, user.id, { email });
  // Tell the old address, so a hijacker cannot quietly take the account over.
  if (user.email && user.email.toLowerCase() !== email.toLowerCase()) {
    await ctx.mailer.send({
      to: user.email,
      subject: `[${ctx.site.name}] Your email address was changed`,
      text: `The email address of your account ${user.login} on ${ctx.site.name} was changed to ${email}. If it was not you, contact the archive admins.\n`,
    });
  }
}

/** The acting user's own account facts, for the account page. */
export async function myAccount(ctx: ServiceContext): Promise<{ login: string; email: string | null }> {
  const user = await findUserById(ctx.db, ownUserId(ctx, 'see your account'));
  if (!user) throw new Invalid('Your account no longer exists.');
  return { login: user.login, email: user.email };
}
