// When an account is deleted its bookmarks and subscriptions go (the foreign keys would cascade),
// but what others see must follow: the works' public bookmark counts drop, and the creators'
// stats record the lost bookmarks and subscribers. Runs inside the deletion's transaction.
import { deleteBookmarksOfUser, recountWorkBookmarks, workIdsBookmarkedBy } from '../../db/repos/bookmarks.repo.ts';
import { deleteSubscriptionRow, subscriptionsOfUser } from '../../db/repos/subscriptions.repo.ts';
import { findWorkById } from '../../db/repos/works.repo.ts';
import { recordWorkStat } from '../../db/repos/work-stats.repo.ts';
import type { Db } from '../../db/types.ts';

export async function forgetReader(trx: Db, userId: number, now: Date): Promise<void> {
  const workIds = await workIdsBookmarkedBy(trx, userId);
  await deleteBookmarksOfUser(trx, userId);
  for (const workId of workIds) {
    // Their own works may have been deleted a moment ago, in this transaction.
    const work = await findWorkById(trx, workId);
    if (work) await recordWorkStat(trx, workId, 'bookmarks', (await recountWorkBookmarks(trx, workId)) - work.bookmarksCount, now);
  }
  for (const subscription of await subscriptionsOfUser(trx, userId)) {
    const deleted = await deleteSubscriptionRow(trx, subscription.id);
    if (deleted && subscription.kind === 'work') await recordWorkStat(trx, subscription.targetId, 'subscriptions', -1, now);
  }
}
