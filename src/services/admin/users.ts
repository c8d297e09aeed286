// Admin actions on accounts: suspension (which ends every session at once) and roles.
import { deleteSessionsOfUser } from '../../db/repos/sessions.repo.ts';
import { addRole, findUserByLogin, removeRole, updateUser, type UserRecord } from '../../db/repos/users.repo.ts';
import type { Role } from '../../domain/actor.ts';
import { Forbidden, Invalid, NotFound } from '../../domain/errors.ts';
import { can } from '../../domain/policy.ts';
import type { ServiceContext } from '../context.ts';

async function target(ctx: ServiceContext, login: string): Promise<UserRecord> {
  if (!can(ctx.actor, { do: 'admin:manage' })) throw new Forbidden('Only admins can manage accounts.');
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
