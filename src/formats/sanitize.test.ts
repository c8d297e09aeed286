import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DomUtils, parseDocument } from 'htmlparser2';
import { sanitizeHtml } from './sanitize.ts';
import { ALLOWED_ATTRIBUTES, ALLOWED_ELEMENTS } from '../domain/sanitizer-policy.ts';

// Public XSS corpora shared by the team (not copied into the repository; see their README).
const CORPORA = path.resolve(import.meta.dirname, '../../../shared/corpora/security');
const corporaMissing = existsSync(CORPORA) ? false : `XSS corpora not found at ${CORPORA}; skipping`;

const URL_ATTRIBUTES = ['href', 'src', 'cite', 'action', 'formaction', 'data', 'poster', 'background', 'xlink:href'];
const FORBIDDEN_ELEMENTS = ['script', 'iframe', 'object', 'embed', 'style', 'svg', 'math', 'form', 'frame', 'base', 'meta', 'link'];

/**
 * Problems found in sanitized output, judged by re-parsing it. This is a pre-filter (a browser is
 * the real judge, per the corpora README), but every vector must at least pass it.
 */
function problems(output: string): string[] {
  const found: string[] = [];
  const doc = parseDocument(output, { decodeEntities: true });
  for (const el of DomUtils.findAll(() => true, doc.children)) {
    if (FORBIDDEN_ELEMENTS.includes(el.name)) found.push(`element <${el.name}>`);
    if (!ALLOWED_ELEMENTS.includes(el.name)) found.push(`element <${el.name}> not in policy`);
    const allowed = [...(ALLOWED_ATTRIBUTES['*'] ?? []), ...(ALLOWED_ATTRIBUTES[el.name] ?? []), 'rel'];
    for (const [name, value] of Object.entries(el.attribs)) {
      if (/^on/i.test(name)) found.push(`event handler ${name}`);
      if (name === 'style') found.push('style attribute');
      if (!allowed.includes(name)) found.push(`attribute ${name} on <${el.name}>`);
      // Browsers' URL parser strips C0 controls and spaces around a URL and tabs/newlines inside
      // it; removing all of them everywhere is stricter than any browser.
      // eslint-disable-next-line no-control-regex
      const squashed = value.replace(/[\u0000-\u0020]/g, '');
      if (URL_ATTRIBUTES.includes(name) && /^(javascript|vbscript|data):/i.test(squashed)) {
        found.push(`${name}="${value}"`);
      }
    }
  }
  return found;
}

function assertSafe(payload: string, label: string) {
  const output = sanitizeHtml(payload);
  assert.deepEqual(problems(output), [], `${label}\ninput:  ${payload}\noutput: ${output}`);
  // Sanitizing is stable: a second pass finds nothing more to remove. A difference would mean the
  // output parses differently from how the sanitizer understood it (the root of mutation XSS).
  assert.equal(sanitizeHtml(output), output, `${label}: not idempotent\ninput: ${payload}`);
}

function h5scVectors(): string[] {
  const text = readFileSync(path.join(CORPORA, 'h5sc-vectors.txt'), 'utf8');
  return text
    .split(/<div id="\d+">/)
    .slice(1)
    .map((chunk) => chunk.replace(/\/\/\["'`-->\]\]>\]<\/div>\s*(undefined)?\s*$/, ''));
}

function owaspVectors(): string[] {
  const text = readFileSync(path.join(CORPORA, 'owasp-xss-filter-evasion.md'), 'utf8');
  return [...text.matchAll(/^```[a-z]*\n([\s\S]*?)^```/gm)].map((m) => (m[1] ?? '').replace(/\\</g, '<').replace(/\\>/g, '>'));
}

describe('sanitizeHtml: XSS corpora', { skip: corporaMissing }, () => {
  it('neutralizes every H5SC vector', () => {
    const vectors = h5scVectors();
    assert.equal(vectors.length, 139);
    vectors.forEach((v, i) => assertSafe(v, `H5SC #${i + 1}`));
  });

  it('neutralizes every OWASP filter-evasion payload', () => {
    const vectors = owaspVectors();
    assert.ok(vectors.length > 100, `found ${vectors.length} code blocks`);
    vectors.forEach((v, i) => assertSafe(v, `OWASP block ${i + 1}`));
  });

  it('neutralizes every DOMPurify test payload', async () => {
    const mod = (await import(pathToFileURL(path.join(CORPORA, 'dompurify-expect.mjs')).href)) as {
      default: Array<{ title: string; payload: string }>;
    };
    assert.ok(mod.default.length > 200);
    for (const { title, payload } of mod.default) assertSafe(payload, `DOMPurify "${title}"`);
  });

  it('survives the big list of naughty strings', () => {
    const strings = JSON.parse(readFileSync(path.join(CORPORA, 'blns.json'), 'utf8')) as string[];
    for (const s of strings) assertSafe(s, `BLNS ${JSON.stringify(s).slice(0, 60)}`);
  });
});

describe('sanitizeHtml: removals', () => {
  it('removes script, style, iframe, object, embed and form elements with their content', () => {
    const html = '<p>keep</p><script>alert(1)</script><style>p{color:red}</style><iframe src="https://x">fallback</iframe>' +
      '<object data="x.swf">obj</object><embed src="x.swf"><form action="/x">field<input name="q"></form><svg><text>svg</text></svg>';
    assert.equal(sanitizeHtml(html), '<p>keep</p>');
  });

  it('drops unknown elements but keeps their text', () => {
    assert.equal(sanitizeHtml('<article><font color="red">red</font> <blink>text</blink></article>'), 'red text');
  });

  it('removes event handlers and style attributes', () => {
    assert.equal(sanitizeHtml('<p onclick="x()" style="color:red" onmouseover=y>a</p>'), '<p>a</p>');
    assert.equal(sanitizeHtml('<img src="https://e.org/i.png" onerror="alert(1)">'), '<img src="https://e.org/i.png" />');
  });

  it('removes javascript:, vbscript: and data: URLs, however disguised', () => {
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)',
      '&#106;avascript:alert(1)', '&#x6A;avascript:alert(1)', 'vbscript:msgbox(1)', 'data:text/html,<script>alert(1)</script>']) {
      assert.equal(sanitizeHtml(`<a href="${href}">x</a>`), '<a rel="nofollow noopener">x</a>', href);
    }
    for (let code = 0; code <= 0x20; code++) {
      const c = String.fromCharCode(code);
      for (const href of [`${c}javascript:x`, `java${c}script:x`, `javascript${c}:x`, `java&#${code};script:x`, `&#${code};javascript:x`]) {
        assert.deepEqual(problems(sanitizeHtml(`<a href="${href}">x</a>`)), [], JSON.stringify(href));
      }
    }
    assert.equal(sanitizeHtml('<img src="data:image/png;base64,AAAA">'), '');
    assert.equal(sanitizeHtml('<blockquote cite="javascript:x">q</blockquote>'), '<blockquote>q</blockquote>');
  });

  it('keeps only valid class names (AO3 UserClassSanitizer)', () => {
    assert.equal(sanitizeHtml('<p class="note 9bad x a_b-c">t</p>'), '<p class="note a_b-c">t</p>');
    assert.equal(sanitizeHtml('<p class="!!">t</p>'), '<p>t</p>');
  });

  it('drops id, target and other unlisted attributes', () => {
    assert.equal(sanitizeHtml('<p id="x" lang="en" data-x="1">t</p>'), '<p>t</p>');
    assert.equal(sanitizeHtml('<a href="https://e.org" target="_blank" rel="opener">t</a>'),
      '<a href="https://e.org" rel="nofollow noopener">t</a>');
  });

  it('returns an empty string for empty, whitespace-only and fully removed input', () => {
    assert.equal(sanitizeHtml(''), '');
    assert.equal(sanitizeHtml('  \n\t '), '');
    assert.equal(sanitizeHtml('<script>alert(1)</script>'), '');
    assert.equal(sanitizeHtml('<!-- a comment -->'), '');
  });
});

describe('sanitizeHtml: formatting kept', () => {
  const keep = (html: string) => assert.equal(sanitizeHtml(html), html);

  it('keeps emphasis and inline formatting', () => {
    keep('<p><em>em</em> <strong>strong</strong> <i>i</i> <b>b</b> <u>u</u> <s>s</s> <strike>st</strike> <del>d</del> <ins>n</ins></p>');
    keep('<p>H<sub>2</sub>O and x<sup>2</sup>, <small>small</small> <big>big</big> <code>code</code> <kbd>k</kbd> <tt>tt</tt></p>');
    keep('<p><abbr title="as far as I know">AFAIK</abbr> <cite>Cite</cite> <q cite="https://e.org">q</q> <span dir="rtl">rtl</span></p>');
  });

  it('keeps headings, paragraphs with alignment, and rules', () => {
    keep('<h1>One</h1><h2>Two</h2><h3>Three</h3><h4>Four</h4><h5>Five</h5><h6>Six</h6>');
    keep('<p align="center">centred</p><hr /><center>old centre</center><hr width="50%" align="left" />');
  });

  it('keeps lists and definition lists', () => {
    keep('<ul type="disc"><li>a</li><li>b</li></ul><ol start="3" type="i"><li>c</li></ol>');
    keep('<dl><dt>term</dt><dd>definition</dd></dl>');
  });

  it('keeps blockquotes, pre and divs', () => {
    keep('<blockquote cite="https://e.org/src"><p>quoted</p></blockquote><pre>  pre  formatted</pre><div class="letter">d</div>');
  });

  it('keeps tables', () => {
    keep('<table border="1" summary="s" width="100%"><caption>Cap</caption><colgroup span="2" width="10"><col span="1" /></colgroup>' +
      '<thead><tr><th scope="col" colspan="2">H</th></tr></thead><tbody><tr><td rowspan="2" abbr="a">1</td><td>2</td></tr></tbody>' +
      '<tfoot><tr><td>f</td></tr></tfoot></table>');
  });

  it('keeps links and adds rel="nofollow noopener"', () => {
    assert.equal(sanitizeHtml('<a href="https://example.org/a?b=1&amp;c=2">x</a>'),
      '<a href="https://example.org/a?b=1&amp;c=2" rel="nofollow noopener">x</a>');
    assert.equal(sanitizeHtml('<a href="mailto:owl@example.org">m</a>'), '<a href="mailto:owl@example.org" rel="nofollow noopener">m</a>');
    assert.equal(sanitizeHtml('<a href="/works/1#ch2">rel</a>'), '<a href="/works/1#ch2" rel="nofollow noopener">rel</a>');
    assert.equal(sanitizeHtml('<a name="footnote1">1</a>'), '<a name="footnote1" rel="nofollow noopener">1</a>');
  });

  it('keeps images with http(s) or relative sources', () => {
    keep('<img src="https://example.org/owl.png" alt="An owl" width="10" height="20" />');
    keep('<img src="/images/owl.png" alt="" />');
  });

  it('keeps ruby annotations, figures and details', () => {
    keep('<ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>');
    keep('<figure><img src="/a.png" alt="" /><figcaption>Cap</figcaption></figure>');
    keep('<details open><summary>Spoiler</summary><p>hidden</p></details>');
  });

  it('re-escapes text so entities stay text', () => {
    keep('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>');
  });
});
