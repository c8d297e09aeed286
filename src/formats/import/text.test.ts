import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { textToDocument, textToHtml } from './text.ts';
import { isSceneBreak } from './common.ts';

const body = (source: string) => {
  const doc = textToDocument(source);
  assert.equal(doc.chapters.length, 1);
  return doc.chapters[0]?.html;
};

describe('text import: paragraphs', () => {
  it('makes paragraphs from blank-line-separated blocks', () => {
    assert.equal(body('One.\n\nTwo.'), '<p>One.</p>\n<p>Two.</p>');
  });

  it('treats several blank lines, and whitespace-only lines, as one separator', () => {
    assert.equal(body('One.\n\n\n\nTwo.\n  \t \nThree.'), '<p>One.</p>\n<p>Two.</p>\n<p>Three.</p>');
  });

  it('keeps single line breaks inside a paragraph as <br>', () => {
    assert.equal(body('Roses are red,\nviolets are blue.'), '<p>Roses are red,<br />\nviolets are blue.</p>');
  });

  it('trims ASCII indentation but keeps an ideographic-space indent', () => {
    assert.equal(body('    Indented.\n\n\u3000字下げ'), '<p>Indented.</p>\n<p>\u3000字下げ</p>');
  });

  it('escapes every character of markup, so a .txt cannot inject HTML', () => {
    assert.equal(body('<script>alert("x")</script> & <b>not bold</b>'),
      '<p>&lt;script&gt;alert("x")&lt;/script&gt; &amp; &lt;b&gt;not bold&lt;/b&gt;</p>');
    assert.equal(body('<img src=x onerror=alert(1)>'), '<p>&lt;img src=x onerror=alert(1)&gt;</p>');
  });

  it('returns one untitled chapter and no work title without chapterSplit', () => {
    const doc = textToDocument('Title: Not Special\n\nText.');
    assert.equal(doc.title, null);
    assert.equal(doc.format, 'txt');
    assert.deepEqual(doc.chapters.map((c) => c.title), ['']);
    assert.match(doc.chapters[0]?.html ?? '', /<p>Title: Not Special<\/p>/);
  });
});

describe('text import: scene breaks', () => {
  it('recognizes three or more of *, ~ or -, optionally spaced', () => {
    for (const line of ['***', '* * *', '*****', '*  *  *', '~~~', '~ ~ ~', '~~~~~~', '---', '- - -', '  * * *  ', '\t~~~']) {
      assert.ok(isSceneBreak(line), JSON.stringify(line));
    }
  });

  it('does not treat other lines as scene breaks', () => {
    for (const line of ['**', '~~', '--', '*~*', '* - *', '* * * text', 'text ***', '#', '___', '===', '***bold***']) {
      assert.ok(!isSceneBreak(line), JSON.stringify(line));
    }
  });

  it('turns a scene-break line into <hr> on its own, outside any paragraph', () => {
    assert.equal(body('Before.\n\n* * *\n\nAfter.'), '<p>Before.</p>\n<hr />\n<p>After.</p>');
    assert.equal(body('Before.\n~~~\nAfter.'), '<p>Before.</p>\n<hr />\n<p>After.</p>');
    assert.equal(textToHtml('a\n---\nb'), '<p>a</p>\n<hr>\n<p>b</p>');
  });
});

describe('text import: chapterSplit', () => {
  const source = 'Chapter 1\nIt began.\n\nChapter 2: The End\n\nIt ended.';

  it('starts a chapter at each matching line, which becomes its title', () => {
    const doc = textToDocument(source, { chapterSplit: /^Chapter \d+/ });
    assert.deepEqual(doc.chapters.map((c) => c.title), ['Chapter 1', 'Chapter 2: The End']);
    assert.deepEqual(doc.chapters.map((c) => c.html), ['<p>It began.</p>', '<p>It ended.</p>']);
  });

  it('works with a global regex (no lastIndex surprises) and matches trimmed lines', () => {
    const doc = textToDocument('  Chapter 1  \na\n\nChapter 2\nb\n\nChapter 3\nc', { chapterSplit: /^Chapter \d+$/g });
    assert.deepEqual(doc.chapters.map((c) => c.title), ['Chapter 1', 'Chapter 2', 'Chapter 3']);
  });

  it('keeps text before the first match as an untitled chapter when it has words', () => {
    const doc = textToDocument(`A preface.\n\n${source}`, { chapterSplit: /^Chapter \d+/ });
    assert.deepEqual(doc.chapters.map((c) => c.title), ['', 'Chapter 1', 'Chapter 2: The End']);
    assert.equal(doc.chapters[0]?.html, '<p>A preface.</p>');
  });

  it('drops blank space or a lone scene break before the first match', () => {
    const doc = textToDocument(`\n\n* * *\n\n${source}`, { chapterSplit: /^Chapter \d+/ });
    assert.deepEqual(doc.chapters.map((c) => c.title), ['Chapter 1', 'Chapter 2: The End']);
  });

  it('gives one untitled chapter when nothing matches', () => {
    const doc = textToDocument('Just text.', { chapterSplit: /^Chapter/ });
    assert.deepEqual(doc.chapters, [{ title: '', html: '<p>Just text.</p>' }]);
  });
});
