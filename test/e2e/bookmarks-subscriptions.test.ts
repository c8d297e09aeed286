// Bookmarks and subscriptions in Chromium, on the real `owlery serve` with its in-process job
// worker: a reader bookmarks one work privately and another publicly (a guest sees only the
// public one), subscribes to a work, the writer posts a new chapter through the chapter form,
// and the reader finds the notification in their inbox while the email lands as an .eml file in
// the archive's outbox. Pages are checked with axe; screenshots go to
// test-artifacts/screenshots/bookmarks-*.png.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { assertAccessible, browserAvailability, screenshot } from '../support/browser.ts';
import { cli, createUser, inContext as openInContext, logIn, startArchive, type E2eArchive } from '../support/e2e-archive.ts';

const availability = browserAvailability();
const WRITER = { login: 'quaywriter', password: 'ropes coiled on the quay' };
const READER = { login: 'quayreader', password: 'reading on the harbour steps' };
const SERIAL = 'The Quay Chronicles';
const OTHER = 'A Single Tide';
const PRIVATE_NOTE = 'Only for me: reread before winter.';
const NEW_CHAPTER = 'The Night Ferry';

async function importWork(dir: string, title: string, story: string): Promise<number> {
  const file = path.join(dir, `${title.replace(/\W+/g, '-')}.md`);
  fs.writeFileSync(file, story);
  const result = await cli(['import', file, '--json', '--data', dir, '--title', title, '--creator', WRITER.login, '--fandom', 'Original Work']);
  return (JSON.parse(result.stdout.trim().split('\n')[0]!) as { id: number }).id;
}

/** The .eml files in the archive's outbox (the file mailer writes them atomically). */
function outbox(dir: string): string[] {
  const folder = path.join(dir, 'outbox');
  return fs.existsSync(folder) ? fs.readdirSync(folder).filter((name) => name.endsWith('.eml')) : [];
}

/** The message as text: quoted-printable soft breaks joined and bytes decoded (RFC 2045 §6.7). */
function decodeQuotedPrintable(raw: string): string {
  const bytes = raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

describe('[sqlite] bookmarks and subscriptions in a browser', { skip: availability.ok ? false : availability.reason }, () => {
  let archive: E2eArchive;
  let serialId = 0;
  let otherId = 0;

  before(async () => {
    archive = await startArchive({
      prefix: 'owlery-e2e-bookmarks-',
      demo: false,
      prepare: async (dir) => {
        await createUser(dir, WRITER);
        await createUser(dir, READER);
        serialId = await importWork(dir, SERIAL, '# Low Water\n\nThe boats sat in the mud until the tide came back.\n');
        otherId = await importWork(dir, OTHER, 'The tide went out and came back, as it always does.\n');
      },
      logIn: READER,
    });
  });
  after(() => archive?.close());

  const inContext = <T>(options: BrowserContextOptions, fn: (page: Page) => Promise<T>) => openInContext(archive.browser, options, fn);


  const panel = (page: Page) => page.getByRole('region', { name: 'Bookmark and follow' });

  it('bookmarks one work privately and another publicly; a guest sees only the public one', async () => {
    const page = archive.page;
    await page.goto(archive.url(`/works/${serialId}`));
    const form = panel(page).getByRole('form', { name: 'Bookmark this work' });
    await form.getByLabel('Notes').fill(PRIVATE_NOTE);
    await form.getByLabel('Your tags').fill('Harbours, Winter Reading');
    await form.getByLabel('Private bookmark').check();
    await screenshot(page, 'bookmarks-01-form');
    await form.getByRole('button', { name: 'Bookmark' }).click();
    await page.waitForURL(/reader=bookmarked/);
    assert.equal(await panel(page).getByRole('status').innerText(), 'Your bookmark has been saved.');
    assert.equal(await panel(page).getByLabel('Private bookmark').isChecked(), true);
    await assertAccessible(page, 'the work page with a bookmark');

    await page.goto(archive.url(`/works/${otherId}`));
    const second = panel(page).getByRole('form', { name: 'Bookmark this work' });
    await second.getByLabel('Notes').fill('A lovely short one.');
    await second.getByLabel('Rec').check();
    await second.getByRole('button', { name: 'Bookmark' }).click();
    await page.waitForURL(/reader=bookmarked/);

    await page.goto(archive.url(`/users/${READER.login}/bookmarks`));
    const mine = await page.locator('main').innerText();
    assert.match(mine, new RegExp(SERIAL));
    assert.match(mine, new RegExp(PRIVATE_NOTE.replace('.', '\\.')));
    assert.match(mine, /Private/);
    assert.match(mine, new RegExp(OTHER));
    await screenshot(page, 'bookmarks-02-own-list');
    await assertAccessible(page, 'the owner’s bookmarks page');

    await inContext({}, async (guest) => {
      await guest.goto(archive.url(`/users/${READER.login}/bookmarks`));
      const text = await guest.locator('main').innerText();
      assert.match(text, new RegExp(OTHER));
      assert.doesNotMatch(text, new RegExp(SERIAL));
      assert.doesNotMatch(text, /reread before winter/);
      await screenshot(guest, 'bookmarks-03-guest-list');
      await assertAccessible(guest, 'a guest’s view of the bookmarks page');
    });
  });

  it('subscribes to a work; a new chapter reaches the inbox and the outbox', async () => {
    const page = archive.page;
    await page.goto(archive.url(`/works/${serialId}`));
    await panel(page).getByRole('button', { name: `Subscribe to ${SERIAL}` }).click();
    await page.waitForURL(/reader=subscribed/);
    await assert.doesNotReject(panel(page).getByRole('button', { name: `Unsubscribe from ${SERIAL}` }).waitFor({ timeout: 2000 }));
    const before = outbox(archive.dir).length;

    await inContext({}, async (writer) => {
      await logIn(writer, archive.server.url, WRITER.login, WRITER.password);
      await writer.goto(archive.url(`/works/${serialId}/chapters/new`));
      // Imported as a finished one-shot (1/1): the writer makes it a work in progress (n/?).
      await writer.getByLabel(/of how many\?/).fill('');
      await writer.getByLabel('Chapter title').fill(NEW_CHAPTER);
      await writer.getByLabel('Chapter text').fill('The ferry crossed at midnight with one lantern lit.');
      await writer.getByRole('button', { name: 'Post', exact: true }).click();
      await writer.waitForURL(new RegExp(`/works/${serialId}/chapters/\\d+$`));
    });

    // The server's worker sends it within a poll or two; wait for the file rather than guessing.
    const deadline = Date.now() + 15_000;
    while (outbox(archive.dir).length <= before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    const files = outbox(archive.dir);
    assert.equal(files.length, before + 1, 'one email in the outbox');
    const newest = files.sort().at(-1)!;
    const eml = decodeQuotedPrintable(fs.readFileSync(path.join(archive.dir, 'outbox', newest), 'latin1'));
    assert.match(eml, /^To: quayreader@example\.org\r?$/m);
    assert.match(eml, new RegExp(`“${SERIAL}” by ${WRITER.login} has a new chapter: Chapter 2: ${NEW_CHAPTER}\\.`));
    assert.match(eml, new RegExp(`/works/${serialId}/chapters/\\d+`));

    await page.getByRole('banner').getByRole('link', { name: 'Inbox' }).click();
    await page.waitForURL((u) => u.pathname === `/users/${READER.login}/inbox`);
    const item = page.locator('li.notification').first();
    assert.match(await item.innerText(), new RegExp(`Unread New chapter 2\\. ${NEW_CHAPTER} of ${SERIAL} by ${WRITER.login}`));
    await screenshot(page, 'bookmarks-04-inbox');
    await assertAccessible(page, 'the inbox');

    await item.getByRole('button', { name: /^Mark read/ }).click();
    await page.waitForURL(/reader=notifications-read/);
    assert.match(await page.locator('main').innerText(), /You have 0 unread notifications\./);
    await page.locator('li.notification').first().getByRole('link', { name: `2. ${NEW_CHAPTER}` }).click();
    await page.waitForURL(/\/chapters\/\d+/);
    assert.match(await page.locator('main').innerText(), /The ferry crossed at midnight/);
  });
});
