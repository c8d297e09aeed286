// Hiding a comment (AO3's "Hide Comment"): afterwards only the work's creators and the comment's
// author see it; everyone else sees its replies under a placeholder, or nothing when there are
// none. It stops counting in the work's comment count. The work's creators only.
import { findComment, setCommentFlags } from '../../db/repos/comments.repo.ts';
import { lockWork } from '../../db/repos/works.repo.ts';
import { Invalid } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import { requireModerator } from './authorize.ts';
import { refreshCommentsCount } from './count.ts';
import { loadComment } from './load.ts';

export async function setCommentHidden(ctx: ServiceContext, commentId: number, hidden: boolean): Promise<void> {
  const loaded = await loadComment(ctx, commentId);
  requireModerator(ctx, loaded, hidden ? 'hide comments' : 'make hidden comments visible again');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await lockWork(trx, ctx.caps, loaded.work.id);
    const fresh = await findComment(trx, commentId);
    if (!fresh || fresh.deleted) throw new Invalid('That comment has been deleted.');
    if (fresh.hidden === hidden) return;
    await setCommentFlags(trx, [commentId], { hidden }, now.toISOString());
    await refreshCommentsCount(trx, loaded.work.id, now);
  });
}
