// The first step of every admin service: guests are asked to log in, everyone else who is not
// an admin is refused — decided by the policy module.
import { Forbidden, Unauthenticated } from '../../domain/errors.ts';
import { can } from '../../domain/policy.ts';
import type { ServiceContext } from '../context.ts';

export function requireAdmin(ctx: ServiceContext): void {
  if (ctx.actor.kind === 'guest') throw new Unauthenticated('Log in as an admin to see this page.');
  if (!can(ctx.actor, { do: 'admin:manage' })) throw new Forbidden('Only archive admins can do this.');
}
