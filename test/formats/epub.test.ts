// The EPUB builder: package structure and metadata, and epubcheck with no errors and no warnings
// for the works that stress it — CJK text, tables, images and footnotes, twenty chapters, a title
// made of punctuation and emoji, an anonymous work, a work in a series.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { unzipSync, strFromU8 } from 'fflate';
import { buildEpub, epubIdentifier } from '../../src/formats/export/epub.ts';
import { uuidV5 } from '../../src/formats/export/uuid.ts';
import type { ExportWork } from '../../src/formats/export/types.ts';
import { assertValidEpub, epubcheckUnavailable } from '../support/epubcheck.ts';
import { chapter, exportWork, MESSY_HTML } from './export-fixtures.ts';

const PUNCTUATED = '“Why?!” — she said: <3 & 🦉✨ / 10/10 #1';

function entries(epub: Uint8Array): Record<string, string> {
  const files = unzipSync(epub);
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

/** The works every check below runs on, by name. */
const WORKS: Record<string, ExportWork> = {
  'a plain two-chapter work': exportWork(),
  'a Japanese work with ruby and CJK punctuation': exportWork({
    title: '月を待つ夜 ——「灯台」',
    language: 'ja',
    languageName: '日本語',
    creators: [{ name: '灯守 (tomori)', url: 'http://archive.test/users/tomori/pseuds/%E7%81%AF%E5%AE%88' }],
    summaryHtml: '<p>港の灯台守と、<em>帰らない船</em>の話。</p>',
    tags: [{ name: 'オリジナル作品', type: 'fandom', url: 'http://archive.test/tags/x' }],
    chapters: [
      chapter(1, { title: '第一章　霧', contentHtml: '<p>霧が<ruby>港<rp>（</rp><rt>みなと</rt><rp>）</rp></ruby>を包んでいた。「まだ来ない」と彼女は言った。</p><p>波の音だけが、夜じゅう続いた。</p>' }),
      chapter(2, { title: '第二章　朝', contentHtml: '<p>朝になっても、船は見えなかった……。</p><p>中文段落：灯塔依然亮着。한국어 문장도 있다.</p>' }),
    ],
  }),
  'a work with tables, images by URL and footnotes': exportWork({
    chapters: [
      chapter(1, {
        title: 'Tables & Footnotes',
        contentHtml: MESSY_HTML,
        notesHtml: '<p>See the <a href="#fn1">first footnote</a>.</p>',
        endNotesHtml: '<p>Back to <a href="#fn1">the note</a>.</p>',
      }),
      chapter(2, { contentHtml: '<p>A second chapter with its own <a href="#fn1">footnote 1</a>.</p><p><a name="fn1">1.</a> Chapter two’s note.</p>' }),
    ],
    notesHtml: '<p>Work notes pointing at <a href="#fn1">a footnote in chapter one</a>.</p>',
  }),
  'a twenty-chapter work': exportWork({
    chapters: Array.from({ length: 20 }, (_, i) => chapter(i + 1, { title: i % 3 === 0 ? '' : `Part ${i + 1}` })),
    chapterCount: 20,
    expectedChapters: null,
    complete: false,
  }),
  'a work whose title is punctuation and emoji': exportWork({
    title: PUNCTUATED,
    summaryHtml: '<p>Tags &amp; entities: &lt;3 — “quotes” … 🦉</p>',
    chapters: [chapter(1, { title: '“Chapter?!” #1 <3' })],
    chaptered: false,
    chapterCount: 1,
    expectedChapters: 1,
  }),
  'an anonymous work': exportWork({ anonymous: true, creators: [] }),
  'a work in a series': exportWork({
    series: [
      { title: 'Crossings', position: 2, url: 'http://archive.test/series/3' },
      { title: 'Sea Stories & Other Things', position: null, url: 'http://archive.test/series/4' },
    ],
  }),
};

describe('EPUB export', () => {
  it('puts an uncompressed mimetype first, then a container pointing at the package', () => {
    const epub = buildEpub(exportWork());
    // Local file header: signature, then the name at offset 30; method 0 (stored) at offset 8.
    assert.equal(strFromU8(epub.subarray(30, 38)), 'mimetype');
    assert.equal(epub[8], 0);
    assert.equal(epub[28], 0, 'no extra field on mimetype');
    assert.equal(strFromU8(epub.subarray(38, 58)), 'application/epub+zip');
    const files = entries(epub);
    assert.equal(Object.keys(files)[0], 'mimetype');
    assert.match(files['META-INF/container.xml']!, /full-path="OEBPS\/content.opf"/);
  });

  it('describes the work in the package document', () => {
    const files = entries(buildEpub(WORKS['a work in a series']!));
    const opf = files['OEBPS/content.opf']!;
    assert.match(opf, /<dc:title id="title">The Ferry at Dawn<\/dc:title>/);
    assert.match(opf, /<dc:creator id="creator-1">tidewriter<\/dc:creator>/);
    assert.match(opf, /<dc:language>en<\/dc:language>/);
    assert.match(opf, /<dc:identifier id="uid">urn:uuid:5fe0dd35-678a-5a67-86d3-7fdd9d754879<\/dc:identifier>/);
    assert.match(opf, /<meta property="dcterms:modified">2026-11-20T18:30:00Z<\/meta>/);
    assert.match(opf, /<dc:date>2026-11-01<\/dc:date>/);
    assert.match(opf, /<dc:subject>Original Work<\/dc:subject>/);
    assert.match(opf, /<dc:description>A ferry, a fog, and a very patient captain.<\/dc:description>/, 'the summary as text');
    assert.match(opf, /<meta property="belongs-to-collection" id="series-1">Crossings<\/meta>/);
    assert.match(opf, /<meta refines="#series-1" property="collection-type">series<\/meta>/);
    assert.match(opf, /<meta refines="#series-1" property="group-position">2<\/meta>/);
    assert.match(opf, /<meta property="belongs-to-collection" id="series-2">Sea Stories &amp; Other Things<\/meta>/);
    assert.doesNotMatch(opf, /refines="#series-2" property="group-position"/);
    assert.match(opf, /properties="nav"/);
    assert.match(opf, /<spine toc="ncx">/);
    const ncx = files['OEBPS/toc.ncx']!;
    assert.match(ncx, /<meta name="dtb:uid" content="urn:uuid:5fe0dd35-678a-5a67-86d3-7fdd9d754879"\/>/);
    const nav = files['OEBPS/nav.xhtml']!;
    assert.match(nav, /epub:type="toc"/);
    assert.match(nav, /epub:type="landmarks"/);
    assert.match(nav, /<a href="chapter-001.xhtml">Chapter 1: Departure<\/a>/);
    assert.match(files['OEBPS/preface.xhtml']!, /Part 2 of Crossings/);
    assert.match(files['OEBPS/title.xhtml']!, /Part 2 of Crossings/);
  });

  it('keeps the identifier stable per work: a UUID v5 of the work’s URL', () => {
    assert.equal(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'), '886313e1-3b8a-5372-9b90-0c9aee199e5d', 'RFC 9562 / Python uuid5 vector');
    assert.equal(epubIdentifier({ url: 'http://archive.test/works/7' }), 'urn:uuid:5fe0dd35-678a-5a67-86d3-7fdd9d754879');
    assert.notEqual(epubIdentifier({ url: 'http://archive.test/works/8' }), epubIdentifier({ url: 'http://archive.test/works/7' }));
    assert.deepEqual(buildEpub(exportWork()), buildEpub(exportWork()), 'the same work gives the same bytes');
  });

  it('writes one XHTML file per chapter with its title, notes, text and end notes', () => {
    const files = entries(
      buildEpub(exportWork({ chapters: [chapter(1, { title: 'Departure', summaryHtml: '<p>Chapter summary.</p>', notesHtml: '<p>Chapter notes.</p>', endNotesHtml: '<p>Chapter end.</p>' }), chapter(2)] })),
    );
    const first = files['OEBPS/chapter-001.xhtml']!;
    assert.match(first, /<h2 class="chapter-title">Chapter 1: Departure<\/h2>/);
    assert.match(first, /Chapter Summary.*Chapter summary\./s);
    assert.match(first, /Chapter Notes.*Chapter notes\./s);
    assert.match(first, /The ferry left at dawn on day 1\./);
    assert.match(first, /Chapter End Notes.*Chapter end\./s);
    assert.match(files['OEBPS/chapter-002.xhtml']!, /<h2 class="chapter-title">Chapter 2<\/h2>/);
    assert.match(files['OEBPS/afterword.xhtml']!, /Thanks for reading!/);
    assert.match(files['OEBPS/afterword.xhtml']!, /http:\/\/archive.test\/works\/7/);
    assert.match(files['OEBPS/preface.xhtml']!, /See the end of the work for <a href="afterword.xhtml#endnotes">more notes<\/a>/);
  });

  it('turns chapter HTML into XHTML: escaped, void elements closed, HTML 4 leftovers replaced, images as links', () => {
    const files = entries(buildEpub(WORKS['a work with tables, images by URL and footnotes']!));
    const text = files['OEBPS/chapter-001.xhtml']!.split('<body>')[1]!;
    assert.match(text, /<hr class="align-center"\/>/);
    assert.doesNotMatch(text, /<(center|strike|big|tt|acronym|img)\b/);
    assert.doesNotMatch(text, / (align|width|border|summary|rel)="/);
    assert.match(text, /<a class="image-link" href="https:\/\/images.example.org\/owl.png">\[Image: An owl\]<\/a>/);
    assert.match(text, /<a href="#c1-fn1"><sup>1<\/sup><\/a>/, 'footnote links reach their anchors');
    assert.match(text, /<a id="c1-fn1">1.<\/a>/);
    assert.match(text, /<p title="a &quot;title&quot; &amp; more">Control characters and {2}gone.<\/p>/);
    assert.match(files['OEBPS/preface.xhtml']!, /<a href="chapter-001.xhtml#c1-fn1">a footnote in chapter one<\/a>/, 'a work note points into the chapter file');
    assert.match(files['OEBPS/chapter-002.xhtml']!, /<a href="#c2-fn1">footnote 1<\/a>/, 'each chapter’s footnote 1 is its own');
  });

  it('marks the language of CJK works and keeps their text', () => {
    const files = entries(buildEpub(WORKS['a Japanese work with ruby and CJK punctuation']!));
    assert.match(files['OEBPS/chapter-001.xhtml']!, /xml:lang="ja" lang="ja"/);
    assert.match(files['OEBPS/chapter-001.xhtml']!, /<ruby>港<rp>（<\/rp><rt>みなと<\/rt><rp>）<\/rp><\/ruby>/);
    assert.match(files['OEBPS/content.opf']!, /<dc:language>ja<\/dc:language>/);
    assert.match(files['OEBPS/content.opf']!, /<dc:title id="title">月を待つ夜 ——「灯台」<\/dc:title>/);
  });

  it('escapes punctuation and keeps emoji in titles', () => {
    const files = entries(buildEpub(WORKS['a work whose title is punctuation and emoji']!));
    assert.match(files['OEBPS/content.opf']!, /<dc:title id="title">“Why\?!” — she said: &lt;3 &amp; 🦉✨ \/ 10\/10 #1<\/dc:title>/);
    assert.match(files['OEBPS/title.xhtml']!, /<title>“Why\?!” — she said: &lt;3 &amp; 🦉✨ \/ 10\/10 #1<\/title>/);
  });

  it('names nobody in an anonymous work', () => {
    const files = entries(buildEpub(WORKS['an anonymous work']!));
    assert.match(files['OEBPS/content.opf']!, /<dc:creator id="creator-1">Anonymous<\/dc:creator>/);
    for (const [name, content] of Object.entries(files)) assert.doesNotMatch(content, /tidewriter/, name);
  });

  describe('epubcheck', async () => {
    const unavailable = await epubcheckUnavailable();
    for (const [name, work] of Object.entries(WORKS)) {
      it(`passes with no errors and no warnings: ${name}`, { skip: unavailable ?? false }, async () => {
        await assertValidEpub(buildEpub(work), name);
      });
    }
  });
});
