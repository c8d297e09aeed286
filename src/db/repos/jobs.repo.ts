// The job queue's table (see src/jobs/). Every state change of a claimed job names the worker
// that holds it (`locked_by`), so a worker whose job was taken away — requeued after it stopped
// sending heartbeats — cannot complete or fail a job another worker now runs.
import type { Kysely, Selectable } from 'kysely';
import type { Capabilities } from '../connect.ts';
import type { Database, JobStatus, JobsTable } from '../schema.ts';
import type { Db } from '../types.ts';

export type { JobStatus };

export const JOB_STATUSES: readonly JobStatus[] = ['queued', 'running', 'done', 'failed'];

export interface JobRecord {
  id: number;
  kind: string;
  /** JSON text. */
  payload: string;
  uniqueKey: string | null;
  status: JobStatus;
  priority: number;
  runAt: string;
  attempts: number;
  maxAttempts: number;
  lockedBy: string | null;
  lockedAt: string | null;
  heartbeatAt: string | null;
  progress: number;
  total: number | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

function toRecord(row: Selectable<JobsTable>): JobRecord {
  return {
    id: Number(row.id),
    kind: row.kind,
    payload: row.payload,
    uniqueKey: row.unique_key,
    status: row.status,
    priority: Number(row.priority),
    runAt: row.run_at,
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    lockedBy: row.locked_by,
    lockedAt: row.locked_at,
    heartbeatAt: row.heartbeat_at,
    progress: Number(row.progress),
    total: row.total === null ? null : Number(row.total),
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}

/** A unique index said no: PostgreSQL's unique_violation, or SQLite's UNIQUE constraint. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export interface NewJob {
  kind: string;
  /** JSON text. */
  payload: string;
  uniqueKey: string | null;
  priority: number;
  runAt: string;
  maxAttempts: number;
}

/**
 * Queues a job. With a unique key, returns null instead when a queued job of the same kind and
 * key exists: the partial unique index decides, so two processes enqueueing at once still leave
 * one row (`ON CONFLICT DO NOTHING` on both databases; on PostgreSQL it does not abort an
 * enclosing transaction).
 */
export async function insertJob(db: Db, job: NewJob, now: string): Promise<number | null> {
  const row = await db
    .insertInto('jobs')
    .values({
      kind: job.kind,
      payload: job.payload,
      unique_key: job.uniqueKey,
      status: 'queued',
      priority: job.priority,
      run_at: job.runAt,
      max_attempts: job.maxAttempts,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? Number(row.id) : null;
}

/** The queued job holding a unique key, if any. */
export async function findQueuedUniqueJob(db: Db, kind: string, uniqueKey: string): Promise<number | null> {
  const row = await db
    .selectFrom('jobs')
    .select('id')
    .where('kind', '=', kind)
    .where('unique_key', '=', uniqueKey)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return row ? Number(row.id) : null;
}

export interface ClaimOptions {
  workerId: string;
  now: string;
  /** Only these kinds (the ones the worker has handlers for); others stay queued. */
  kinds: readonly string[];
  /** Claim jobs due up to this time instead of `now` (draining scheduled jobs in tests). */
  dueBy?: string;
}

/**
 * Takes the next due job for this worker: highest priority, then earliest run_at, then oldest.
 * PostgreSQL locks the chosen row with FOR UPDATE SKIP LOCKED, so concurrent workers each skip
 * rows another is claiming instead of waiting for them or taking the same one. SQLite runs writes
 * one at a time, so a single UPDATE … WHERE id = (SELECT …) RETURNING is atomic there.
 */
export async function claimNextJob(db: Kysely<Database>, caps: Capabilities, options: ClaimOptions): Promise<JobRecord | null> {
  if (options.kinds.length === 0) return null;
  const dueBy = options.dueBy ?? options.now;
  const claimed = {
    status: 'running' as const,
    locked_by: options.workerId,
    locked_at: options.now,
    heartbeat_at: options.now,
    updated_at: options.now,
  };
  if (caps.skipLocked) {
    return db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('jobs')
        .select('id')
        .where('status', '=', 'queued')
        .where('run_at', '<=', dueBy)
        .where('kind', 'in', options.kinds)
        .orderBy('priority', 'desc')
        .orderBy('run_at')
        .orderBy('id')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!row) return null;
      const job = await trx
        .updateTable('jobs')
        .set((eb) => ({ ...claimed, attempts: eb('attempts', '+', 1) }))
        .where('id', '=', row.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRecord(job);
    });
  }
  const job = await db
    .updateTable('jobs')
    .set((eb) => ({ ...claimed, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', (eb) =>
      eb
        .selectFrom('jobs as next')
        .select('next.id')
        .where('next.status', '=', 'queued')
        .where('next.run_at', '<=', dueBy)
        .where('next.kind', 'in', options.kinds)
        .orderBy('next.priority', 'desc')
        .orderBy('next.run_at')
        .orderBy('next.id')
        .limit(1),
    )
    .where('status', '=', 'queued')
    .returningAll()
    .executeTakeFirst();
  return job ? toRecord(job) : null;
}

/**
 * The running worker's sign of life, with its progress when given. False when the job is no
 * longer this worker's (requeued as stale, or finished elsewhere).
 */
export async function touchJob(db: Db, id: number, workerId: string, now: string, progress?: { done: number; total: number }): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ heartbeat_at: now, updated_at: now, ...(progress ? { progress: progress.done, total: progress.total } : {}) })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Marks this worker's running job done. False when the job is no longer this worker's. */
export async function completeJob(db: Db, id: number, workerId: string, now: string, progress?: { done: number; total: number }): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({
      status: 'done',
      finished_at: now,
      updated_at: now,
      heartbeat_at: now,
      locked_by: null,
      last_error: null,
      ...(progress ? { progress: progress.done, total: progress.total } : {}),
    })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export type FailOutcome = 'retry' | 'failed' | 'superseded' | 'lost';

const SUPERSEDED = 'A newer queued job with the same unique key replaces this retry.';

/**
 * Records a failed attempt of this worker's running job: back to the queue until `retryAt`, or
 * failed for good when `retryAt` is null. A retry that would collide with a newer queued job of
 * the same unique key is not needed (that job does the work) and ends as failed, saying so.
 * 'lost' when the job is no longer this worker's.
 */
export async function failJob(
  db: Db,
  id: number,
  workerId: string,
  failure: { error: string; now: string; retryAt: string | null; progress?: { done: number; total: number } | undefined },
): Promise<FailOutcome> {
  const { now, error } = failure;
  const progress = failure.progress ? { progress: failure.progress.done, total: failure.progress.total } : {};
  const mine = () => db.updateTable('jobs').where('id', '=', id).where('status', '=', 'running').where('locked_by', '=', workerId);
  const failForGood = async (message: string) => {
    const result = await mine()
      .set({ status: 'failed', last_error: message, finished_at: now, updated_at: now, locked_by: null, ...progress })
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  };

  if (failure.retryAt === null) return (await failForGood(error)) ? 'failed' : 'lost';
  try {
    const result = await mine()
      .set({ status: 'queued', run_at: failure.retryAt, last_error: error, updated_at: now, locked_by: null, locked_at: null, heartbeat_at: null, ...progress })
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0 ? 'retry' : 'lost';
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return (await failForGood(`${error}\n\n${SUPERSEDED}`)) ? 'superseded' : 'lost';
  }
}

export interface StaleJobsReport {
  requeued: number[];
  /** Out of attempts (a job that crashes its worker every time must not loop forever), or superseded. */
  failed: number[];
}

/**
 * Running jobs whose heartbeat is older than `cutoff` belong to a worker that crashed or was
 * killed: back to the queue (run at once), or failed when they have used all their attempts.
 * Each row changes only if it is still stale, so a worker that comes back to life in between
 * keeps its job.
 */
export async function requeueStaleJobs(db: Db, cutoff: string, now: string): Promise<StaleJobsReport> {
  const stale = await db
    .selectFrom('jobs')
    .select(['id', 'attempts', 'max_attempts', 'locked_by'])
    .where('status', '=', 'running')
    .where('heartbeat_at', '<', cutoff)
    .orderBy('id')
    .execute();
  const report: StaleJobsReport = { requeued: [], failed: [] };
  for (const job of stale) {
    const message = `The worker ${job.locked_by ?? '(unknown)'} stopped responding while running this job (no heartbeat since before ${cutoff}).`;
    const stillStale = () =>
      db
        .updateTable('jobs')
        .where('id', '=', job.id)
        .where('status', '=', 'running')
        .where('heartbeat_at', '<', cutoff);
    const fail = async (text: string) => {
      const result = await stillStale().set({ status: 'failed', last_error: text, finished_at: now, updated_at: now, locked_by: null }).executeTakeFirst();
      if (Number(result.numUpdatedRows) > 0) report.failed.push(Number(job.id));
    };
    if (Number(job.attempts) >= Number(job.max_attempts)) {
      await fail(message);
      continue;
    }
    try {
      const result = await stillStale()
        .set({ status: 'queued', run_at: now, last_error: message, updated_at: now, locked_by: null, locked_at: null, heartbeat_at: null })
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) > 0) report.requeued.push(Number(job.id));
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      await fail(`${message}\n\n${SUPERSEDED}`);
    }
  }
  return report;
}

export async function findJob(db: Db, id: number): Promise<JobRecord | null> {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** Newest first, for the admin page and `owlery jobs list`. */
export async function listRecentJobs(db: Db, options: { limit?: number; status?: JobStatus; kind?: string } = {}): Promise<JobRecord[]> {
  let q = db.selectFrom('jobs').selectAll();
  if (options.status) q = q.where('status', '=', options.status);
  if (options.kind) q = q.where('kind', '=', options.kind);
  const rows = await q.orderBy('id', 'desc').limit(options.limit ?? 50).execute();
  return rows.map(toRecord);
}

export async function countJobsByStatus(db: Db): Promise<Record<JobStatus, number>> {
  const rows = await db
    .selectFrom('jobs')
    .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const counts: Record<JobStatus, number> = { queued: 0, running: 0, done: 0, failed: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

/** Deletes finished jobs (by default only done ones) that finished before `before`. */
export async function deleteFinishedJobs(db: Db, before: string, statuses: readonly ('done' | 'failed')[] = ['done']): Promise<number> {
  if (statuses.length === 0) return 0;
  const result = await db.deleteFrom('jobs').where('status', 'in', statuses).where('finished_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
