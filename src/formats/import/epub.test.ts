import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { Invalid } from '../../domain/errors.ts';
import { MAX_IMPORT_BYTES, parseImportFile } from './index.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures');

const CONTAINER = `<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`;

/** An EPUB 2 package document listing `items` (id → href) in that spine order, plus an NCX. */
function opf(items: Array<[string, string]>, metadata = '<dc:title>Synthetic</dc:title>'): string {
  return `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">${metadata}</metadata>
<manifest>${items.map(([id, href]) => `<item id="${id}" href="${href}" media-type="application/xhtml+xml"/>`).join('')}
<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/></manifest>
<spine toc="ncx">${items.map(([id]) => `<itemref idref="${id}"/>`).join('')}</spine></package>`;
}

const page = (body: string) => `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>p</title></head><body>${body}</body></html>`;

function zip(files: Record<string, string | Uint8Array>): Uint8Array {
  const entries: Zippable = { mimetype: [strToU8('application/epub+zip'), { level: 0 }] };
  for (const [name, data] of Object.entries(files)) entries[name] = typeof data === 'string' ? strToU8(data) : data;
  return zipSync(entries, { level: 9 });
}

/** A valid EPUB with the given chapter bodies, with any of its parts replaced or removed (null). */
function book(chapters: string[], overrides: Record<string, string | Uint8Array | null> = {}): Uint8Array {
  const files: Record<string, string | Uint8Array> = {
    'META-INF/container.xml': CONTAINER,
    'OEBPS/content.opf': opf(chapters.map((_, i) => [`c${i}`, `c${i}.xhtml`])),
    'OEBPS/toc.ncx': '<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/"><navMap/></ncx>',
  };
  chapters.forEach((body, i) => { files[`OEBPS/c${i}.xhtml`] = page(body); });
  for (const [name, data] of Object.entries(overrides)) {
    if (data === null) delete files[name];
    else files[name] = data;
  }
  return zip(files);
}

async function refuses(bytes: Uint8Array, name: string, ...patterns: RegExp[]) {
  await assert.rejects(parseImportFile(bytes, name), (error: unknown) => {
    assert.ok(error instanceof Invalid, `expected Invalid, got ${String(error)}`);
    assert.match(error.message, new RegExp(`"${name.replace('.', '\\.')}"`));
    for (const p of patterns) assert.match(error.message, p);
    return true;
  });
}

describe('EPUB import: a generic EPUB 3 (test/fixtures/story.epub)', () => {
  it('makes one chapter per text document, in spine order, titled from the nav or the heading', async () => {
    const doc = await parseImportFile(fs.readFileSync(path.join(FIXTURES, 'story.epub')), 'story.epub');
    assert.equal(doc.format, 'epub');
    assert.equal(doc.title, 'The Bell Ringer’s Daughter');
    // The manifest lists ch3, ch2, ch1; the spine's order wins. The cover (linear="no"), the title
    // page (epub:type="titlepage") and the nav document are not chapters.
    assert.deepEqual(doc.chapters.map((c) => c.title), ['One: The Rope', 'Counting', 'Three']);
    assert.match(doc.chapters[0]?.html ?? '', /^<p>Nobody in Ashby Cross/);
    assert.doesNotMatch(doc.chapters[0]?.html ?? '', /<h1>/, 'the opening heading leaves the body');
    assert.match(doc.chapters[0]?.html ?? '', /<em>rain and pigeons<\/em>/);
    assert.match(doc.chapters[1]?.html ?? '', /going down,\u00a0two/, '&nbsp; is decoded');
    assert.doesNotMatch(doc.chapters[1]?.html ?? '', /<img|<p><\/p>/, 'pictures inside the book are dropped');
    assert.match(doc.chapters[2]?.html ?? '', /^<p>In the spring Agnes/);
  });

  it('reads the Dublin Core metadata and the series', async () => {
    const doc = await parseImportFile(fs.readFileSync(path.join(FIXTURES, 'story.epub')), 'story.epub');
    assert.deepEqual(doc.metadata, {
      source: 'epub',
      creators: ['Wren Calloway'],
      rating: null,
      warnings: [],
      categories: [],
      fandoms: [],
      relationships: [],
      characters: [],
      freeforms: ['Village Life', 'Mothers and Daughters'],
      language: 'en',
      summaryHtml: '<p>A girl climbs a bell tower in her mother&#39;s place.</p>',
      notesHtml: '',
      endNotesHtml: '',
      series: [{ title: 'Ashby Cross Stories', position: 1 }],
      publishedAt: '2020-11-05',
      expectedChapters: null,
    });
  });

  it('refuses a truncated EPUB (test/fixtures/broken.epub), naming the file', async () => {
    await refuses(fs.readFileSync(path.join(FIXTURES, 'broken.epub')), 'broken.epub', /not a valid EPUB/);
    await refuses(strToU8('just some text, not a zip'), 'notes.epub', /not a valid EPUB/);
  });
});

describe('EPUB import: EPUB 2 books', () => {
  it('titles chapters from the NCX, and keeps untitled files untitled', async () => {
    const ncx = `<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/"><navMap>
<navPoint id="a"><navLabel><text>First Light</text></navLabel><content src="c0.xhtml#start"/></navPoint></navMap></ncx>`;
    const doc = await parseImportFile(book(['<p>Morning.</p>', '<p>Evening.</p>'], { 'OEBPS/toc.ncx': ncx }), 'two.epub');
    assert.deepEqual(doc.chapters.map((c) => [c.title, c.html]), [['First Light', '<p>Morning.</p>'], ['', '<p>Evening.</p>']]);
  });

  it('splits a book held in one file at its headings, or at --chapter-split lines', async () => {
    const one = book(['<h1>Whole Book</h1><h2>Start</h2><p>a</p><h2>End</h2><p>b</p>']);
    const doc = await parseImportFile(one, 'single.epub');
    assert.deepEqual(doc.chapters.map((c) => c.title), ['Start', 'End']);
    assert.equal(doc.title, 'Synthetic', 'the package title comes first');
    const split = await parseImportFile(book(['<p>Part A</p><p>x</p>', '<p>Part B</p><p>y</p>']), 'parts.epub', { chapterSplit: /^Part [AB]$/ });
    assert.deepEqual(split.chapters.map((c) => c.title), ['Part A', 'Part B']);
  });

  it('takes an HTML description as sanitized HTML, and ignores Calibre\'s "unknown" date', async () => {
    const metadata = '<dc:title>T</dc:title><dc:description>&lt;p onclick="x"&gt;Hi &lt;b&gt;there&lt;/b&gt;&lt;/p&gt;</dc:description><dc:date>0101-01-01T00:00:00+00:00</dc:date>';
    const doc = await parseImportFile(book(['<p>x</p>'], { 'OEBPS/content.opf': opf([['c0', 'c0.xhtml']], metadata) }), 'd.epub');
    assert.equal(doc.metadata?.summaryHtml, '<p>Hi <b>there</b></p>');
    assert.equal(doc.metadata?.publishedAt, null);
  });
});

describe('EPUB import: damaged and hostile files', () => {
  it('refuses a file without META-INF/container.xml or without its package document', async () => {
    await refuses(book(['<p>x</p>'], { 'META-INF/container.xml': null }), 'nocontainer.epub', /META-INF\/container\.xml/);
    await refuses(book(['<p>x</p>'], { 'OEBPS/content.opf': null }), 'noopf.epub', /package document OEBPS\/content\.opf is missing/);
  });

  it('refuses a spine that names a missing file, or has no text documents', async () => {
    await refuses(book(['<p>x</p>'], { 'OEBPS/c0.xhtml': null }), 'missing.epub', /OEBPS\/c0\.xhtml/, /missing/);
    await refuses(book(['<p>x</p>'], { 'OEBPS/content.opf': opf([]) }), 'empty.epub', /empty reading order/);
    await refuses(book(['<p> </p>']), 'blank.epub', /no text to import/);
  });

  it('refuses paths that climb out of the archive', async () => {
    await refuses(book(['<p>x</p>'], { 'OEBPS/content.opf': opf([['c0', '../../../etc/c0.xhtml']]) }), 'escape.epub', /outside the archive/);
    const container = CONTAINER.replace('OEBPS/content.opf', '../content.opf');
    await refuses(book(['<p>x</p>'], { 'META-INF/container.xml': container }), 'escape2.epub', /outside the archive/);
  });

  it('never reads remote resources: a spine of web addresses has nothing to import', async () => {
    await refuses(book(['<p>x</p>'], { 'OEBPS/content.opf': opf([['c0', 'https://example.com/c0.xhtml']]) }), 'remote.epub', /empty reading order/);
  });

  it('refuses a zip bomb by the declared sizes, before inflating it', async () => {
    // 60 MB of one repeated character compresses to a few dozen kilobytes.
    const huge = new Uint8Array(60 * 1024 * 1024).fill(0x20);
    const bytes = book(['<p>x</p>'], { 'OEBPS/c0.xhtml': huge });
    assert.ok(bytes.length < MAX_IMPORT_BYTES, `the bomb itself is small (${bytes.length} bytes)`);
    await refuses(bytes, 'bomb.epub', /unpacks to more than 50 MB/);
  });

  it('refuses archives with an absurd number of entries', async () => {
    const overrides: Record<string, string> = {};
    for (let i = 0; i < 5_001; i++) overrides[`OEBPS/junk/${i}.css`] = '';
    await refuses(book(['<p>x</p>'], overrides), 'many.epub', /more than 5,000 files/);
  });
});
