// The handlers `owlery serve`, `owlery worker` and `owlery jobs run` use: one registry for the
// whole application. Register each kind of kinds.ts here.
import { deleteFinishedJobs } from '../db/repos/jobs.repo.ts';
import { PRUNE_JOBS, RECOMPUTE_FILTERS } from './kinds.ts';
import { recomputeFiltersJob } from '../services/wrangling/recompute.ts';
import { JobRegistry, type JobHandler } from './registry.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

const pruneJobs: JobHandler<{ keepDays?: number }> = async (ctx, payload) => {
  const keepDays = payload?.keepDays ?? 7;
  if (typeof keepDays !== 'number' || !Number.isFinite(keepDays) || keepDays < 0) throw new TypeError(`keepDays must be a number ≥ 0, not ${JSON.stringify(keepDays)}.`);
  const before = new Date(ctx.clock.now().getTime() - keepDays * DAY_MS).toISOString();
  await deleteFinishedJobs(ctx.db, before, ['done', 'failed']);
};

export const JOB_HANDLERS = new JobRegistry().register(PRUNE_JOBS, pruneJobs).register(RECOMPUTE_FILTERS, recomputeFiltersJob);
