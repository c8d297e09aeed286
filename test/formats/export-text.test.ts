// The HTML, plain-text and Markdown downloads, and download file names.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DomUtils, parseDocument } from 'htmlparser2';
import { buildHtml } from '../../src/formats/export/html.ts';
import { buildText } from '../../src/formats/export/text-document.ts';
import { asciiFileName, contentDisposition, downloadSlug, downloadUrl, unicodeFileName } from '../../src/formats/export/filename.ts';
import { assertValidHtml, epubcheckUnavailable } from '../support/epubcheck.ts';
import { chapter, exportWork, MESSY_HTML } from './export-fixtures.ts';

const STORY = exportWork({
  chapters: [
    chapter(1, {
      title: 'Departure',
      summaryHtml: '<p>They leave.</p>',
      contentHtml:
        '<p>The <em>ferry</em> left at <strong>dawn</strong>.</p><p>A second paragraph with <a href="https://example.org/map">a map</a> and 2 * 3 = 6_ish.</p><hr><p># not a heading</p><blockquote><p>A quoted line.</p></blockquote><ul><li>rope</li><li>lantern</li></ul>',
      endNotesHtml: '<p>Chapter end.</p>',
    }),
    chapter(2, { title: 'Arrival', contentHtml: '<p>Line one<br>line two</p><p>- not a list</p>' }),
  ],
});

describe('HTML export', () => {
  it('lays the work out as AO3’s download does: preface, chapters, afterword', () => {
    const document = buildHtml(STORY);
    assert.match(document, /^<!DOCTYPE html>\n<html xmlns="http:\/\/www.w3.org\/1999\/xhtml" lang="en" xml:lang="en">/);
    const dom = parseDocument(document);
    const byId = (id: string) => DomUtils.findOne((el) => el.attribs.id === id, dom.children);
    for (const id of ['preface', 'chapters', 'afterword', 'chapter-1', 'chapter-2', 'endnotes', 'toc']) assert.ok(byId(id), `#${id}`);
    const preface = DomUtils.textContent(byId('preface')!);
    for (const expected of ['The Ferry at Dawn', 'by tidewriter', 'Rating:', 'General Audiences', 'Additional Tag:', 'Fluff', 'Language:', 'English', 'Published: 2026-11-01', 'Words: 28', 'Chapters: 2/2', 'A ferry, a fog']) {
      assert.ok(preface.includes(expected), `preface has ${expected}`);
    }
    const chapters = DomUtils.textContent(byId('chapters')!);
    assert.match(chapters, /Chapter 1: Departure.*Chapter Summary.*They leave\..*The ferry left at dawn\..*Chapter End Notes.*Chapter end\..*Chapter 2: Arrival/s);
    assert.match(DomUtils.textContent(byId('afterword')!), /Thanks for reading!.*http:\/\/archive.test\/works\/7/s);
    // Self-contained: the style is inline, nothing is loaded but the writer's own images.
    assert.match(document, /<style>\nbody \{/);
    assert.doesNotMatch(document, /<link |<script/);
  });

  it('keeps images by URL and names nobody for anonymous works', () => {
    const document = buildHtml(exportWork({ anonymous: true, creators: [], chapters: [chapter(1, { contentHtml: MESSY_HTML })] }));
    assert.match(document, /<img class="align-left" src="https:\/\/images.example.org\/owl.png" alt="An owl" width="100"\/>/);
    assert.match(document, /by Anonymous/);
    assert.doesNotMatch(document, /tidewriter|name="author"/);
  });

  describe('validity', async () => {
    const unavailable = await epubcheckUnavailable();
    it('is valid HTML5 even for messy chapter HTML and CJK text', { skip: unavailable ?? false }, async () => {
      await assertValidHtml(
        buildHtml(
          exportWork({
            title: '月を待つ夜 “<3 & 🦉”',
            language: 'ja',
            chapters: [chapter(1, { contentHtml: MESSY_HTML, endNotesHtml: '<p><a href="#fn1">back</a></p>' }), chapter(2, { contentHtml: '<p>霧が港を包んでいた。<a name="fn1">注</a></p>' })],
          }),
        ),
        'a messy work',
      );
    });
  });
});

describe('plain text export', () => {
  const text = buildText(STORY, 'txt');

  it('reads as text: title, byline, metadata, chapters, paragraphs separated by blank lines', () => {
    assert.match(text, /^The Ferry at Dawn\nby tidewriter\n\nPosted on Owlery Test at http:\/\/archive.test\/works\/7\n\nRating: General Audiences\n/);
    assert.match(text, /\nArchive Warning: No Archive Warnings Apply\n/);
    assert.match(text, /\nStats: Published: 2026-11-01 {2}Completed: 2026-11-20 {2}Words: 28 {2}Chapters: 2\/2\n/);
    assert.match(text, /\n\nSummary\n\nA ferry, a fog, and a very patient captain\.\n\n/);
    assert.match(text, /\nChapter 1: Departure\n=+\n\nChapter Summary\n\nThey leave\.\n\nThe ferry left at dawn\.\n\nA second paragraph/);
    assert.match(text, /with a map \(https:\/\/example.org\/map\) and 2 \* 3 = 6_ish\./, 'links as text (URL), no escaping');
    assert.match(text, /\n\n\* \* \*\n\n# not a heading\n\n {4}A quoted line\.\n\n• rope\n• lantern\n/);
    assert.match(text, /\nLine one\nline two\n\n- not a list\n/);
    assert.match(text, /\nEnd Notes\n\nThanks for reading!\n/);
    assert.doesNotMatch(text, /<[a-z]/);
  });
});

describe('Markdown export', () => {
  const md = buildText(STORY, 'md');

  it('uses headings, emphasis and links, and escapes what would be markup', () => {
    assert.match(md, /^# The Ferry at Dawn\n\nby \[tidewriter\]\(http:\/\/archive.test\/users\/tidewriter\)\n/);
    assert.match(md, /\n- \*\*Rating:\*\* General Audiences\n/);
    assert.match(md, /\n## Summary\n\nA ferry, a fog, and a \*very\* patient captain\.\n/);
    assert.match(md, /\n## Chapter 1: Departure\n\n### Chapter Summary\n\nThey leave\.\n\nThe \*ferry\* left at \*\*dawn\*\*\.\n/);
    assert.match(md, /with \[a map\]\(https:\/\/example.org\/map\) and 2 \\\* 3 = 6\\_ish\./);
    assert.match(md, /\n\n\* \* \*\n\n\\# not a heading\n\n> A quoted line\.\n\n- rope\n- lantern\n/);
    assert.match(md, /\nLine one {2}\nline two\n\n\\- not a list\n/);
    assert.match(md, /\n### Chapter End Notes\n\nChapter end\.\n/);
  });

  it('escapes titles full of punctuation', () => {
    const out = buildText(exportWork({ title: '“Why?!” — she said: <3 & 🦉✨ / 10/10 #1', anonymous: true, creators: [] }), 'md');
    assert.match(out, /^# “Why\?!” — she said: \\<3 & 🦉✨ \/ 10\/10 #1\n\nby Anonymous\n/);
    assert.doesNotMatch(out, /tidewriter/);
  });
});

describe('download names', () => {
  const title = '“Why?!” — she said: <3 & 🦉✨ / 10/10 #1';

  it('makes a cosmetic slug from the title in any script', () => {
    assert.equal(downloadSlug('The Ferry at Dawn'), 'The_Ferry_at_Dawn');
    assert.equal(downloadSlug(title), 'Why_she_said_3_10_10_1');
    assert.equal(downloadSlug('月を待つ夜'), '月を待つ夜');
    assert.equal(downloadSlug('Café Crème'), 'Cafe_Creme');
    assert.equal(downloadSlug('🦉✨'), 'work');
    assert.equal(downloadUrl(5, '月を待つ夜', 'epub'), '/downloads/5/%E6%9C%88%E3%82%92%E5%BE%85%E3%81%A4%E5%A4%9C.epub');
  });

  it('sends an ASCII file name and an RFC 8187 UTF-8 one', () => {
    assert.equal(asciiFileName(5, title, 'epub'), 'Why_she_said_3_10_10_1.epub');
    assert.equal(asciiFileName(5, '月を待つ夜', 'pdf'), 'Work_5.pdf');
    assert.equal(unicodeFileName(5, title, 'epub'), '“Why_!” — she said_ _3 & 🦉✨ _ 10_10 #1.epub');
    const header = contentDisposition(5, '月を待つ夜', 'epub');
    assert.equal(header, `attachment; filename="Work_5.epub"; filename*=UTF-8''%E6%9C%88%E3%82%92%E5%BE%85%E3%81%A4%E5%A4%9C.epub`);
    assert.match(contentDisposition(5, "It's (not) *that*", 'txt'), /filename\*=UTF-8''It%27s%20%28not%29%20_that_\.txt$/);
    assert.match(header, /^[\x20-\x7e]+$/, 'the header itself is ASCII');
  });
});
