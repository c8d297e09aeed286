// Kudos and stats in Chromium, on the real `owlery serve`: a guest leaves kudos from a chapter
// page and is refused a second time, politely; a logged-in reader does the same and is named in
// the list; the writer opens the work's stats page with its SVG charts (light and dark) and the
// stats page of all their works. Pages are checked with axe; screenshots go to
// test-artifacts/screenshots/kudos-*.png.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { assertAccessible, browserAvailability, screenshot } from '../support/browser.ts';
import { cli, createUser, inContext as openInContext, logIn, startArchive, type E2eArchive } from '../support/e2e-archive.ts';

const availability = browserAvailability();
const WRITER = { login: 'lanternwren', password: 'kudos for the lantern keeper' };
const READER = { login: 'tidereader', password: 'reading by the tide tables' };
const TITLE = 'The Lamp Room Ledger';
const STORY = '# The First Entry\n\nThe keeper counted the ships that passed.\n\n# The Second Entry\n\nNo ships came, and the keeper counted the gulls instead.\n';

describe('[sqlite] kudos and stats in a browser', { skip: availability.ok ? false : availability.reason }, () => {
  let archive: E2eArchive;
  let workId = 0;

  before(async () => {
    archive = await startArchive({
      prefix: 'owlery-e2e-kudos-',
      demo: false,
      prepare: async (dir) => {
        await createUser(dir, WRITER);
        await createUser(dir, READER);
        const file = path.join(dir, 'ledger.md');
        fs.writeFileSync(file, STORY);
        const result = await cli(['import', file, '--json', '--data', dir, '--title', TITLE, '--creator', WRITER.login, '--fandom', 'Original Work']);
        workId = (JSON.parse(result.stdout.trim().split('\n')[0]!) as { id: number }).id;
      },
      logIn: READER,
    });
  });
  after(() => archive?.close());

  const inContext = <T>(options: BrowserContextOptions, fn: (page: Page) => Promise<T>) => openInContext(archive.browser, options, fn);


  const kudos = (page: Page) => page.getByRole('region', { name: 'Kudos' });

  it('takes a guest’s kudos from a chapter page, and refuses the second politely', () =>
    inContext({}, async (page) => {
      await page.goto(archive.url(`/works/${workId}`));
      await page.getByRole('navigation', { name: 'Chapters', exact: true }).getByRole('link', { name: 'Next Chapter' }).click();
      await page.waitForURL(/\/chapters\//);
      const chapterPath = new URL(page.url()).pathname;
      await kudos(page).getByRole('button', { name: 'Kudos' }).click();
      await page.waitForURL(/kudos=left/);
      assert.equal(new URL(page.url()).pathname, chapterPath, 'back on the chapter it was left from');
      assert.equal(await kudos(page).getByRole('status').innerText(), 'Thank you for leaving kudos!');
      assert.match(await kudos(page).innerText(), /1 guest left kudos on this work!/);

      await kudos(page).getByRole('button', { name: 'Kudos' }).click();
      await page.waitForURL(/kudos=already/);
      assert.equal(await kudos(page).getByRole('status').innerText(), 'You have already left kudos here. :)');
      assert.match(await kudos(page).innerText(), /1 guest left kudos on this work!/);
      await screenshot(page, 'kudos-guest-refused');
      await assertAccessible(page, 'the work page after a second kudos');
    }));

  it('takes a logged-in reader’s kudos and names them, and refuses their second too', async () => {
    const page = archive.page;
    await page.goto(archive.url(`/works/${workId}`));
    await kudos(page).getByRole('button', { name: 'Kudos' }).click();
    await page.waitForURL(/kudos=left/);
    assert.match(await kudos(page).innerText(), new RegExp(`${READER.login} and 1 guest left kudos on this work!`));
    assert.equal(await kudos(page).getByRole('link', { name: READER.login }).getAttribute('href'), `/users/${READER.login}`);
    await kudos(page).getByRole('button', { name: 'Kudos' }).click();
    await page.waitForURL(/kudos=already/);
    assert.equal(await kudos(page).getByRole('status').innerText(), 'You have already left kudos here. :)');
    await screenshot(page, 'kudos-reader');
  });

  it('shows the writer the work’s stats with charts, and no kudos button on their own work', () =>
    inContext({}, async (page) => {
      await logIn(page, archive.url(''), WRITER.login, WRITER.password);
      await page.goto(archive.url(`/works/${workId}`));
      assert.equal(await kudos(page).getByRole('button', { name: 'Kudos' }).count(), 0);
      await kudos(page).getByRole('link', { name: 'Stats for this work' }).click();
      await page.waitForURL(/\/stats$/);
      await page.getByRole('heading', { level: 1, name: `Stats for ${TITLE}` }).waitFor();
      const hits = page.getByRole('img', { name: 'Hits per day, last 30 days' });
      assert.equal(await hits.count(), 1);
      assert.match((await hits.getAttribute('aria-labelledby')) ?? '', /chart-hits-desc/);
      // The guest and the reader each count once; the writer's own views do not.
      assert.match(await page.locator('#chart-hits-desc').textContent() ?? '', /2 hits in all/);
      assert.match(await page.locator('#chart-kudos-desc').textContent() ?? '', /2 kudos in all/);
      await page.getByText('The numbers as a table').click();
      assert.equal(await page.getByRole('table', { name: /Per day, last 30 days/ }).locator('tbody tr').count(), 30);
      await screenshot(page, 'kudos-work-stats');
      await assertAccessible(page, 'the work stats page');

      await page.getByRole('link', { name: 'Last 365 days' }).click();
      await page.waitForURL(/days=365/);
      assert.equal(await page.getByRole('img', { name: 'Hits per week, last 365 days' }).count(), 1);

      await page.getByRole('link', { name: 'All your works’ stats' }).click();
      await page.waitForURL(/\/users\/lanternwren\/stats$/);
      const row = page.getByRole('row', { name: new RegExp(TITLE) });
      assert.match(await row.innerText(), /\b2\b/);
      await page.getByRole('columnheader', { name: 'Work' }).getByRole('link').click();
      await page.waitForURL(/sort=title/);
      await screenshot(page, 'kudos-user-stats');
      await assertAccessible(page, 'the creator stats page');
    }));

  it('draws the charts readably in dark mode', () =>
    inContext({ colorScheme: 'dark' }, async (page) => {
      await logIn(page, archive.url(''), WRITER.login, WRITER.password);
      await page.goto(archive.url(`/works/${workId}/stats`));
      const bar = page.locator('#chart-hits-title').locator('xpath=..').locator('rect.bar').first();
      const fill = await bar.evaluate((el) => getComputedStyle(el).fill);
      assert.equal(fill, 'rgb(255, 138, 128)', 'bars take the dark theme’s accent');
      await screenshot(page, 'kudos-work-stats-dark');
      await assertAccessible(page, 'the work stats page in dark mode');
    }));
});
