// After a wrangling change, the filter sets of the works it touches are recomputed. A few hundred
// works are done in the same transaction, so readers see the change at once; more than that go to
// a background job that reports its progress (a big fandom can have hundreds of thousands).
import { createHash } from 'node:crypto';
import { workIdsTouchingTags } from '../../db/repos/filters.repo.ts';
import { listRecentJobs, type JobRecord } from '../../db/repos/jobs.repo.ts';
import type { Db } from '../../db/types.ts';
import { enqueue } from '../../jobs/queue.ts';
import { RECOMPUTE_FILTERS } from '../../jobs/kinds.ts';
import type { JobContext } from '../../jobs/registry.ts';
import type { ServiceContext } from '../context.ts';
import { recomputeFilterSets } from '../filter-set.ts';
import { requireWrangler } from './guard.ts';

export const INLINE_RECOMPUTE_LIMIT = 300;
/** Works refiltered per transaction by the job: short transactions keep the site responsive. */
const BATCH = 200;

export interface RecomputeOutcome {
  /** Works recomputed right away. */
  recomputed: number;
  /** The job recomputing them, when there were too many to do at once. */
  jobId: number | null;
}

export async function scheduleRecompute(ctx: ServiceContext, trx: Db, workIds: readonly number[], tagIds: readonly number[]): Promise<RecomputeOutcome> {
  if (workIds.length <= INLINE_RECOMPUTE_LIMIT) {
    await recomputeFilterSets(trx, workIds);
    return { recomputed: workIds.length, jobId: null };
  }
  // Enqueued in the same transaction: the job exists exactly when the change does.
  const ids = [...new Set(tagIds)].sort((a, b) => a - b);
  // A digest, not the list itself: an index entry in PostgreSQL is capped at ~2.7 kB.
  const unique = createHash('sha256').update(ids.join(',')).digest('hex');
  const { id } = await enqueue({ db: trx, clock: ctx.clock }, RECOMPUTE_FILTERS, { tagIds: ids }, { unique });
  return { recomputed: 0, jobId: id };
}

/** The job: finds the works when it runs (later changes included) and refilters them in batches. */
export async function recomputeFiltersJob(ctx: JobContext, payload: { tagIds: number[] }): Promise<void> {
  if (!Array.isArray(payload?.tagIds) || payload.tagIds.some((id) => !Number.isInteger(id))) throw new TypeError('recompute-filters needs { tagIds: number[] }.');
  const workIds = await workIdsTouchingTags(ctx.db, payload.tagIds);
  await ctx.progress(0, workIds.length);
  for (let i = 0; i < workIds.length; i += BATCH) {
    const batch = workIds.slice(i, i + BATCH);
    await ctx.db.transaction().execute((trx) => recomputeFilterSets(trx, batch));
    await ctx.progress(Math.min(i + BATCH, workIds.length), workIds.length);
  }
}

/** Recent refiltering jobs, with their progress, for the wrangling pages. */
export async function recentRecomputeJobs(ctx: ServiceContext, limit = 10): Promise<JobRecord[]> {
  requireWrangler(ctx);
  return listRecentJobs(ctx.db, { kind: RECOMPUTE_FILTERS.name, limit });
}
