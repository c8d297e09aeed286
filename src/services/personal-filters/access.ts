// Whose personal filters a request may touch: only one's own. Muted tags, muted creators and
// saved searches are private — another reader's lists exist for nobody else, admins included.
import { Forbidden, Unauthenticated } from '../../domain/errors.ts';
import { can } from '../../domain/policy.ts';
import { loginKey } from '../../domain/user-names.ts';
import type { ServiceContext } from '../context.ts';

/**
 * The acting user's id when they may manage their filters. `login` is the account a page's URL
 * names (/users/:login/muted); any account but one's own is refused the way another user's
 * drafts are.
 */
export function filtersOwnerId(ctx: ServiceContext, purpose: string, login?: string): number {
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw new Unauthenticated(`Log in to ${purpose}.`);
  if (!can(actor, { do: 'filters:manage', userId: actor.userId })) throw new Forbidden(`Your account cannot ${purpose} right now.`);
  if (login !== undefined && loginKey(login) !== loginKey(actor.login)) throw new Forbidden('Muted tags, muted creators and saved searches are private: you can only see your own.');
  return actor.userId;
}
