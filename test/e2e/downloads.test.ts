// A guest in Chromium downloads a demo work in every format from the work page's Download menu —
// the multi-chapter "The Rules of Correspondence" and the Japanese "月を待つ夜" — through the
// browser's own download handling, then opens each file: the EPUB passes epubcheck, the HTML
// renders in the browser (file://), the text and Markdown hold the title and the story, and PDF,
// MOBI and AZW3 carry their formats' magic when Calibre's ebook-convert is installed — or, when it
// is not, the link leads to a page saying that Calibre is needed. A second archive, started with no
// ebook-convert on its PATH, checks that message on every machine. Screenshots go to
// test-artifacts/screenshots/downloads-*.png.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { browserAvailability, checkAccessibility, formatViolations, screenshot } from '../support/browser.ts';
import { assertValidEpub, assertValidHtml, epubcheckUnavailable } from '../support/epubcheck.ts';
import { startArchive, type E2eArchive } from '../support/e2e-archive.ts';

const availability = browserAvailability();
const epubcheckMissing = await epubcheckUnavailable();
if (epubcheckMissing) console.log(`${epubcheckMissing} — the downloaded EPUB and HTML are not validated`);
/** The server runs with this process's PATH, so this says what it will find. */
const calibreInstalled = spawnSync('which', ['ebook-convert'], { stdio: 'ignore' }).status === 0;

/** The menu's links, in order, and the formats they lead to. */
const MENU = [
  ['EPUB', 'epub'],
  ['AZW3', 'azw3'],
  ['MOBI', 'mobi'],
  ['PDF', 'pdf'],
  ['HTML', 'html'],
  ['Plain text', 'txt'],
  ['Markdown', 'md'],
] as const;
type Format = (typeof MENU)[number][1];
const LABEL = Object.fromEntries(MENU.map(([label, format]) => [format, label])) as Record<Format, string>;

const CONTENT_TYPES: Record<Format, string> = {
  epub: 'application/epub+zip',
  html: 'text/html; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  pdf: 'application/pdf',
  mobi: 'application/x-mobipocket-ebook',
  azw3: 'application/vnd.amazon.ebook',
};

/** Calibre's formats: a PDF starts with %PDF; MOBI and AZW3 are Palm databases typed BOOKMOBI. */
const CALIBRE_FORMATS = ['pdf', 'mobi', 'azw3'] as const;
function hasMagic(bytes: Buffer, format: (typeof CALIBRE_FORMATS)[number]): boolean {
  return format === 'pdf' ? bytes.subarray(0, 5).toString('latin1') === '%PDF-' : bytes.subarray(60, 68).toString('latin1') === 'BOOKMOBI';
}
const needsCalibre = (format: string) => new RegExp(`${format.toUpperCase()} downloads need Calibre’?'?s ebook-convert, which is not installed on this server\\.`);

interface DemoWork {
  title: string;
  lang: string;
  /** The chapter headings of the downloads; none for a single untitled chapter. */
  chapters: string[];
  /** Sentences of the story (src/demo/works/*.md), one from each end. */
  sentences: string[];
  /** A name for screenshots. */
  shot: string;
}

const WORKS: DemoWork[] = [
  {
    title: 'The Rules of Correspondence',
    lang: 'en',
    chapters: ['Chapter 1: In Which Mr. Darcy Writes a Short Letter', 'Chapter 2: In Which Miss Elizabeth Bennet Replies'],
    sentences: ['I have further resolved that it shall be short.', 'I have only happened to notice that there are four.'],
    shot: 'rules',
  },
  {
    title: '月を待つ夜',
    lang: 'ja',
    chapters: [],
    sentences: ['紫の上は硯を引きよせ、ゆっくりと墨をすった。', '送らない歌も、歌であることにかわりはない。'],
    shot: 'tsuki',
  },
];

interface Downloaded {
  file: string;
  bytes: Buffer;
  /** The name Chromium chose from Content-Disposition. */
  name: string;
  contentType: string;
  disposition: string;
}

describe('[sqlite] downloading works in a browser', { skip: availability.ok ? false : availability.reason }, () => {
  let archive: E2eArchive;
  let page: Page;
  let saveDir: string;

  before(async () => {
    saveDir = fs.mkdtempSync(path.join(os.tmpdir(), 'owlery-e2e-saved-'));
    archive = await startArchive({ prefix: 'owlery-e2e-downloads-', context: { acceptDownloads: true } });
    page = archive.page;
  });
  after(async () => {
    await archive?.close();
    if (saveDir) fs.rmSync(saveDir, { recursive: true, force: true });
  });

  /** Clicks a format in the Download menu and saves what the browser downloads. */
  async function download(label: string, timeout = 30_000): Promise<Downloaded> {
    const link = await menuLink(page, label);
    const href = await link.getAttribute('href');
    assert.ok(href);
    const response = page.waitForResponse((r) => new URL(r.url()).pathname === href, { timeout });
    const [saved] = await Promise.all([page.waitForEvent('download', { timeout }), link.click()]);
    const headers = (await response).headers();
    assert.equal(await saved.failure(), null, `the ${label} download failed`);
    const name = saved.suggestedFilename();
    const file = path.join(saveDir, name);
    await saved.saveAs(file);
    return { file, bytes: fs.readFileSync(file), name, contentType: headers['content-type'] ?? '', disposition: headers['content-disposition'] ?? '' };
  }

  for (const work of WORKS) {
    describe(work.title, () => {
      let workUrl: string;
      /** Where each format was saved. */
      const saved = new Map<Format, string>();

      before(async () => {
        await page.goto(archive.url('/'));
        await page.getByRole('link', { name: work.title, exact: true }).first().click();
        await page.waitForURL(/\/works\/\d+$/);
        workUrl = page.url();
      });

      it('offers every format in the Download menu', async () => {
        const menu = downloadMenu(page);
        assert.equal(await menu.getByRole('link').count(), 0, 'the menu starts closed');
        await menu.getByText('Download', { exact: true }).click();
        const links = menu.getByRole('link');
        assert.deepEqual(await links.allInnerTexts(), MENU.map(([label]) => label));
        const workId = /\/works\/(\d+)$/.exec(workUrl)![1];
        for (const [i, [, format]] of MENU.entries()) {
          const href = decodeURIComponent((await links.nth(i).getAttribute('href')) ?? '');
          assert.match(href, new RegExp(`^/downloads/${workId}/[^/]+\\.${format}$`));
        }
        await screenshot(page, `downloads-${work.shot}-menu`);
        const violations = await checkAccessibility(page);
        assert.equal(violations.length, 0, formatViolations(violations));
      });

      it('downloads an EPUB that epubcheck passes, named after the title', async () => {
        const epub = await download('EPUB');
        saved.set('epub', epub.file);
        assert.equal(epub.contentType, CONTENT_TYPES.epub);
        assert.equal(epub.name, `${work.title}.epub`, `Content-Disposition: ${epub.disposition}`);
        // An attachment, with a plain ASCII name for old clients besides the UTF-8 one.
        const header = /^attachment; filename="([\x20-\x7e]+)"; filename\*=UTF-8''(\S+)$/.exec(epub.disposition);
        assert.ok(header, `Content-Disposition: ${epub.disposition}`);
        assert.match(header[1]!, /^[A-Za-z0-9_]+\.epub$/);
        assert.equal(decodeURIComponent(header[2]!), `${work.title}.epub`);
        assert.equal(epub.bytes.subarray(0, 2).toString('latin1'), 'PK');
        if (!epubcheckMissing) await assertValidEpub(epub.bytes, `the EPUB of ${work.title}`);
      });

      it('downloads HTML that opens in the browser with the title, chapters and story', async () => {
        const got = await download('HTML');
        saved.set('html', got.file);
        assert.equal(got.contentType, CONTENT_TYPES.html);
        assert.equal(got.name, `${work.title}.html`);
        const reader = await page.context().newPage();
        try {
          await reader.goto(pathToFileURL(got.file).href);
          assert.equal(await reader.title(), work.title);
          assert.equal(await reader.locator('html').getAttribute('lang'), work.lang);
          assert.deepEqual(await reader.getByRole('heading', { level: 1 }).allInnerTexts(), [work.title]);
          assert.deepEqual(await reader.locator('#chapters h2').allInnerTexts(), work.chapters);
          for (const chapter of work.chapters) assert.ok(await reader.getByRole('heading', { level: 2, name: chapter }).isVisible(), chapter);
          const text = await reader.locator('#chapters').innerText();
          for (const sentence of work.sentences) assert.ok(text.includes(sentence), `the story has “${sentence}”`);
          // The stylesheet is inline, so the file looks right on its own: the title is centred.
          assert.equal(await reader.locator('h1').evaluate((h) => getComputedStyle(h).textAlign), 'center');
          await screenshot(reader, `downloads-${work.shot}-html`);
        } finally {
          await reader.close();
        }
        if (!epubcheckMissing) await assertValidHtml(got.bytes.toString('utf8'), `the HTML download of ${work.title}`);
      });

      it('downloads plain text and Markdown with the title and the story', async () => {
        for (const format of ['txt', 'md'] as const) {
          const got = await download(LABEL[format]);
          saved.set(format, got.file);
          assert.equal(got.contentType, CONTENT_TYPES[format]);
          assert.equal(got.name, `${work.title}.${format}`);
          const text = got.bytes.toString('utf8');
          const firstLine = text.split('\n')[0];
          assert.equal(firstLine, format === 'md' ? `# ${work.title}` : work.title);
          for (const chapter of work.chapters) assert.ok(text.includes(chapter), `${format} has the heading “${chapter}”`);
          for (const sentence of work.sentences) assert.ok(text.includes(sentence), `${format} has “${sentence}”`);
          assert.doesNotMatch(text, /<\/?(p|em|div|section)\b/, `${format} has no HTML tags`);
        }
      });

      // The server runs with --port 0 and no OWLERY_BASE_URL, so "the address it listens on"
      // (config.ts publicBaseUrl) is the port it was given, which is the one it printed.
      it('links the downloads back to the work at the address the archive listens on', () => {
        const linked = (text: string) => /https?:\/\/[^\s"<>()]+\/works\/\d+/.exec(text)?.[0] ?? 'no work at all';
        for (const format of ['html', 'txt', 'md'] as const) {
          const file = saved.get(format);
          assert.ok(file, `the ${format} download was saved by the tests above`);
          const text = fs.readFileSync(file, 'utf8');
          assert.ok(text.includes(workUrl), `the ${format} download should link to ${workUrl}; it links to ${linked(text)}`);
        }
      });

      it(
        calibreInstalled ? 'downloads PDF, MOBI and AZW3 made by Calibre' : 'says PDF, MOBI and AZW3 need Calibre, which is not installed',
        { timeout: 150_000 },
        async () => {
          for (const format of CALIBRE_FORMATS) {
            if (calibreInstalled) {
              const got = await download(LABEL[format], 120_000);
              assert.equal(got.contentType, CONTENT_TYPES[format]);
              assert.equal(got.name, `${work.title}.${format}`);
              assert.ok(hasMagic(got.bytes, format), `${got.name} is not a ${format.toUpperCase()}: ${JSON.stringify(got.bytes.subarray(0, 80).toString('latin1'))}`);
            } else {
              await assertNeedsCalibre(page, format);
              await page.goto(workUrl);
            }
          }
        },
      );
    });
  }
});

describe('[sqlite] downloads from an archive without Calibre', { skip: availability.ok ? false : availability.reason }, () => {
  let archive: E2eArchive;
  let emptyBin: string;

  before(async () => {
    // A PATH with nothing on it: the server finds no ebook-convert however the machine is set up.
    emptyBin = fs.mkdtempSync(path.join(os.tmpdir(), 'owlery-e2e-no-calibre-'));
    archive = await startArchive({ prefix: 'owlery-e2e-downloads-', serverEnv: { PATH: emptyBin } });
  });
  after(async () => {
    await archive?.close();
    if (emptyBin) fs.rmSync(emptyBin, { recursive: true, force: true });
  });

  it('leads PDF, MOBI and AZW3 to a page saying Calibre is needed, and still gives an EPUB', async () => {
    const { page } = archive;
    await page.goto(archive.url('/'));
    await page.getByRole('link', { name: '月を待つ夜', exact: true }).first().click();
    await page.waitForURL(/\/works\/\d+$/);
    const workUrl = page.url();
    for (const format of CALIBRE_FORMATS) {
      await assertNeedsCalibre(page, format);
      if (format === 'pdf') await screenshot(page, 'downloads-needs-calibre');
      await page.goto(workUrl);
    }
    const link = await menuLink(page, 'EPUB');
    const [saved] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.equal(await saved.failure(), null);
    assert.equal(saved.suggestedFilename(), '月を待つ夜.epub');
  });
});

function downloadMenu(page: Page): Locator {
  return page.locator('details').filter({ has: page.locator('summary', { hasText: /^Download$/ }) });
}

/** The menu's link for a format, opening the menu first if it is closed. */
async function menuLink(page: Page, label: string): Promise<Locator> {
  const menu = downloadMenu(page);
  if (!(await menu.evaluate((details) => (details as HTMLDetailsElement).open))) await menu.locator('summary').click();
  return menu.getByRole('link', { name: label, exact: true });
}

/** Clicks the format's link: no download, but a page that says Calibre is missing. */
async function assertNeedsCalibre(page: Page, format: string): Promise<void> {
  let downloaded = false;
  const onDownload = () => (downloaded = true);
  page.on('download', onDownload);
  try {
    const link = await menuLink(page, LABEL[format as Format]);
    const [response] = await Promise.all([page.waitForEvent('response', (r) => /\/downloads\//.test(r.url())), link.click()]);
    await page.waitForURL(/\/downloads\/\d+\//);
    assert.equal(response.status(), 422);
    assert.match(await page.locator('main').innerText(), needsCalibre(format));
    assert.equal(downloaded, false, `the ${format} link started a download`);
  } finally {
    page.off('download', onDownload);
  }
}
