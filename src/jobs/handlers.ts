// The handlers `owlery serve`, `owlery worker` and `owlery jobs run` use: one registry for the
// whole application. Register each kind of kinds.ts here.
import { deleteFinishedJobs } from '../db/repos/jobs.repo.ts';
import { NOTIFY_COMMENT, NOTIFY_SUBSCRIBERS, PRUNE_JOBS, RECOMPUTE_FILTERS, SEND_DIGESTS } from './kinds.ts';
import { recomputeFiltersJob } from '../services/wrangling/recompute.ts';
import { notifySubscribers } from '../services/subscriptions/notify-subscribers.ts';
import { sendDigests } from '../services/subscriptions/send-digests.ts';
import { notifyComment } from '../services/subscriptions/notify-comment.ts';
import { JobRegistry, type JobHandler } from './registry.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

const pruneJobs: JobHandler<{ keepDays?: number }> = async (ctx, payload) => {
  const keepDays = payload?.keepDays ?? 7;
  if (typeof keepDays !== 'number' || !Number.isFinite(keepDays) || keepDays < 0) throw new TypeError(`keepDays must be a number ≥ 0, not ${JSON.stringify(keepDays)}.`);
  const before = new Date(ctx.clock.now().getTime() - keepDays * DAY_MS).toISOString();
  await deleteFinishedJobs(ctx.db, before, ['done', 'failed']);
};

export const JOB_HANDLERS = new JobRegistry().register(PRUNE_JOBS, pruneJobs).register(RECOMPUTE_FILTERS, recomputeFiltersJob)
  .register(NOTIFY_SUBSCRIBERS, notifySubscribers)
  .register(SEND_DIGESTS, async (ctx) => void (await sendDigests(ctx)))
  .register(NOTIFY_COMMENT, notifyComment);
