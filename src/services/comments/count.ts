// works.comments_count holds the comments everyone may read (published, not hidden, not deleted).
// It is recounted from the table after every change rather than adjusted step by step, so it
// cannot drift; the difference goes to the creators' daily stats. Callers hold the work's row
// lock (lockWork) so two changes at once cannot both count without the other's row.
import { countVisibleComments, readCommentsCount, writeCommentsCount } from '../../db/repos/comments.repo.ts';
import { recordWorkStat } from '../../db/repos/work-stats.repo.ts';
import type { Db } from '../../db/types.ts';

/**
 * Recounts a work's visible comments. Exported for the other paths that remove comments with
 * their chapter or work (deleting a chapter cascades to its comments).
 */
export async function refreshCommentsCount(db: Db, workId: number, now: Date): Promise<number> {
  const before = await readCommentsCount(db, workId);
  const after = await countVisibleComments(db, workId);
  if (after !== before) {
    await writeCommentsCount(db, workId, after);
    await recordWorkStat(db, workId, 'comments', after - before, now);
  }
  return after;
}
