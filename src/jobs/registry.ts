// Job kinds and their handlers. A kind is a name with a payload type (`jobKind<P>('name')`), so
// `enqueue` and `register` check the payload against the same declaration; the queue stores the
// name and the payload as JSON.
import type { ServiceContext } from '../services/context.ts';

/** A job kind: its name, and (for the type checker only) the shape of its payload. */
export interface JobKind<P> {
  readonly name: string;
  /** Type-level only; never set. Makes `JobKind<A>` and `JobKind<B>` distinct types. */
  readonly __payload?: P;
}

const KIND_NAME = /^[a-z0-9][a-z0-9._:-]{0,99}$/;

/** Declares a job kind. Names are stored in the database: keep them stable once jobs exist. */
export function jobKind<P>(name: string): JobKind<P> {
  if (!KIND_NAME.test(name)) throw new Error(`Job kind name "${name}" must be 1–100 characters of a-z, 0-9, ".", "_", ":" or "-".`);
  return Object.freeze({ name });
}

/** The job being run, for handlers that log or behave differently on a retry. */
export interface JobInfo {
  id: number;
  kind: string;
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number;
  maxAttempts: number;
}

/**
 * What a handler receives: a full service context acting as the system actor (services called
 * from a job authorize it like the command line), plus the job and a progress reporter.
 */
export interface JobContext extends ServiceContext {
  readonly job: JobInfo;
  /**
   * Records progress (shown by `owlery jobs list` and the admin page). Cheap to call often:
   * writes are throttled (at most one per 250 ms) and the last value is always saved when the job
   * ends. Throws `JobLostError` when the job was taken away from this worker (it missed its
   * heartbeats and another worker now runs it), so a long handler stops duplicating work.
   */
  progress(done: number, total: number): Promise<void>;
}

/**
 * Runs one job. Jobs run at least once: a crash after the work but before the job is marked
 * done runs it again, so handlers must be safe to repeat. Throwing fails the attempt (retried
 * with backoff until max attempts).
 */
export type JobHandler<P> = (ctx: JobContext, payload: P) => Promise<void>;

/** Handlers by kind name. Workers claim only the kinds their registry knows. */
export class JobRegistry {
  readonly #handlers = new Map<string, JobHandler<never>>();

  register<P>(kind: JobKind<P> | string, handler: JobHandler<P>): this {
    const name = typeof kind === 'string' ? jobKind<P>(kind).name : kind.name;
    if (this.#handlers.has(name)) throw new Error(`Job kind "${name}" is registered twice.`);
    this.#handlers.set(name, handler as JobHandler<never>);
    return this;
  }

  has(name: string): boolean {
    return this.#handlers.has(name);
  }

  handler(name: string): JobHandler<unknown> | undefined {
    return this.#handlers.get(name) as JobHandler<unknown> | undefined;
  }

  /** Registered kind names, sorted. */
  get kinds(): string[] {
    return [...this.#handlers.keys()].sort();
  }
}
