// The durable job queue on both databases: enqueue and drain, progress, retries with backoff,
// unique jobs, and jobs of crashed workers.
import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestStore, skipUnless, type TestStore } from '../support/stores.ts';
import { contextFor, fixedClock } from '../support/factories.ts';
import { enqueue, retryDelayMs } from '../../src/jobs/queue.ts';
import { JobRegistry, jobKind, type JobContext } from '../../src/jobs/registry.ts';
import { drainJobs, startWorker } from '../../src/jobs/worker.ts';
import { claimNextJob, completeJob, countJobsByStatus, findJob, listRecentJobs, requeueStaleJobs } from '../../src/db/repos/jobs.repo.ts';
import { JOB_HANDLERS } from '../../src/jobs/handlers.ts';
import { PRUNE_JOBS } from '../../src/jobs/kinds.ts';
import type { ServiceContext } from '../../src/services/context.ts';

const ECHO = jobKind<{ n: number }>('test-echo');
const START = '2026-11-21T12:00:00.000Z';
const at = (iso: string, plusMs: number) => new Date(new Date(iso).getTime() + plusMs).toISOString();

async function waitFor(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('job kinds and registry', () => {
  it('rejects bad kind names and a kind registered twice', () => {
    assert.throws(() => jobKind(''), /1–100 characters/);
    assert.throws(() => jobKind('Has Spaces'), /1–100 characters/);
    const registry = new JobRegistry().register(ECHO, async () => {});
    assert.throws(() => registry.register('test-echo', async () => {}), /registered twice/);
    assert.deepEqual(registry.kinds, ['test-echo']);
  });

  it('backs off 2^attempts seconds, capped at an hour', () => {
    assert.equal(retryDelayMs(1), 2_000);
    assert.equal(retryDelayMs(2), 4_000);
    assert.equal(retryDelayMs(5), 32_000);
    assert.equal(retryDelayMs(12), 3_600_000);
    assert.equal(retryDelayMs(60), 3_600_000);
  });
});

for (const dialect of DIALECTS) {
  describe(`[${dialect}] job queue`, { skip: await skipUnless(dialect) }, () => {
    let store: TestStore;
    let clock: ReturnType<typeof fixedClock>;
    let ctx: ServiceContext;

    before(async () => {
      store = await createTestStore(dialect);
    });
    after(async () => {
      await store?.destroy();
    });
    beforeEach(async () => {
      await store.db.deleteFrom('jobs').execute();
      clock = fixedClock(START);
      ctx = contextFor(store, undefined, clock);
    });

    it('runs queued jobs with their payloads, by priority then due time', async () => {
      const seen: Array<{ n: number; kind: string; actor: string; site: string }> = [];
      const handlers = new JobRegistry().register(ECHO, async (job, payload) => {
        seen.push({ n: payload.n, kind: job.job.kind, actor: job.actor.kind, site: job.site.baseUrl });
      });
      await enqueue(ctx, ECHO, { n: 1 });
      await enqueue(ctx, ECHO, { n: 2 }, { priority: 10 });
      await enqueue(ctx, ECHO, { n: 3 }, { runAt: new Date(at(START, -60_000)) });
      await enqueue(ctx, ECHO, { n: 4 }, { delayMs: 60_000 });
      await enqueue(ctx, 'test-unregistered', { whatever: true });

      const report = await drainJobs(store, ctx, handlers);
      assert.deepEqual(seen.map((s) => s.n), [2, 3, 1]);
      assert.deepEqual(seen[0], { n: 2, kind: 'test-echo', actor: 'system', site: 'http://archive.test' });
      assert.deepEqual({ ran: report.ran, done: report.done, failed: report.failed }, { ran: 3, done: 3, failed: 0 });

      // Scheduled jobs wait for their time; kinds without a handler stay queued.
      assert.deepEqual(await countJobsByStatus(store.db), { queued: 2, running: 0, done: 3, failed: 0 });
      clock.set(at(START, 60_000));
      await drainJobs(store, ctx, handlers);
      assert.deepEqual(seen.map((s) => s.n), [2, 3, 1, 4]);
      const [unregistered] = await listRecentJobs(store.db, { kind: 'test-unregistered' });
      assert.equal(unregistered?.status, 'queued');
      assert.deepEqual(JSON.parse(unregistered!.payload), { whatever: true });

      const done = (await listRecentJobs(store.db, { status: 'done' }))[0]!;
      assert.equal(done.attempts, 1);
      assert.equal(done.finishedAt, at(START, 60_000));
      assert.equal(done.lockedBy, null);
    });

    it('runs jobs that handlers enqueue in the same drain', async () => {
      const seen: number[] = [];
      const handlers = new JobRegistry().register(ECHO, async (job, payload) => {
        seen.push(payload.n);
        if (payload.n < 3) await enqueue(job, ECHO, { n: payload.n + 1 });
      });
      await enqueue(ctx, ECHO, { n: 1 });
      await drainJobs(store, ctx, handlers);
      assert.deepEqual(seen, [1, 2, 3]);
    });

    it('enqueues inside a transaction, only if it commits', async () => {
      await assert.rejects(
        store.db.transaction().execute(async (trx) => {
          await enqueue({ db: trx, clock }, ECHO, { n: 1 });
          throw new Error('roll back');
        }),
        /roll back/,
      );
      await store.db.transaction().execute(async (trx) => {
        await enqueue({ db: trx, clock }, ECHO, { n: 2 });
      });
      const jobs = await listRecentJobs(store.db);
      assert.deepEqual(jobs.map((j) => JSON.parse(j.payload)), [{ n: 2 }]);
    });

    it('records progress while the job runs and its last value at the end', async () => {
      let seenWhileRunning: { progress: number; total: number | null } | undefined;
      const handlers = new JobRegistry().register(ECHO, async (job: JobContext) => {
        await job.progress(1, 10);
        const row = await findJob(job.db, job.job.id);
        seenWhileRunning = { progress: row!.progress, total: row!.total };
        // Too soon after the first write: kept in memory, saved when the job ends.
        for (let i = 2; i <= 10; i++) await job.progress(i, 10);
      });
      const { id } = await enqueue(ctx, ECHO, { n: 1 });
      await drainJobs(store, ctx, handlers);
      assert.deepEqual(seenWhileRunning, { progress: 1, total: 10 });
      const job = await findJob(store.db, id);
      assert.equal(job?.status, 'done');
      assert.deepEqual({ progress: job?.progress, total: job?.total }, { progress: 10, total: 10 });
    });

    it('retries a failing job with exponential backoff, then fails it with the last error', async () => {
      let calls = 0;
      const handlers = new JobRegistry().register(ECHO, async (job) => {
        calls++;
        throw new Error(`boom on attempt ${job.job.attempt}`);
      });
      const { id } = await enqueue(ctx, ECHO, { n: 1 }, { maxAttempts: 3 });

      let report = await drainJobs(store, ctx, handlers);
      assert.deepEqual({ ran: report.ran, retried: report.retried }, { ran: 1, retried: 1 });
      let job = (await findJob(store.db, id))!;
      assert.equal(job.status, 'queued');
      assert.equal(job.attempts, 1);
      assert.equal(job.runAt, at(START, 2_000));
      assert.match(job.lastError!, /boom on attempt 1/);
      assert.equal(job.lockedBy, null);

      // Not due yet: nothing runs.
      clock.set(at(START, 1_999));
      assert.equal((await drainJobs(store, ctx, handlers)).ran, 0);

      clock.set(at(START, 2_000));
      await drainJobs(store, ctx, handlers);
      job = (await findJob(store.db, id))!;
      assert.equal(job.attempts, 2);
      assert.equal(job.runAt, at(START, 2_000 + 4_000));

      clock.set(at(START, 6_000));
      report = await drainJobs(store, ctx, handlers);
      assert.deepEqual({ ran: report.ran, failed: report.failed }, { ran: 1, failed: 1 });
      job = (await findJob(store.db, id))!;
      assert.equal(job.status, 'failed');
      assert.equal(job.attempts, 3);
      assert.equal(job.finishedAt, at(START, 6_000));
      assert.match(job.lastError!, /boom on attempt 3/);
      assert.equal(calls, 3);

      // A failed job is never claimed again.
      assert.equal((await drainJobs(store, ctx, handlers, { until: new Date('2030-01-01') })).ran, 0);
    });

    it('drains retries at once with `until`, up to max attempts', async () => {
      const handlers = new JobRegistry().register(ECHO, async () => {
        throw new Error('always');
      });
      const { id } = await enqueue(ctx, ECHO, { n: 1 });
      const report = await drainJobs(store, ctx, handlers, { until: new Date('2030-01-01') });
      assert.deepEqual({ ran: report.ran, retried: report.retried, failed: report.failed }, { ran: 5, retried: 4, failed: 1 });
      assert.equal((await findJob(store.db, id))?.status, 'failed');
    });

    it('fails a job whose payload cannot be handled, keeping the error', async () => {
      const handlers = new JobRegistry().register(ECHO, async (_job, payload) => {
        if (typeof payload.n !== 'number') throw new TypeError('n must be a number');
      });
      const { id } = await enqueue(ctx, 'test-echo', { n: 'one' }, { maxAttempts: 1 });
      await drainJobs(store, ctx, handlers);
      const job = await findJob(store.db, id);
      assert.equal(job?.status, 'failed');
      assert.match(job!.lastError!, /TypeError: n must be a number/);
    });

    it('does not queue a unique job twice while one waits', async () => {
      const first = await enqueue(ctx, ECHO, { n: 1 }, { unique: 'work:7' });
      const again = await enqueue(ctx, ECHO, { n: 2 }, { unique: 'work:7' });
      const other = await enqueue(ctx, ECHO, { n: 3 }, { unique: 'work:8' });
      const otherKind = await enqueue(ctx, 'test-other', { n: 4 }, { unique: 'work:7' });
      assert.equal(first.enqueued, true);
      assert.deepEqual(again, { id: first.id, enqueued: false });
      assert.equal(other.enqueued, true);
      assert.equal(otherKind.enqueued, true);
      assert.equal((await listRecentJobs(store.db)).length, 3);

      // Many processes at once: still one queued job per key.
      const burst = await Promise.all(Array.from({ length: 10 }, (_, i) => enqueue(ctx, ECHO, { n: 10 + i }, { unique: 'work:9' })));
      assert.equal(burst.filter((r) => r.enqueued).length, 1);
      assert.equal(new Set(burst.map((r) => r.id)).size, 1);

      // Once the job runs, a change made meanwhile queues a new one.
      await claimNextJob(store.db, store.caps, { workerId: 'w', now: START, kinds: ['test-echo'] });
      const running = (await listRecentJobs(store.db, { status: 'running' }))[0]!;
      const next = await enqueue(ctx, ECHO, { n: 5 }, { unique: running.uniqueKey! });
      assert.equal(next.enqueued, true);
      assert.notEqual(next.id, running.id);
    });

    it('does not retry a unique job when a newer one with its key is queued', async () => {
      const handlers = new JobRegistry().register(ECHO, async (job, payload) => {
        if (payload.n === 1) {
          await enqueue(job, ECHO, { n: 2 }, { unique: 'k' });
          throw new Error('first run fails');
        }
      });
      const { id } = await enqueue(ctx, ECHO, { n: 1 }, { unique: 'k' });
      await drainJobs(store, ctx, handlers);
      const job = await findJob(store.db, id);
      assert.equal(job?.status, 'failed');
      assert.match(job!.lastError!, /first run fails[\s\S]*newer queued job/);
      assert.deepEqual(await countJobsByStatus(store.db), { queued: 0, running: 0, done: 1, failed: 1 });
    });

    it("requeues a crashed worker's jobs, and fails those on their last attempt", async () => {
      const a = await enqueue(ctx, ECHO, { n: 1 });
      const b = await enqueue(ctx, ECHO, { n: 2 }, { maxAttempts: 1 });
      const c = await enqueue(ctx, ECHO, { n: 3 });
      // A worker claims all three and dies; a third job's worker is alive and heartbeating.
      const early = at(START, -10 * 60_000);
      for (let i = 0; i < 2; i++) await claimNextJob(store.db, store.caps, { workerId: 'dead', now: early, dueBy: START, kinds: ['test-echo'] });
      await claimNextJob(store.db, store.caps, { workerId: 'alive', now: at(START, -60_000), dueBy: START, kinds: ['test-echo'] });

      const report = await requeueStaleJobs(store.db, at(START, -5 * 60_000), START);
      assert.deepEqual(report, { requeued: [a.id], failed: [b.id] });
      const requeued = (await findJob(store.db, a.id))!;
      assert.deepEqual([requeued.status, requeued.runAt, requeued.lockedBy], ['queued', START, null]);
      assert.match(requeued.lastError!, /worker dead stopped responding/);
      assert.equal((await findJob(store.db, b.id))?.status, 'failed');
      assert.equal((await findJob(store.db, c.id))?.status, 'running');

      // The dead worker, back to life, cannot finish a job that is no longer its own.
      assert.equal(await completeJob(store.db, a.id, 'dead', START), false);

      // A worker's periodic sweep does the same, and then runs the job.
      await store.db.updateTable('jobs').set({ heartbeat_at: early }).where('id', '=', c.id).execute();
      const ran: number[] = [];
      const worker = startWorker({
        store,
        context: ctx,
        handlers: new JobRegistry().register(ECHO, async (_job, payload) => void ran.push(payload.n)),
        pollMs: 10,
      });
      try {
        await waitFor(async () => (await countJobsByStatus(store.db)).done === 2, 'the requeued jobs to run');
      } finally {
        await worker.stop();
      }
      assert.deepEqual(ran.sort(), [1, 3]);
    });

    it("stops a handler whose job was requeued under it, and drops that run's result", async () => {
      let error: unknown;
      const handlers = new JobRegistry().register(ECHO, async (job) => {
        // Another worker's sweep decided this worker was dead and requeued the job.
        await job.db.updateTable('jobs').set({ status: 'queued', locked_by: null }).where('id', '=', job.job.id).execute();
        try {
          await job.progress(1, 2);
        } catch (err) {
          error = err;
          throw err;
        }
      });
      const { id } = await enqueue(ctx, ECHO, { n: 1 });
      const report = await drainJobs(store, ctx, handlers, { limit: 1 });
      assert.deepEqual({ ran: report.ran, done: report.done, retried: report.retried, failed: report.failed }, { ran: 1, done: 0, retried: 0, failed: 0 });
      assert.equal((error as Error)?.name, 'JobLostError');
      const job = await findJob(store.db, id);
      assert.deepEqual([job?.status, job?.progress, job?.lastError], ['queued', 0, null]);
    });

    it('stops gracefully: the running job finishes, nothing new is claimed', async () => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let started = false;
      const handlers = new JobRegistry().register(ECHO, async (job) => {
        started = true;
        await gate;
        await job.progress(1, 1);
      });
      const first = await enqueue(ctx, ECHO, { n: 1 });
      const worker = startWorker({ store, context: ctx, handlers, pollMs: 10 });
      await waitFor(() => started, 'the job to start');
      const second = await enqueue(ctx, ECHO, { n: 2 });

      let stopped = false;
      const stopping = worker.stop().then(() => (stopped = true));
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(stopped, false, 'stop() waits for the running job');
      release();
      await stopping;

      const job = (await findJob(store.db, first.id))!;
      assert.deepEqual([job.status, job.progress, job.total], ['done', 1, 1]);
      assert.equal((await findJob(store.db, second.id))?.status, 'queued');
      await worker.stop(); // twice is fine
    });

    it('keeps the built-in prune-jobs kind: deletes old finished jobs', async () => {
      const old = await enqueue(ctx, ECHO, { n: 1 });
      await drainJobs(store, ctx, new JobRegistry().register(ECHO, async () => {}));
      clock.set(at(START, 8 * 24 * 60 * 60_000));
      await enqueue(ctx, ECHO, { n: 2 });
      await enqueue(ctx, PRUNE_JOBS, {});
      await drainJobs(store, ctx, JOB_HANDLERS);
      assert.equal(await findJob(store.db, old.id), null);
      const left = await listRecentJobs(store.db);
      assert.deepEqual(left.map((j) => [j.kind, j.status]).sort(), [['prune-jobs', 'done'], ['test-echo', 'queued']]);
    });
  });
}
