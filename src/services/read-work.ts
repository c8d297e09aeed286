// Reading a work: one chapter, or the entire work, for whoever may see it.
import { allChapterSummaries, allChapters, findChapter, postedChapterSummaries, postedChapters, type ChapterRecord, type ChapterSummary } from '../db/repos/chapters.repo.ts';
import { NotFound, Unauthenticated } from '../domain/errors.ts';
import { can } from '../domain/policy.ts';
import type { ServiceContext } from './context.ts';
import { loadWorkCards, workAccess, type WorkCard } from './work-cards.ts';
import { findWorkById } from '../db/repos/works.repo.ts';
import { creatorsForWorks } from '../db/repos/creators.repo.ts';

export interface WorkReading {
  card: WorkCard;
  /** Every posted chapter in order, without text. */
  chapters: ChapterSummary[];
  /** The chapters to show: one, or all of them. */
  shown: ChapterRecord[];
  mode: 'chapter' | 'full';
}

/**
 * Loads a work the actor may read. Works the actor may not see are "not found" (drafts, hidden
 * works: their existence is not revealed), except restricted works, for which a guest is told to
 * log in — as AO3 does.
 */
export async function findReadableWork(ctx: ServiceContext, workId: number): Promise<WorkCard> {
  // loadWorkCards applies the read policy itself: a card means the actor may read the work. Only
  // when there is none is the work looked at again, to tell "log in" from "not found".
  const [card] = await loadWorkCards(ctx.db, ctx.actor, [workId]);
  if (card) return card;
  const work = await findWorkById(ctx.db, workId);
  if (!work) throw new NotFound(`There is no work ${workId}.`);
  const creators = (await creatorsForWorks(ctx.db, [workId])).get(workId) ?? [];
  if (!can(ctx.actor, { do: 'work:read', work: workAccess(work, creators) })) {
    const visibleWhenLoggedIn = work.posted && !work.hiddenByAdmin && work.restricted;
    if (visibleWhenLoggedIn && ctx.actor.kind === 'guest') throw new Unauthenticated('This work is only available to registered users of the archive. Please log in to read it.');
  }
  throw new NotFound(`There is no work ${workId}.`);
}

export async function readWork(ctx: ServiceContext, workId: number, view: { chapterId?: number; full?: boolean }): Promise<WorkReading> {
  const card = await findReadableWork(ctx, workId);
  // Creators also see their draft chapters (and a draft work's chapters); readers only posted ones.
  const withDrafts = can(ctx.actor, { do: 'work:edit', work: workAccess(card.work, card.creators) });
  const chapters = withDrafts ? await allChapterSummaries(ctx.db, workId) : await postedChapterSummaries(ctx.db, workId);
  if (chapters.length === 0) throw new NotFound(`Work ${workId} has no posted chapters.`);

  // A single-chapter work always shows whole; AO3 does the same.
  if (view.full || chapters.length === 1) {
    const shown = withDrafts ? await allChapters(ctx.db, workId) : await postedChapters(ctx.db, workId);
    return { card, chapters, shown, mode: chapters.length === 1 ? 'chapter' : 'full' };
  }
  const chapterId = view.chapterId ?? chapters[0]!.id;
  const chapter = await findChapter(ctx.db, workId, chapterId);
  if (!chapter || (!chapter.posted && !withDrafts)) throw new NotFound(`Work ${workId} has no chapter ${chapterId}.`);
  return { card, chapters, shown: [chapter], mode: 'chapter' };
}
