// Whose reading things a request may touch: bookmarks to manage, subscriptions, the inbox and
// the history are each reader's own. Another reader's inbox or history exists for nobody else,
// admins included; their public bookmarks are shown by services/bookmarks/list-bookmarks.ts.
import { Forbidden, Unauthenticated } from '../../domain/errors.ts';
import { can } from '../../domain/policy.ts';
import { loginKey } from '../../domain/user-names.ts';
import type { ServiceContext } from '../context.ts';

/**
 * The acting user's id when they may manage their reading things. `login` is the account a page's
 * URL names (/users/:login/inbox); any account but one's own is refused the way another user's
 * drafts are.
 */
export function readerId(ctx: ServiceContext, purpose: string, login?: string): number {
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw new Unauthenticated(`Log in to ${purpose}.`);
  if (!can(actor, { do: 'reading:manage', userId: actor.userId })) throw new Forbidden(`Your account cannot ${purpose} right now.`);
  if (login !== undefined && loginKey(login) !== loginKey(actor.login)) throw new Forbidden('Inboxes, subscriptions and reading histories are private: you can only see your own.');
  return actor.userId;
}
