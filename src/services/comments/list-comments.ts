// The comments of a work or of some of its chapters, as the viewer may see them, a page of
// threads at a time (oldest first, as on AO3), with what the comment form should offer them.
import { postedChapterSummaries } from '../../db/repos/chapters.repo.ts';
import { commentSkeletons, type CommentSkeleton } from '../../db/repos/comments.repo.ts';
import { pseudsOfUser } from '../../db/repos/users.repo.ts';
import { THREADS_PER_PAGE, commentVisibility } from '../../domain/comment-rules.ts';
import { NotFound } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import type { WorkCard } from '../work-cards.ts';
import { commentingProblem, loadCommentWork } from './load.ts';
import { buildThreads, type CommentEntry } from './tree.ts';

export interface CommentForm {
  /** Why the viewer cannot comment here, or null when they can. */
  problem: string | null;
  /** A guest: the form asks for a name and an email address. */
  guest: boolean;
  /** New comments wait for the creator's approval (the form says so). */
  moderated: boolean;
  /** The viewer's pseuds to comment as (a choice only when there are several). */
  pseuds: Array<{ id: number; name: string }>;
}

export interface CommentListing {
  workId: number;
  /** Chapter id → its number as readers count chapters. */
  chapterNumbers: Map<number, number>;
  threads: CommentEntry[];
  page: number;
  pages: number;
  /** Comments everyone may read in these chapters (published, not hidden, not deleted). */
  count: number;
  /** Comments awaiting approval here: for the work's creators only, 0 for everyone else. */
  heldCount: number;
  canModerate: boolean;
  form: CommentForm;
}

export async function commentFormFor(ctx: ServiceContext, problem: string | null, moderated: boolean, isCreator: boolean): Promise<CommentForm> {
  const pseuds = ctx.actor.kind === 'user' && problem === null ? (await pseudsOfUser(ctx.db, ctx.actor.userId)).map((p) => ({ id: p.id, name: p.name })) : [];
  return { problem, guest: ctx.actor.kind !== 'user', moderated: moderated && !isCreator, pseuds };
}

function counts(skeletons: readonly CommentSkeleton[]): { count: number; held: number } {
  let count = 0;
  let held = 0;
  for (const s of skeletons) {
    if (s.deleted) continue;
    if (s.status === 'held') held++;
    else if (!s.hidden) count++;
  }
  return { count, held };
}

/**
 * `chapterIds`: the chapters whose comments to list (those shown on the page); every posted
 * chapter when absent. A chapter of another work, or one the viewer cannot see, is not found.
 */
export async function listComments(
  ctx: ServiceContext,
  workId: number,
  /** `focusId`: show the page holding this comment's thread (after posting it), instead of `page`. */
  /** `card`: the work as the page just read it for this actor (saves reading it again). */
  options: { chapterIds?: readonly number[]; page?: number; focusId?: number; card?: WorkCard } = {},
): Promise<CommentListing> {
  const cw = await loadCommentWork(ctx, workId, options.card);
  const chapters = await postedChapterSummaries(ctx.db, workId);
  const chapterNumbers = new Map(chapters.map((c, i) => [c.id, i + 1]));
  const wanted = options.chapterIds ?? chapters.map((c) => c.id);
  // Draft chapters take no comments; a creator viewing one simply sees none.
  const chapterIds = wanted.filter((id) => chapterNumbers.has(id));
  if (options.chapterIds?.length === 1 && chapterIds.length === 0 && !cw.viewer.isCreator) throw new NotFound(`Work ${workId} has no chapter ${options.chapterIds[0]}.`);

  const skeletons = await commentSkeletons(ctx.db, chapterIds);
  const visibility = commentVisibility(cw.viewer, skeletons);
  const roots = skeletons.filter((s) => s.parentId === null && (visibility.get(s.id) ?? 'none') !== 'none');
  const pages = Math.max(1, Math.ceil(roots.length / THREADS_PER_PAGE));
  const focus = options.focusId === undefined ? undefined : skeletons.find((s) => s.id === options.focusId);
  const focusIndex = focus ? roots.findIndex((r) => r.id === focus.threadId) : -1;
  const requested = focusIndex >= 0 ? Math.floor(focusIndex / THREADS_PER_PAGE) + 1 : (options.page ?? 1);
  const page = Math.min(Math.max(1, Math.floor(requested)), pages);
  const pageRoots = roots.slice((page - 1) * THREADS_PER_PAGE, page * THREADS_PER_PAGE).map((s) => s.id);

  const problem = await commentingProblem(ctx.db, ctx, cw);
  const threads = await buildThreads(ctx, cw, skeletons, pageRoots, problem === null);
  const { count, held } = counts(skeletons);
  return {
    workId,
    chapterNumbers,
    threads,
    page,
    pages,
    count,
    heldCount: cw.canModerate ? held : 0,
    canModerate: cw.canModerate,
    form: await commentFormFor(ctx, problem, cw.work.moderatedComments, cw.viewer.isCreator),
  };
}
