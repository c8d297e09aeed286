// Writes a reader's bookmark of a work inside one transaction, and keeps the work's count of
// public bookmarks (AO3 counts only those) and its daily stats right whatever changed: a new
// bookmark, an edit, a switch between private and public, or a deletion.
import { deleteBookmarkRow, findBookmarkOf, insertBookmark, recountWorkBookmarks, setBookmarkTags, updateBookmark } from '../../db/repos/bookmarks.repo.ts';
import { lockWork, findWorkById } from '../../db/repos/works.repo.ts';
import { recordWorkStat } from '../../db/repos/work-stats.repo.ts';
import type { Db } from '../../db/types.ts';
import { SANITIZER_VERSION } from '../../domain/sanitizer-policy.ts';
import type { ServiceContext } from '../context.ts';
import type { ValidBookmark } from './bookmark-input.ts';

/**
 * Runs `change` with the work's row locked, then recounts: two readers bookmarking one work at
 * once cannot both count from the same stale number.
 */
async function withRecount<T>(ctx: ServiceContext, workId: number, change: (trx: Db) => Promise<T>): Promise<T> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    await lockWork(trx, ctx.caps, workId);
    const before = (await findWorkById(trx, workId))?.bookmarksCount ?? 0;
    const result = await change(trx);
    const after = await recountWorkBookmarks(trx, workId);
    await recordWorkStat(trx, workId, 'bookmarks', after - before, now);
    return result;
  });
}

/** Creates the bookmark, or replaces the reader's existing one of that work. */
export async function writeBookmark(ctx: ServiceContext, userId: number, workId: number, bookmark: ValidBookmark): Promise<{ id: number; created: boolean }> {
  const nowIso = ctx.clock.now().toISOString();
  const values = { notes: bookmark.notes, private: bookmark.private, rec: bookmark.rec, sanitizerVersion: SANITIZER_VERSION };
  return withRecount(ctx, workId, async (trx) => {
    const existing = await findBookmarkOf(trx, userId, workId);
    let id = existing?.id ?? (await insertBookmark(trx, userId, workId, values, nowIso));
    const created = existing === null && id !== null;
    // Another request of the same reader inserted it in between: edit that one.
    id ??= (await findBookmarkOf(trx, userId, workId))!.id;
    if (!created) await updateBookmark(trx, id, values, nowIso);
    await setBookmarkTags(trx, id, bookmark.tags);
    return { id, created };
  });
}

export async function removeBookmark(ctx: ServiceContext, bookmarkId: number, workId: number): Promise<void> {
  await withRecount(ctx, workId, (trx) => deleteBookmarkRow(trx, bookmarkId));
}
