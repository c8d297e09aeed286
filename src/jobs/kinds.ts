// The job kinds of the application and their payloads. Services import kinds from here to
// enqueue; handlers.ts pairs each kind with its handler. Names are stored in the jobs table.
import { jobKind } from './registry.ts';

/** Deletes finished jobs older than `keepDays` (default 7), done and failed alike. */
export const PRUNE_JOBS = jobKind<{ keepDays?: number }>('prune-jobs');

/** Recomputes the filter sets of every work tagged with, or filtered under, these tags. */
export const RECOMPUTE_FILTERS = jobKind<{ tagIds: number[] }>('recompute-filters');
