// Ending one's own subscription. Someone else's subscription is "not found" whether or not it
// exists. Allowed whatever became of the target since: a reader can always stop following.
import { deleteSubscriptionRow, findSubscriptionById } from '../../db/repos/subscriptions.repo.ts';
import { recordWorkStat } from '../../db/repos/work-stats.repo.ts';
import { NotFound } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import { readerId } from '../reader/owner.ts';

export async function unsubscribe(ctx: ServiceContext, subscriptionId: number): Promise<void> {
  const userId = readerId(ctx, 'manage your subscriptions');
  const subscription = await findSubscriptionById(ctx.db, subscriptionId);
  if (!subscription || subscription.userId !== userId) throw new NotFound(`You have no subscription ${subscriptionId}.`);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const deleted = await deleteSubscriptionRow(trx, subscription.id);
    if (deleted && subscription.kind === 'work') await recordWorkStat(trx, subscription.targetId, 'subscriptions', -1, now);
  });
}
