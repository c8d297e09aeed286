// A writer in Chromium: log in, open "Post New Work", get tag suggestions from the autocomplete
// script while typing, fill in the form, preview the draft and post it. The form, its error
// state and the preview are checked with axe. Screenshots go to test-artifacts/screenshots/.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserAvailability, checkAccessibility, formatViolations, screenshot } from '../support/browser.ts';
import type { RunningServer } from '../support/cli.ts';
import { createUser, startArchive, type E2eArchive } from '../support/e2e-archive.ts';

const availability = browserAvailability();
const PASSWORD = 'a lantern on the quay';

describe('[sqlite] posting a work in a browser', { skip: availability.ok ? false : availability.reason }, () => {
  let archive: E2eArchive;
  let server: RunningServer;
  let page: Page;

  before(async () => {
    archive = await startArchive({
      prefix: 'owlery-e2e-posting-',
      prepare: (dir) => createUser(dir, { login: 'lampwriter', password: PASSWORD }),
      logIn: { login: 'lampwriter', password: PASSWORD },
    });
    ({ server, page } = archive);
  });
  after(() => archive?.close());

  it('shows an accessible form whose tag fields suggest existing tags', async () => {
    await page.goto(`${server.url}/works/new`);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Post New Work');
    const violations = await checkAccessibility(page);
    assert.equal(violations.length, 0, formatViolations(violations));

    await page.getByLabel('Fandoms').fill('Orig');
    await page.waitForFunction(() => document.querySelectorAll('#work_fandoms_list option').length > 0, undefined, { timeout: 5000 });
    const suggestions = await page.locator('#work_fandoms_list option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    assert.ok(suggestions.includes('Original Work'), `suggestions: ${suggestions.join(', ')}`);
  });

  it('keeps what was typed when the form comes back with errors', async () => {
    await page.getByLabel('Fandoms').fill('Original Work');
    await page.getByLabel('Work Title (required)').fill('The Quay at Night');
    await page.getByLabel('Work text (or import a file above)').fill('The lamps came on one by one.\n\nThe tide was out.');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await page.waitForSelector('.error-summary');
    assert.match(await page.locator('.error-summary').innerText(), /Choose a rating/);
    assert.equal(await page.getByLabel('Work Title (required)').inputValue(), 'The Quay at Night');
    await screenshot(page, 'posting-form-errors');
    const violations = await checkAccessibility(page);
    assert.equal(violations.length, 0, formatViolations(violations));
  });

  it('previews the draft and posts it', async () => {
    await page.getByLabel('General Audiences').check();
    await page.getByLabel('No Archive Warnings Apply').check();
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.waitForURL(/\/works\/\d+\/preview$/);
    assert.match(await page.locator('main').innerText(), /only you can see it/);
    await screenshot(page, 'posting-preview');
    const violations = await checkAccessibility(page);
    assert.equal(violations.length, 0, formatViolations(violations));

    await page.getByRole('button', { name: /^Post/ }).click();
    await page.waitForURL(/\/works\/\d+$/);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'The Quay at Night');
    assert.match(await page.locator('main').innerText(), /The tide was out\./);
  });
});
