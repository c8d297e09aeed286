// Creating an account from the command line (`owlery users create`), with a role if asked.
import { addRole, findUserByLogin, insertUser } from '../db/repos/users.repo.ts';
import type { Role } from '../domain/actor.ts';
import { Forbidden, Invalid } from '../domain/errors.ts';
import { emailProblem, passwordProblem } from '../domain/password-rules.ts';
import { loginProblem } from '../domain/user-names.ts';
import type { ServiceContext } from './context.ts';
import { hashPassword } from './passwords.ts';

export const ROLES: readonly Role[] = ['admin', 'wrangler', 'moderator'];

export async function createUser(ctx: ServiceContext, input: { login: string; email: string; password: string; role?: Role | undefined }): Promise<{ id: number; login: string }> {
  if (ctx.actor.kind !== 'system') throw new Forbidden('Accounts are created here from the command line only.');
  const problems: Record<string, string> = {};
  const login = input.login.trim();
  const email = input.email.trim();
  const loginIssue = loginProblem(login);
  if (loginIssue) problems.login = loginIssue;
  const emailIssue = emailProblem(email);
  if (emailIssue) problems.email = emailIssue;
  const passwordIssue = passwordProblem(input.password, input.password);
  if (passwordIssue) problems.password = passwordIssue;
  if (Object.keys(problems).length > 0) throw new Invalid(Object.values(problems).join(' '), problems);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    if (await findUserByLogin(trx, login)) throw new Invalid(`The login ${login} is taken.`, { login: 'taken' });
    const { user } = await insertUser(trx, { login, email, passwordHash }, ctx.clock.now().toISOString());
    if (input.role) await addRole(trx, user.id, input.role);
    return { id: user.id, login: user.login };
  });
}
