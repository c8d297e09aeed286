// The acting reader's subscriptions (/users/:login/subscriptions and the API), each with what it
// follows as the reader may see it now: a work that has since been hidden, or a series with no
// work left that they may see, is listed without its title so it can still be unsubscribed from.
import { findSeriesById } from '../../db/repos/series.repo.ts';
import { subscriptionsOfUser, type SubscriptionRecord } from '../../db/repos/subscriptions.repo.ts';
import { findUserById } from '../../db/repos/users.repo.ts';
import { countWorks } from '../../db/repos/work-listing.repo.ts';
import { workScope } from '../../domain/policy.ts';
import type { ServiceContext } from '../context.ts';
import { loadWorkCards, type WorkCard } from '../work-cards.ts';
import { readerId } from '../reader/owner.ts';

export interface ShownSubscription {
  subscription: SubscriptionRecord;
  /** For a work: its card, or null when the reader may no longer see it. */
  work?: WorkCard | null;
  /** For a creator: their login, or null when the account is gone. */
  creator?: { id: number; login: string } | null;
  /** For a series: its title, or null when none of its works is visible any more. */
  series?: { id: number; title: string } | null;
}

export async function mySubscriptions(ctx: ServiceContext, login?: string): Promise<ShownSubscription[]> {
  const userId = readerId(ctx, 'see your subscriptions', login);
  const subscriptions = await subscriptionsOfUser(ctx.db, userId);
  const workIds = subscriptions.filter((s) => s.kind === 'work').map((s) => s.targetId);
  const cards = new Map((await loadWorkCards(ctx.db, ctx.actor, workIds)).map((c) => [c.work.id, c]));
  const scope = workScope(ctx.actor);
  const shown: ShownSubscription[] = [];
  for (const subscription of subscriptions) {
    switch (subscription.kind) {
      case 'work':
        shown.push({ subscription, work: cards.get(subscription.targetId) ?? null });
        break;
      case 'creator': {
        const user = await findUserById(ctx.db, subscription.targetId);
        shown.push({ subscription, creator: user ? { id: user.id, login: user.login } : null });
        break;
      }
      case 'series': {
        const series = await findSeriesById(ctx.db, subscription.targetId);
        const visible = series ? (await countWorks(ctx.db, { scope, seriesId: series.id })) > 0 : false;
        shown.push({ subscription, series: series && visible ? { id: series.id, title: series.title } : null });
        break;
      }
    }
  }
  return shown;
}
