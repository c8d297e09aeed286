// Letting go of a work: deleting it outright, or orphaning it (AO3) so it stays on the archive
// credited to orphan_account, optionally under the writer's pseud name.
import { deleteWork } from '../../db/repos/creatorships.repo.ts';
import { deleteSeriesIfEmpty, seriesIdsOfWork } from '../../db/repos/series.repo.ts';
import type { Db } from '../../db/types.ts';
import type { ServiceContext } from '../context.ts';
import { loadEditableWork } from './access.ts';
import { orphanWorksOf } from './orphan.ts';

/**
 * Deletes a work with its chapters, tags and memberships inside the caller's transaction; a
 * series it leaves empty goes too. For every path that deletes works (one work, an account).
 */
export async function deleteWorkIn(trx: Db, workId: number): Promise<void> {
  const series = await seriesIdsOfWork(trx, workId);
  await deleteWork(trx, workId);
  for (const seriesId of series) await deleteSeriesIfEmpty(trx, seriesId);
}

/** Deletes the work with its chapters, tags and memberships; a series left empty goes too. */
export async function deleteOwnWork(ctx: ServiceContext, workId: number): Promise<{ title: string; posted: boolean }> {
  const { work } = await loadEditableWork(ctx, workId);
  await ctx.db.transaction().execute((trx) => deleteWorkIn(trx, workId));
  return { title: work.title, posted: work.posted };
}

export async function orphanOwnWork(ctx: ServiceContext, workId: number, input: { keepPseudName: boolean }): Promise<{ title: string; posted: boolean }> {
  const { work, writer } = await loadEditableWork(ctx, workId);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute((trx) => orphanWorksOf(trx, writer.userId, [workId], input.keepPseudName, now));
  return { title: work.title, posted: work.posted };
}
