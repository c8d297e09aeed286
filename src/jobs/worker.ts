// Runs queued jobs: `startWorker` polls in the background (inside `owlery serve`, or alone as
// `owlery worker`); `drainJobs` runs every due job to completion and returns (tests, `owlery
// jobs run`). Both claim atomically, heartbeat while a handler runs, and record the outcome.
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Store } from '../db/connect.ts';
import { claimNextJob, completeJob, deleteFinishedJobs, failJob, requeueStaleJobs, touchJob, type JobRecord, type StaleJobsReport } from '../db/repos/jobs.repo.ts';
import { SYSTEM } from '../domain/actor.ts';
import type { ServiceContext } from '../services/context.ts';
import { retryDelayMs } from './queue.ts';
import type { JobContext, JobRegistry } from './registry.ts';

/** The subset of pino's logger the worker uses (Fastify's `app.log` fits). */
export interface WorkerLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export const silentLogger: WorkerLogger = { info() {}, warn() {}, error() {} };

/** Thrown by `ctx.progress()` once the job belongs to another worker (see JobContext). */
export class JobLostError extends Error {
  constructor(id: number) {
    super(`Job ${id} was requeued after missing its heartbeats; another worker may be running it.`);
    this.name = 'JobLostError';
  }
}

const PROGRESS_WRITE_MS = 250;
const PROGRESS_LOG_MS = 5_000;
const ERROR_TEXT_LIMIT = 4_000;

type JobStore = Pick<Store, 'db' | 'caps'>;

interface RunEnv {
  store: JobStore;
  context: ServiceContext;
  handlers: JobRegistry;
  workerId: string;
  logger: WorkerLogger;
  heartbeatMs: number;
}

export type JobOutcome = 'done' | 'retry' | 'failed' | 'lost';

export function newWorkerId(prefix = ''): string {
  return `${prefix}${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  return text.length > ERROR_TEXT_LIMIT ? `${text.slice(0, ERROR_TEXT_LIMIT)}…` : text;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

const label = (job: JobRecord) => `job ${job.id} (${job.kind})`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Runs one claimed job and records its outcome. Never throws for a handler's error. */
async function runJob(env: RunEnv, job: JobRecord): Promise<JobOutcome> {
  const { store, logger, workerId } = env;
  const now = () => env.context.clock.now().toISOString();
  const started = performance.now();
  // The last reported progress, and the part of it not yet written.
  let latest: { done: number; total: number } | undefined;
  let pending: { done: number; total: number } | undefined;
  let lastWrite = -Infinity;
  let lastLog = started;
  let lost = false;
  // Progress and heartbeat writes go one at a time, so an older value never lands last; a failed
  // write (reported to its caller) does not stop the next ones.
  let writes: Promise<void> = Promise.resolve();
  const flush = (): Promise<void> => {
    writes = writes.catch(() => {}).then(async () => {
      const progress = pending;
      pending = undefined;
      if (lost) return;
      if (!(await touchJob(store.db, job.id, workerId, now(), progress))) lost = true;
    });
    return writes;
  };

  const ctx: JobContext = {
    ...env.context,
    db: store.db,
    caps: store.caps,
    actor: SYSTEM,
    job: { id: job.id, kind: job.kind, attempt: job.attempts, maxAttempts: job.maxAttempts },
    async progress(done, total) {
      if (lost) throw new JobLostError(job.id);
      const safeTotal = Math.max(0, Math.round(Number(total) || 0));
      latest = pending = { done: Math.min(Math.max(0, Math.round(Number(done) || 0)), safeTotal || Infinity), total: safeTotal };
      const t = performance.now();
      if (t - lastLog >= PROGRESS_LOG_MS) {
        lastLog = t;
        logger.info({ job: job.id, kind: job.kind, progress: pending.done, total: pending.total }, `${label(job)} ${pending.done}/${pending.total}`);
      }
      if (t - lastWrite < PROGRESS_WRITE_MS) return;
      lastWrite = t;
      await flush();
      if (lost) throw new JobLostError(job.id);
    },
  };

  logger.info({ job: job.id, kind: job.kind, attempt: job.attempts }, `${label(job)} started, attempt ${job.attempts} of ${job.maxAttempts}`);
  const heartbeat = setInterval(() => void flush().catch((error: unknown) => logger.warn({ job: job.id, err: error }, `${label(job)}: heartbeat failed: ${firstLine(error)}`)), env.heartbeatMs);
  heartbeat.unref();
  let failure: { error: unknown } | null = null;
  try {
    const handler = env.handlers.handler(job.kind);
    if (!handler) throw new Error(`No handler for job kind "${job.kind}".`);
    await handler(ctx, JSON.parse(job.payload) as unknown);
  } catch (error) {
    failure = { error };
  } finally {
    clearInterval(heartbeat);
    await writes.catch(() => {});
  }
  const ms = performance.now() - started;

  if (lost || failure?.error instanceof JobLostError) {
    logger.warn({ job: job.id, kind: job.kind }, `${label(job)} was requeued while this worker ran it (heartbeats came too late); this run's result is dropped`);
    return 'lost';
  }
  if (!failure) {
    if (!(await completeJob(store.db, job.id, workerId, now(), pending))) {
      logger.warn({ job: job.id, kind: job.kind }, `${label(job)} finished, but was requeued meanwhile; another run will repeat it`);
      return 'lost';
    }
    const shown = latest ? ` (${latest.done}/${latest.total})` : '';
    logger.info({ job: job.id, kind: job.kind, ms: Math.round(ms) }, `${label(job)} done in ${seconds(ms)}${shown}`);
    return 'done';
  }

  const last = job.attempts >= job.maxAttempts;
  const nowDate = env.context.clock.now();
  const retryAt = last ? null : new Date(nowDate.getTime() + retryDelayMs(job.attempts)).toISOString();
  const outcome = await failJob(store.db, job.id, workerId, { error: errorText(failure.error), now: nowDate.toISOString(), retryAt, progress: pending });
  const fields = { job: job.id, kind: job.kind, attempt: job.attempts, err: failure.error };
  switch (outcome) {
    case 'retry':
      logger.warn({ ...fields, retryAt }, `${label(job)} failed on attempt ${job.attempts} of ${job.maxAttempts}, retrying at ${retryAt}: ${firstLine(failure.error)}`);
      return 'retry';
    case 'failed':
      logger.error(fields, `${label(job)} failed for good after ${job.attempts} attempts: ${firstLine(failure.error)}`);
      return 'failed';
    case 'superseded':
      logger.warn(fields, `${label(job)} failed on attempt ${job.attempts}; not retried, a newer queued job with the same key will do the work: ${firstLine(failure.error)}`);
      return 'failed';
    case 'lost':
      logger.warn(fields, `${label(job)} failed, but was requeued meanwhile: ${firstLine(failure.error)}`);
      return 'lost';
  }
}

export interface WorkerOptions {
  store: JobStore;
  /** Clock, mailer and site for handlers; db, caps and actor are replaced (store, SYSTEM). */
  context: ServiceContext;
  handlers: JobRegistry;
  /** Wait between empty polls. */
  pollMs?: number;
  /** Jobs run at once by this process. */
  concurrency?: number;
  logger?: WorkerLogger;
  /** How often a running job's heartbeat is written. */
  heartbeatMs?: number;
  /** A running job without a heartbeat for this long is requeued (its worker crashed). */
  staleAfterMs?: number;
  /** How often stale jobs are looked for and old finished jobs deleted. */
  maintenanceMs?: number;
  /** Done jobs are deleted this long after they finish. */
  keepDoneMs?: number;
  /** Failed jobs are deleted this long after they fail. */
  keepFailedMs?: number;
  workerId?: string;
}

export interface Worker {
  readonly id: string;
  /** Claims at once instead of waiting for the next poll (e.g. right after an enqueue). */
  wake(): void;
  /** Stops claiming, lets running jobs finish, then resolves. Safe to call twice. */
  stop(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export const MAINTENANCE_DEFAULTS = {
  /** A running job without a heartbeat for this long belongs to a crashed worker. */
  staleAfterMs: 5 * 60_000,
  keepDoneMs: 7 * DAY_MS,
  keepFailedMs: 30 * DAY_MS,
};

/**
 * Housekeeping every worker does now and then (and `owlery jobs run` once): requeues the jobs of
 * crashed workers, deletes old finished jobs.
 */
export async function maintainQueue(
  store: JobStore,
  now: Date,
  options: { staleAfterMs?: number; keepDoneMs?: number; keepFailedMs?: number; logger?: WorkerLogger } = {},
): Promise<StaleJobsReport> {
  const { staleAfterMs, keepDoneMs, keepFailedMs } = { ...MAINTENANCE_DEFAULTS, ...options };
  const logger = options.logger ?? silentLogger;
  const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
  const report = await requeueStaleJobs(store.db, ago(staleAfterMs), now.toISOString());
  if (report.requeued.length > 0) logger.warn({ jobs: report.requeued }, `requeued ${report.requeued.length} job(s) whose worker stopped responding: ${report.requeued.join(', ')}`);
  if (report.failed.length > 0) logger.error({ jobs: report.failed }, `failed ${report.failed.length} job(s) whose worker stopped responding on their last attempt: ${report.failed.join(', ')}`);
  await deleteFinishedJobs(store.db, ago(keepDoneMs), ['done']);
  await deleteFinishedJobs(store.db, ago(keepFailedMs), ['failed']);
  return report;
}

export function startWorker(options: WorkerOptions): Worker {
  const pollMs = options.pollMs ?? 500;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
  const staleAfterMs = options.staleAfterMs ?? MAINTENANCE_DEFAULTS.staleAfterMs;
  const heartbeatMs = options.heartbeatMs ?? Math.min(15_000, Math.floor(staleAfterMs / 4));
  const maintenanceMs = options.maintenanceMs ?? 60_000;
  const keepDoneMs = options.keepDoneMs ?? MAINTENANCE_DEFAULTS.keepDoneMs;
  const keepFailedMs = options.keepFailedMs ?? MAINTENANCE_DEFAULTS.keepFailedMs;
  const logger = options.logger ?? silentLogger;
  const id = options.workerId ?? newWorkerId();
  const env: RunEnv = { store: options.store, context: options.context, handlers: options.handlers, workerId: id, logger, heartbeatMs };
  const kinds = options.handlers.kinds;

  let stopping = false;
  const sleepers = new Set<() => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      sleepers.add(done);
    });
  const wakeAll = () => [...sleepers].forEach((done) => done());

  const loop = async () => {
    let failures = 0;
    while (!stopping) {
      let job: JobRecord | null;
      try {
        job = await claimNextJob(options.store.db, options.store.caps, { workerId: id, now: options.context.clock.now().toISOString(), kinds });
        failures = 0;
      } catch (error) {
        // The database is away (restart, network): wait longer each time, up to a minute.
        failures++;
        logger.error({ err: error }, `job worker could not claim a job: ${firstLine(error)}`);
        await sleep(Math.min(pollMs * 2 ** failures, 60_000));
        continue;
      }
      if (!job) {
        await sleep(pollMs);
        continue;
      }
      try {
        await runJob(env, job);
      } catch (error) {
        // Recording the outcome failed (database away); the stale-job sweep will requeue it.
        logger.error({ job: job.id, err: error }, `${label(job)}: could not record its outcome: ${firstLine(error)}`);
        await sleep(pollMs);
      }
    }
  };

  let maintaining: Promise<void> = Promise.resolve();
  const maintain = () => {
    maintaining = maintainQueue(options.store, options.context.clock.now(), { staleAfterMs, keepDoneMs, keepFailedMs, logger }).then(
      () => {},
      (error: unknown) => logger.error({ err: error }, `job maintenance failed: ${firstLine(error)}`),
    );
  };
  maintain();
  const maintenance = setInterval(() => {
    if (!stopping) void maintaining.then(maintain);
  }, maintenanceMs);

  const loops = Array.from({ length: concurrency }, () => loop());
  let stopped: Promise<void> | null = null;
  return {
    id,
    wake: wakeAll,
    stop() {
      stopped ??= (async () => {
        stopping = true;
        clearInterval(maintenance);
        wakeAll();
        await Promise.all(loops);
        await maintaining;
      })();
      return stopped;
    },
  };
}

export interface DrainOptions {
  /** Also run jobs scheduled up to this time (retry backoffs included); default now. */
  until?: Date;
  /** Stop after this many jobs (a safety net for handlers that enqueue forever). */
  limit?: number;
  logger?: WorkerLogger;
}

export interface DrainReport {
  /** Jobs run, counting each attempt. */
  ran: number;
  done: number;
  /** Attempts that failed and were queued again. */
  retried: number;
  /** Jobs failed for good. */
  failed: number;
  /** Job ids in the order they ran (an id appears once per attempt). */
  ids: number[];
}

/**
 * Runs due jobs, one after another, until none is left (including jobs the handlers enqueue),
 * then returns. Jobs of kinds without a handler stay queued.
 */
export async function drainJobs(store: JobStore, context: ServiceContext, handlers: JobRegistry, options: DrainOptions = {}): Promise<DrainReport> {
  const env: RunEnv = { store, context, handlers, workerId: newWorkerId('drain:'), logger: options.logger ?? silentLogger, heartbeatMs: 15_000 };
  const report: DrainReport = { ran: 0, done: 0, retried: 0, failed: 0, ids: [] };
  const limit = options.limit ?? Infinity;
  while (report.ran < limit) {
    const now = context.clock.now();
    const dueBy = options.until && options.until > now ? options.until : now;
    const job = await claimNextJob(store.db, store.caps, { workerId: env.workerId, now: now.toISOString(), dueBy: dueBy.toISOString(), kinds: handlers.kinds });
    if (!job) break;
    report.ran++;
    report.ids.push(job.id);
    const outcome = await runJob(env, job);
    if (outcome === 'done') report.done++;
    else if (outcome === 'retry') report.retried++;
    else if (outcome === 'failed') report.failed++;
  }
  return report;
}
