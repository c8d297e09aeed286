// A whole archive for the browser tests in test/e2e/: a temporary data directory (with the demo
// works unless told otherwise), the real `owlery serve` on it, and Chromium with one page open —
// optionally logged in. close() stops and removes everything, and is safe after a failed start.
//
//   let archive: E2eArchive;
//   before(async () => {
//     archive = await startArchive({
//       prefix: 'owlery-e2e-posting-',
//       prepare: (dir) => createUser(dir, { login: 'lampwriter', password: PASSWORD }),
//       logIn: { login: 'lampwriter', password: PASSWORD },
//     });
//   });
//   after(() => archive?.close());
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { runCli, startServer, type CliResult, type RunningServer } from './cli.ts';

export interface ArchiveOptions {
  /** Prefix of the temporary data directory's name (default "owlery-e2e-"). */
  prefix?: string;
  /** Seed the demo works with `owlery demo` first (default true). */
  demo?: boolean;
  /** Runs after the demo and before the server starts: import works, create users… */
  prepare?: (dir: string) => Promise<void>;
  /** Variables to set in the server's environment, on top of this process's (e.g. PATH). */
  serverEnv?: NodeJS.ProcessEnv;
  /** Options of the page's browser context; the viewport is 1280×900 unless given. */
  context?: BrowserContextOptions;
  /** Log the page in as this user (made in `prepare`) before the tests start. */
  logIn?: { login: string; password: string };
}

export interface E2eArchive {
  dir: string;
  server: RunningServer;
  browser: Browser;
  page: Page;
  /** The server's address for a path: url('/works/1'). */
  url(pathname: string): string;
  close(): Promise<void>;
}

/** Runs the CLI and fails, with its error output, unless it exits 0. */
export async function cli(args: string[], options: { input?: string } = {}): Promise<CliResult> {
  const result = await runCli(args, options);
  assert.equal(result.status, 0, `owlery ${args.join(' ')} failed:\n${result.stderr}`);
  return result;
}

/** `owlery users create` in the archive at dir; the email is LOGIN@example.org unless given. */
export async function createUser(dir: string, user: { login: string; password: string; email?: string; role?: string }): Promise<void> {
  const args = ['users', 'create', '--login', user.login, '--email', user.email ?? `${user.login}@example.org`, '--password-stdin'];
  if (user.role) args.push('--role', user.role);
  await cli([...args, '--data', dir], { input: `${user.password}\n` });
}

/** Logs the page in through the log-in form and waits to be sent on. */
export async function logIn(page: Page, baseUrl: string, login: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Login or email').fill(login);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * startServer() hands the server this process's environment, read when it spawns (synchronously,
 * before it returns); the variables are set only for that moment.
 */
function startServerWith(args: string[], env: NodeJS.ProcessEnv | undefined): Promise<RunningServer> {
  if (!env) return startServer(args);
  const saved = new Map(Object.keys(env).map((key) => [key, process.env[key]]));
  try {
    Object.assign(process.env, env);
    return startServer(args);
  } finally {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

export async function startArchive(options: ArchiveOptions = {}): Promise<E2eArchive> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), options.prefix ?? 'owlery-e2e-'));
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (options.demo ?? true) await cli(['demo', '--data', dir]);
    await options.prepare?.(dir);
    server = await startServerWith(['--data', dir], options.serverEnv);
    browser = await launchBrowser();
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options.context })).newPage();
    const base = server.url;
    if (options.logIn) await logIn(page, base, options.logIn.login, options.logIn.password);
    return { dir, server, browser, page, url: (pathname) => `${base}${pathname}`, close };
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
}

/** Runs `fn` on a page in a new browser context (no cookies: a guest until it logs in). */
export async function inContext<T>(browser: Browser, options: BrowserContextOptions, fn: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  try {
    return await fn(await context.newPage());
  } finally {
    await context.close();
  }
}
