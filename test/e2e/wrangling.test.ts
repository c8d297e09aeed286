// A tag wrangler in Chromium using only the keyboard once logged in: from the wrangling home to a
// fandom's queue, tick two characters and make them canonical, then open a tag's wrangling page
// and merge it into one of them by typing its name and pressing Enter. Every control acted on must
// show visible focus; the queue and the tag page are checked with axe. Screenshots go to
// test-artifacts/screenshots/.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserAvailability, checkAccessibility, formatViolations, launchBrowser, screenshot } from '../support/browser.ts';
import { runCli, startServer, type RunningServer } from '../support/cli.ts';

const availability = browserAvailability();
const PASSWORD = 'sorting the tide tables';
const FANDOM = 'Tidewater Chronicles (Original)';

interface Focused {
  tag: string;
  type: string;
  name: string;
  value: string;
  /** The accessible text: the label of a control, the text of a link or button. */
  text: string;
  focusVisible: boolean;
  outline: string;
}

/** What has focus, and whether it is visibly marked (WCAG 2.4.7). */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', type: '', name: '', value: '', text: '', focusVisible: false, outline: '' };
    const input = el as HTMLInputElement;
    const label = input.labels?.[0]?.textContent ?? '';
    const style = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      type: input.type ?? '',
      name: input.name ?? '',
      value: input.value ?? '',
      text: (label || el.textContent || '').replace(/\s+/g, ' ').trim(),
      focusVisible: el.matches(':focus-visible'),
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
    };
  });
}

/** Presses Tab until `wanted` matches the focused element; fails after `max` presses. */
async function tabTo(page: Page, what: string, wanted: (f: Focused) => boolean, max = 120): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (wanted(now)) {
      assert.ok(now.focusVisible, `${what}: focus is not :focus-visible`);
      assert.doesNotMatch(now.outline, /^none|\b0px$/, `${what}: no visible outline (${now.outline})`);
      return now;
    }
  }
  throw new Error(`Tab never reached ${what}`);
}

async function noSeriousViolations(page: Page): Promise<void> {
  const violations = await checkAccessibility(page);
  assert.equal(violations.length, 0, formatViolations(violations));
}

describe('[sqlite] wrangling tags with the keyboard', { skip: availability.ok ? false : availability.reason }, () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'owlery-e2e-wrangling-'));
    const story = path.join(dir, 'tidewatcher.txt');
    fs.writeFileSync(story, 'The tide tables were wrong again.\n\nInes counted the bells twice and wrote the new times on the slate by the harbour door.\n');
    const common = ['--fandom', FANDOM, '--rating', 'General Audiences', '--warning', 'No Archive Warnings Apply', '--data', dir];
    for (const [title, characters] of [
      ['The Tidewatcher', ['Ines Marlow', 'Corin Bell']],
      ['Bells at Low Water', ['Ines', 'Corin Bell']],
    ] as const) {
      const imported = await runCli(['import', story, '--title', title, ...characters.flatMap((c) => ['--character', c]), ...common]);
      assert.equal(imported.status, 0, imported.stderr);
    }
    // The fandom is canonical already, so it has a queue.
    const set = path.join(dir, 'set.json');
    fs.writeFileSync(set, JSON.stringify([{ name: FANDOM, type: 'fandom', canonical: true }]));
    const tags = await runCli(['tags', 'import', set, '--data', dir]);
    assert.equal(tags.status, 0, tags.stderr);
    const user = await runCli(['users', 'create', '--login', 'tidewrangler', '--email', 'tidewrangler@example.org', '--password-stdin', '--role', 'wrangler', '--data', dir], { input: `${PASSWORD}\n` });
    assert.equal(user.status, 0, user.stderr);

    server = await startServer(['--data', dir]);
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Login or email').fill('tidewrangler');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reaches the fandom’s queue, ticks two characters and makes them canonical', async () => {
    await page.goto(`${server.url}/tags/wrangle`);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Tag Wrangling');
    await screenshot(page, 'wrangling-home');
    await noSeriousViolations(page);
    await tabTo(page, 'the fandom queue link', (f) => f.tag === 'a' && f.text === FANDOM);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/tags\/wrangle\/Tidewater/);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), `Unwrangled Characters in ${FANDOM}`);
    await screenshot(page, 'wrangling-queue');
    await noSeriousViolations(page);

    for (const name of ['Corin Bell', 'Ines Marlow']) {
      await tabTo(page, `the checkbox for ${name}`, (f) => f.type === 'checkbox' && f.value === name);
      await page.keyboard.press('Space');
      assert.equal(await page.locator(`input[name="tags"][value="${name}"]`).isChecked(), true, `${name} ticked`);
    }
    const radio = await tabTo(page, 'the action radios', (f) => f.type === 'radio');
    assert.equal(radio.text, 'Make canonical');
    await page.keyboard.press('Space');
    assert.equal(await page.getByLabel('Make canonical').isChecked(), true);
    await tabTo(page, 'the submit button', (f) => f.tag === 'button' && f.text === 'Wrangle selected tags');
    await page.keyboard.press('Enter');
    await page.waitForURL(/done=mass/);
    assert.match(await page.locator('.notice').innerText(), /The selected tags were wrangled/);
    const left = await page.locator('input[name="tags"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    assert.deepEqual(left, ['Ines']);
  });

  it('opens a tag’s wrangling page and merges it by typing and pressing Enter', async () => {
    await tabTo(page, 'the wrangle link for Ines', (f) => f.tag === 'a' && f.text === 'Wrangle Ines');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/tags\/Ines\/wrangle$/);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Ines');
    await screenshot(page, 'wrangling-tag');
    await noSeriousViolations(page);

    await tabTo(page, 'the "Synonym of" field', (f) => f.tag === 'input' && f.name === 'into');
    await page.keyboard.type('Ines Marlow');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/tags\/Ines\/wrangle\?done=merged/);
    assert.match(await page.locator('.notice').innerText(), /now a synonym of its canonical tag\. 1 work refiltered\./);
    assert.match(await page.locator('.wrangle-status').innerText(), /Synonym of:\s*Ines Marlow/);
    await screenshot(page, 'wrangling-tag-merged');
    await noSeriousViolations(page);
  });

  it('shows a refused merge accessibly, with the message tied to its field', async () => {
    await page.goto(`${server.url}/tags/Corin%20Bell/wrangle`);
    await tabTo(page, 'the "Synonym of" field', (f) => f.tag === 'input' && f.name === 'into');
    await page.keyboard.type('Nobody By That Name');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.error-summary');
    assert.match(await page.locator('.error-summary').innerText(), /There is no canonical tag "Nobody By That Name"/);
    assert.equal(await page.getByLabel('Synonym of').getAttribute('aria-invalid'), 'true');
    await screenshot(page, 'wrangling-tag-error');
    await noSeriousViolations(page);
  });
});
