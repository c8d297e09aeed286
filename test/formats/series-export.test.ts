// A whole series as one book: the EPUB (structure, nested contents, metadata, languages, and
// epubcheck with no errors and no warnings), the HTML (valid, ids unique across works) and the
// TXT and Markdown, each holding the works in series order after the series' own title page.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { unzipSync, strFromU8 } from 'fflate';
import { DomUtils, parseDocument } from 'htmlparser2';
import { buildSeriesEpub, seriesEpubIdentifier } from '../../src/formats/export/epub-series.ts';
import { buildSeriesHtml } from '../../src/formats/export/html.ts';
import { buildSeriesText } from '../../src/formats/export/text-document.ts';
import { buildSeriesExport } from '../../src/formats/export/index.ts';
import { contentDisposition, seriesDownloadUrl } from '../../src/formats/export/filename.ts';
import type { ExportSeriesBook, ExportWork } from '../../src/formats/export/types.ts';
import { assertValidEpub, assertValidHtml, epubcheckUnavailable } from '../support/epubcheck.ts';
import { chapter, exportWork, MESSY_HTML } from './export-fixtures.ts';

const SITE = 'http://archive.test';
const unavailable = (await epubcheckUnavailable()) ?? false;

function part(n: number, overrides: Partial<ExportWork>): ExportWork {
  const id = 40 + n;
  return exportWork({
    id,
    url: `${SITE}/works/${id}`,
    series: [{ title: 'Tides & Lanterns', position: n, url: `${SITE}/series/5` }],
    ...overrides,
  });
}

const FIRST = part(1, {
  title: 'The Ferry at Dawn',
  notesHtml: '<p>Work notes pointing at <a href="#fn1">the first footnote</a>.</p>',
  chapters: [
    chapter(1, { title: 'Departure', contentHtml: '<p>She wrote<a href="#fn1"><sup>1</sup></a> the log.</p><p><a name="fn1">1.</a> In pencil.</p>' }),
    chapter(2, { title: 'Arrival', contentHtml: '<p>Land at last.<a href="#fn1">1</a></p><p><a name="fn1">1.</a> Chapter two’s own note.</p>' }),
  ],
});
const SECOND = part(2, {
  title: '灯台の夜',
  language: 'ja',
  languageName: '日本語',
  creators: [{ name: '灯守 (tomori)', url: `${SITE}/users/tomori/pseuds/%E7%81%AF%E5%AE%88` }],
  summaryHtml: '<p>港の灯台守の話。</p>',
  chapters: [chapter(1, { title: '', contentHtml: '<p>霧が港を包んでいた。<a href="#fn1">*</a></p><p><a name="fn1">*</a> 注。</p>' })],
  chaptered: false,
  chapterCount: 1,
  expectedChapters: 1,
});
const THIRD = part(3, {
  title: 'A Gift With No Name',
  anonymous: true,
  creators: [],
  endNotesHtml: '<p>The end of the crossing.</p>',
  chapters: [chapter(1, { title: 'Fog', contentHtml: MESSY_HTML }), chapter(2, { title: 'Clear' }), chapter(3, { title: 'Harbour' })],
  chapterCount: 3,
  expectedChapters: null,
  complete: false,
  modifiedAt: '2026-11-22T08:00:00.000Z',
  updatedAt: '2026-11-22T08:00:00.000Z',
});

function seriesBook(overrides: Partial<ExportSeriesBook> = {}): ExportSeriesBook {
  return {
    id: 5,
    title: 'Tides & Lanterns',
    url: `${SITE}/series/5`,
    creators: [FIRST.creators[0]!, SECOND.creators[0]!],
    summaryHtml: '<p>Three crossings, one <a href="/tags/Fog">fog</a>.</p>',
    notesHtml: '<p>Read in any order, but <a href="#start">the first</a> is best first.</p><p><a name="start">*</a></p>',
    complete: false,
    works: [FIRST, SECOND, THIRD],
    publishedAt: '2026-11-01T09:00:00.000Z',
    modifiedAt: '2026-11-21T10:00:00.000Z',
    siteName: 'Owlery Test',
    siteUrl: SITE,
    ...overrides,
  };
}

function entries(epub: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(epub)).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

/** The positions of `needles` in `text`, asserting each is there. */
function positions(text: string, needles: readonly string[], label: string): number[] {
  return needles.map((needle) => {
    const at = text.indexOf(needle);
    assert.ok(at >= 0, `${label} contains ${needle}`);
    return at;
  });
}

function assertInOrder(text: string, needles: readonly string[], label: string): void {
  const at = positions(text, needles, label);
  assert.deepEqual([...at].sort((a, b) => a - b), at, `${label} has ${needles.join(', ')} in that order`);
}

const TITLES = ['The Ferry at Dawn', '灯台の夜', 'A Gift With No Name'];

describe('series EPUB', () => {
  const files = entries(buildSeriesEpub(seriesBook()));

  it('opens with the series’ title page, then each work’s preface, chapters and afterword in series order', () => {
    const opf = files['OEBPS/content.opf']!;
    const spine = [...opf.matchAll(/<itemref idref="([^"]+)"\/>/g)].map((m) => m[1]);
    assert.deepEqual(spine, [
      'series', 'nav',
      'w01-preface', 'w01-chapter-1', 'w01-chapter-2', 'w01-afterword',
      'w02-preface', 'w02-chapter-1', 'w02-afterword',
      'w03-preface', 'w03-chapter-1', 'w03-chapter-2', 'w03-chapter-3', 'w03-afterword',
    ]);
    for (const [i, title] of TITLES.entries()) assert.match(files[`OEBPS/w0${i + 1}-preface.xhtml`]!, new RegExp(`<h1 class="title">${title}</h1>`));
    assert.match(files['OEBPS/w01-chapter-001.xhtml']!, /She wrote/);
    assert.match(files['OEBPS/w03-afterword.xhtml']!, /The end of the crossing\./);
    assert.match(files['OEBPS/w01-preface.xhtml']!, /Part 1 of Tides &amp; Lanterns/);
    assert.match(files['OEBPS/w01-preface.xhtml']!, /<a href="w01-chapter-001.xhtml#c1-fn1">the first footnote<\/a>/, 'a work’s links stay within its own part');
    assert.match(files['OEBPS/w01-chapter-002.xhtml']!, /<a href="#c2-fn1">1<\/a>/);
  });

  it('has a title page with the series’ creators, description, notes and list of works', () => {
    const page = files['OEBPS/series.xhtml']!;
    assert.match(page, /epub:type="titlepage"/);
    assert.match(page, /<h1 class="title">Tides &amp; Lanterns<\/h1>/);
    assert.match(page, /by <a rel="author" href="http:\/\/archive.test\/users\/tidewriter">tidewriter<\/a> and <a rel="author" [^>]+>灯守 \(tomori\)<\/a>/);
    assert.match(page, /Three crossings, one <a href="http:\/\/archive.test\/tags\/Fog">fog<\/a>\./, 'links resolve against the series page');
    assert.match(page, /<a href="#series-start">the first<\/a>/);
    assert.match(page, /Works:<\/dt><dd>3<\/dd>/);
    assertInOrder(page, ['href="w01-preface.xhtml">The Ferry at Dawn</a> by tidewriter', 'href="w02-preface.xhtml">灯台の夜</a> by 灯守 (tomori)', 'href="w03-preface.xhtml">A Gift With No Name</a> by Anonymous'], 'the list of works');
    assert.match(page, /<li lang="ja" xml:lang="ja"><a href="w02-preface.xhtml">/);
  });

  it('nests the contents series → work → chapters, in the navigation document and the NCX', () => {
    const nav = files['OEBPS/nav.xhtml']!;
    const toc = nav.slice(nav.indexOf('epub:type="toc"'), nav.indexOf('epub:type="landmarks"'));
    assert.match(toc, /<ol><li><a href="series.xhtml">Tides &amp; Lanterns<\/a><\/li><li><a href="w01-preface.xhtml">The Ferry at Dawn<\/a><ol><li><a href="w01-chapter-001.xhtml">Chapter 1: Departure<\/a><\/li><li><a href="w01-chapter-002.xhtml">Chapter 2: Arrival<\/a><\/li><li><a href="w01-afterword.xhtml">Afterword<\/a><\/li><\/ol><\/li>/);
    assertInOrder(toc, TITLES, 'the contents');
    const ncx = files['OEBPS/toc.ncx']!;
    assert.match(ncx, /<meta name="dtb:depth" content="2"\/>/);
    assert.match(ncx, /<navPoint id="nav-2" playOrder="2"><navLabel><text>The Ferry at Dawn<\/text><\/navLabel><content src="w01-preface.xhtml"\/>\n<navPoint id="nav-3" playOrder="3"><navLabel><text>Chapter 1: Departure<\/text>/);
    const orders = [...ncx.matchAll(/playOrder="(\d+)"/g)].map((m) => Number(m[1]));
    assert.deepEqual(orders, orders.map((_, i) => i + 1), 'play order follows reading order');
    assert.match(ncx, /<docAuthor><text>tidewriter and 灯守 \(tomori\)<\/text><\/docAuthor>/);
  });

  it('describes the series in the package: title, creators, languages, collection', () => {
    const opf = files['OEBPS/content.opf']!;
    assert.match(opf, /<dc:title id="title">Tides &amp; Lanterns<\/dc:title>/);
    assert.match(opf, /<dc:creator id="creator-1">tidewriter<\/dc:creator>/);
    assert.match(opf, /<dc:creator id="creator-2">灯守 \(tomori\)<\/dc:creator>/);
    assert.doesNotMatch(opf, /creator-3/);
    assert.match(opf, /<dc:language>en<\/dc:language>\n<dc:language>ja<\/dc:language>/, 'the first work’s language first');
    assert.match(opf, /<package [^>]*xml:lang="en">/);
    assert.match(opf, /<meta property="belongs-to-collection" id="series-1">Tides &amp; Lanterns<\/meta>/);
    assert.match(opf, /<meta refines="#series-1" property="collection-type">series<\/meta>/);
    assert.match(opf, /<dc:source>http:\/\/archive.test\/series\/5<\/dc:source>/);
    assert.match(opf, /<dc:description>Three crossings, one fog \(http:\/\/archive.test\/tags\/Fog\)\.<\/dc:description>/);
    assert.match(opf, /<meta property="dcterms:modified">2026-11-22T08:00:00Z<\/meta>/, 'the latest change among the works');
    assert.match(opf, /<dc:date>2026-11-01<\/dc:date>/);
    assert.match(opf, new RegExp(`<dc:identifier id="uid">${seriesEpubIdentifier({ url: `${SITE}/series/5` })}</dc:identifier>`));
    assert.match(files['OEBPS/w02-chapter-001.xhtml']!, /xml:lang="ja" lang="ja"/, 'each work’s documents carry its language');
    assert.match(files['OEBPS/w01-chapter-001.xhtml']!, /xml:lang="en" lang="en"/);
  });

  it('says "Anonymous" when every work is anonymous, and names nobody', () => {
    const anonymous = (w: ExportWork) => ({ ...w, anonymous: true, creators: [] });
    const epub = entries(buildSeriesEpub(seriesBook({ creators: [], works: [FIRST, SECOND, THIRD].map(anonymous) })));
    assert.match(epub['OEBPS/content.opf']!, /<dc:creator id="creator-1">Anonymous<\/dc:creator>/);
    assert.match(epub['OEBPS/series.xhtml']!, /<p class="byline">by Anonymous<\/p>/);
    for (const [name, content] of Object.entries(epub)) assert.doesNotMatch(content, /tidewriter|tomori/, name);
  });

  it('gives the same bytes for the same series', () => {
    assert.deepEqual(buildSeriesEpub(seriesBook()), buildSeriesEpub(seriesBook()));
  });

  it('passes epubcheck with no errors and no warnings: three works, mixed languages, footnotes, messy HTML', { skip: unavailable }, async () => {
    await assertValidEpub(buildSeriesEpub(seriesBook()), 'a three-work series');
  });

  it('passes epubcheck for a series of one work', { skip: unavailable }, async () => {
    await assertValidEpub(buildSeriesEpub(seriesBook({ works: [SECOND], summaryHtml: '', notesHtml: '' })), 'a one-work series');
  });
});

describe('series HTML, TXT and Markdown', () => {
  it('lays out the series in one HTML file: the series’ opening, then each work as an article', () => {
    const document = buildSeriesHtml(seriesBook());
    assert.match(document, /<html xmlns="http:\/\/www.w3.org\/1999\/xhtml" lang="en" xml:lang="en">/);
    assert.match(document, /<title>Tides &amp; Lanterns<\/title>/);
    assert.match(document, /<meta name="author" content="tidewriter and 灯守 \(tomori\)"\/>/);
    const dom = parseDocument(document);
    const ids = DomUtils.findAll((el) => el.attribs.id !== undefined, dom.children).map((el) => el.attribs.id!);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'no id twice');
    for (const id of ['series', 'work-1', 'work-2', 'work-3', 'work-1-chapter-2', 'work-3-endnotes', 'work-1-c1-fn1', 'work-1-c2-fn1', 'work-2-c1-fn1']) assert.ok(ids.includes(id), `#${id}`);
    const links = DomUtils.findAll((el) => el.name === 'a' && el.attribs.href?.startsWith('#') === true, dom.children).map((el) => el.attribs.href!.slice(1));
    assert.deepEqual(links.filter((id) => !ids.includes(id)), [], 'every in-page link reaches an id');
    assert.match(document, /<article class="work" id="work-2" lang="ja" xml:lang="ja">/);
    assertInOrder(document, TITLES.map((t) => `<h2 class="title">${t}</h2>`), 'the HTML');
    assert.match(document, /<h3 class="chapter-title">Chapter 1: Departure<\/h3>/);
  });

  it('writes TXT and Markdown with the series first and each work’s title in order', () => {
    const txt = buildSeriesText(seriesBook(), 'txt');
    assert.match(txt, /^Tides & Lanterns\nby tidewriter and 灯守 \(tomori\)\n\nA series posted on Owlery Test at http:\/\/archive.test\/series\/5\n/);
    assert.match(txt, /Works in this series\n\n1\. The Ferry at Dawn by tidewriter\n2\. 灯台の夜 by 灯守 \(tomori\)\n3\. A Gift With No Name by Anonymous/);
    assertInOrder(txt, [...TITLES.map((t) => `\n${t}\nby `), 'The end of the crossing.'], 'the TXT');
    assert.match(txt, /Description\n\nThree crossings, one fog \(http:\/\/archive.test\/tags\/Fog\)\./);

    const md = buildSeriesText(seriesBook(), 'md');
    assert.match(md, /^# Tides & Lanterns\n\nby \[tidewriter\]\(http:\/\/archive.test\/users\/tidewriter\), \[灯守 \(tomori\)\]/);
    assertInOrder(md, TITLES.map((t) => `\n## ${t}\n`), 'the Markdown');
    assert.match(md, /\n### Chapter 1: Departure\n/);
    assert.match(md, /\n## Works in this series\n\n1\. The Ferry at Dawn by \[tidewriter\]/);
  });

  it('names nobody for anonymous works in any text format', () => {
    const book = seriesBook({ creators: [], works: [THIRD] });
    for (const text of [buildSeriesHtml(book), buildSeriesText(book, 'txt'), buildSeriesText(book, 'md')]) {
      assert.match(text, /by Anonymous/);
      assert.doesNotMatch(text, /tidewriter|name="author"/);
    }
  });

  it('is valid HTML5 with three works, mixed languages and messy chapter HTML', { skip: unavailable }, async () => {
    await assertValidHtml(buildSeriesHtml(seriesBook()), 'a three-work series');
  });

  it('builds through the format switch, and names its files after the series', async () => {
    const bytes = await buildSeriesExport(seriesBook(), 'md');
    assert.match(new TextDecoder().decode(bytes), /^# Tides & Lanterns/);
    assert.equal(seriesDownloadUrl(5, 'Tides & Lanterns', 'epub'), '/downloads/series/5/Tides_Lanterns.epub');
    assert.equal(contentDisposition(5, '灯台', 'epub', 'Series'), `attachment; filename="Series_5.epub"; filename*=UTF-8''%E7%81%AF%E5%8F%B0.epub`);
    assert.equal(contentDisposition(5, 'Tides & Lanterns', 'txt', 'Series'), `attachment; filename="Tides_Lanterns.txt"; filename*=UTF-8''Tides%20%26%20Lanterns.txt`);
  });
});
