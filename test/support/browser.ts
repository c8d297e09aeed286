// Helpers for the browser tests in test/e2e/: playwright-core driving Debian's Chromium (never a
// browser Playwright downloads itself — this machine cannot fetch one), screenshots kept as CI
// artifacts, and axe-core accessibility checks.
//
//   const browser = browserAvailability();
//   describe('reading a work', { skip: browser.ok ? false : browser.reason }, () => {
//     it('has no serious accessibility problems', () =>
//       withPage(async (page) => {
//         await page.goto(url);
//         await screenshot(page, 'work-page');
//         const violations = await checkAccessibility(page);
//         assert.equal(violations.length, 0, formatViolations(violations));
//       }));
//   });
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Result as AxeResult } from 'axe-core';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { testEnvironment } from '../../src/config.ts';

// As the machine's own check runs it: without the background-networking flags Chromium keeps
// dialling Google's hosts, which this machine's closed network refuses. `--no-sandbox` because
// tests run as root. playwright-core adds its own automation flags and, for launch(), a fresh
// `--user-data-dir` under os.tmpdir() (playwright_chromiumdev_profile-*) that it deletes on close.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type BrowserAvailability = { ok: true } | { ok: false; reason: string };

/**
 * Whether browser tests can run. When Chromium is missing and the environment requires it (CI, or
 * OWLERY_TEST_REQUIRE_BROWSER=1) this throws, so a missing install fails loudly instead of skipping.
 */
export function browserAvailability(): BrowserAvailability {
  const env = testEnvironment();
  try {
    fs.accessSync(env.chromiumPath, fs.constants.X_OK);
    return { ok: true };
  } catch {
    const reason =
      `Chromium not found at ${env.chromiumPath} — browser tests skipped ` +
      '(install it with `apt-get install chromium`, or point OWLERY_CHROMIUM at a Chromium binary)';
    if (env.requireBrowser) throw new Error(reason.replace('browser tests skipped', 'browser tests are required here'));
    console.log(reason);
    return { ok: false, reason };
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: testEnvironment().chromiumPath,
    args: CHROMIUM_ARGS,
    headless: true,
    timeout: 30_000,
  });
}

/** Runs fn with a fresh browser and always closes it, whether fn returns or throws. */
export async function withBrowser<T>(fn: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await launchBrowser();
  try {
    return await fn(browser);
  } finally {
    await browser.close().catch(() => {});
  }
}

export interface PageOptions {
  /** Save a screenshot under this name when fn throws (default: none). */
  screenshotOnFailure?: string;
  context?: BrowserContextOptions;
}

/** Runs fn with a page in a new browser context of a fresh browser; everything is closed after. */
export async function withPage<T>(fn: (page: Page) => Promise<T>, options: PageOptions = {}): Promise<T> {
  return withBrowser(async (browser) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options.context });
    const page = await context.newPage();
    try {
      return await fn(page);
    } catch (error) {
      if (options.screenshotOnFailure) {
        const file = await screenshot(page, `${options.screenshotOnFailure}-failure`).catch(() => null);
        if (file) console.log(`Screenshot of the failing page: ${file}`);
      }
      throw error;
    } finally {
      await context.close().catch(() => {});
    }
  });
}

/** Saves a full-page PNG as ARTIFACTS/screenshots/NAME.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'screenshot';
  const dir = path.join(testEnvironment().artifactsDir, 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${safe}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

const require = createRequire(import.meta.url);
let axeSource: string | null = null;

function loadAxe(): string {
  axeSource ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

// WCAG 2.x A and AA rules, the level public sites are held to.
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

export type Violation = Pick<AxeResult, 'id' | 'impact' | 'help' | 'helpUrl' | 'description'> & {
  nodes: Array<{ target: string[]; html: string; failureSummary: string }>;
};

/**
 * Runs axe-core on the page and returns the violations of impact serious or critical.
 * Injects axe with a script tag; if the page's Content-Security-Policy blocks inline scripts
 * (Owlery's does), evaluates it through the DevTools protocol instead, which CSP does not govern.
 */
export async function checkAccessibility(page: Page): Promise<Violation[]> {
  const hasAxe = () => page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!(await hasAxe())) {
    await page.addScriptTag({ content: loadAxe() }).catch(() => {});
    if (!(await hasAxe())) await page.evaluate(loadAxe());
  }
  const violations = await page.evaluate(async (tags) => {
    type AxeRun = (context: unknown, options: unknown) => Promise<{ violations: AxeResult[] }>;
    const axe = (globalThis as unknown as { axe: { run: AxeRun } }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    // Only plain data crosses back from the page.
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      description: v.description,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String), html: n.html, failureSummary: n.failureSummary ?? '' })),
    }));
  }, AXE_TAGS);
  return violations.filter((v) => v.impact != null && BLOCKING_IMPACTS.has(v.impact));
}

/** A readable report of violations, for assertion messages. */
export function formatViolations(violations: Violation[]): string {
  if (violations.length === 0) return 'No serious or critical accessibility violations.';
  const parts = [`${violations.length} serious/critical accessibility violation(s):`];
  for (const v of violations) {
    parts.push(`\n[${v.impact}] ${v.id}: ${v.help}\n  ${v.helpUrl}`);
    for (const node of v.nodes.slice(0, 5)) {
      parts.push(`  • ${node.target.join(' ')}\n    ${node.html.slice(0, 200)}`);
      for (const line of node.failureSummary.split('\n').filter(Boolean)) parts.push(`      ${line.trim()}`);
    }
    if (v.nodes.length > 5) parts.push(`  … and ${v.nodes.length - 5} more element(s)`);
  }
  return parts.join('\n');
}

/** Fails with the violations listed when axe finds any on the page. */
export async function assertAccessible(page: Page, where: string): Promise<void> {
  const violations = await checkAccessibility(page);
  if (violations.length > 0) throw new Error(`${where}: ${formatViolations(violations)}`);
}
