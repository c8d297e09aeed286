// Commenting on a work or one of its chapters (AO3: every comment belongs to a chapter). A
// comment left on the entire-work view goes to the last posted chapter: that is where a reader
// who has just finished the work is, and where AO3 readers look for comments on the ending.
import { postedChapterSummaries } from '../../db/repos/chapters.repo.ts';
import { Invalid, NotFound } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import { writeNewComment, type NewCommentInput, type PostedComment } from './compose.ts';
import { commentingProblem, loadCommentWork } from './load.ts';

export interface PostCommentInput extends NewCommentInput {
  workId: number;
  /** The chapter commented on; the last posted chapter when absent. */
  chapterId?: number | undefined;
}

export async function postComment(ctx: ServiceContext, input: PostCommentInput): Promise<PostedComment> {
  const cw = await loadCommentWork(ctx, input.workId);
  const problem = await commentingProblem(ctx.db, ctx, cw);
  if (problem) throw new Invalid(problem);
  const chapters = await postedChapterSummaries(ctx.db, input.workId);
  const chapter = input.chapterId === undefined ? chapters.at(-1) : chapters.find((c) => c.id === input.chapterId);
  if (!chapter) throw new NotFound(input.chapterId === undefined ? `Work ${input.workId} has no posted chapters.` : `Work ${input.workId} has no chapter ${input.chapterId}.`);
  return writeNewComment(ctx, cw, { chapterId: chapter.id, parentId: null, threadId: null, depth: 1, replyToId: null, answeredUserId: null }, input);
}
