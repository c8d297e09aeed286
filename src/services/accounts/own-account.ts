// The acting user's own account id, for services that change only one's own account.
import { Forbidden, Unauthenticated } from '../../domain/errors.ts';
import { can } from '../../domain/policy.ts';
import type { ServiceContext } from '../context.ts';

/** Throws for guests (log in), API tokens and suspended accounts (forbidden). */
export function ownUserId(ctx: ServiceContext, purpose: string): number {
  if (ctx.actor.kind !== 'user') throw new Unauthenticated(`Log in to ${purpose}.`);
  if (!can(ctx.actor, { do: 'account:manage', userId: ctx.actor.userId })) {
    throw new Forbidden(ctx.actor.viaToken ? `API tokens cannot ${purpose}; use the website.` : `Your account cannot ${purpose} right now.`);
  }
  return ctx.actor.userId;
}
