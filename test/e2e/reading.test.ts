// A reader in Chromium: home page → a work → next chapter → back → entire work, on the real
// server with the demo works. Screenshots go to test-artifacts/screenshots/.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { browserAvailability, checkAccessibility, formatViolations, screenshot } from '../support/browser.ts';
import type { RunningServer } from '../support/cli.ts';
import { startArchive, type E2eArchive } from '../support/e2e-archive.ts';

const availability = browserAvailability();

describe('[sqlite] reading in a browser', { skip: availability.ok ? false : availability.reason }, () => {
  let archive: E2eArchive;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    archive = await startArchive();
    ({ server, browser, page } = archive);
  });
  after(() => archive?.close());

  it('opens the home page with the newest works', async () => {
    await page.goto(server.url);
    await assert.doesNotReject(page.getByRole('heading', { level: 1 }).first().waitFor());
    assert.equal(await page.locator('li.blurb').count(), 8);
    await screenshot(page, 'home');
    const violations = await checkAccessibility(page);
    assert.equal(violations.length, 0, formatViolations(violations));
  });

  it('opens a work in progress and moves to the next chapter and back', async () => {
    await page.getByRole('link', { name: 'The Rules of Correspondence' }).first().click();
    await page.waitForURL(/\/works\/\d+$/);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'The Rules of Correspondence');
    assert.match(await page.locator('main').innerText(), /2\/5/);
    await screenshot(page, 'work-chapter-1');
    const violations = await checkAccessibility(page);
    assert.equal(violations.length, 0, formatViolations(violations));

    const firstText = await page.locator('.userstuff[role="article"], [role="article"].userstuff').first().innerText();
    await page.getByRole('link', { name: /Next Chapter/ }).first().click();
    await page.waitForURL(/\/chapters\/\d+$/);
    const secondText = await page.locator('.userstuff[role="article"], [role="article"].userstuff').first().innerText();
    assert.notEqual(secondText, firstText);
    await screenshot(page, 'work-chapter-2');

    await page.getByRole('link', { name: /Previous Chapter/ }).first().click();
    await page.waitForURL(/\/chapters\/\d+$/);
    assert.equal(await page.locator('.userstuff[role="article"], [role="article"].userstuff').first().innerText(), firstText);
  });

  it('chooses a chapter from the chapter index without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(page.url());
    const select = noJs.locator('select').first();
    const options = await select.locator('option').allInnerTexts();
    await select.selectOption({ index: options.length - 1 });
    await noJs.getByRole('button', { name: /Go/ }).first().click();
    await noJs.waitForURL(/\/chapters\/\d+$/);
    assert.match(await noJs.locator('main').innerText(), /Previous Chapter/);
    await context.close();
  });

  it('opens the entire work with every chapter', async () => {
    await page.getByRole('link', { name: /Entire Work/ }).first().click();
    await page.waitForURL(/view_full_work=true/);
    const chapters = await page.locator('section.chapter').count();
    assert.equal(chapters, 2);
    await screenshot(page, 'work-entire');
  });

  it('reads comfortably on a phone and in dark mode', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark', isMobile: true });
    const phone = await context.newPage();
    await phone.goto(page.url());
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling (overflow ${overflow}px)`);
    const background = await phone.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.notEqual(background, 'rgb(255, 255, 255)', 'dark theme follows the system setting');
    await screenshot(phone, 'work-phone-dark');
    const violations = await checkAccessibility(phone);
    assert.equal(violations.length, 0, formatViolations(violations));
    await context.close();
  });

  it('shows Japanese and French works in their own languages', async () => {
    await page.goto(server.url);
    await page.getByRole('link', { name: '月を待つ夜' }).first().click();
    assert.match(await page.locator('main').innerText(), /日本語/);
    await screenshot(page, 'work-japanese');
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Ce que mangent les moineaux' }).first().click();
    assert.match(await page.locator('main').innerText(), /Français/);
  });
});
