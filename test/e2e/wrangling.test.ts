// A tag wrangler in Chromium using only the keyboard once logged in: from the wrangling home to a
// fandom's queue, tick two characters and make them canonical, then open a tag's wrangling page
// and merge it into one of them by typing its name and pressing Enter. Every control acted on must
// show visible focus; the queue and the tag page are checked with axe. Screenshots go to
// test-artifacts/screenshots/.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { browserAvailability, checkAccessibility, formatViolations, screenshot } from '../support/browser.ts';
import type { RunningServer } from '../support/cli.ts';
import { cli, createUser, startArchive, type E2eArchive } from '../support/e2e-archive.ts';

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
  let archive: E2eArchive;
  let server: RunningServer;
  let page: Page;

  /** Two works on one fandom's characters, the fandom already canonical, and a wrangler. */
  async function prepare(dir: string): Promise<void> {
    const story = path.join(dir, 'tidewatcher.txt');
    fs.writeFileSync(story, 'The tide tables were wrong again.\n\nInes counted the bells twice and wrote the new times on the slate by the harbour door.\n');
    const common = ['--fandom', FANDOM, '--rating', 'General Audiences', '--warning', 'No Archive Warnings Apply', '--data', dir];
    for (const [title, characters] of [
      ['The Tidewatcher', ['Ines Marlow', 'Corin Bell']],
      ['Bells at Low Water', ['Ines', 'Corin Bell']],
    ] as const) {
      await cli(['import', story, '--title', title, ...characters.flatMap((c) => ['--character', c]), ...common]);
    }
    // The fandom is canonical already, so it has a queue.
    const set = path.join(dir, 'set.json');
    fs.writeFileSync(set, JSON.stringify([{ name: FANDOM, type: 'fandom', canonical: true }]));
    await cli(['tags', 'import', set, '--data', dir]);
    await createUser(dir, { login: 'tidewrangler', password: PASSWORD, role: 'wrangler' });
  }

  before(async () => {
    archive = await startArchive({ prefix: 'owlery-e2e-wrangling-', demo: false, prepare, logIn: { login: 'tidewrangler', password: PASSWORD } });
    ({ server, page } = archive);
  });
  after(() => archive?.close());

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
