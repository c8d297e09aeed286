// Loading what every comment use case starts from: the work (only one the actor may read), its
// real creators (kept inside the services: anonymous works must not reveal them), who the viewer
// is to it, and a comment the viewer may act on.
import { postedChapterSummaries } from '../../db/repos/chapters.repo.ts';
import { creatorsForWorks } from '../../db/repos/creators.repo.ts';
import { findComment, type CommentRecord } from '../../db/repos/comments.repo.ts';
import { blockersAmong } from '../../db/repos/blocks.repo.ts';
import type { WorkRecord } from '../../db/repos/works.repo.ts';
import type { Db } from '../../db/types.ts';
import { canReadComment, permissionProblem, type CommentViewer } from '../../domain/comment-rules.ts';
import { Invalid, NotFound } from '../../domain/errors.ts';
import { can, type WorkAccess } from '../../domain/policy.ts';
import type { ServiceContext } from '../context.ts';
import { findReadableWork } from '../read-work.ts';
import { workAccess, type WorkCard } from '../work-cards.ts';

export interface CommentWork {
  work: WorkRecord;
  access: WorkAccess;
  viewer: CommentViewer;
  /** May delete any comment, freeze, hide and approve (the work's creators). */
  canModerate: boolean;
}

/**
 * The work, if the actor may read it (NotFound / Unauthenticated as on the work page otherwise).
 * A caller that has just read the work for this actor (the work page) passes its card along.
 */
export async function loadCommentWork(ctx: ServiceContext, workId: number, readCard?: WorkCard): Promise<CommentWork> {
  const card = readCard?.work.id === workId ? readCard : await findReadableWork(ctx, workId);
  // The card hides an anonymous work's creators; comment rules need the real ones.
  const creators = (await creatorsForWorks(ctx.db, [workId])).get(workId) ?? [];
  const access = workAccess(card.work, creators);
  const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  const isCreator = userId !== null && access.creatorUserIds.includes(userId);
  return { work: card.work, access, viewer: { userId, isCreator }, canModerate: can(ctx.actor, { do: 'comment:moderate', work: access }) };
}

export interface LoadedComment extends CommentWork {
  comment: CommentRecord;
}

/**
 * A comment with its work, when the actor may read the work and the comment itself. A held or
 * hidden comment is "not found" for everyone but its author and the work's creators, so its
 * existence is not revealed.
 */
export async function loadComment(ctx: ServiceContext, commentId: number, options: { allowDeleted?: boolean } = {}): Promise<LoadedComment> {
  const comment = await findComment(ctx.db, commentId);
  if (!comment) throw new NotFound(`There is no comment ${commentId}; it may have been deleted.`);
  const loaded = await loadCommentWork(ctx, comment.workId);
  if (comment.deleted) {
    if (options.allowDeleted) return { ...loaded, comment };
    throw new Invalid('That comment has been deleted.');
  }
  if (!canReadComment(loaded.viewer, comment)) throw new NotFound(`There is no comment ${commentId}; it may have been deleted.`);
  return { ...loaded, comment };
}

/** Why the actor may not comment on this work at all, or null when they may. */
export async function commentingProblem(db: Db, ctx: ServiceContext, cw: CommentWork): Promise<string | null> {
  const { work, access } = cw;
  // Drafts (their creators' preview) and works under moderation take no comments, as on AO3.
  if (!work.posted || work.hiddenByAdmin) return 'Comments are closed on this work.';
  const problem = permissionProblem(work.commentPermission, ctx.actor.kind === 'user');
  if (problem) return problem;
  if (ctx.actor.kind === 'user' && !cw.viewer.isCreator) {
    const blockers = await blockersAmong(db, access.creatorUserIds, ctx.actor.userId);
    // On an anonymous work, naming the block would tell the blocked person who wrote it.
    if (blockers.length > 0) return work.anonymous ? 'Sorry, you can’t comment on this work.' : 'Sorry, you have been blocked by one or more of this work’s creators.';
  }
  return null;
}

/** What a comment page says it is about: the work's title and the chapter's number. */
export async function describeTarget(ctx: ServiceContext, workId: number, chapterId?: number): Promise<{ workTitle: string; chapterNumber: number | null; chapterCount: number }> {
  const card = await findReadableWork(ctx, workId);
  const chapters = await postedChapterSummaries(ctx.db, workId);
  const index = chapterId === undefined ? -1 : chapters.findIndex((c) => c.id === chapterId);
  return { workTitle: card.work.title, chapterNumber: index >= 0 ? index + 1 : null, chapterCount: chapters.length };
}
