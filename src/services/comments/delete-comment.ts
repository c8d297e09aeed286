// Deleting a comment, by its author or by the work's creators. A comment with replies is
// emptied and stays as "(Previous comment deleted.)" so its thread survives; one without replies
// goes, and so does an emptied parent left with no replies.
import { countChildren, deleteCommentRow, findComment, markCommentDeleted } from '../../db/repos/comments.repo.ts';
import { lockWork } from '../../db/repos/works.repo.ts';
import type { Db } from '../../db/types.ts';
import type { ServiceContext } from '../context.ts';
import { requireAuthorOrModerator } from './authorize.ts';
import { refreshCommentsCount } from './count.ts';
import { loadComment } from './load.ts';

async function removeWithEmptyParents(trx: Db, commentId: number): Promise<void> {
  let id: number | null = commentId;
  while (id !== null) {
    const current = await findComment(trx, id);
    if (!current || (await countChildren(trx, id)) > 0) return;
    if (id !== commentId && !current.deleted) return;
    await deleteCommentRow(trx, id);
    id = current.parentId;
  }
}

/** Returns where the comment was, so the page can go back there. */
export async function deleteComment(ctx: ServiceContext, commentId: number): Promise<{ workId: number; chapterId: number; parentId: number | null }> {
  const loaded = await loadComment(ctx, commentId);
  requireAuthorOrModerator(ctx, loaded);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await lockWork(trx, ctx.caps, loaded.work.id);
    const fresh = await findComment(trx, commentId);
    if (!fresh || fresh.deleted) return;
    if ((await countChildren(trx, commentId)) > 0) await markCommentDeleted(trx, commentId, now.toISOString());
    else await removeWithEmptyParents(trx, commentId);
    await refreshCommentsCount(trx, loaded.work.id, now);
  });
  return { workId: loaded.work.id, chapterId: loaded.comment.chapterId, parentId: loaded.comment.parentId };
}
