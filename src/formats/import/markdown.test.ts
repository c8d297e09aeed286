import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { markdownToDocument, markTildeSceneBreaks } from './markdown.ts';

const titles = (source: string) => markdownToDocument(source).chapters.map((c) => c.title);
const onlyBody = (source: string) => {
  const doc = markdownToDocument(source);
  assert.equal(doc.chapters.length, 1, JSON.stringify(doc.chapters));
  return doc.chapters[0]?.html ?? '';
};

describe('markdown import: formatting', () => {
  it('renders emphasis, lists, quotes and GFM tables and strikethrough', () => {
    const html = onlyBody('Some *em* and **strong** and ~~struck~~.\n\n- one\n- two\n\n> quoted\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    assert.match(html, /<p>Some <em>em<\/em> and <strong>strong<\/strong> and <del>struck<\/del>\.<\/p>/);
    assert.match(html, /<ul>\s*<li>one<\/li>\s*<li>two<\/li>\s*<\/ul>/);
    assert.match(html, /<blockquote>\s*<p>quoted<\/p>\s*<\/blockquote>/);
    assert.match(html, /<table>[\s\S]*<th>a<\/th>[\s\S]*<td>2<\/td>[\s\S]*<\/table>/);
  });

  it('keeps safe raw HTML and removes scripts, handlers and javascript: links', () => {
    const html = onlyBody('Text <u>under</u>.\n\n<script>alert(1)</script>\n\n<img src="x.png" onerror="alert(1)">\n\n[link](javascript:alert(1)) [ok](https://example.org)');
    assert.match(html, /<u>under<\/u>/);
    assert.doesNotMatch(html, /script|onerror|javascript/i);
    assert.match(html, /<img src="x.png" \/>/);
    assert.match(html, /<a href="https:\/\/example.org" rel="nofollow noopener">ok<\/a>/);
  });
});

describe('markdown import: headings split chapters', () => {
  it('takes a lone top heading at the start as the work title and splits at the next level', () => {
    const doc = markdownToDocument('# The Work\n\n## One\n\nFirst.\n\n### A scene\n\nMore.\n\n## Two\n\nSecond.');
    assert.equal(doc.title, 'The Work');
    assert.deepEqual(doc.chapters.map((c) => c.title), ['One', 'Two']);
    assert.equal(doc.chapters[0]?.html, '<p>First.</p>\n<h3>A scene</h3>\n<p>More.</p>');
    assert.equal(doc.chapters[1]?.html, '<p>Second.</p>');
    assert.equal(doc.format, 'md');
  });

  it('splits at the top level when several headings share it, with no work title', () => {
    const doc = markdownToDocument('## One\n\nFirst.\n\n## Two\n\nSecond.');
    assert.equal(doc.title, null);
    assert.deepEqual(doc.chapters.map((c) => c.title), ['One', 'Two']);
  });

  it('takes a first top heading with no text under it as the title when chapters use its level too', () => {
    const doc = markdownToDocument('# The Work\n\n# One\n\nFirst.\n\n# Two\n\nSecond.');
    assert.equal(doc.title, 'The Work');
    assert.deepEqual(doc.chapters.map((c) => c.title), ['One', 'Two']);
  });

  it('keeps text before the first heading as an untitled chapter (and then no title)', () => {
    const doc = markdownToDocument('A foreword.\n\n# One\n\nFirst.\n\n# Two\n\nSecond.');
    assert.equal(doc.title, null);
    assert.deepEqual(doc.chapters.map((c) => c.title), ['', 'One', 'Two']);
    assert.equal(doc.chapters[0]?.html, '<p>A foreword.</p>');
  });

  it('gives one untitled chapter with no headings, and the rest after a title heading', () => {
    assert.deepEqual(titles('Just a story.\n\nTwo paragraphs.'), ['']);
    const doc = markdownToDocument('# Title Only\n\nThe story.');
    assert.equal(doc.title, 'Title Only');
    assert.deepEqual(doc.chapters, [{ title: '', html: '<p>The story.</p>' }]);
  });

  it('uses the heading text, rendered and without markup, as the title', () => {
    const doc = markdownToDocument('# *The* Work &amp; Co\n\n## Chapter **One**\n\nText.\n\n## Two\n\nMore.');
    assert.equal(doc.title, 'The Work & Co');
    assert.equal(doc.chapters[0]?.title, 'Chapter One');
  });
});

describe('markdown import: chapterSplit', () => {
  it('splits at matching lines instead of headings, keeping headings in the body', () => {
    const doc = markdownToDocument('Chapter 1\n\n## A heading\n\nText.\n\nChapter 2\n\nMore.', { chapterSplit: /^Chapter \d+$/ });
    assert.equal(doc.title, null);
    assert.deepEqual(doc.chapters.map((c) => c.title), ['Chapter 1', 'Chapter 2']);
    assert.equal(doc.chapters[0]?.html, '<h2>A heading</h2>\n<p>Text.</p>');
  });

  it('strips heading marks and inline Markdown from matching lines', () => {
    const doc = markdownToDocument('## Chapter 1 ##\n\nA.\n\n**Chapter 2**\n\nB.', { chapterSplit: /Chapter \d/ });
    assert.deepEqual(doc.chapters.map((c) => c.title), ['Chapter 1', 'Chapter 2']);
  });

  it('keeps a preface with words and drops an empty one', () => {
    const split = { chapterSplit: /^Chapter/ };
    assert.deepEqual(markdownToDocument('Notes first.\n\nChapter 1\n\nA.', split).chapters.map((c) => c.title), ['', 'Chapter 1']);
    assert.deepEqual(markdownToDocument('\n\n---\n\nChapter 1\n\nA.', split).chapters.map((c) => c.title), ['Chapter 1']);
  });
});

describe('markdown import: scene breaks', () => {
  it('turns ***, * * *, --- and - - - into <hr>', () => {
    for (const mark of ['***', '* * *', '---', '- - -', '*****']) {
      assert.equal(onlyBody(`Before.\n\n${mark}\n\nAfter.`), '<p>Before.</p>\n<hr />\n<p>After.</p>', mark);
    }
  });

  it('turns tildes-only lines into <hr> instead of opening a code fence', () => {
    const html = onlyBody('Scene one.\n\n~~~\n\nScene two.\n\n~~~\n\nScene three.');
    assert.equal(html, '<p>Scene one.</p>\n<hr />\n<p>Scene two.</p>\n<hr />\n<p>Scene three.</p>');
    assert.equal(onlyBody('Before.\n~~~\nAfter.'), '<p>Before.</p>\n<hr />\n<p>After.</p>');
    assert.equal(onlyBody('Before.\n\n~ ~ ~\n\nAfter.'), '<p>Before.</p>\n<hr />\n<p>After.</p>');
  });

  it('keeps tilde fences with an info string and backtick fences as code', () => {
    assert.match(onlyBody('~~~text\nline\n~~~\n\nAfter.'), /^<pre><code class="language-text">line\n<\/code><\/pre>\n<p>After.<\/p>$/);
    assert.match(onlyBody('```\n~~~\n* * *\n```'), /^<pre><code>~~~\n\* \* \*\n<\/code><\/pre>$/);
  });

  it('leaves --- under a line of text as a CommonMark (setext) heading', () => {
    const doc = markdownToDocument('Intro.\n\nA Heading\n---\n\nText.');
    assert.deepEqual(doc.chapters.map((c) => c.title), ['', 'A Heading']);
  });

  it('rewrites only unfenced tilde lines', () => {
    assert.equal(markTildeSceneBreaks('a\n~~~\nb'), 'a\n***\nb');
    assert.equal(markTildeSceneBreaks('~~~js\n~~~\n~~~'), '~~~js\n~~~\n***');
    assert.equal(markTildeSceneBreaks('````\n~~~\n````'), '````\n~~~\n````');
    assert.equal(markTildeSceneBreaks('    ~~~'), '    ~~~'); // indented code, not a break
  });
});

describe('markdown import: front matter', () => {
  it('takes the title from YAML front matter and leaves the block out', () => {
    const doc = markdownToDocument('---\ntitle: "Owls: A Story"\nauthor: someone\ntags:\n  - owls\n---\n\n## One\n\nA.\n\n## Two\n\nB.');
    assert.equal(doc.title, 'Owls: A Story');
    assert.deepEqual(doc.chapters.map((c) => c.title), ['One', 'Two']);
    assert.doesNotMatch(doc.chapters[0]?.html ?? '', /author/);
  });

  it('does not mistake a story opening with a scene break for front matter', () => {
    const doc = markdownToDocument('---\n\nShe said: nothing.\n\n---\n\nThe end.');
    assert.equal(doc.title, null);
    assert.equal(doc.chapters[0]?.html, '<hr />\n<p>She said: nothing.</p>\n<hr />\n<p>The end.</p>');
  });
});
