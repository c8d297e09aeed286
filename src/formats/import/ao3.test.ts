import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseImportFile, type ImportedDocument } from './index.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures/ao3');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const utf8 = (text: string) => new TextEncoder().encode(text);

/** What test/fixtures/ao3/ao3-download.html (and the EPUB made from it) says about the work. */
const EXPECTED_METADATA = {
  source: 'ao3',
  creators: ['saltwick', 'Harbor Lights (quietharbor)'],
  rating: 'Teen And Up Audiences',
  warnings: ['Creator Chose Not To Use Archive Warnings', 'Graphic Depictions Of Violence'],
  categories: ['F/F', 'Gen'],
  fandoms: ['Original Work', 'Tide Tables Universe (Original)'],
  relationships: ['Maren Holt/Ilse Varga', 'Maren Holt & The Lighthouse Cat'],
  characters: ['Maren Holt', 'Ilse Varga', 'The Lighthouse Cat'],
  freeforms: ['Lighthouses', 'Storms', 'Hurt/Comfort'],
  language: 'English',
  summaryHtml: '<p>A keeper, a <em>very</em> late ferry, and the one night the lamp refuses to turn.</p>',
  notesHtml: '<p>Written for a prompt about lights that stay on.</p>',
  endNotesHtml: '<p>Thank you for reading! Greyhook is made up, but the cat is based on a real one.</p>',
  series: [{ title: 'Tide Tables', position: 2 }],
  publishedAt: '2021-03-14',
  expectedChapters: 3,
};

function checkFixtureWork(doc: ImportedDocument) {
  assert.equal(doc.title, 'What the Lamp Keeps');
  assert.deepEqual(doc.metadata, EXPECTED_METADATA);
  assert.equal(doc.chapters.length, 2);
  const [one, two] = doc.chapters;
  assert.equal(one?.title, 'Low Tide');
  assert.equal(one?.summaryHtml, '<p>Maren climbs the stairs one hundred and twelve times.</p>');
  assert.equal(one?.notesHtml, '<p>The stair count is real, if you count the landing.</p>');
  assert.equal(one?.endNotesHtml, '<p>Next time: the lamp room, and a very stubborn gear.</p>');
  assert.match(one?.html ?? '', /^<p>The lamp at Greyhook had turned every night/);
  assert.match(one?.html ?? '', /<em>bright and useless<\/em>/);
  assert.match(one?.html ?? '', /<hr \/>/, 'the "* * *" paragraph is a scene break');
  assert.match(one?.html ?? '', /<strong>pushed<\/strong>\.<\/p>$/);
  assert.equal(two?.title, 'The Lamp Room');
  // Chapter 2 has end notes only: its "Chapter Notes" label is followed by the end-notes link alone.
  assert.equal(two?.summaryHtml, undefined);
  assert.equal(two?.notesHtml, undefined);
  assert.equal(two?.endNotesHtml, '<p>One more chapter to go: the repair.</p>');
  assert.match(two?.html ?? '', /^<p>The gear was the size of a dinner plate/);
  assert.match(two?.html ?? '', /I brought the gear\.”<\/p>$/);
  // Nothing from the preface, the chapter meta or the afterword leaks into the text.
  for (const chapter of doc.chapters) {
    assert.doesNotMatch(chapter.html, /Chapter (Summary|Notes|End Notes)|See the end|Posted originally|drop by the Archive|class="calibre/);
  }
}

describe('AO3 downloads: the HTML download', () => {
  it('reads every metadata field, the chapters with their titles, summaries and notes', async () => {
    const doc = await parseImportFile(fixture('ao3-download.html'), 'ao3-download.html');
    assert.equal(doc.format, 'html');
    checkFixtureWork(doc);
  });

  it('keeps AO3\'s chapters even when a --chapter-split pattern is given', async () => {
    const doc = await parseImportFile(fixture('ao3-download.html'), 'ao3-download.html', { chapterSplit: /^Maren/ });
    assert.deepEqual(doc.chapters.map((c) => c.title), ['Low Tide', 'The Lamp Room']);
  });

  it('leaves plain HTML to the ordinary importer, without metadata', async () => {
    const doc = await parseImportFile(utf8('<h1>Title</h1><h2>One</h2><p>Words here.</p><dl><dt>Rating:</dt><dd>x</dd></dl>'), 'plain.html');
    assert.equal(doc.metadata, undefined);
    assert.equal(doc.title, 'Title');
    assert.deepEqual(doc.chapters.map((c) => c.title), ['One']);
  });
});

describe('AO3 downloads: the EPUB download (Calibre-split files, renamed classes)', () => {
  it('reads the same work, metadata and chapters from the preface and chapter files', async () => {
    const doc = await parseImportFile(fixture('ao3-download.epub'), 'ao3-download.epub');
    assert.equal(doc.format, 'epub');
    checkFixtureWork(doc);
  });
});

/** A minimal AO3-style download: `dl` rows, byline and the #chapters content are given. */
function download(opts: { rows: string; byline?: string; chapters: string }): Uint8Array {
  return utf8(`<html><head><title>t</title></head><body>
<div id="preface"><h2 class="toc-heading">Preface</h2><p class="message"><b>A Work</b><br/>Posted originally on the Archive of Our Own.</p>
<div class="meta"><dl class="tags"><dt>Rating:</dt><dd><a href="#">General Audiences</a></dd><dt>Fandom:</dt><dd><a href="#">Original Work</a></dd>
${opts.rows}<dt>Stats:</dt><dd>Published: 2019-01-05 Words: 9 Chapters: ${opts.chapters.includes('meta group') ? '2/?' : '1/1'}</dd></dl>
<h1>A Work</h1><div class="byline">${opts.byline ?? 'by <a rel="author" href="#">someone</a>'}</div></div></div>
<div id="chapters" class="userstuff">${opts.chapters}</div>
<div id="afterword"><h2 class="toc-heading">Afterword</h2><p class="message">Please comment!</p></div></body></html>`);
}

describe('AO3 downloads: layout variations', () => {
  it('reads a one-chapter work, whose text sits directly in #chapters without a heading', async () => {
    const doc = await parseImportFile(download({ rows: '', chapters: '<div class="userstuff"><p>Only chapter.</p></div>' }), 'one.html');
    assert.deepEqual(doc.chapters, [{ title: '', html: '<p>Only chapter.</p>' }]);
    assert.equal(doc.metadata?.expectedChapters, 1);
    assert.equal(doc.metadata?.publishedAt, '2019-01-05');
  });

  it('reduces "Chapter N" and "Chapter N: Title" headings to the writer\'s own title', async () => {
    const chapter = (heading: string, text: string) => `<div class="meta group"><h2 class="heading">${heading}</h2></div><div class="userstuff"><p>${text}</p></div>`;
    const doc = await parseImportFile(download({ rows: '', chapters: chapter('Chapter 1', 'a') + chapter('Chapter 2: Rain', 'b') + chapter('Chapter 12: Not Mine', 'c') }), 'c.html');
    assert.deepEqual(doc.chapters.map((c) => c.title), ['', 'Rain', 'Chapter 12: Not Mine']);
    assert.equal(doc.metadata?.expectedChapters, null, '"Chapters: 2/?" is a work in progress');
  });

  it('joins a chapter\'s text that Calibre split across files (the wrapper repeated)', async () => {
    const chapter = (heading: string, text: string) => `<div class="meta1"><h2 class="heading2">${heading}</h2></div><div class="userstuff3"><p>${text}</p></div>`;
    const chapters = `${chapter('One', 'a')}</div><div class="userstuff4"><div class="userstuff5"><p>a, continued</p></div></div><div class="userstuff6">${chapter('Two', 'b')}`;
    const doc = await parseImportFile(download({ rows: '', chapters }), 'flow.html');
    assert.deepEqual(doc.chapters.map((c) => [c.title, c.html]), [['One', '<p>a</p>\n<p>a, continued</p>'], ['Two', '<p>b</p>']]);
  });

  it('does not take headings inside the chapter text for chapters', async () => {
    const doc = await parseImportFile(download({ rows: '', chapters: '<div class="userstuff"><h2>Part One</h2><p>Text.</p><p>Notes</p><blockquote>quoted</blockquote></div>' }), 'h.html');
    assert.equal(doc.chapters.length, 1);
    assert.match(doc.chapters[0]?.html ?? '', /<h2>Part One<\/h2>/);
    assert.match(doc.chapters[0]?.html ?? '', /<blockquote>quoted<\/blockquote>/);
    assert.equal(doc.metadata?.notesHtml, '');
  });

  it('maps archive warnings AO3 has since renamed to their current names', async () => {
    const rows = '<dt>Archive Warnings:</dt><dd><a href="#">Author Chose Not To Use Archive Warnings</a>, <a href="#">Underage</a></dd>';
    const doc = await parseImportFile(download({ rows, chapters: '<div class="userstuff"><p>x</p></div>' }), 'w.html');
    assert.deepEqual(doc.metadata?.warnings, ['Creator Chose Not To Use Archive Warnings', 'Underage Sex']);
  });

  it('reads several series, and series and tags that lost their links', async () => {
    const rows = '<dt>Additional Tags:</dt><dd>Fluff, Angst</dd><dt>Language:</dt><dd>日本語</dd>'
      + '<dt>Series:</dt><dd>Part 3 of <a href="#">Tides</a>, Part 1 of <a href="#">Other, With Comma</a></dd>';
    const doc = await parseImportFile(download({ rows, chapters: '<div class="userstuff"><p>x</p></div>' }), 's.html');
    assert.deepEqual(doc.metadata?.freeforms, ['Fluff', 'Angst']);
    assert.equal(doc.metadata?.language, '日本語');
    assert.deepEqual(doc.metadata?.series, [{ title: 'Tides', position: 3 }, { title: 'Other, With Comma', position: 1 }]);
    const plain = await parseImportFile(download({ rows: '<dt>Series:</dt><dd>Part 2 of Tides, Part 4 of Shoals</dd>', chapters: '<div class="userstuff"><p>x</p></div>' }), 'p.html');
    assert.deepEqual(plain.metadata?.series, [{ title: 'Tides', position: 2 }, { title: 'Shoals', position: 4 }]);
  });

  it('gives an anonymous work no creators, and reads bylines without author links', async () => {
    const chapters = '<div class="userstuff"><p>x</p></div>';
    const anonymous = await parseImportFile(download({ rows: '', byline: 'by Anonymous', chapters }), 'a.html');
    assert.deepEqual(anonymous.metadata?.creators, []);
    const plain = await parseImportFile(download({ rows: '', byline: 'by one, two (login)', chapters }), 'b.html');
    assert.deepEqual(plain.metadata?.creators, ['one', 'two (login)']);
  });

  it('sanitizes summaries, notes and chapter text from the file', async () => {
    const chapters = '<div class="meta group"><h2 class="heading">One</h2><p>Chapter Summary</p><blockquote class="userstuff"><p onclick="x()">s<script>alert(1)</script></p></blockquote></div>'
      + '<div class="userstuff"><p>Text<img src="x" onerror="alert(1)"></p><iframe src="https://example.com"></iframe></div>';
    const doc = await parseImportFile(download({ rows: '', chapters: chapters + chapters.replace('One', 'Two') }), 'x.html');
    assert.equal(doc.chapters[0]?.summaryHtml, '<p>s</p>');
    assert.doesNotMatch(doc.chapters[0]?.html ?? '', /onerror|iframe|script/);
  });
});
