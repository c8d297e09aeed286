// Writes a validated work with its chapters, creators, tags, filter set and series membership.
// Callers run it inside a transaction so a failure leaves nothing behind.
import type { Db } from '../db/types.ts';
import { insertChapters, insertCreatorships, insertWork, replaceWorkTags } from '../db/repos/works.repo.ts';
import { computeFilterTagIds } from '../db/repos/tags.repo.ts';
import { addWorkToSeries, findSeriesByTitleForPseuds, insertSeries } from '../db/repos/series.repo.ts';
import { SANITIZER_VERSION } from '../domain/sanitizer-policy.ts';
import { isComplete, normalizeExpected } from '../domain/work-rules.ts';
import { resolveTags, wantedTags } from './resolve-tags.ts';
import type { ValidWork } from './work-input.ts';

export async function writeWork(db: Db, work: ValidWork, pseudIds: readonly number[], now: Date): Promise<number> {
  const nowIso = now.toISOString();
  const posted = !work.draft;
  const postedAt = posted ? (work.postedAt ?? now).toISOString() : null;
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
      expectedChapters: expected,
      complete: posted && isComplete(chapterCount, expected),
      posted,
      wordCount: posted ? work.chapters.reduce((sum, c) => sum + c.wordCount, 0) : 0,
      chapterCount,
      sanitizerVersion: SANITIZER_VERSION,
      postedAt,
      revisedAt: postedAt,
    },
    nowIso,
  );
  await insertChapters(
    db,
    work.chapters.map((chapter, index) => ({
      workId,
      position: index + 1,
      title: chapter.title,
      summary: chapter.summary,
      notes: chapter.notes,
      endNotes: chapter.endNotes,
      content: chapter.content,
      wordCount: chapter.wordCount,
      posted,
      postedAt,
    })),
    nowIso,
  );
  await insertCreatorships(db, workId, pseudIds);
  const tagIds = tags.map((t) => t.id);
  await replaceWorkTags(db, workId, tagIds, await computeFilterTagIds(db, tagIds));

  if (work.series) {
    const seriesId =
      (await findSeriesByTitleForPseuds(db, work.series.title, pseudIds)) ??
      (await insertSeries(db, { title: work.series.title, pseudIds }, nowIso));
    await addWorkToSeries(db, seriesId, workId, work.series.position, nowIso);
  }
  return workId;
}
