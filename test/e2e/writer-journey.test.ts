// A writer's whole journey in Chromium, on the real `owlery serve` with a fresh archive: sign up,
// log out and back in, post a three-chapter work in a new series (previewing it first), add its
// chapters, save a second work as a draft that guests cannot see, edit a chapter, reorder the
// chapters, orphan the work, and log out. Every step uses accessible locators (roles and labels),
// so a missing label fails here too; the new-work form, the preview, the chapter list and the
// account page are checked with axe. Screenshots go to test-artifacts/screenshots/journey-*.png.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserAvailability, checkAccessibility, formatViolations, launchBrowser, screenshot } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/cli.ts';

const availability = browserAvailability();

const LOGIN = 'quillwright';
const EMAIL = 'quillwright@example.org';
const PASSWORD = 'salt wind over the harbour wall';

const WORK = {
  title: 'The Harbour Letters',
  summary: 'Two keepers, one lighthouse, and a winter of letters.',
  notes: 'Written for the long nights.',
  fandom: 'Harbour Lights',
  characters: ['Maren Vale', 'Tobiah Crane'],
  relationship: 'Maren Vale/Tobiah Crane',
  freeforms: ['Slow Burn', 'Epistolary'],
  series: 'Keepers of the Light',
};
const CHAPTERS = [
  { title: 'First Light', text: 'The lamp was lit at dusk.\n\nMaren wrote the first letter by its glow.' },
  { title: 'Low Tide', text: 'Tobiah answered a week late.\n\nThe boat had not come.' },
  { title: 'Storm Season', text: 'The storm took the jetty.\n\nThey kept the light burning anyway.' },
];
const EDITED_TEXT = 'Tobiah answered at once this time.\n\nThe boat came early, heavy with post.';
const DRAFT_TITLE = 'Notes Toward a Second Winter';

describe("[sqlite] a writer's journey in a browser", { skip: availability.ok ? false : availability.reason }, () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let workId = 0;
  let draftId = 0;
  const chapterIds: number[] = [];

  const url = (p: string) => `${server.url}${p}`;
  const header = () => page.getByRole('banner');
  const mainText = () => page.locator('main').innerText();

  /** The chapter headings of the entire-work view, in page order. */
  async function entireWorkHeadings(): Promise<string[]> {
    await page.goto(url(`/works/${workId}?view_full_work=true`));
    return page.locator('section.chapter h2').allInnerTexts();
  }

  async function assertAccessible(where: string): Promise<void> {
    const violations = await checkAccessibility(page);
    assert.equal(violations.length, 0, `${where}: ${formatViolations(violations)}`);
  }

  /** A guest: a new browser context with no cookies. */
  async function asGuest<T>(fn: (guest: Page) => Promise<T>): Promise<T> {
    const guestContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      return await fn(await guestContext.newPage());
    } finally {
      await guestContext.close();
    }
  }

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'owlery-e2e-journey-'));
    server = await startServer(['--data', dir]);
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });
  after(async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('signs up through /signup and lands logged in', async () => {
    await page.goto(url('/signup'));
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Create an account');
    await page.getByLabel('Login', { exact: true }).fill(LOGIN);
    await page.getByLabel('Email', { exact: true }).fill(EMAIL);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Confirm password').fill(PASSWORD);
    await screenshot(page, 'journey-01-signup-form');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL((u) => u.pathname === `/users/${LOGIN}`);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), LOGIN);
    await assert.doesNotReject(header().getByRole('link', { name: LOGIN, exact: true }).waitFor({ timeout: 2000 }));
    await assert.doesNotReject(header().getByRole('button', { name: 'Log out' }).waitFor({ timeout: 2000 }));
    assert.equal(await header().getByRole('link', { name: 'Log in' }).count(), 0);
    await screenshot(page, 'journey-01-signup');
  });

  it('logs out, then logs in again through /login', async () => {
    await header().getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await assert.doesNotReject(header().getByRole('link', { name: 'Log in' }).waitFor({ timeout: 2000 }));
    assert.equal(await header().getByRole('button', { name: 'Log out' }).count(), 0);

    await header().getByRole('link', { name: 'Log in' }).click();
    await page.waitForURL((u) => u.pathname === '/login');
    await page.getByLabel('Login or email').fill(LOGIN);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL((u) => u.pathname === `/users/${LOGIN}`);
    await assert.doesNotReject(header().getByRole('button', { name: 'Log out' }).waitFor({ timeout: 2000 }));
    await assert.doesNotReject(header().getByRole('link', { name: LOGIN, exact: true }).waitFor({ timeout: 2000 }));
    await screenshot(page, 'journey-02-login');
  });

  it('posts a three-chapter work in a new series, previewing it first', async () => {
    await header().getByRole('link', { name: 'Post New Work' }).click();
    await page.waitForURL((u) => u.pathname === '/works/new');
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Post New Work');
    await assertAccessible('new-work form');

    await page.getByLabel('Teen And Up Audiences').check();
    await page.getByLabel('No Archive Warnings Apply').check();
    await page.getByLabel('F/M').check();
    await page.getByLabel('Fandoms').fill(WORK.fandom);
    await page.getByLabel('Characters').fill(WORK.characters.join(', '));
    await page.getByLabel('Relationships').fill(WORK.relationship);
    await page.getByLabel('Additional Tags').fill(WORK.freeforms.join(', '));
    await page.getByLabel('Work Title (required)').fill(WORK.title);
    await page.getByLabel('Summary').fill(WORK.summary);
    await page.getByLabel('Notes at the beginning').fill(WORK.notes);
    await page.getByLabel('Or start a new series').fill(WORK.series);
    await page.getByLabel('Part number in the series').fill('1');
    await page.getByLabel('This is a multi-chapter work').check();
    await page.getByLabel('Expected number of chapters').fill('3');
    await page.getByLabel('Chapter title').fill(CHAPTERS[0]!.title);
    await page.getByLabel('Work text (or import a file above)').fill(CHAPTERS[0]!.text);
    await screenshot(page, 'journey-03-new-work-form');

    await page.getByRole('button', { name: 'Preview' }).click();
    await page.waitForURL(/\/works\/\d+\/preview$/);
    workId = Number(/\/works\/(\d+)\/preview$/.exec(page.url())![1]);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), WORK.title);
    const preview = await mainText();
    assert.match(preview, /only you can see it/);
    for (const tag of [WORK.fandom, ...WORK.characters, WORK.relationship, ...WORK.freeforms, 'Teen And Up Audiences', 'No Archive Warnings Apply', 'F/M']) {
      assert.ok(preview.includes(tag), `the preview shows the tag "${tag}"`);
    }
    await assert.doesNotReject(page.getByRole('link', { name: WORK.series }).first().waitFor({ timeout: 2000 }), 'the preview links the new series');
    assert.match(preview, new RegExp(`Part 1 of ${WORK.series}`));
    assert.match(preview, /1\/3/);
    await screenshot(page, 'journey-03-preview');
    await assertAccessible('preview');

    await page.getByRole('button', { name: /^Post/ }).click();
    await page.waitForURL((u) => u.pathname === `/works/${workId}`);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), WORK.title);
    assert.match(await mainText(), /Maren wrote the first letter by its glow\./);

    for (const [index, chapter] of CHAPTERS.entries()) {
      if (index === 0) continue;
      const position = index + 1;
      await page.getByRole('navigation', { name: 'Your work' }).getByRole('link', { name: 'Add Chapter' }).click();
      await page.waitForURL((u) => u.pathname === `/works/${workId}/chapters/new`);
      assert.match(await page.getByRole('heading', { level: 1 }).innerText(), new RegExp(`^Chapter ${position} of ${WORK.title}`));
      assert.equal(await page.getByLabel(`Chapter ${position} of how many?`).inputValue(), '3');
      await page.getByLabel('Chapter title').fill(chapter.title);
      await page.getByLabel('Chapter text').fill(chapter.text);
      await page.getByRole('button', { name: 'Post', exact: true }).click();
      await page.waitForURL(new RegExp(`/works/${workId}/chapters/\\d+$`));
      assert.match(await mainText(), new RegExp(chapter.text.split('\n')[0]!.replace('.', '\\.')));
      await screenshot(page, `journey-03-chapter-${position}`);
    }

    await page.goto(url(`/works/${workId}`));
    const meta = page.locator('dl.work.meta');
    assert.equal(await meta.locator('dd.chapters').innerText(), '3/3');
    for (const tag of [WORK.fandom, ...WORK.characters, WORK.relationship, ...WORK.freeforms]) {
      await assert.doesNotReject(meta.getByRole('link', { name: tag, exact: true }).waitFor({ timeout: 2000 }), `the work page links the tag "${tag}"`);
    }
    assert.match(await meta.locator('dd.series').innerText(), new RegExp(`Part 1 of ${WORK.series}`));
    const seriesHref = await meta.locator('dd.series').getByRole('link', { name: WORK.series }).getAttribute('href');
    assert.match(seriesHref ?? '', /^\/series\/\d+$/);
    await screenshot(page, 'journey-03-work');

    const headings = await entireWorkHeadings();
    assert.deepEqual(headings, CHAPTERS.map((c, i) => `Chapter ${i + 1}: ${c.title}`));
    chapterIds.push(
      ...(await page.locator('section.chapter h2 a').evaluateAll((links) => links.map((a) => Number(/\/chapters\/(\d+)$/.exec(a.getAttribute('href') ?? '')?.[1])))),
    );
    assert.equal(chapterIds.length, 3);
    await screenshot(page, 'journey-03-entire-work');

    // The series page lists the work too.
    await page.goto(url(seriesHref!));
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), WORK.series);
    await assert.doesNotReject(page.getByRole('link', { name: WORK.title }).first().waitFor({ timeout: 2000 }));
  });

  it('saves a second work as a draft that only its writer can see', async () => {
    await page.goto(url('/works/new'));
    await page.getByLabel('General Audiences').check();
    await page.getByLabel('Creator Chose Not To Use Archive Warnings').check();
    await page.getByLabel('Fandoms').fill(WORK.fandom);
    await page.getByLabel('Work Title (required)').fill(DRAFT_TITLE);
    await page.getByLabel('Work text (or import a file above)').fill('Only the first line, for now.');
    await page.getByRole('button', { name: 'Save as Draft' }).click();
    await page.waitForURL((u) => u.pathname === `/users/${LOGIN}/drafts`);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Drafts');
    assert.match(await page.getByRole('status').innerText(), /Your draft has been saved/);
    const draftLink = page.locator('.draft-list').getByRole('heading', { name: DRAFT_TITLE }).getByRole('link');
    const href = await draftLink.getAttribute('href');
    draftId = Number(/^\/works\/(\d+)\/preview$/.exec(href ?? '')?.[1]);
    assert.ok(draftId > 0 && draftId !== workId, `draft link: ${href}`);
    await screenshot(page, 'journey-04-drafts');

    await asGuest(async (guest) => {
      const response = await guest.goto(url(`/works/${draftId}`));
      assert.equal(response?.status(), 404);
      assert.match(await guest.getByRole('heading', { level: 1 }).innerText(), /couldn[’']t find that page/);
      assert.ok(!(await guest.locator('main').innerText()).includes(DRAFT_TITLE));
      await screenshot(guest, 'journey-04-guest-draft-not-found');

      // Its preview sends a guest to log in.
      await guest.goto(url(`/works/${draftId}/preview`));
      assert.equal(new URL(guest.url()).pathname, '/login');

      await guest.goto(url('/works'));
      const listing = await guest.locator('main').innerText();
      assert.ok(listing.includes(WORK.title), 'the posted work is listed');
      assert.ok(!listing.includes(DRAFT_TITLE), 'the draft is not listed');
      await screenshot(guest, 'journey-04-guest-works');
    });
  });

  it("edits chapter 2's text through its Edit page", async () => {
    await page.goto(url(`/works/${workId}`));
    await page.getByRole('navigation', { name: 'Your work' }).getByRole('link', { name: 'Manage Chapters' }).click();
    await page.waitForURL((u) => u.pathname === `/works/${workId}/chapters/manage`);
    await page.getByRole('link', { name: `Edit 2. ${CHAPTERS[1]!.title}` }).click();
    await page.waitForURL((u) => u.pathname === `/works/${workId}/chapters/${chapterIds[1]}/edit`);
    assert.match(await page.getByRole('heading', { level: 1 }).innerText(), new RegExp(`^Edit Chapter 2 of ${WORK.title}`));
    assert.equal(await page.getByLabel('Chapter title').inputValue(), CHAPTERS[1]!.title);
    const textBox = page.getByLabel('Chapter text');
    assert.match(await textBox.inputValue(), /Tobiah answered a week late\./);
    await textBox.fill(EDITED_TEXT);
    await screenshot(page, 'journey-05-edit-chapter');
    await page.getByRole('button', { name: 'Update' }).click();
    await page.waitForURL((u) => u.pathname === `/works/${workId}/chapters/${chapterIds[1]}`);
    const text = await page.locator('[role="article"].userstuff').first().innerText();
    assert.match(text, /Tobiah answered at once this time\./);
    assert.match(text, /The boat came early, heavy with post\./);
    assert.doesNotMatch(text, /a week late/);
    await screenshot(page, 'journey-05-edited-chapter');

    // Guests read the new text as well.
    await asGuest(async (guest) => {
      await guest.goto(url(`/works/${workId}/chapters/${chapterIds[1]}`));
      assert.match(await guest.locator('main').innerText(), /Tobiah answered at once this time\./);
    });
  });

  it('reorders the chapters so that chapter 3 comes first', async () => {
    await page.goto(url(`/works/${workId}/chapters/manage`));
    assert.match(await page.getByRole('heading', { level: 1 }).innerText(), new RegExp(`^Chapters of ${WORK.title}`));
    await assertAccessible('manage-chapters page');
    await page.getByLabel(`Position of 3. ${CHAPTERS[2]!.title}`).fill('1');
    await page.getByLabel(`Position of 1. ${CHAPTERS[0]!.title}`).fill('2');
    await page.getByLabel(`Position of 2. ${CHAPTERS[1]!.title}`).fill('3');
    await screenshot(page, 'journey-06-reorder-form');
    await page.getByRole('button', { name: 'Save order' }).click();
    await page.waitForURL((u) => u.pathname === `/works/${workId}/chapters/manage`);
    const rows = await page.getByRole('table', { name: 'Chapters' }).locator('tbody th').allInnerTexts();
    assert.deepEqual(rows, [`1. ${CHAPTERS[2]!.title}`, `2. ${CHAPTERS[0]!.title}`, `3. ${CHAPTERS[1]!.title}`]);
    await screenshot(page, 'journey-06-reordered');

    await page.goto(url(`/works/${workId}`));
    const options = await page.getByLabel('Chapter Index').locator('option').allInnerTexts();
    assert.deepEqual(options, [`1. ${CHAPTERS[2]!.title}`, `2. ${CHAPTERS[0]!.title}`, `3. ${CHAPTERS[1]!.title}`]);
    // The work page opens on the new first chapter.
    assert.match(await page.locator('[role="article"].userstuff').first().innerText(), /The storm took the jetty\./);

    const headings = await entireWorkHeadings();
    assert.deepEqual(headings, [`Chapter 1: ${CHAPTERS[2]!.title}`, `Chapter 2: ${CHAPTERS[0]!.title}`, `Chapter 3: ${CHAPTERS[1]!.title}`]);
    const texts = await page.locator('section.chapter [role="article"].userstuff').allInnerTexts();
    assert.match(texts[0]!, /The storm took the jetty\./);
    assert.match(texts[1]!, /The lamp was lit at dusk\./);
    assert.match(texts[2]!, /Tobiah answered at once this time\./);
    await screenshot(page, 'journey-06-entire-work');
  });

  it('orphans the work, keeping the pseud name on it', async () => {
    await page.goto(url(`/works/${workId}`));
    await page.getByRole('navigation', { name: 'Your work' }).getByRole('link', { name: 'Orphan Work' }).click();
    await page.waitForURL((u) => u.pathname === `/works/${workId}/orphan`);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Orphan work');
    await page.getByLabel('Keep my pseud name on the work').check();
    await screenshot(page, 'journey-07-orphan-confirm');
    await page.getByRole('button', { name: 'Yes, orphan this work' }).click();
    await page.waitForURL((u) => u.pathname === `/works/${workId}`);

    const byline = page.locator('.preface .byline');
    assert.equal((await byline.innerText()).trim(), `by ${LOGIN} (orphan_account)`);
    // The credit is orphan_account's pseud of the same name, no longer linked to the writer.
    assert.equal(await byline.getByRole('link').getAttribute('href'), `/users/orphan_account/pseuds/${LOGIN}`);
    assert.equal(await byline.getByRole('link', { name: LOGIN, exact: true }).count(), 0, 'the byline no longer links the writer');
    assert.equal(await page.getByRole('navigation', { name: 'Your work' }).count(), 0, 'the writer can no longer edit the work');
    await screenshot(page, 'journey-07-orphaned');

    await page.goto(url(`/users/${LOGIN}/works`));
    assert.ok(!(await mainText()).includes(WORK.title), "the writer's works page no longer lists it");
    await screenshot(page, 'journey-07-user-works');
    await page.goto(url(`/users/${LOGIN}`));
    assert.ok(!(await mainText()).includes(WORK.title), "the writer's profile no longer lists it");
  });

  it('checks the account page, then logs out', async () => {
    await header().getByRole('link', { name: 'Account' }).click();
    await page.waitForURL((u) => u.pathname === '/account');
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Your account');
    assert.match(await mainText(), new RegExp(EMAIL.replace('.', '\\.')));
    await screenshot(page, 'journey-08-account');
    await assertAccessible('account page');

    await header().getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await assert.doesNotReject(header().getByRole('link', { name: 'Log in' }).waitFor({ timeout: 2000 }));
    assert.equal(await header().getByRole('button', { name: 'Log out' }).count(), 0);
    assert.equal(await header().getByRole('link', { name: LOGIN, exact: true }).count(), 0);
    await screenshot(page, 'journey-08-logged-out');

    await page.goto(url('/account'));
    await page.waitForURL((u) => u.pathname === '/login');
    assert.equal(new URL(page.url()).searchParams.get('return_to'), '/account', 'logging in leads back to the account page');
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Log in');
    await screenshot(page, 'journey-08-account-redirect');
  });
});
