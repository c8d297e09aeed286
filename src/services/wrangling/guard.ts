// Who may wrangle: wranglers and admins, through the policy module. Guests are asked to log in.
import { Forbidden, Unauthenticated } from '../../domain/errors.ts';
import { can } from '../../domain/policy.ts';
import type { ServiceContext } from '../context.ts';

export interface Wrangler {
  userId: number | null;
  /** Recorded in the audit log. */
  label: string;
}

export function requireWrangler(ctx: ServiceContext): Wrangler {
  if (ctx.actor.kind === 'guest') throw new Unauthenticated('Log in as a tag wrangler to wrangle tags.');
  if (!can(ctx.actor, { do: 'tags:wrangle' })) throw new Forbidden('Only tag wranglers can do this.');
  return ctx.actor.kind === 'user' ? { userId: ctx.actor.userId, label: ctx.actor.login } : { userId: null, label: 'system' };
}

/** Whether the actor may wrangle, for offering the way in (a "Wrangle this tag" link); never throws. */
export function canWrangle(ctx: ServiceContext): boolean {
  return ctx.actor.kind !== 'guest' && can(ctx.actor, { do: 'tags:wrangle' });
}
