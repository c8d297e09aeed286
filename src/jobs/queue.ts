// Putting work on the durable queue. Enqueue inside the transaction that changes the data the job
// reads (`enqueue({ db: trx, clock }, …)`): the job then exists exactly when the change does.
import { Kysely } from 'kysely';
import type { Db } from '../db/types.ts';
import { findQueuedUniqueJob, insertJob } from '../db/repos/jobs.repo.ts';
import type { Clock } from '../services/context.ts';
import { jobKind, type JobKind } from './registry.ts';

export const DEFAULT_MAX_ATTEMPTS = 5;
/** Retries wait 2^attempts seconds (2 s, 4 s, 8 s, …), never more than this. */
export const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;

/** Backoff before the next attempt, after `attempts` failed ones (≥ 1). */
export function retryDelayMs(attempts: number): number {
  return Math.min(2 ** Math.max(1, attempts) * 1000, MAX_RETRY_DELAY_MS);
}

export interface EnqueueOptions {
  /**
   * Skip enqueuing when a job of the same kind with this key is still queued (not yet running).
   * Once it runs, a new one may queue, so a change made while a job runs is not missed.
   */
  unique?: string;
  /** Higher runs first; default 0. */
  priority?: number;
  /** Not before this time; default now. */
  runAt?: Date;
  /** Not before now + this many milliseconds (ignored when runAt is given). */
  delayMs?: number;
  /** Attempts before the job is failed for good; default 5. */
  maxAttempts?: number;
}

/** A database handle (or transaction), with the clock that dates the job. */
export type QueueTarget = Db | { db: Db; clock: Clock };

export interface EnqueueResult {
  id: number;
  /** false when a `unique` duplicate was already queued; `id` is then that job's. */
  enqueued: boolean;
}

/**
 * Queues a job of `kind` with a JSON-serializable payload. Pass a service context (or
 * `{ db: trx, clock: ctx.clock }` inside a transaction) so tests with a fixed clock see the job
 * as due; a bare database handle dates it by the system clock.
 */
export async function enqueue<P>(target: QueueTarget, kind: JobKind<P> | string, payload: NoInfer<P>, options: EnqueueOptions = {}): Promise<EnqueueResult> {
  const { db, now } = target instanceof Kysely ? { db: target as Db, now: new Date() } : { db: target.db, now: target.clock.now() };
  const name = typeof kind === 'string' ? jobKind(kind).name : kind.name;
  const priority = options.priority ?? 0;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isSafeInteger(priority)) throw new TypeError(`enqueue(${name}): priority must be an integer.`);
  if (!Number.isSafeInteger(maxAttempts) || maxAttempts < 1) throw new TypeError(`enqueue(${name}): maxAttempts must be a whole number ≥ 1.`);
  if (options.unique !== undefined && options.unique === '') throw new TypeError(`enqueue(${name}): a unique key must not be empty.`);
  const json = JSON.stringify(payload ?? null);
  const runAt = options.runAt ?? new Date(now.getTime() + Math.max(0, options.delayMs ?? 0));
  const job = { kind: name, payload: json, uniqueKey: options.unique ?? null, priority, runAt: runAt.toISOString(), maxAttempts };

  // A unique insert that conflicts finds the queued job; if that one was claimed in between,
  // there is no queued duplicate any more and the insert is tried again.
  for (let round = 0; round < 3; round++) {
    const id = await insertJob(db, job, now.toISOString());
    if (id !== null) return { id, enqueued: true };
    const existing = await findQueuedUniqueJob(db, name, job.uniqueKey!);
    if (existing !== null) return { id: existing, enqueued: false };
  }
  throw new Error(`enqueue(${name}): the unique key "${job.uniqueKey}" kept changing hands; try again.`);
}
