// What a work's row says about its chapters — n/m, word count, complete, dates, revision — is
// recomputed from the chapters after every change, rather than adjusted step by step, so it
// cannot drift. Only posted chapters count (AO3: a chapter draft is invisible to readers).
import { allChapterSummaries } from '../../db/repos/chapters.repo.ts';
import { findWorkById, setWorkCounters } from '../../db/repos/works.repo.ts';
import type { Db } from '../../db/types.ts';
import { isComplete, normalizeExpected } from '../../domain/work-rules.ts';

export interface Refresh {
  /** The change is something readers see as an update: the work's revised date becomes now. */
  revise: boolean;
  /** Posting a draft work: it becomes posted with this date. */
  postNow?: { postedAt: string };
  /** A new publication date (backdating on edit). */
  postedAt?: string;
}

export async function refreshWork(db: Db, workId: number, now: string, refresh: Refresh): Promise<void> {
  const work = await findWorkById(db, workId);
  if (!work) return;
  const posted = work.posted || refresh.postNow !== undefined;
  const chapters = (await allChapterSummaries(db, workId)).filter((c) => c.posted);
  const chapterCount = posted ? chapters.length : 0;
  const wordCount = posted ? chapters.reduce((sum, c) => sum + c.wordCount, 0) : 0;
  const expected = normalizeExpected(chapterCount, work.expectedChapters);
  const postedAt = refresh.postNow?.postedAt ?? refresh.postedAt ?? work.postedAt;
  let revisedAt: string | null = null;
  if (posted) {
    if (refresh.postNow) revisedAt = postedAt;
    else if (refresh.revise) revisedAt = now;
    else revisedAt = work.revisedAt ?? postedAt;
    // A backdated work that has not been updated since shows its (new) publication date.
    if (refresh.postedAt && chapterCount <= 1) revisedAt = refresh.postedAt;
  }
  await setWorkCounters(
    db,
    workId,
    { posted, chapterCount, wordCount, expectedChapters: expected, complete: posted && isComplete(chapterCount, expected), postedAt, revisedAt },
    now,
  );
}
