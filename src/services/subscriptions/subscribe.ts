// Subscribing to a work (new chapters), a creator (their new works, never anonymous ones) or a
// series (new works in it), as on AO3. Only what the reader may see can be subscribed to: a work
// they may read, an existing account other than their own, a series whose page they may open.
import { insertSubscription } from '../../db/repos/subscriptions.repo.ts';
import { findUserById } from '../../db/repos/users.repo.ts';
import { recordWorkStat } from '../../db/repos/work-stats.repo.ts';
import type { SubscriptionKind } from '../../db/schema.ts';
import { Forbidden, Invalid, NotFound } from '../../domain/errors.ts';
import { can } from '../../domain/policy.ts';
import { findSeries } from '../browse.ts';
import type { ServiceContext } from '../context.ts';
import { findReadableWork } from '../read-work.ts';
import { workAccess } from '../work-cards.ts';
import { readerId } from '../reader/owner.ts';

export const SUBSCRIPTION_KINDS: readonly SubscriptionKind[] = ['work', 'creator', 'series'];

export interface SubscribeInput {
  kind: SubscriptionKind;
  /** The work's, the creator's (user's) or the series' id. */
  id: number;
}

async function checkTarget(ctx: ServiceContext, userId: number, input: SubscribeInput): Promise<void> {
  switch (input.kind) {
    case 'work': {
      const card = await findReadableWork(ctx, input.id);
      if (!can(ctx.actor, { do: 'work:track', work: workAccess(card.work, card.creators) })) throw new Forbidden('You cannot subscribe to this work.');
      return;
    }
    case 'creator': {
      const user = await findUserById(ctx.db, input.id);
      if (!user) throw new NotFound(`There is no user ${input.id}.`);
      if (user.id === userId) throw new Invalid('You cannot subscribe to yourself.', { id: 'You cannot subscribe to yourself.' });
      return;
    }
    case 'series':
      // Not found unless at least one of its works is visible to the reader.
      await findSeries(ctx, input.id);
      return;
  }
}

export async function subscribe(ctx: ServiceContext, input: SubscribeInput): Promise<{ id: number; added: boolean }> {
  const userId = readerId(ctx, 'subscribe');
  if (!SUBSCRIPTION_KINDS.includes(input.kind)) throw new Invalid('Subscribe to a work, a creator or a series.', { kind: 'Choose work, creator or series.' });
  await checkTarget(ctx, userId, input);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const result = await insertSubscription(trx, userId, input.kind, input.id, now.toISOString());
    // Creators see their works' subscribers over time on their stats page.
    if (result.added && input.kind === 'work') await recordWorkStat(trx, input.id, 'subscriptions', 1, now);
    return result;
  });
}
