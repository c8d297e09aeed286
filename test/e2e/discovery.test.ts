// A reader finding works in Chromium: filter /works by a fandom from the sidebar, exclude a
// warning, sort by kudos, then search for a phrase from inside a chapter and see it highlighted.
// Screenshots go to test-artifacts/screenshots/.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { browserAvailability, checkAccessibility, formatViolations, screenshot } from '../support/browser.ts';
import { cli, startArchive, type E2eArchive } from '../support/e2e-archive.ts';
import { openSqlite, SQLITE_FILE } from '../../src/db/connect.ts';

const availability = browserAvailability();
const FANDOM = 'Lighthouse Keepers (Original)';
const VIOLENCE = 'Graphic Depictions Of Violence';

const STORIES = [
  { file: 'calm.txt', title: 'Calm Waters', warning: 'No Archive Warnings Apply', kudos: 50, text: 'The fog came in over the rocks.\n\nAt midnight the silver kettle sang to the keeper, and she smiled.' },
  { file: 'storm.txt', title: 'Storm Lamp', warning: VIOLENCE, kudos: 900, text: 'The storm broke the lamp glass and the keeper bled on the stairs.' },
  { file: 'quiet.txt', title: 'Quiet Beacon', warning: 'No Archive Warnings Apply', kudos: 300, text: 'Nothing happened all winter, and the beacon turned.' },
];

async function prepare(dir: string): Promise<void> {
  for (const story of STORIES) {
    const file = path.join(dir, story.file);
    fs.writeFileSync(file, story.text);
    await cli(['import', file, '--data', dir, '--title', story.title, '--fandom', FANDOM, '--warning', story.warning, '--creator', 'keeperwren']);
  }
  // Kudos come from readers (issue 6); the test sets the counters directly.
  const store = openSqlite(path.join(dir, SQLITE_FILE));
  try {
    for (const story of STORIES) await store.db.updateTable('works').set({ kudos_count: story.kudos }).where('title', '=', story.title).execute();
  } finally {
    await store.close();
  }
}

const titles = (page: Page) => page.locator('li.blurb h2.heading > a:first-child').allInnerTexts();

describe('[sqlite] finding works in a browser', { skip: availability.ok ? false : availability.reason }, () => {
  let archive: E2eArchive;
  let page: Page;

  before(async () => {
    archive = await startArchive({ prefix: 'owlery-e2e-discovery-', prepare });
    page = archive.page;
  });
  after(() => archive?.close());

  it('filters by fandom, excludes a warning and sorts by kudos from the sidebar', async () => {
    await page.goto(archive.url('/works'));
    const filters = page.getByRole('complementary', { name: 'Filters' });
    await filters.locator('fieldset.include summary', { hasText: 'Fandoms' }).click();
    await filters.locator('fieldset.include').getByLabel(new RegExp(`^${FANDOM.replace(/[()]/g, '\\$&')} \\(3\\)$`)).check();
    await filters.locator('fieldset.exclude summary', { hasText: 'Archive Warnings' }).click();
    await filters.locator('fieldset.exclude').getByLabel(new RegExp(`^${VIOLENCE} \\(1\\)$`)).check();
    await filters.getByLabel('Sort by').selectOption('kudos');
    await filters.getByRole('button', { name: 'Sort and Filter' }).click();
    await page.waitForURL(/sort=kudos/);
    assert.deepEqual(await titles(page), ['Quiet Beacon', 'Calm Waters']);
    const url = new URL(page.url());
    assert.deepEqual(url.searchParams.getAll('fandom'), [FANDOM]);
    assert.deepEqual(url.searchParams.getAll('exclude'), [VIOLENCE]);
    await screenshot(page, 'works-filtered');
    const violations = await checkAccessibility(page);
    assert.equal(violations.length, 0, formatViolations(violations));

    // The URL alone reproduces the listing (bookmarkable, shareable).
    const again = await archive.browser.newPage();
    await again.goto(page.url());
    assert.deepEqual(await titles(again), ['Quiet Beacon', 'Calm Waters']);
    await again.close();
  });

  it('searches a phrase from a story body and shows the highlighted passage', async () => {
    await page.goto(archive.url('/works'));
    await page.getByRole('link', { name: 'Search', exact: true }).click();
    await page.waitForURL(/\/works\/search/);
    await page.getByLabel('Search works').fill('"silver kettle"');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/q=/);
    assert.deepEqual(await titles(page), ['Calm Waters']);
    const marks = await page.locator('blockquote.snippet mark').allInnerTexts();
    assert.ok(marks.join(' ').toLowerCase().includes('silver'), `highlighted: ${marks.join(' | ')}`);
    assert.match(await page.locator('blockquote.snippet').innerText(), /sang to the keeper/);
    await screenshot(page, 'works-search-snippet');
    const violations = await checkAccessibility(page);
    assert.equal(violations.length, 0, formatViolations(violations));
  });
});
