// One comment with the replies below it (AO3's comment page, /comments/:id): where a reply form
// and an edit form live without JavaScript, and where notices link to.
import { postedChapterSummaries } from '../../db/repos/chapters.repo.ts';
import { findComment, threadSkeletons } from '../../db/repos/comments.repo.ts';
import { commentVisibility } from '../../domain/comment-rules.ts';
import { NotFound } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import { commentFormFor, type CommentForm } from './list-comments.ts';
import { commentingProblem, loadCommentWork } from './load.ts';
import { replyProblem } from './reply-comment.ts';
import { buildThreads, type CommentEntry } from './tree.ts';

export interface CommentThread {
  workId: number;
  workTitle: string;
  chapterId: number;
  /** The chapter's number as readers count them, and how many posted chapters there are. */
  chapterNumber: number;
  chapterCount: number;
  entry: CommentEntry;
  /** The comment above this one, when the viewer can see it ("Parent thread"). */
  parentId: number | null;
  /** The reply form: its problem says why the viewer cannot answer this comment. */
  form: CommentForm;
}

export async function commentThread(ctx: ServiceContext, commentId: number): Promise<CommentThread> {
  const comment = await findComment(ctx.db, commentId);
  const gone = new NotFound(`There is no comment ${commentId}; it may have been deleted.`);
  if (!comment) throw gone;
  const cw = await loadCommentWork(ctx, comment.workId);
  const workProblem = await commentingProblem(ctx.db, ctx, cw);
  const skeletons = await threadSkeletons(ctx.db, comment.threadId);
  const [entry] = await buildThreads(ctx, cw, skeletons, [commentId], workProblem === null);
  if (!entry) throw gone;

  let problem = entry.shown === 'full' ? (replyProblem(comment) ?? workProblem) : 'That comment can’t be replied to.';
  if (problem === null && !entry.actions.reply) problem = 'Sorry, you have been blocked by that comment’s author, so you can’t reply to it.';
  const parentShown = comment.parentId !== null && (commentVisibility(cw.viewer, skeletons).get(comment.parentId) ?? 'none') !== 'none';
  const chapters = await postedChapterSummaries(ctx.db, comment.workId);
  return {
    workId: cw.work.id,
    workTitle: cw.work.title,
    chapterId: comment.chapterId,
    chapterNumber: chapters.findIndex((c) => c.id === comment.chapterId) + 1,
    chapterCount: chapters.length,
    entry,
    parentId: parentShown ? comment.parentId : null,
    form: await commentFormFor(ctx, problem, cw.work.moderatedComments, cw.viewer.isCreator),
  };
}
