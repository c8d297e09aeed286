// Whatever the sanitizer lets through must come out valid: random nestings of every allowed
// element with awkward attributes (a fixed seed, so failures reproduce), sanitized as on write,
// built into an EPUB (epubcheck: no errors, no warnings) and an HTML download (HTML5 schema).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sanitizeHtml } from '../../src/formats/sanitize.ts';
import { ALLOWED_ELEMENTS } from '../../src/domain/sanitizer-policy.ts';
import { buildEpub } from '../../src/formats/export/epub.ts';
import { buildHtml } from '../../src/formats/export/html.ts';
import { buildText } from '../../src/formats/export/text-document.ts';
import { assertValidEpub, assertValidHtml, epubcheckUnavailable } from '../support/epubcheck.ts';
import { chapter, exportWork } from './export-fixtures.ts';

const ATTRIBUTES = [
  'align="center"', 'align="justify"', 'class="x-y"', 'title="t &amp; u"', 'dir="rtl"', 'dir="up"', 'width="5"', 'height="50%"',
  'colspan="2"', 'rowspan="0"', 'scope="col"', 'name="fn1"', 'name="1 2"', 'name="ü:x"', 'href="#fn1"', 'href="#%zz"',
  'href="/x y"', 'href="//host/p"', 'href="?q=1"', 'href="http://[::1"', 'src="https://e.org/i.png"', 'src="/local.png"',
  'alt="a"', 'start="2"', 'type="a"', 'border="1"', 'open', 'cite="https://c.org"', 'span="2"', 'summary="s"',
];
const TEXTS = ['text', ' ', 'a &amp; b', '&lt;3', '漢字', '🦉', '\n', '“quote”', '* * *'];

function generator(seed: number) {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const markup = (depth: number): string => {
    if (depth <= 0 || random() < 0.25) return pick(TEXTS);
    const name = pick(ALLOWED_ELEMENTS);
    const attributes = Array.from({ length: Math.floor(random() * 3) }, () => ` ${pick(ATTRIBUTES)}`).join('');
    let inner = '';
    for (let i = Math.floor(random() * 4); i > 0; i--) inner += markup(depth - 1);
    return `<${name}${attributes}>${inner}</${name}>`;
  };
  return (depth: number, pieces = 1) => sanitizeHtml(Array.from({ length: pieces }, () => markup(depth)).join(''));
}

describe('random markup from the allowlist', async () => {
  const unavailable = (await epubcheckUnavailable()) ?? false;
  const random = generator(20261121);
  const work = exportWork({
    summaryHtml: random(5),
    notesHtml: random(5),
    endNotesHtml: random(4),
    chapters: Array.from({ length: 30 }, (_, i) => chapter(i + 1, { contentHtml: random(8, 8), summaryHtml: random(3), notesHtml: random(4), endNotesHtml: random(4) })),
  });

  it('converts to plain text and Markdown without markup left over', () => {
    assert.doesNotMatch(buildText(work, 'txt'), /<\/?[a-z]+[ >]/);
    assert.doesNotMatch(buildText(work, 'md'), /(?<!\\)<\/?[a-z]+[ >]/);
  });

  it('builds a valid EPUB', { skip: unavailable }, async () => {
    await assertValidEpub(buildEpub(work), 'random markup');
  });

  it('builds a valid HTML download', { skip: unavailable }, async () => {
    await assertValidHtml(buildHtml(work), 'random markup');
  });
});
