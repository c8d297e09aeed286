// Comments in Chromium, on the real `owlery serve`, without any JavaScript of ours: a reader
// comments on a work, its writer replies from the thread page, the reader edits the comment and
// deletes it (the reply stays under "(Previous comment deleted.)"); on a moderated work the
// reader's comment waits, unseen by a guest, until the writer approves it. Pages are checked with
// axe; screenshots go to test-artifacts/screenshots/comments-*.png.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { browserAvailability, checkAccessibility, formatViolations, screenshot } from '../support/browser.ts';
import { cli, createUser, logIn, startArchive, type E2eArchive } from '../support/e2e-archive.ts';
import { openSqlite, SQLITE_FILE } from '../../src/db/connect.ts';

const availability = browserAvailability();
const WRITER = { login: 'harbourwren', password: 'the harbour lights are lit' };
const READER = { login: 'quaywalker', password: 'walking the quay at dusk' };
const STORY = 'The pilot boat came in under the last of the light.\n\nNobody on the quay said a word.\n';

describe('[sqlite] comments in a browser', { skip: availability.ok ? false : availability.reason }, () => {
  let archive: E2eArchive;
  let reader: Page;
  let writer: Page;
  const works = { open: 0, moderated: 0 };

  before(async () => {
    archive = await startArchive({
      prefix: 'owlery-e2e-comments-',
      demo: false,
      prepare: async (dir) => {
        await createUser(dir, WRITER);
        await createUser(dir, READER);
        const file = path.join(dir, 'pilot.txt');
        fs.writeFileSync(file, STORY);
        for (const [key, title] of [['open', 'The Pilot Boat'], ['moderated', 'The Harbour Log']] as const) {
          const result = await cli(['import', file, '--json', '--data', dir, '--title', title, '--creator', WRITER.login, '--fandom', 'Original Work']);
          works[key] = (JSON.parse(result.stdout.trim().split('\n')[0]!) as { id: number }).id;
        }
        // The importer has no moderation flag; the posting form's checkbox sets this column.
        const store = openSqlite(path.join(dir, SQLITE_FILE));
        try {
          await store.db.updateTable('works').set({ moderated_comments: true }).where('id', '=', works.moderated).execute();
        } finally {
          await store.close();
        }
      },
      logIn: READER,
    });
    reader = archive.page;
    writer = await (await archive.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await logIn(writer, archive.server.url, WRITER.login, WRITER.password);
  });
  after(() => archive?.close());

  async function assertAccessible(page: Page, where: string): Promise<void> {
    const violations = await checkAccessibility(page);
    assert.equal(violations.length, 0, `${where}: ${formatViolations(violations)}`);
  }

  const comments = (page: Page) => page.getByRole('region', { name: /^Comments/ });

  it('lets a reader comment on a work, and refuses an empty comment with a clear message', async () => {
    await reader.goto(archive.url(`/works/${works.open}`));
    await assertAccessible(reader, 'work page with the comment form');
    // The browser's own `required` check would stop an empty form; a comment of spaces gets past
    // it and is refused by the archive.
    await comments(reader).getByLabel('Comment', { exact: true }).fill('   ');
    await comments(reader).getByRole('button', { name: 'Comment', exact: true }).click();
    await reader.waitForSelector('.error-summary');
    assert.match(await reader.locator('.error-summary').innerText(), /Please write something in your comment\./);
    await assertAccessible(reader, 'comment form with an error');

    await reader.goto(archive.url(`/works/${works.open}`));
    await comments(reader).getByLabel('Comment', { exact: true }).fill('The quiet on the quay is perfect.\n\nI held my breath.');
    await comments(reader).getByRole('button', { name: 'Comment', exact: true }).click();
    await reader.waitForURL(/comment_notice=posted/);
    assert.match(await comments(reader).innerText(), /Comment created!/);
    assert.match(await comments(reader).innerText(), /The quiet on the quay is perfect\./);
    assert.match(await comments(reader).getByRole('heading', { level: 2 }).innerText(), /Comments \(1\)/);
    await screenshot(reader, 'comments-posted');
    await assertAccessible(reader, 'work page with a comment');
  });

  it('lets the writer reply from the thread page', async () => {
    await writer.goto(archive.url(`/works/${works.open}`));
    await comments(writer).getByRole('link', { name: `Reply to comment by ${READER.login}` }).click();
    await writer.waitForURL(/\/comments\/\d+#add_reply$/);
    assert.equal(await writer.getByRole('heading', { level: 1 }).innerText(), 'Comment thread');
    await assertAccessible(writer, 'thread page with the reply form');
    await writer.getByLabel('Comment', { exact: true }).fill('Thank you — I wrote it on a very still evening.');
    await writer.getByRole('button', { name: 'Reply', exact: true }).click();
    await writer.waitForURL(/comment_notice=posted/);
    assert.match(await writer.locator('main').innerText(), /very still evening/);
    await screenshot(writer, 'comments-thread-reply');
  });

  it('lets the reader edit the comment, marked as edited, and delete it, the reply staying in place', async () => {
    await reader.goto(archive.url(`/works/${works.open}`));
    await comments(reader).getByRole('link', { name: `Edit comment by ${READER.login}` }).click();
    assert.equal(await reader.getByRole('heading', { level: 1 }).innerText(), 'Edit comment');
    await assertAccessible(reader, 'edit page');
    await reader.getByLabel('Comment', { exact: true }).fill('The quiet on the quay is perfect. (I read it twice.)');
    await reader.getByRole('button', { name: 'Update' }).click();
    await reader.waitForURL(/comment_notice=edited/);
    assert.match(await reader.locator('main').innerText(), /I read it twice\./);
    assert.match(await reader.locator('main').innerText(), /Last edited/);

    await reader.goto(archive.url(`/works/${works.open}`));
    await comments(reader).getByRole('button', { name: `Delete comment by ${READER.login}` }).click();
    await reader.waitForURL(/comment_notice=deleted/);
    const section = await comments(reader).innerText();
    assert.match(section, /Comment deleted\./);
    assert.match(section, /\(Previous comment deleted\.\)/);
    assert.match(section, /very still evening/);
    assert.doesNotMatch(section, /I read it twice/);
    await screenshot(reader, 'comments-deleted-thread-kept');
    await assertAccessible(reader, 'work page with a deleted comment');
  });

  it('holds a comment on a moderated work until the writer approves it', async () => {
    await reader.goto(archive.url(`/works/${works.moderated}`));
    assert.match(await comments(reader).innerText(), /Comments on this work are moderated/);
    await comments(reader).getByLabel('Comment', { exact: true }).fill('Will the log be continued?');
    await comments(reader).getByRole('button', { name: 'Comment', exact: true }).click();
    await reader.waitForURL(/comment_notice=held/);
    const mine = await comments(reader).innerText();
    assert.match(mine, /It will appear publicly after the work’s creator has approved it\./);
    assert.match(mine, /Your comment is awaiting the creator’s approval/);

    const guestContext = await archive.browser.newContext();
    const guest = await guestContext.newPage();
    await guest.goto(archive.url(`/works/${works.moderated}`));
    assert.doesNotMatch(await guest.locator('main').innerText(), /Will the log be continued\?/);

    await writer.goto(archive.url(`/works/${works.moderated}`));
    assert.match(await comments(writer).innerText(), /1 comment is awaiting your approval\./);
    await screenshot(writer, 'comments-awaiting-approval');
    await assertAccessible(writer, 'work page with a held comment');
    await comments(writer).getByRole('button', { name: `Approve comment by ${READER.login}` }).click();
    await writer.waitForURL(/comment_notice=approved/);
    assert.match(await comments(writer).innerText(), /Comment approved/);

    await guest.reload();
    assert.match(await comments(guest).innerText(), /Will the log be continued\?/);
    assert.match(await comments(guest).getByRole('heading', { level: 2 }).innerText(), /Comments \(1\)/);
    await screenshot(guest, 'comments-approved-guest-view');
    await guestContext.close();
  });
});
