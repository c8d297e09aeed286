// The test runner behind `npm test` (after typecheck and lint): finds the test files, says whether
// the PostgreSQL suites will run, and hands everything to ONE `node --test` process so Node's own
// summary (which CI reads) covers the whole suite.
//
//   node scripts/run-tests.ts [--no-e2e | --only-e2e] [--files FILE…] [--test-name-pattern=…]
//
// --files replaces discovery with the given files (for debugging); other `--test-*` options pass
// straight through to node.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { testEnvironment } from '../src/config.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const PATTERNS = ['src/**/*.test.ts', 'test/**/*.test.ts'];
const E2E_DIR = 'test/e2e/';
// Two cores on the CI machine: two test files at a time keeps both busy without starving the
// browser tests or the databases.
const CONCURRENCY = 2;
const TEST_TIMEOUT_MS = 120_000;
const PG_PROBE_TIMEOUT_MS = 10_000;

interface Options {
  e2e: 'include' | 'exclude' | 'only';
  files: string[] | null;
  passThrough: string[];
}

function usage(message: string): never {
  console.error(`run-tests: ${message}`);
  console.error('usage: node scripts/run-tests.ts [--no-e2e | --only-e2e] [--files FILE…] [--test-*=…]');
  process.exit(2);
}

function parseArgs(argv: string[]): Options {
  const options: Options = { e2e: 'include', files: null, passThrough: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--no-e2e') options.e2e = options.e2e === 'only' ? usage('--no-e2e and --only-e2e exclude each other') : 'exclude';
    else if (arg === '--only-e2e') options.e2e = options.e2e === 'exclude' ? usage('--no-e2e and --only-e2e exclude each other') : 'only';
    else if (arg === '--files') {
      options.files = [];
      while (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) options.files.push(argv[++i]!);
      if (options.files.length === 0) usage('--files needs at least one file');
    } else if (arg.startsWith('--test-')) options.passThrough.push(arg);
    else usage(`unknown argument ${arg}`);
  }
  return options;
}

function discover(e2e: Options['e2e']): string[] {
  const files = fs
    .globSync(PATTERNS, { cwd: ROOT, exclude: (name) => name === 'node_modules' })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => !f.includes('/node_modules/'));
  const unique = [...new Set(files)].sort();
  if (e2e === 'exclude') return unique.filter((f) => !f.startsWith(E2E_DIR));
  if (e2e === 'only') return unique.filter((f) => f.startsWith(E2E_DIR));
  return unique;
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/** Connects once with a short timeout; returns null when reachable, else why not. */
async function probePostgres(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PG_PROBE_TIMEOUT_MS });
  client.on('error', () => {}); // a dropped connection after the probe must not crash the runner
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    const err = error as Error & { code?: string };
    if (err.code === '3D000') {
      const { hostname, port, username, pathname } = new URL(url);
      const user = username ? ` -U ${decodeURIComponent(username)}` : '';
      return `${err.message} (create it: createdb -h ${hostname} -p ${port || 5432}${user} ${decodeURIComponent(pathname.slice(1))})`;
    }
    return err.message || err.code || String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const env = testEnvironment();
  const files = options.files ?? discover(options.e2e);
  if (files.length === 0) {
    console.log(`No test files found (${options.e2e === 'only' ? 'e2e only' : PATTERNS.join(', ')}); nothing to run.`);
    return 0;
  }

  const where = redact(env.postgresUrl);
  const problem = await probePostgres(env.postgresUrl);
  if (problem === null) {
    console.log(`PostgreSQL reachable at ${where} — PostgreSQL suites will run.`);
  } else if (env.requirePostgres) {
    console.error(`PostgreSQL not reachable at ${where}: ${problem}`);
    console.error('PostgreSQL is required here (OWLERY_TEST_REQUIRE_PG=1 or CI=true); refusing to skip its suites.');
    return 1;
  } else {
    console.log(
      `PostgreSQL not reachable at ${where} (${problem}) — PostgreSQL suites will be skipped ` +
        '(set OWLERY_TEST_REQUIRE_PG=1 to fail instead)',
    );
  }
  // Written, not read: the child inherits process.env, and config.ts reads it there.
  process.env.OWLERY_TEST_PG_AVAILABLE = problem === null ? '1' : '0';

  const args = [
    '--test',
    `--test-concurrency=${CONCURRENCY}`,
    `--test-timeout=${TEST_TIMEOUT_MS}`,
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=./test/support/dialect-reporter.ts',
    '--test-reporter-destination=stdout',
    ...options.passThrough,
    ...files,
  ];
  const e2eCount = files.filter((f) => f.startsWith(E2E_DIR)).length;
  console.log(`Running ${files.length} test file(s)${e2eCount ? `, ${e2eCount} of them browser tests` : ''}: node ${args.slice(0, -files.length).join(' ')} …`);

  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  return new Promise((resolve) => {
    child.on('error', (error) => {
      console.error(`run-tests: could not start ${process.execPath}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      if (signal) console.error(`run-tests: node --test ended by ${signal}`);
      resolve(code ?? 1);
    });
  });
}

process.exitCode = await main();
