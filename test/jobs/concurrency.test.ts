// Two worker processes on one database (two separate stores: on PostgreSQL two pools, on SQLite
// two connections to the same file) never run the same job twice.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { DIALECTS, createTestStore, skipUnless, type TestStore } from '../support/stores.ts';
import { contextFor, fixedClock } from '../support/factories.ts';
import { openPostgres, openSqlite, type Store } from '../../src/db/connect.ts';
import { claimNextJob, countJobsByStatus } from '../../src/db/repos/jobs.repo.ts';
import { enqueue } from '../../src/jobs/queue.ts';
import { JobRegistry, jobKind } from '../../src/jobs/registry.ts';
import { startWorker } from '../../src/jobs/worker.ts';

const WORK = jobKind<{ n: number }>('test-work');
const JOBS = 50;

function openSecond(store: TestStore): Store {
  const [flag, value] = store.flags as [string, string];
  return flag === '--database-url' ? openPostgres(value, 4) : openSqlite(path.join(value, 'owlery.sqlite'));
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

for (const dialect of DIALECTS) {
  describe(`[${dialect}] two workers on one queue`, { skip: await skipUnless(dialect) }, () => {
    let store: TestStore;
    let second: Store;
    before(async () => {
      store = await createTestStore(dialect);
      second = openSecond(store);
    });
    after(async () => {
      await second?.close();
      await store?.destroy();
    });

    it('claims each job once under concurrent claims', async () => {
      const ctx = contextFor(store, undefined, fixedClock());
      await store.db.deleteFrom('jobs').execute();
      for (let n = 0; n < JOBS; n++) await enqueue(ctx, WORK, { n });
      const now = ctx.clock.now().toISOString();
      const claimed: number[] = [];
      const claimLoop = async (s: Store, workerId: string) => {
        for (;;) {
          const job = await claimNextJob(s.db, s.caps, { workerId, now, kinds: ['test-work'] });
          if (!job) return;
          claimed.push(job.id);
        }
      };
      await Promise.all([0, 1, 2, 3].flatMap((i) => [claimLoop(store, `a${i}`), claimLoop(second, `b${i}`)]));
      assert.equal(claimed.length, JOBS);
      assert.equal(new Set(claimed).size, JOBS);
    });

    it('runs each of 50 jobs exactly once with two workers in parallel', async () => {
      await store.db.deleteFrom('jobs').execute();
      const clock = fixedClock();
      const ctx = contextFor(store, undefined, clock);
      const ids: number[] = [];
      for (let n = 0; n < JOBS; n++) ids.push((await enqueue(ctx, WORK, { n })).id);

      const runs = new Map<number, string[]>();
      const registryFor = (name: string) =>
        new JobRegistry().register(WORK, async (job) => {
          runs.set(job.job.id, [...(runs.get(job.job.id) ?? []), name]);
          // Let the other worker's claims interleave with this one's.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 4));
        });
      const workers = [
        startWorker({ store, context: ctx, handlers: registryFor('a'), pollMs: 5, concurrency: 2 }),
        startWorker({ store: second, context: contextFor(second, undefined, clock), handlers: registryFor('b'), pollMs: 5, concurrency: 2 }),
      ];
      try {
        await waitFor(async () => (await countJobsByStatus(store.db)).done === JOBS, 'all jobs to finish');
      } finally {
        await Promise.all(workers.map((w) => w.stop()));
      }
      assert.deepEqual([...runs.keys()].sort((x, y) => x - y), ids);
      const twice = [...runs].filter(([, by]) => by.length !== 1);
      assert.deepEqual(twice, [], 'no job ran more than once');
      assert.deepEqual(await countJobsByStatus(store.db), { queued: 0, running: 0, done: JOBS, failed: 0 });
    });
  });
}
