// `owlery users create --login L --email E --password-stdin [--role admin|wrangler|moderator]`
import { text } from 'node:stream/consumers';
import { configFrom, parse, UsageError } from './args.ts';
import { withStore } from './store.ts';
import { createUser, ROLES } from '../services/create-user.ts';
import type { Role } from '../domain/actor.ts';

export const USERS_HELP = `owlery users create --login L --email E --password-stdin [--role admin|wrangler|moderator]
  Creates an account. The password is read from standard input (first line), never from a flag.`;

export async function usersCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'create') throw new UsageError(`Unknown users subcommand ${sub ?? '(none)'}.\n${USERS_HELP}`);
  const { values } = parse(rest, { login: { type: 'string' }, email: { type: 'string' }, 'password-stdin': { type: 'boolean' }, role: { type: 'string' } });
  if (values.help) return (console.log(USERS_HELP), 0);
  if (!values.login || !values.email) throw new UsageError('--login and --email are required.');
  if (!values['password-stdin']) throw new UsageError('Pass --password-stdin and give the password on standard input.');
  if (values.role !== undefined && !(ROLES as readonly string[]).includes(values.role)) {
    throw new UsageError(`--role must be one of ${ROLES.join(', ')}.`);
  }
  const password = (await text(process.stdin)).split(/\r?\n/)[0] ?? '';
  const user = await withStore(configFrom(values), (_store, ctx) =>
    createUser(ctx, { login: values.login!, email: values.email!, password, role: values.role as Role | undefined }),
  );
  console.log(`Created user ${user.login}${values.role ? ` (${values.role})` : ''}.`);
  return 0;
}
