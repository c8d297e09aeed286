// "Edit Work" (AO3's works/:id/edit): every field of the posting form. Tags are replaced and the
// filter set recomputed; the writer's pseuds, co-creator invitations and series membership follow
// the form; a one-chapter work's text is edited on the same form, as on AO3.
import { allChapterSummaries, findChapter, setChapterPostedAt, updateChapter, type ChapterRecord } from '../../db/repos/chapters.repo.ts';
import { creatorshipsOfWork, removeCreatorship } from '../../db/repos/creatorships.repo.ts';
import { deleteSeriesIfEmpty, removeWorkFromSeries, seriesForWorks, setSeriesPosition, type SeriesMembership } from '../../db/repos/series.repo.ts';
import { tagsForWorks, type TagRecord } from '../../db/repos/tags.repo.ts';
import { setWorkTags } from '../filter-set.ts';
import { findPseudById } from '../../db/repos/users.repo.ts';
import { insertCreatorships, updateWorkDetails, type WorkRecord } from '../../db/repos/works.repo.ts';
import type { ServiceContext } from '../context.ts';
import { resolveTags, wantedTags } from '../resolve-tags.ts';
import { validateChapter, validateWorkDetails, type ChapterInput, type ValidChapter, type ValidWorkDetails, type WorkDetailsInput } from '../work-input.ts';
import { joinSeries } from '../write-work.ts';
import { loadEditableWork } from './access.ts';
import { refreshWork } from './counters.ts';
import { checkBackdate, checkOwnSeries, chooseOwnPseuds, coCreatorPseudIds, type Commit } from './post-work.ts';
import { gather, throwProblems, type Problems } from './problems.ts';
import { postDraftIn } from './publish.ts';

export interface CoCreatorStatus {
  pseud: string;
  login: string;
  approved: boolean;
}

export interface EditingWork {
  work: WorkRecord;
  tags: TagRecord[];
  /** The acting writer's pseuds credited on the work. */
  ownPseudIds: number[];
  /** Everyone else credited or invited. */
  coCreators: CoCreatorStatus[];
  series: SeriesMembership[];
  /** The text, when the work has a single chapter (edited on the work form). */
  chapter: ChapterRecord | null;
  chapterCount: number;
}

export async function workForEditing(ctx: ServiceContext, workId: number): Promise<EditingWork> {
  const { work, writer } = await loadEditableWork(ctx, workId);
  const [tags, creatorships, series, chapters] = await Promise.all([
    tagsForWorks(ctx.db, [workId]),
    creatorshipsOfWork(ctx.db, workId),
    seriesForWorks(ctx.db, [workId]),
    allChapterSummaries(ctx.db, workId),
  ]);
  const coCreators: CoCreatorStatus[] = [];
  for (const c of creatorships.filter((c) => c.userId !== writer.userId)) {
    const pseud = await findPseudById(ctx.db, c.pseudId);
    if (pseud) coCreators.push({ pseud: pseud.name, login: pseud.login, approved: c.approved });
  }
  const only = chapters.length === 1 ? await findChapter(ctx.db, workId, chapters[0]!.id) : null;
  return {
    work,
    tags: tags.get(workId) ?? [],
    ownPseudIds: creatorships.filter((c) => c.userId === writer.userId && c.approved).map((c) => c.pseudId),
    coCreators,
    series: series.get(workId) ?? [],
    chapter: only,
    chapterCount: chapters.length,
  };
}

export interface EditWorkInput {
  work: WorkDetailsInput;
  /** The single chapter's text and title, when the form carried them. */
  chapter?: ChapterInput | null | undefined;
  /** The writer's pseuds to credit; unchanged when undefined. */
  pseudIds?: readonly number[] | undefined;
  /** Series to take the work out of. */
  leaveSeriesIds?: readonly number[] | undefined;
  /** 'post' posts a draft (and just saves a posted work); the others keep a draft a draft. */
  commit: Commit;
}

export async function editWork(ctx: ServiceContext, workId: number, input: EditWorkInput): Promise<{ workId: number; posted: boolean }> {
  const { work, writer } = await loadEditableWork(ctx, workId);
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const chapters = await allChapterSummaries(ctx.db, workId);

  const problems: Problems = {};
  const details = await gather(problems, () => validateWorkDetails(input.work, { requireTags: true }));
  let chapter: ValidChapter | undefined;
  if (input.chapter && chapters.length === 1) {
    const given = input.chapter;
    chapter = await gather(problems, () => prefixed('chapters.1.', () => validateChapter(given)));
  }
  const pseudIds = input.pseudIds ? await gather(problems, () => chooseOwnPseuds(ctx.db, writer.userId, input.pseudIds)) : undefined;
  let coCreators: { invited: number[]; own: number[] } | undefined;
  if (details) {
    coCreators = await gather(problems, () => coCreatorPseudIds(ctx.db, writer.userId, details.coCreators));
    await gather(problems, () => checkBackdate(details.postedAt, now));
    await gather(problems, () => checkOwnSeries(ctx.db, writer.userId, details.series));
    if (details.expectedChapters !== null && details.expectedChapters < chapters.length) {
      problems.expectedChapters = `The work has ${chapters.length} chapters, more than the ${details.expectedChapters} expected.`;
    }
  }
  throwProblems(problems);
  if (!details || !coCreators) throw new Error('unreachable: problems were thrown above');

  const posted = await ctx.db.transaction().execute(async (trx) => {
    // Only a changed date is a backdating: the form shows the stored date, and sending it back
    // unchanged must not reset the work's revised date.
    const given = details.postedAt?.toISOString();
    const postedAt = given && given.slice(0, 10) !== work.postedAt?.slice(0, 10) ? given : undefined;
    await updateWorkDetails(
      trx,
      workId,
      {
        title: details.title,
        summary: details.summary,
        notes: details.notes,
        endNotes: details.endNotes,
        language: details.language,
        restricted: details.restricted,
        anonymous: details.anonymous,
        commentPermission: details.commentPermission,
        moderatedComments: details.moderatedComments,
        expectedChapters: details.expectedChapters,
        ...(postedAt ? { postedAt } : {}),
      },
      nowIso,
    );
    if (chapter) await updateChapter(trx, chapters[0]!.id, chapter, nowIso);
    if (postedAt && work.posted && chapters[0]) await setChapterPostedAt(trx, chapters[0].id, postedAt);

    const tags = await resolveTags(trx, wantedTags(details), nowIso);
    const tagIds = tags.map((t) => t.id);
    await setWorkTags(trx, workId, tagIds);

    const creatorships = await creatorshipsOfWork(trx, workId);
    if (pseudIds) {
      for (const c of creatorships) {
        if (c.userId === writer.userId && !pseudIds.includes(c.pseudId)) await removeCreatorship(trx, workId, c.pseudId);
      }
    }
    await insertCreatorships(trx, workId, [...(pseudIds ?? []), ...coCreators.own]);
    await insertCreatorships(trx, workId, coCreators.invited, false);

    await updateSeries(trx, workId, details.series, input.leaveSeriesIds ?? [], pseudIds ?? creatorships.filter((c) => c.userId === writer.userId).map((c) => c.pseudId), nowIso);
    await refreshWork(trx, workId, nowIso, { revise: work.posted && chapter !== undefined, ...(postedAt && work.posted ? { postedAt } : {}) });
    if (!work.posted && input.commit === 'post') await postDraftIn(trx, workId, now);
    return work.posted || input.commit === 'post';
  });
  return { workId, posted };
}

async function updateSeries(
  trx: Parameters<typeof joinSeries>[0],
  workId: number,
  series: ValidWorkDetails['series'],
  leave: readonly number[],
  pseudIds: readonly number[],
  now: string,
): Promise<void> {
  for (const seriesId of leave) {
    await removeWorkFromSeries(trx, seriesId, workId);
    await deleteSeriesIfEmpty(trx, seriesId);
  }
  if (!series) return;
  const current = (await seriesForWorks(trx, [workId])).get(workId) ?? [];
  const already = current.find((s) => (series.id !== null ? s.seriesId === series.id : s.title === series.title));
  if (already) {
    if (series.position !== null) await setSeriesPosition(trx, already.seriesId, workId, series.position, now);
    return;
  }
  await joinSeries(trx, workId, series, pseudIds, now);
}

/** Re-keys a check's field problems under a prefix, to match the form's field names. */
async function prefixed<T>(prefix: string, check: () => T): Promise<T> {
  const problems: Problems = {};
  const result = await gather(problems, check);
  throwProblems(Object.fromEntries(Object.entries(problems).map(([key, message]) => [`${prefix}${key}`, message])));
  return result as T;
}
