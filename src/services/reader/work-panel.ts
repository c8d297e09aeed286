// What the work page shows the acting reader about their own relation to the work: their
// bookmark (to edit), whether they subscribe, whether it is marked for later. Null for anyone
// who cannot bookmark or follow it (guests, suspended accounts, drafts, hidden works).
import { findBookmarkOf, tagsForBookmarks, type BookmarkRecord } from '../../db/repos/bookmarks.repo.ts';
import { findReading } from '../../db/repos/readings.repo.ts';
import { findSubscription } from '../../db/repos/subscriptions.repo.ts';
import { can } from '../../domain/policy.ts';
import type { ServiceContext } from '../context.ts';
import { workAccess, type WorkCard } from '../work-cards.ts';

export interface WorkReaderState {
  bookmark: (BookmarkRecord & { tags: string[] }) | null;
  subscriptionId: number | null;
  markedForLater: boolean;
}

export async function readerStateForWork(ctx: ServiceContext, card: WorkCard): Promise<WorkReaderState | null> {
  const actor = ctx.actor;
  if (actor.kind !== 'user' || !can(actor, { do: 'work:track', work: workAccess(card.work, card.creators) })) return null;
  const [bookmark, subscription, reading] = await Promise.all([
    findBookmarkOf(ctx.db, actor.userId, card.work.id),
    findSubscription(ctx.db, actor.userId, 'work', card.work.id),
    findReading(ctx.db, actor.userId, card.work.id),
  ]);
  const tags = bookmark ? ((await tagsForBookmarks(ctx.db, [bookmark.id])).get(bookmark.id) ?? []) : [];
  return {
    bookmark: bookmark ? { ...bookmark, tags } : null,
    subscriptionId: subscription?.id ?? null,
    markedForLater: reading?.markedForLaterAt != null,
  };
}
