// `owlery jobs list|run|enqueue` and `owlery worker`: look at the job queue, drain it once, add a
// job by hand, or run jobs in the foreground as a separate process.
import { configFrom, parse, UsageError } from './args.ts';
import { withStore, systemContext } from './store.ts';
import { openStore } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { countJobsByStatus, listRecentJobs, JOB_STATUSES, type JobRecord, type JobStatus } from '../db/repos/jobs.repo.ts';
import { JOB_HANDLERS } from '../jobs/handlers.ts';
import { enqueue } from '../jobs/queue.ts';
import { drainJobs, maintainQueue, startWorker, type WorkerLogger } from '../jobs/worker.ts';

export const JOBS_HELP = `owlery jobs list [--status queued|running|done|failed] [--limit 50]
owlery jobs run [--limit N]
owlery jobs enqueue KIND [PAYLOAD_JSON] [--unique KEY] [--priority N]
  list: recent background jobs with status and progress, newest first.
  run: runs the due queued jobs once, then exits (non-zero when a job failed).
  enqueue: queues a job by hand; KIND is one of ${JOB_HANDLERS.kinds.join(', ')}.`;

export const WORKER_HELP = `owlery worker [--concurrency 1] [--data DIR | --database-url URL]
  Runs background jobs in the foreground until SIGINT/SIGTERM, printing a line per job. On a
  signal it finishes the running jobs, then exits. \`owlery serve\` runs jobs itself unless given
  --no-worker or OWLERY_WORKER=off; run this beside such web processes.`;

const time = (iso: string | null) => (iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, '') : '-');

/** Human lines on the terminal: info on stdout, problems on stderr. */
export function consoleLogger(): WorkerLogger {
  const stamp = () => time(new Date().toISOString());
  return {
    info: (_fields, message) => console.log(`[${stamp()}] ${message}`),
    warn: (_fields, message) => console.error(`[${stamp()}] ${message}`),
    error: (_fields, message) => console.error(`[${stamp()}] ${message}`),
  };
}

function progressText(job: JobRecord): string {
  if (job.total === null) return '-';
  const percent = job.total === 0 ? 100 : Math.floor((job.progress / job.total) * 100);
  return `${job.progress}/${job.total} ${percent}%`;
}

function errorText(job: JobRecord): string {
  const line = job.lastError?.split('\n')[0] ?? '';
  return line.length > 70 ? `${line.slice(0, 69)}…` : line;
}

/** Left-aligned columns separated by two spaces; the last column is not padded. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

function positiveInt(raw: string | undefined, flag: string, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new UsageError(`${flag} must be a whole number ≥ 1.`);
  return Number(raw);
}

export async function jobsCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h') return (console.log(JOBS_HELP), 0);
  if (sub === 'list') return jobsList(rest);
  if (sub === 'run') return jobsRun(rest);
  if (sub === 'enqueue') return jobsEnqueue(rest);
  throw new UsageError(`Unknown jobs subcommand ${sub ?? '(none)'}.\n${JOBS_HELP}`);
}

async function jobsList(argv: string[]): Promise<number> {
  const { values } = parse(argv, { status: { type: 'string' }, limit: { type: 'string' } });
  if (values.help) return (console.log(JOBS_HELP), 0);
  if (values.status !== undefined && !(JOB_STATUSES as readonly string[]).includes(values.status)) {
    throw new UsageError(`--status must be one of ${JOB_STATUSES.join(', ')}.`);
  }
  const limit = positiveInt(values.limit, '--limit', 50);
  const { jobs, counts } = await withStore(configFrom(values), async (store) => ({
    jobs: await listRecentJobs(store.db, { limit, ...(values.status ? { status: values.status as JobStatus } : {}) }),
    counts: await countJobsByStatus(store.db),
  }));
  console.log(JOB_STATUSES.map((s) => `${s} ${counts[s]}`).join(', '));
  if (jobs.length === 0) {
    console.log('No jobs.');
    return 0;
  }
  console.log(
    formatTable(
      ['ID', 'KIND', 'STATUS', 'PROGRESS', 'ATTEMPTS', 'RUN AT', 'UPDATED', 'LAST ERROR'],
      jobs.map((j) => [String(j.id), j.kind, j.status, progressText(j), `${j.attempts}/${j.maxAttempts}`, time(j.runAt), time(j.updatedAt), errorText(j)]),
    ),
  );
  return 0;
}

async function jobsRun(argv: string[]): Promise<number> {
  const { values } = parse(argv, { limit: { type: 'string' } });
  if (values.help) return (console.log(JOBS_HELP), 0);
  const limit = positiveInt(values.limit, '--limit', Number.MAX_SAFE_INTEGER);
  const logger = consoleLogger();
  const report = await withStore(configFrom(values), async (store, ctx) => {
    // Without a running worker nothing else would requeue the jobs of a crashed one.
    await maintainQueue(store, ctx.clock.now(), { logger });
    return drainJobs(store, ctx, JOB_HANDLERS, { limit, logger });
  });
  console.log(`Ran ${report.ran} job${report.ran === 1 ? '' : 's'}: ${report.done} done, ${report.retried} to retry, ${report.failed} failed.`);
  return report.retried + report.failed > 0 ? 1 : 0;
}

async function jobsEnqueue(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { unique: { type: 'string' }, priority: { type: 'string' } }, true);
  if (values.help) return (console.log(JOBS_HELP), 0);
  const [kind, json, ...extra] = positionals;
  if (!kind || extra.length > 0) throw new UsageError('Give a job kind and, optionally, its payload as one JSON argument.');
  if (!JOB_HANDLERS.has(kind)) throw new UsageError(`Unknown job kind "${kind}"; known kinds: ${JOB_HANDLERS.kinds.join(', ')}.`);
  let payload: unknown = {};
  if (json !== undefined) {
    try {
      payload = JSON.parse(json);
    } catch {
      throw new UsageError('The payload is not valid JSON.');
    }
  }
  if (values.priority !== undefined && !/^-?\d+$/.test(values.priority)) throw new UsageError('--priority must be a whole number.');
  const result = await withStore(configFrom(values), (_store, ctx) =>
    enqueue(ctx, kind, payload, { ...(values.unique ? { unique: values.unique } : {}), ...(values.priority ? { priority: Number(values.priority) } : {}) }),
  );
  console.log(result.enqueued ? `Queued job ${result.id} (${kind}).` : `Job ${result.id} (${kind}) with that key is already queued.`);
  return 0;
}

export async function workerCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { concurrency: { type: 'string' } });
  if (values.help) return (console.log(WORKER_HELP), 0);
  const concurrency = positiveInt(values.concurrency, '--concurrency', 1);
  const config = configFrom(values);
  const store = openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, poolSize: concurrency + 2 });
  try {
    await migrateToLatest(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  const worker = startWorker({ store, context: systemContext(store, config), handlers: JOB_HANDLERS, concurrency, logger: consoleLogger() });
  console.log(`Owlery worker ${worker.id} running ${JOB_HANDLERS.kinds.join(', ')} from ${store.describe} (concurrency ${concurrency})`);

  const signal = await new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  console.log(`${signal}: stopping once the running jobs finish (send it again to quit at once; their jobs are then requeued later).`);
  const force = () => process.exit(130);
  process.once('SIGINT', force);
  process.once('SIGTERM', force);
  await worker.stop();
  await store.close();
  console.log('Owlery worker stopped.');
  return 0;
}
