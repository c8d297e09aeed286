// The checks every new account passes, whichever door it comes through (sign-up, first-run setup,
// `owlery users create`): a valid login, a plausible email, an acceptable password, and neither
// login nor email already taken.
import { findUserByEmail, findUserByLogin } from '../../db/repos/users.repo.ts';
import type { Db } from '../../db/types.ts';
import { Invalid } from '../../domain/errors.ts';
import { emailProblem } from '../../domain/password-rules.ts';
import { loginProblem } from '../../domain/user-names.ts';
import { checkPassword } from '../password-policy.ts';

export interface NewAccount {
  login: string;
  email: string;
  password: string;
  passwordConfirmation: string;
}

/** Returns the trimmed login and email, or throws Invalid with a message per field. */
export async function checkNewAccount(db: Db, input: NewAccount): Promise<{ login: string; email: string }> {
  const login = input.login.trim();
  const email = input.email.trim();
  const problems: Record<string, string> = {};
  const loginIssue = loginProblem(login);
  if (loginIssue) problems.login = loginIssue;
  const emailIssue = emailProblem(email);
  if (emailIssue) problems.email = emailIssue;
  const passwordIssue = checkPassword(input.password, input.passwordConfirmation);
  if (passwordIssue) problems.password = passwordIssue;
  if (!problems.login && (await findUserByLogin(db, login))) problems.login = `The login ${login} is already taken.`;
  // AO3 tells people an address is in use; without it they could not know to log in instead.
  if (!problems.email && (await findUserByEmail(db, email))) problems.email = 'An account with this email address already exists. Log in, or reset your password.';
  if (Object.keys(problems).length > 0) throw new Invalid(Object.values(problems).join(' '), problems);
  return { login, email };
}
