// Editing one's own comment (AO3 marks it "Last edited …"). Frozen comments stay as they were
// (AO3: frozen comments cannot be edited), a blocked author cannot rewrite what stands on the
// blocker's work, and an edit cannot slip past the link rule that holds new comments.
import { blockersAmong } from '../../db/repos/blocks.repo.ts';
import { updateCommentBody } from '../../db/repos/comments.repo.ts';
import { findUserById } from '../../db/repos/users.repo.ts';
import { HOLD_LINKS, isNewAccount } from '../../domain/comment-rules.ts';
import { Invalid } from '../../domain/errors.ts';
import { COMMENT_SANITIZER_VERSION } from '../../formats/sanitize-comment.ts';
import type { ServiceContext } from '../context.ts';
import { throwProblems, type Problems } from '../works/problems.ts';
import { requireAuthor } from './authorize.ts';
import { commentBody } from './compose.ts';
import { loadComment, type LoadedComment } from './load.ts';
import { linkDecision } from './spam.ts';

/** The author's own comment, when they may edit it now: for the edit form and for the edit. */
export async function commentForEditing(ctx: ServiceContext, commentId: number): Promise<LoadedComment> {
  const loaded = await loadComment(ctx, commentId);
  requireAuthor(ctx, loaded);
  if (loaded.comment.frozen) throw new Invalid('This comment is in a frozen thread, so it can’t be edited.');
  const me = loaded.viewer.userId ?? 0;
  if (!loaded.viewer.isCreator && (await blockersAmong(ctx.db, loaded.access.creatorUserIds, me)).length > 0) {
    throw new Invalid('Sorry, you have been blocked by one or more of this work’s creators, so you can’t edit comments on it.');
  }
  return loaded;
}

export async function editComment(ctx: ServiceContext, commentId: number, input: { body: string }): Promise<void> {
  const loaded = await commentForEditing(ctx, commentId);
  const problems: Problems = {};
  const body = commentBody(input.body, problems);
  throwProblems(problems);
  const user = await findUserById(ctx.db, loaded.viewer.userId ?? 0);
  const untrusted = !loaded.viewer.isCreator && (!user || isNewAccount(user.createdAt, ctx.clock.now()));
  // A held comment is still waiting for a person to look at it; a published one is not.
  if (linkDecision(body, untrusted).hold && loaded.comment.status === 'published') {
    throw new Invalid(`New accounts can keep at most ${HOLD_LINKS} links in a comment they edit.`, { body: `Use at most ${HOLD_LINKS} links.` });
  }
  await updateCommentBody(ctx.db, commentId, body, COMMENT_SANITIZER_VERSION, ctx.clock.now().toISOString());
}
