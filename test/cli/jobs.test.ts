// `owlery jobs list|run|enqueue` and `owlery worker` through the real binary, on both databases.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { DIALECTS, createTestStore, skipUnless, type TestStore } from '../support/stores.ts';
import { BIN, runCli, startServer } from '../support/cli.ts';
import { enqueue } from '../../src/jobs/queue.ts';
import { PRUNE_JOBS } from '../../src/jobs/kinds.ts';
import { findJob, listRecentJobs } from '../../src/db/repos/jobs.repo.ts';

for (const dialect of DIALECTS) {
  describe(`[${dialect}] owlery jobs and owlery worker`, { skip: await skipUnless(dialect) }, () => {
    let store: TestStore;
    before(async () => {
      store = await createTestStore(dialect);
    });
    after(async () => {
      await store?.destroy();
    });

    it('lists jobs as a table and drains the queue with `jobs run`', async () => {
      const queued = await runCli(['jobs', 'enqueue', 'prune-jobs', '{"keepDays":3}', ...store.flags]);
      assert.equal(queued.status, 0, queued.stderr);
      const id = Number(/Queued job (\d+) \(prune-jobs\)/.exec(queued.stdout)?.[1]);
      assert.ok(id > 0, queued.stdout);
      await enqueue(store.db, 'test-no-handler', { a: 1 });

      let list = await runCli(['jobs', 'list', ...store.flags]);
      assert.equal(list.status, 0, list.stderr);
      const lines = list.stdout.trim().split('\n');
      assert.equal(lines[0], 'queued 2, running 0, done 0, failed 0');
      assert.match(lines[1]!, /^ID\s+KIND\s+STATUS\s+PROGRESS\s+ATTEMPTS\s+RUN AT\s+UPDATED\s+LAST ERROR$/);
      assert.match(list.stdout, new RegExp(`^${id}\\s+prune-jobs\\s+queued\\s+-\\s+0/5\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d`, 'm'));
      assert.match(list.stdout, /test-no-handler\s+queued/);

      const run = await runCli(['jobs', 'run', ...store.flags]);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, new RegExp(`job ${id} \\(prune-jobs\\) started, attempt 1 of 5`));
      assert.match(run.stdout, new RegExp(`job ${id} \\(prune-jobs\\) done in`));
      assert.match(run.stdout, /Ran 1 job: 1 done, 0 to retry, 0 failed\./);
      assert.equal((await findJob(store.db, id))?.status, 'done');

      list = await runCli(['jobs', 'list', '--status', 'done', ...store.flags]);
      assert.match(list.stdout, new RegExp(`^${id}\\s+prune-jobs\\s+done\\s+-\\s+1/5`, 'm'));
      assert.doesNotMatch(list.stdout, /test-no-handler/);
    });

    it('reports a failing job and exits non-zero', async () => {
      const { id } = await enqueue(store.db, PRUNE_JOBS, { keepDays: -1 });
      const run = await runCli(['jobs', 'run', ...store.flags]);
      assert.equal(run.status, 1);
      assert.match(run.stderr, new RegExp(`job ${id} \\(prune-jobs\\) failed on attempt 1 of 5, retrying at .*keepDays must be a number`));
      assert.match(run.stdout, /Ran 1 job: 0 done, 1 to retry, 0 failed\./);
      const list = await runCli(['jobs', 'list', '--status', 'queued', ...store.flags]);
      assert.match(list.stdout, new RegExp(`^${id}\\s+prune-jobs\\s+queued\\s+-\\s+1/5\\s.*TypeError: keepDays must be a number`, 'm'));
    });

    it('refuses unknown kinds, bad payloads and bad flags', async () => {
      const unknown = await runCli(['jobs', 'enqueue', 'no-such-kind', ...store.flags]);
      assert.equal(unknown.status, 2);
      assert.match(unknown.stderr, /Unknown job kind "no-such-kind"; known kinds: [a-z, -]*\bprune-jobs\b[a-z, -]*\brecompute-filters\b/);
      const badJson = await runCli(['jobs', 'enqueue', 'prune-jobs', '{nope', ...store.flags]);
      assert.equal(badJson.status, 2);
      assert.match(badJson.stderr, /not valid JSON/);
      const badStatus = await runCli(['jobs', 'list', '--status', 'lost', ...store.flags]);
      assert.equal(badStatus.status, 2);
      assert.match(badStatus.stderr, /--status must be one of queued, running, done, failed/);
      const noSub = await runCli(['jobs', ...store.flags]);
      assert.equal(noSub.status, 2);
    });

    it('`owlery worker` runs jobs until SIGTERM, then stops cleanly', async () => {
      await store.db.deleteFrom('jobs').execute();
      const child = spawn(process.execPath, [BIN, 'worker', ...store.flags], {
        env: { ...process.env, OWLERY_DATA: '', OWLERY_DATABASE_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      const waitFor = async (pattern: RegExp) => {
        const deadline = Date.now() + 30_000;
        while (!pattern.test(output)) {
          if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no ${pattern} in:\n${output}`);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      };
      try {
        await waitFor(/Owlery worker \S+ running .*prune-jobs.* from /);
        const { id } = await enqueue(store.db, PRUNE_JOBS, {});
        await waitFor(new RegExp(`job ${id} \\(prune-jobs\\) done in`));
        assert.equal((await listRecentJobs(store.db))[0]?.status, 'done');
      } finally {
        child.kill('SIGTERM');
      }
      assert.equal(await exited, 0, output);
      assert.match(output, /SIGTERM: stopping once the running jobs finish/);
      assert.match(output, /Owlery worker stopped\./);
    });
  });
}

describe('[sqlite] owlery serve and its in-process worker', () => {
  let store: TestStore;
  before(async () => {
    store = await createTestStore('sqlite');
  });
  after(async () => {
    await store?.destroy();
  });

  const jobStatusAfterServing = async (extra: string[]) => {
    await store.db.deleteFrom('jobs').execute();
    const { id } = await enqueue(store.db, PRUNE_JOBS, {});
    const server = await startServer([...store.flags, ...extra]);
    try {
      const deadline = Date.now() + 3_000;
      while (Date.now() < deadline && (await findJob(store.db, id))?.status !== 'done') await new Promise((resolve) => setTimeout(resolve, 50));
      return (await findJob(store.db, id))?.status;
    } finally {
      await server.stop();
    }
  };

  it('runs queued jobs while serving', async () => {
    assert.equal(await jobStatusAfterServing([]), 'done');
  });

  it('leaves them to `owlery worker` with --no-worker', async () => {
    assert.equal(await jobStatusAfterServing(['--no-worker']), 'queued');
  });
});
