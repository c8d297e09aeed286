// Whose block list a request may touch: only one's own. A block is private — the blocked person
// is never told, and nobody else can see the list.
import { Forbidden, Unauthenticated } from '../../domain/errors.ts';
import { can } from '../../domain/policy.ts';
import { loginKey } from '../../domain/user-names.ts';
import type { ServiceContext } from '../context.ts';

/** AO3 caps blocked users at 2,000. */
export const MAX_BLOCKED_USERS = 2000;

/** The acting user's id when they may manage their blocks; `login` is the account a URL names. */
export function blocksOwnerId(ctx: ServiceContext, purpose: string, login?: string): number {
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw new Unauthenticated(`Log in to ${purpose}.`);
  if (!can(actor, { do: 'blocks:manage', userId: actor.userId })) throw new Forbidden(`Your account cannot ${purpose} right now.`);
  if (login !== undefined && loginKey(login) !== loginKey(actor.login)) throw new Forbidden('Blocked users are private: you can only see your own list.');
  return actor.userId;
}
