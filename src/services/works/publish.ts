// Drafts and previews (AO3's flow): Preview and Save as Draft keep a work unposted, visible only
// to its creators; the preview shows it as readers will see it; Post makes it public with all its
// chapters. A user's drafts are listed on a page only they may open.
import { allChapters, markChaptersPosted, type ChapterRecord, type ChapterSummary } from '../../db/repos/chapters.repo.ts';
import { findUserByLogin } from '../../db/repos/users.repo.ts';
import { draftWorkIdsOfUser, findWorkById } from '../../db/repos/works.repo.ts';
import type { Db } from '../../db/types.ts';
import { Forbidden, NotFound, Unauthenticated } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import type { WorkReading } from '../read-work.ts';
import { loadWorkCards, type WorkCard } from '../work-cards.ts';
import { loadEditableWork } from './access.ts';
import { refreshWork } from './counters.ts';
import { announcePosting } from '../subscriptions/announce.ts';
import { checkBackdate } from './post-work.ts';

/** Posts a draft work and every chapter in it, inside the caller's transaction. */
export async function postDraftIn(trx: Db, workId: number, now: Date): Promise<void> {
  const chapters = await allChapters(trx, workId);
  const work = await findWorkById(trx, workId);
  // A backdated draft keeps its date; otherwise it is published now.
  const postedAt = work?.postedAt ?? now.toISOString();
  await markChaptersPosted(trx, workId, chapters.map((c) => c.id), postedAt, now.toISOString());
  await refreshWork(trx, workId, now.toISOString(), { revise: true, postNow: { postedAt } });
  await announcePosting(trx, now, { kind: 'work', workId });
}

export async function postDraft(ctx: ServiceContext, workId: number): Promise<void> {
  const { work } = await loadEditableWork(ctx, workId);
  if (work.posted) return;
  const now = ctx.clock.now();
  if (work.postedAt) checkBackdate(new Date(work.postedAt), now);
  await ctx.db.transaction().execute((trx) => postDraftIn(trx, workId, now));
}

export interface WorkPreview extends WorkReading {
  /** Chapters readers cannot see yet. */
  draftChapterIds: number[];
  posted: boolean;
}

function summaryOf(chapter: ChapterRecord): ChapterSummary {
  return { id: chapter.id, workId: chapter.workId, position: chapter.position, title: chapter.title, wordCount: chapter.wordCount, posted: chapter.posted, postedAt: chapter.postedAt };
}

/**
 * The work as readers will see it once posted: every chapter, drafts included, with the counts
 * they will have. Only its creators may preview a work. With `chapterId`, that chapter alone.
 */
export async function previewWork(ctx: ServiceContext, workId: number, chapterId?: number): Promise<WorkPreview> {
  await loadEditableWork(ctx, workId);
  const [card] = await loadWorkCards(ctx.db, ctx.actor, [workId]);
  if (!card) throw new NotFound(`There is no work ${workId}.`);
  const chapters = await allChapters(ctx.db, workId);
  const shown = chapterId === undefined ? chapters : chapters.filter((c) => c.id === chapterId);
  if (shown.length === 0) throw new NotFound(`Work ${workId} has no chapter ${chapterId}.`);
  const counted = card.work.posted ? chapters.filter((c) => c.posted || c.id === chapterId) : chapters;
  const previewCard: WorkCard = {
    ...card,
    work: { ...card.work, chapterCount: counted.length, wordCount: counted.reduce((sum, c) => sum + c.wordCount, 0) },
  };
  return {
    card: previewCard,
    chapters: chapters.map(summaryOf),
    shown,
    mode: chapterId === undefined && chapters.length > 1 ? 'full' : 'chapter',
    draftChapterIds: chapters.filter((c) => !c.posted).map((c) => c.id),
    posted: card.work.posted,
  };
}

/** A user's unposted works; only that user may list them. */
export async function listDrafts(ctx: ServiceContext, login: string): Promise<WorkCard[]> {
  if (ctx.actor.kind !== 'user') throw new Unauthenticated('Log in to see your drafts.');
  const user = await findUserByLogin(ctx.db, login);
  if (!user) throw new NotFound(`There is no user "${login}".`);
  // Drafts are private to their creators: another user's drafts page does not exist for you.
  if (user.id !== ctx.actor.userId) throw new Forbidden('You can only see your own drafts.');
  // loadWorkCards applies work:read again, so only works the actor created come back.
  return loadWorkCards(ctx.db, ctx.actor, await draftWorkIdsOfUser(ctx.db, user.id));
}
