// Admin actions on accounts: suspension (which ends every session at once) and roles.
import { deleteSessionsOfUser } from '../../db/repos/sessions.repo.ts';
import { addRole, findUserByLogin, removeRole, rolesOf, updateUser, type UserRecord } from '../../db/repos/users.repo.ts';
import type { Role } from '../../domain/actor.ts';
import { Invalid, NotFound } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import { signupMode, type SignupMode } from '../accounts/sign-up.ts';
import { countWaitingInviteRequests } from '../../db/repos/invitations.repo.ts';
import { requireAdmin } from './guard.ts';

async function target(ctx: ServiceContext, login: string): Promise<UserRecord> {
  requireAdmin(ctx);
  const user = await findUserByLogin(ctx.db, login);
  if (!user) throw new NotFound(`There is no user "${login}".`);
  return user;
}

export async function setSuspended(ctx: ServiceContext, login: string, suspended: boolean): Promise<void> {
  const user = await target(ctx, login);
  if (ctx.actor.kind === 'user' && ctx.actor.userId === user.id) throw new Invalid('You cannot suspend your own account.');
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { suspendedAt: suspended ? ctx.clock.now().toISOString() : null });
    if (suspended) await deleteSessionsOfUser(trx, user.id);
  });
}

export async function setRole(ctx: ServiceContext, login: string, role: Role, granted: boolean): Promise<void> {
  const user = await target(ctx, login);
  if (!granted && role === 'admin' && ctx.actor.kind === 'user' && ctx.actor.userId === user.id) throw new Invalid('You cannot remove your own admin role.');
  if (granted) await addRole(ctx.db, user.id, role);
  else await removeRole(ctx.db, user.id, role);
}

export interface AccountFacts {
  login: string;
  email: string | null;
  roles: Role[];
  suspended: boolean;
  joinedAt: string;
}

/** An account as an admin sees it, or null when there is none by that login. */
export async function lookUpAccount(ctx: ServiceContext, login: string): Promise<AccountFacts | null> {
  requireAdmin(ctx);
  const user = await findUserByLogin(ctx.db, login);
  if (!user) return null;
  return { login: user.login, email: user.email, roles: await rolesOf(ctx.db, user.id), suspended: user.suspendedAt !== null, joinedAt: user.createdAt };
}

/** What the admin page opens with. */
export async function adminOverview(ctx: ServiceContext): Promise<{ signupMode: SignupMode; queueLength: number }> {
  requireAdmin(ctx);
  const [mode, queueLength] = await Promise.all([signupMode(ctx.db), countWaitingInviteRequests(ctx.db)]);
  return { signupMode: mode, queueLength };
}
