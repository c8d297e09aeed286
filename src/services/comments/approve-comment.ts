// Approving a held comment (moderated works, and comments the link rule held): it is published,
// counted, and the author of the comment it answers now hears about it. The work's creators only;
// to refuse a held comment they delete it.
import { findComment, setCommentFlags } from '../../db/repos/comments.repo.ts';
import { lockWork } from '../../db/repos/works.repo.ts';
import { Invalid } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import { requireModerator } from './authorize.ts';
import { refreshCommentsCount } from './count.ts';
import { loadComment } from './load.ts';
import { commentNoticesFor, deliverCommentNotices } from './notify.ts';

export async function approveComment(ctx: ServiceContext, commentId: number): Promise<void> {
  const loaded = await loadComment(ctx, commentId);
  requireModerator(ctx, loaded, 'approve comments');
  if (loaded.comment.status !== 'held') throw new Invalid('That comment is not awaiting approval.');
  const now = ctx.clock.now();
  const approved = await ctx.db.transaction().execute(async (trx) => {
    await lockWork(trx, ctx.caps, loaded.work.id);
    const fresh = await findComment(trx, commentId);
    if (!fresh || fresh.deleted || fresh.status !== 'held') return false;
    await setCommentFlags(trx, [commentId], { status: 'published' }, now.toISOString());
    await refreshCommentsCount(trx, loaded.work.id, now);
    return true;
  });
  if (!approved) return;
  const { comment, work } = loaded;
  const answered = comment.replyToId ?? comment.parentId;
  const answeredUserId = answered === null ? null : ((await findComment(ctx.db, answered))?.userId ?? null);
  const notices = commentNoticesFor({
    event: 'approved',
    work: { id: work.id, title: work.title, anonymous: work.anonymous, creatorUserIds: loaded.access.creatorUserIds },
    comment: { id: comment.id, chapterId: comment.chapterId, userId: comment.userId, status: 'published', hidden: comment.hidden, bodyHtml: comment.body },
    authorName: comment.pseud ?? comment.guestName ?? '',
    isGuest: comment.userId === null && comment.guestName !== null,
    answeredUserId,
  });
  await deliverCommentNotices(ctx, notices).catch(() => {});
}
