// Replying to a comment. Refused, with a message saying why, when the comment is deleted,
// awaiting approval, hidden, or in a frozen thread; when the work takes no comments from this
// person; and when the author of the comment answered has blocked them (AO3's blocking). Replies
// to the deepest level hang beside the comment answered (domain/comment-rules.ts).
import { findComment } from '../../db/repos/comments.repo.ts';
import { blockersAmong } from '../../db/repos/blocks.repo.ts';
import type { Db } from '../../db/types.ts';
import { replyPlacement } from '../../domain/comment-rules.ts';
import { Invalid } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import { writeNewComment, type NewCommentInput, type PostedComment } from './compose.ts';
import { commentingProblem, loadComment } from './load.ts';

export const FROZEN_MESSAGE = 'This thread has been frozen by the work’s creator: no new replies can be added.';

/** Why this comment cannot be answered, or null. */
export function replyProblem(comment: { deleted: boolean; status: string; hidden: boolean; frozen: boolean }): string | null {
  if (comment.deleted) return 'That comment has been deleted, so it can’t be replied to.';
  if (comment.frozen) return FROZEN_MESSAGE;
  if (comment.status === 'held') return 'That comment is awaiting the creator’s approval; it can be replied to once it is approved.';
  if (comment.hidden) return 'That comment has been hidden by the work’s creator, so it can’t be replied to.';
  return null;
}

export async function replyToComment(ctx: ServiceContext, commentId: number, input: NewCommentInput): Promise<PostedComment> {
  const loaded = await loadComment(ctx, commentId, { allowDeleted: true });
  const { comment } = loaded;
  const problem = replyProblem(comment) ?? (await commentingProblem(ctx.db, ctx, loaded));
  if (problem) throw new Invalid(problem);
  const placement = replyPlacement(comment);
  if (ctx.actor.kind === 'user') {
    // The comment answered, and the one the reply hangs under when that differs.
    const parent = placement.parentId === comment.id ? comment : await findComment(ctx.db, placement.parentId);
    const me = ctx.actor.userId;
    const authors = [comment.userId, parent?.userId].filter((id): id is number => typeof id === 'number' && id !== me);
    if ((await blockersAmong(ctx.db, authors, me)).length > 0) throw new Invalid('Sorry, you have been blocked by that comment’s author, so you can’t reply to it.');
  }
  const recheck = async (trx: Db) => {
    const fresh = await findComment(trx, comment.id);
    const again = fresh ? replyProblem(fresh) : 'That comment has been deleted, so it can’t be replied to.';
    if (again) throw new Invalid(again);
  };
  return writeNewComment(
    ctx,
    loaded,
    { chapterId: comment.chapterId, parentId: placement.parentId, threadId: comment.threadId, depth: placement.depth, replyToId: placement.replyToId, answeredUserId: comment.userId, recheck },
    input,
  );
}
