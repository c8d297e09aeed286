// Whether the acting reader follows something, for the Subscribe / Unsubscribe buttons on work,
// creator and series pages. Guests and suspended accounts follow nothing.
import { findSubscription } from '../../db/repos/subscriptions.repo.ts';
import type { SubscriptionKind } from '../../db/schema.ts';
import { can } from '../../domain/policy.ts';
import type { ServiceContext } from '../context.ts';

/** null: the reader cannot subscribe at all; otherwise their subscription's id, or null inside. */
export async function subscriptionState(ctx: ServiceContext, kind: SubscriptionKind, targetId: number): Promise<{ subscriptionId: number | null } | null> {
  const actor = ctx.actor;
  if (actor.kind !== 'user' || !can(actor, { do: 'reading:manage', userId: actor.userId })) return null;
  const found = await findSubscription(ctx.db, actor.userId, kind, targetId);
  return { subscriptionId: found?.id ?? null };
}
