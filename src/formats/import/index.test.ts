import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Invalid } from '../../domain/errors.ts';
import { MAX_IMPORT_BYTES, parseImportFile } from './index.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Asserts that importing fails with an Invalid whose message matches every pattern. */
async function rejects(bytes: Uint8Array, filename: string, ...patterns: RegExp[]) {
  await assert.rejects(parseImportFile(bytes, filename), (error: unknown) => {
    assert.ok(error instanceof Invalid, `expected Invalid, got ${String(error)}`);
    for (const p of patterns) assert.match(error.message, p);
    return true;
  });
}

describe('parseImportFile: format by extension', () => {
  it('reads .txt/.text as text, .md/.markdown as Markdown, .html/.htm as HTML, in any case', async () => {
    const cases: Array<[string, string]> = [['a.txt', 'txt'], ['a.TEXT', 'txt'], ['a.md', 'md'], ['a.Markdown', 'md'], ['a.html', 'html'], ['a.HTM', 'html']];
    for (const [name, format] of cases) assert.equal((await parseImportFile(utf8('*Hi* there'), name)).format, format, name);
    assert.equal((await parseImportFile(utf8('*Hi*'), 'a.txt')).chapters[0]?.html, '<p>*Hi*</p>');
    assert.equal((await parseImportFile(utf8('*Hi*'), 'a.md')).chapters[0]?.html, '<p><em>Hi</em></p>');
  });

  it('rejects other extensions, naming the file, the extension and the supported ones', async () => {
    await rejects(utf8('text'), 'story.pdf', /"story\.pdf"/, /\.pdf/, /\.txt, \.text, \.md, \.markdown, \.html, \.htm, \.docx, \.epub/);
    await rejects(utf8('text'), 'README', /"README" has no file extension/, /\.txt/);
  });

  it('names the file without its directories', async () => {
    await rejects(utf8(''), '/home/writer/drafts/empty.txt', /^"empty\.txt" is empty\.$/);
  });

  it('passes chapterSplit to the parser', async () => {
    const doc = await parseImportFile(utf8('Chapter 1\na\n\nChapter 2\nb'), 'x.txt', { chapterSplit: /^Chapter \d+$/ });
    assert.deepEqual(doc.chapters.map((c) => c.title), ['Chapter 1', 'Chapter 2']);
  });
});

describe('parseImportFile: bad input', () => {
  it('rejects an empty file', async () => {
    await rejects(new Uint8Array(0), 'empty.md', /"empty\.md" is empty/);
  });

  it('rejects a whitespace-only file (a byte-order mark included)', async () => {
    await rejects(utf8('  \n\t\r\n  '), 'blank.txt', /"blank\.txt" contains only whitespace/);
    await rejects(new Uint8Array([0xef, 0xbb, 0xbf, 0x20, 0x0a]), 'bom.txt', /only whitespace/);
  });

  it('rejects binary content: NUL bytes', async () => {
    await rejects(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]), 'story.txt', /"story\.txt" looks like a binary file/);
  });

  it('rejects binary content: many control characters even without NULs', async () => {
    const bytes = utf8('abcdefgh');
    bytes.set([0x01, 0x02, 0x03], 0);
    await rejects(bytes, 'odd.html', /binary/);
  });

  it('rejects UTF-16 files with advice to save as UTF-8', async () => {
    await rejects(new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00]), 'wide.txt', /UTF-16/, /UTF-8/);
  });

  it('rejects invalid UTF-8, giving the offset of the first bad byte', async () => {
    await rejects(new Uint8Array([0x61, 0xc3, 0x28]), 'latin.txt', /"latin\.txt" is not valid UTF-8/, /offset 1/);
    await rejects(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x61]), 'cafe.md', /not valid UTF-8/, /offset 3/); // Latin-1 "café a"
    await rejects(new Uint8Array([0x61, 0xed, 0xa0, 0x80]), 'surrogate.txt', /offset 1/); // encoded surrogate
    await rejects(new Uint8Array([0x61, 0x62, 0xf0, 0x9f]), 'cut.txt', /offset 2/); // truncated sequence
  });

  it('rejects a file over the size limit, giving size and limit', async () => {
    const bytes = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61);
    await rejects(bytes, 'huge.txt', /"huge\.txt" is 10,485,761 bytes/, /limit is 10,485,760 bytes \(10\.0 MB\)/);
  });

  it('rejects a document whose chapters have no text', async () => {
    await rejects(utf8('<html><body><script>alert(1)</script><p> </p></body></html>'), 'nothing.html', /"nothing\.html" has no text/);
    await rejects(utf8('* * *\n\n~~~'), 'breaks.txt', /no text/);
    await rejects(utf8('<img src="/a.png">'), 'picture.md', /no text/);
  });
});

describe('parseImportFile: decoding', () => {
  it('strips a UTF-8 byte-order mark', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Hello')]);
    assert.equal((await parseImportFile(bytes, 'bom.txt')).chapters[0]?.html, '<p>Hello</p>');
    assert.equal((await parseImportFile(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('# Title\n\nText')]), 'bom.md')).title, 'Title');
  });

  it('treats CRLF and CR line ends like LF', async () => {
    const expected = '<p>a<br />\nb</p>\n<p>c</p>';
    for (const text of ['a\nb\n\nc', 'a\r\nb\r\n\r\nc', 'a\rb\r\rc']) {
      assert.equal((await parseImportFile(utf8(text), 'x.txt')).chapters[0]?.html, expected, JSON.stringify(text));
    }
    const md = await parseImportFile(utf8('# W\r\n\r\n## One\r\n\r\nA\r\n\r\n## Two\r\n\r\nB'), 'x.md');
    assert.deepEqual(md.chapters.map((c) => c.title), ['One', 'Two']);
  });

  it('keeps non-ASCII text intact', async () => {
    assert.equal((await parseImportFile(utf8('Café — 漢字 🦉'), 'x.txt')).chapters[0]?.html, '<p>Café — 漢字 🦉</p>');
  });

  it('shows markup in a .txt file as text and removes it from .md and .html', async () => {
    const xss = '<script>alert(1)</script><img src=x onerror=alert(1)> words';
    assert.equal((await parseImportFile(utf8(xss), 'x.txt')).chapters[0]?.html,
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; words</p>');
    for (const name of ['x.md', 'x.html']) {
      const html = (await parseImportFile(utf8(xss), name)).chapters[0]?.html ?? '';
      assert.doesNotMatch(html, /script|onerror|alert/, name);
      assert.match(html, /words/, name);
    }
  });
});
