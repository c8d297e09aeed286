// Creating an account from the command line (`owlery users create`), with a role if asked.
import { addRole, insertUser } from '../db/repos/users.repo.ts';
import type { Role } from '../domain/actor.ts';
import { Forbidden } from '../domain/errors.ts';
import type { ServiceContext } from './context.ts';
import { checkNewAccount } from './accounts/account-input.ts';
import { hashPassword } from './passwords.ts';

export const ROLES: readonly Role[] = ['admin', 'wrangler', 'moderator'];

export async function createUser(ctx: ServiceContext, input: { login: string; email: string; password: string; role?: Role | undefined }): Promise<{ id: number; login: string }> {
  if (ctx.actor.kind !== 'system') throw new Forbidden('Accounts are created here from the command line only.');
  const { login, email } = await checkNewAccount(ctx.db, { ...input, passwordConfirmation: input.password });
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    const { user } = await insertUser(trx, { login, email, passwordHash }, ctx.clock.now().toISOString());
    if (input.role) await addRole(trx, user.id, input.role);
    return { id: user.id, login: user.login };
  });
}
