// Writes a validated work with its chapters, creators, tags, filter set and series membership.
// Callers run it inside a transaction so a failure leaves nothing behind.
import type { Db } from '../db/types.ts';
import { insertCreatorships, insertWork } from '../db/repos/works.repo.ts';
import { insertChapter } from '../db/repos/chapters.repo.ts';
import { setWorkTags } from './filter-set.ts';
import { addWorkToSeries, findSeriesByTitleForPseuds, insertSeries } from '../db/repos/series.repo.ts';
import { SANITIZER_VERSION } from '../domain/sanitizer-policy.ts';
import { isComplete, normalizeExpected } from '../domain/work-rules.ts';
import { resolveTags, wantedTags } from './resolve-tags.ts';
import type { ValidWork, ValidWorkDetails } from './work-input.ts';

export interface WriteOptions {
  /** Co-creators' pseuds: invited (unapproved) until their users accept. */
  invitedPseudIds?: readonly number[];
}

export async function writeWork(db: Db, work: ValidWork, pseudIds: readonly number[], now: Date, options: WriteOptions = {}): Promise<number> {
  const nowIso = now.toISOString();
  const posted = !work.draft;
  // A draft keeps its backdate (if any) for the day it is posted; otherwise it has no date yet.
  const postedAt = posted ? (work.postedAt ?? now).toISOString() : (work.postedAt?.toISOString() ?? null);
  const chapterCount = posted ? work.chapters.length : 0;
  const expected = normalizeExpected(chapterCount, work.expectedChapters);

  const tags = await resolveTags(db, wantedTags(work), nowIso);
  const workId = await insertWork(
    db,
    {
      title: work.title,
      summary: work.summary,
      notes: work.notes,
      endNotes: work.endNotes,
      language: work.language,
      restricted: work.restricted,
      anonymous: work.anonymous,
      commentPermission: work.commentPermission,
      moderatedComments: work.moderatedComments,
      expectedChapters: expected,
      complete: posted && isComplete(chapterCount, expected),
      posted,
      wordCount: posted ? work.chapters.reduce((sum, c) => sum + c.wordCount, 0) : 0,
      chapterCount,
      sanitizerVersion: SANITIZER_VERSION,
      postedAt,
      revisedAt: posted ? postedAt : null,
    },
    nowIso,
  );
  for (const [index, chapter] of work.chapters.entries()) {
    await insertChapter(db, workId, index + 1, chapter, { posted, postedAt: posted ? postedAt : null }, nowIso);
  }
  await insertCreatorships(db, workId, pseudIds);
  await insertCreatorships(db, workId, options.invitedPseudIds ?? [], false);
  const tagIds = tags.map((t) => t.id);
  await setWorkTags(db, workId, tagIds);
  await joinSeries(db, workId, work.series, pseudIds, nowIso);
  return workId;
}

/**
 * Adds the work to the chosen series: an existing one by id (the caller has checked it belongs to
 * the writer), or one of the writer's series with that title, or a new series.
 */
export async function joinSeries(db: Db, workId: number, series: ValidWorkDetails['series'], pseudIds: readonly number[], now: string): Promise<void> {
  if (!series) return;
  const seriesId =
    series.id ??
    (await findSeriesByTitleForPseuds(db, series.title, pseudIds)) ??
    (await insertSeries(db, { title: series.title, pseudIds }, now));
  await addWorkToSeries(db, seriesId, workId, series.position, now);
}
