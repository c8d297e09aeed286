// Chapters of a work (AO3's chapters/new, edit, manage): adding one (posted, or a draft to post
// later), editing, deleting and reordering. After each change the work's n/m, word count,
// completeness, revised date and revision are recomputed from the chapters (counters.ts). Each
// change locks the work and reads what it builds on inside its transaction (lockedWork).
import {
  allChapterSummaries,
  deleteChapterRow,
  findChapter,
  insertChapter,
  markChaptersPosted,
  setChapterOrder,
  updateChapter,
  type ChapterRecord,
  type ChapterSummary,
} from '../../db/repos/chapters.repo.ts';
import { findWorkById, lockWork, setExpectedChapters, type WorkRecord } from '../../db/repos/works.repo.ts';
import type { Db } from '../../db/types.ts';
import { Invalid, NotFound } from '../../domain/errors.ts';
import { LIMITS } from '../../domain/work-rules.ts';
import type { ServiceContext } from '../context.ts';
import { validateChapter, type ChapterInput } from '../work-input.ts';
import { loadEditableWork } from './access.ts';
import { refreshWork } from './counters.ts';
import type { Commit } from './post-work.ts';
import { gather, throwProblems, type Problems } from './problems.ts';
import { postDraftIn } from './publish.ts';
import { announcePosting } from '../subscriptions/announce.ts';
import { refreshCommentsCount } from '../comments/count.ts';

export interface ChapterFormInput {
  chapter: ChapterInput;
  /** The work's expected chapter count (blank on the form = unknown); unchanged when undefined. */
  expectedChapters?: number | null | undefined;
  /** 'post' posts the chapter (and a draft work with it); 'draft' and 'preview' keep it a draft. */
  commit: Commit;
}

export interface ChapterResult {
  chapterId: number;
  /** Whether readers can see the chapter now. */
  posted: boolean;
}

export async function chaptersForManaging(ctx: ServiceContext, workId: number): Promise<{ work: WorkRecord; chapters: ChapterSummary[] }> {
  const { work } = await loadEditableWork(ctx, workId);
  return { work, chapters: await allChapterSummaries(ctx.db, workId) };
}

export async function chapterForEditing(ctx: ServiceContext, workId: number, chapterId: number): Promise<{ work: WorkRecord; chapter: ChapterRecord }> {
  const { work } = await loadEditableWork(ctx, workId);
  const chapter = await findChapter(ctx.db, workId, chapterId);
  if (!chapter) throw new NotFound(`Work ${workId} has no chapter ${chapterId}.`);
  return { work, chapter };
}

function checkExpected(expected: number | null | undefined, chapterCount: number, problems: Problems): void {
  if (expected === undefined || expected === null) return;
  if (!Number.isInteger(expected) || expected < 1 || expected > LIMITS.chaptersMax) {
    problems.expectedChapters = `The expected number of chapters must be a whole number from 1 to ${LIMITS.chaptersMax}, or left blank when unknown.`;
  } else if (expected < chapterCount) {
    problems.expectedChapters = `The work has ${chapterCount} chapters, more than the ${expected} expected.`;
  }
}

/**
 * The work, locked, and its chapters as they are inside the transaction. Everything a chapter
 * change computes from (the next position, the new order, the count, whether the work is posted)
 * is read here rather than before the transaction, so two changes to one work cannot both build
 * on the same stale list, and a concurrent Edit Work is not overwritten.
 */
async function lockedWork(trx: Db, ctx: ServiceContext, workId: number): Promise<{ work: WorkRecord; chapters: ChapterSummary[] }> {
  await lockWork(trx, ctx.caps, workId);
  const work = await findWorkById(trx, workId);
  if (!work) throw new NotFound(`There is no work ${workId}.`);
  return { work, chapters: await allChapterSummaries(trx, workId) };
}

/** Changes the expected chapter count alone (unchanged when undefined). */
async function setExpected(trx: Db, work: WorkRecord, expected: number | null | undefined, now: string): Promise<void> {
  if (expected === undefined || expected === work.expectedChapters) return;
  await setExpectedChapters(trx, work.id, expected, now);
}

/** Posts one chapter, or the whole work when it is still a draft. */
async function post(trx: Db, work: WorkRecord, chapterId: number, now: Date): Promise<void> {
  if (!work.posted) return postDraftIn(trx, work.id, now);
  await markChaptersPosted(trx, work.id, [chapterId], now.toISOString(), now.toISOString());
  await refreshWork(trx, work.id, now.toISOString(), { revise: true });
  await announcePosting(trx, now, { kind: 'chapter', workId: work.id, chapterId });
}

export async function addChapter(ctx: ServiceContext, workId: number, input: ChapterFormInput): Promise<ChapterResult> {
  await loadEditableWork(ctx, workId);
  const problems: Problems = {};
  const chapter = await gather(problems, () => validateChapter(input.chapter));
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const { work, chapters } = await lockedWork(trx, ctx, workId);
    if (chapters.length >= LIMITS.chaptersMax) problems._ = `A work may have at most ${LIMITS.chaptersMax} chapters.`;
    checkExpected(input.expectedChapters, chapters.length + 1, problems);
    throwProblems(problems);
    await setExpected(trx, work, input.expectedChapters, nowIso);
    const position = chapters.reduce((max, c) => Math.max(max, c.position), 0) + 1;
    const chapterId = await insertChapter(trx, workId, position, chapter!, { posted: false, postedAt: null }, nowIso);
    if (input.commit === 'post') await post(trx, work, chapterId, now);
    else await refreshWork(trx, workId, nowIso, { revise: false });
    return { chapterId, posted: input.commit === 'post' };
  });
}

export async function editChapter(ctx: ServiceContext, workId: number, chapterId: number, input: ChapterFormInput): Promise<ChapterResult> {
  await chapterForEditing(ctx, workId, chapterId);
  const problems: Problems = {};
  const chapter = await gather(problems, () => validateChapter(input.chapter));
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const { work, chapters } = await lockedWork(trx, ctx, workId);
    const current = chapters.find((c) => c.id === chapterId);
    if (!current) throw new NotFound(`Work ${workId} has no chapter ${chapterId}.`);
    checkExpected(input.expectedChapters, chapters.length, problems);
    throwProblems(problems);
    await setExpected(trx, work, input.expectedChapters, nowIso);
    await updateChapter(trx, chapterId, chapter!, nowIso);
    if (!current.posted && input.commit === 'post') await post(trx, work, chapterId, now);
    // Editing a chapter readers can see is an update they see.
    else await refreshWork(trx, workId, nowIso, { revise: work.posted && current.posted });
    return { chapterId, posted: current.posted || input.commit === 'post' };
  });
}

export async function postChapter(ctx: ServiceContext, workId: number, chapterId: number): Promise<void> {
  await chapterForEditing(ctx, workId, chapterId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const { work, chapters } = await lockedWork(trx, ctx, workId);
    const chapter = chapters.find((c) => c.id === chapterId);
    if (!chapter) throw new NotFound(`Work ${workId} has no chapter ${chapterId}.`);
    if (chapter.posted && work.posted) return;
    await post(trx, work, chapterId, now);
  });
}

export async function deleteChapter(ctx: ServiceContext, workId: number, chapterId: number): Promise<void> {
  await chapterForEditing(ctx, workId, chapterId);
  const nowIso = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const { work, chapters } = await lockedWork(trx, ctx, workId);
    const chapter = chapters.find((c) => c.id === chapterId);
    if (!chapter) throw new NotFound(`Work ${workId} has no chapter ${chapterId}.`);
    if (chapters.length <= 1) throw new Invalid('You cannot delete the only chapter of a work; delete the work instead.');
    if (work.posted && chapter.posted && chapters.filter((c) => c.posted).length === 1) {
      throw new Invalid('This is the only posted chapter: post another chapter first, or delete the work instead.');
    }
    await deleteChapterRow(trx, workId, chapterId);
    // The chapter's comments went with it (foreign key cascade); the work's count follows.
    await refreshCommentsCount(trx, workId, ctx.clock.now());
    await setChapterOrder(trx, workId, chapters.filter((c) => c.id !== chapterId).map((c) => c.id), nowIso);
    await refreshWork(trx, workId, nowIso, { revise: work.posted && chapter.posted });
  });
}

/**
 * Puts the chapters in the order of the positions given for each (AO3's "Manage Chapters"):
 * every chapter needs a whole-number position; ties keep their current order.
 */
export async function reorderChapters(ctx: ServiceContext, workId: number, positions: ReadonlyMap<number, number>): Promise<void> {
  await loadEditableWork(ctx, workId);
  const nowIso = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    // The positions are checked against the chapters as they are now: one added or deleted since
    // the form was loaded makes the form out of date rather than half-applied.
    const { chapters } = await lockedWork(trx, ctx, workId);
    const problems: Problems = {};
    for (const c of chapters) {
      const position = positions.get(c.id);
      if (position === undefined || !Number.isInteger(position) || position < 1 || position > LIMITS.chaptersMax) {
        problems[`position_${c.id}`] = `Give chapter ${c.position} a position from 1 to ${chapters.length}.`;
      }
    }
    if ([...positions.keys()].some((id) => !chapters.some((c) => c.id === id))) problems._ = 'The form names a chapter this work does not have; reload the page and try again.';
    throwProblems(problems);
    const ordered = [...chapters].sort((a, b) => positions.get(a.id)! - positions.get(b.id)! || a.position - b.position).map((c) => c.id);
    await setChapterOrder(trx, workId, ordered, nowIso);
    await refreshWork(trx, workId, nowIso, { revise: false });
  });
}
