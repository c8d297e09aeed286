import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { htmlToDocument } from './html.ts';

const page = (head: string, body: string) => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;

describe('html import: title and body', () => {
  it('uses <title> when no heading opens the body', () => {
    const doc = htmlToDocument(page('<title> The  Work </title>', '<p>Once upon a time.</p>'));
    assert.equal(doc.title, 'The Work');
    assert.deepEqual(doc.chapters, [{ title: '', html: '<p>Once upon a time.</p>' }]);
    assert.equal(doc.format, 'html');
  });

  it('prefers an opening <h1> over <title>, and leaves it out of the body', () => {
    const doc = htmlToDocument(page('<title>document1.docx</title>', '<h1>Real Title</h1><p>Text.</p>'));
    assert.equal(doc.title, 'Real Title');
    assert.deepEqual(doc.chapters, [{ title: '', html: '<p>Text.</p>' }]);
  });

  it('has no title when neither exists', () => {
    assert.equal(htmlToDocument('<p>Fragment only.</p>').title, null);
  });

  it('ignores everything in <head>: styles, scripts, meta', () => {
    const doc = htmlToDocument(page('<meta charset="utf-8"><style>p { color: red }</style><script>var secret = 1</script>', '<p>Body.</p>'));
    assert.deepEqual(doc.chapters.map((c) => c.html), ['<p>Body.</p>']);
  });

  it('decodes entities in titles', () => {
    const doc = htmlToDocument(page('', '<h1>Tom &amp; Jerry&#8217;s</h1><h2>One &lt;1&gt;</h2><p>a</p><h2>Two</h2><p>b</p>'));
    assert.equal(doc.title, 'Tom & Jerry’s');
    assert.equal(doc.chapters[0]?.title, 'One <1>');
  });
});

describe('html import: chapters at headings', () => {
  it('splits at h2 under an opening h1, keeping deeper headings in the body', () => {
    const doc = htmlToDocument(page('', '<h1>W</h1><h2>One</h2><p>a</p><h3>Scene</h3><p>b</p><h2>Two</h2><p>c</p>'));
    assert.equal(doc.title, 'W');
    assert.deepEqual(doc.chapters, [
      { title: 'One', html: '<p>a</p><h3>Scene</h3><p>b</p>' },
      { title: 'Two', html: '<p>c</p>' },
    ]);
  });

  it('splits at the top level when it is used more than once', () => {
    const doc = htmlToDocument(page('<title>T</title>', '<h2>One</h2><p>a</p><h2>Two</h2><p>b</p>'));
    assert.equal(doc.title, 'T');
    assert.deepEqual(doc.chapters.map((c) => c.title), ['One', 'Two']);
  });

  it('looks inside a lone wrapper element, as word processors write', () => {
    const doc = htmlToDocument(page('', '\n<div class="WordSection1">\n<h1>W</h1>\n<h2>One</h2><p>a</p>\n<h2>Two</h2><p>b</p>\n</div>\n'));
    assert.equal(doc.title, 'W');
    assert.deepEqual(doc.chapters.map((c) => c.title), ['One', 'Two']);
  });

  it('keeps text before the first heading as an untitled chapter', () => {
    const doc = htmlToDocument(page('', '<p>Foreword.</p><h2>One</h2><p>a</p><h2>Two</h2><p>b</p>'));
    assert.deepEqual(doc.chapters.map((c) => c.title), ['', 'One', 'Two']);
    assert.equal(doc.chapters[0]?.html, '<p>Foreword.</p>');
  });

  it('splits at matching blocks with chapterSplit, leaving headings alone', () => {
    const doc = htmlToDocument(page('', '<h1>Kept</h1><p>Part 1</p><p>a</p><p><b>Part 2</b></p><p>b</p>'), { chapterSplit: /^Part \d+$/ });
    assert.deepEqual(doc.chapters, [
      { title: '', html: '<h1>Kept</h1>' },
      { title: 'Part 1', html: '<p>a</p>' },
      { title: 'Part 2', html: '<p>b</p>' },
    ]);
  });
});

describe('html import: scene breaks', () => {
  it('turns paragraphs holding only a scene-break mark into <hr>', () => {
    for (const p of ['<p>* * *</p>', '<p align="center">~~~</p>', '<div>- - -</div>', '<p><b>***</b></p>', '<center>&nbsp;*&nbsp;*&nbsp;*&nbsp;</center>']) {
      const doc = htmlToDocument(page('', `<p>a</p>${p}<p>b</p>`));
      assert.equal(doc.chapters[0]?.html, '<p>a</p><hr /><p>b</p>', p);
    }
  });

  it('leaves other paragraphs alone', () => {
    const doc = htmlToDocument(page('', '<p>* * * not a break</p><p>**</p><p><img src="/star.png" alt="">***</p>'));
    assert.equal(doc.chapters[0]?.html, '<p>* * * not a break</p><p>**</p><p><img src="/star.png" alt="" />***</p>');
  });
});

describe('html import: hostile markup', () => {
  it('removes scripts, handlers, iframes and javascript: links from chapters', () => {
    const doc = htmlToDocument(page('', '<h2>One</h2><p onclick="x()">a<script>alert(1)</script></p>' +
      '<iframe src="https://evil.example"></iframe><a href="javascript:alert(1)">l</a><img src=x onerror=alert(1)>' +
      '<h2>Two</h2><p style="color:red">b</p>'));
    assert.deepEqual(doc.chapters, [
      { title: 'One', html: '<p>a</p><a rel="nofollow noopener">l</a><img src="x" />' },
      { title: 'Two', html: '<p>b</p>' },
    ]);
  });

  it('does not let a heading inside a script split chapters', () => {
    const doc = htmlToDocument(page('', '<p>a</p><script>document.write("<h2>x</h2>")</script><p>b</p>'));
    assert.deepEqual(doc.chapters, [{ title: '', html: '<p>a</p><p>b</p>' }]);
  });
});
