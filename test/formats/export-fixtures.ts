// ExportWork values for the format tests: original texts written for these tests, shaped the way
// the sanitizer leaves stored HTML (including the HTML 4 leftovers AO3's allowlist admits).
import type { ExportChapter, ExportWork } from '../../src/formats/export/types.ts';

const SITE = 'http://archive.test';

export function chapter(number: number, overrides: Partial<ExportChapter> = {}): ExportChapter {
  return {
    number,
    title: '',
    summaryHtml: '',
    notesHtml: '',
    endNotesHtml: '',
    contentHtml: `<p>The ferry left at dawn on day ${number}.</p><p>Nobody on deck said a word.</p>`,
    wordCount: 14,
    url: `${SITE}/works/7/chapters/${100 + number}`,
    ...overrides,
  };
}

export function exportWork(overrides: Partial<ExportWork> = {}): ExportWork {
  return {
    id: 7,
    title: 'The Ferry at Dawn',
    url: `${SITE}/works/7`,
    creators: [{ name: 'tidewriter', url: `${SITE}/users/tidewriter` }],
    anonymous: false,
    tags: [
      { name: 'General Audiences', type: 'rating', url: `${SITE}/tags/General%20Audiences` },
      { name: 'No Archive Warnings Apply', type: 'warning', url: `${SITE}/tags/No%20Archive%20Warnings%20Apply` },
      { name: 'Gen', type: 'category', url: `${SITE}/tags/Gen` },
      { name: 'Original Work', type: 'fandom', url: `${SITE}/tags/Original%20Work` },
      { name: 'Ferry Captain', type: 'character', url: `${SITE}/tags/Ferry%20Captain` },
      { name: 'Fluff', type: 'freeform', url: `${SITE}/tags/Fluff` },
    ],
    language: 'en',
    languageName: 'English',
    summaryHtml: '<p>A ferry, a fog, and a <em>very</em> patient captain.</p>',
    notesHtml: '<p>Written for a prompt about crossings.</p>',
    endNotesHtml: '<p>Thanks for reading!</p>',
    series: [],
    chapters: [chapter(1, { title: 'Departure' }), chapter(2, { title: 'Arrival' })],
    chaptered: true,
    wordCount: 28,
    chapterCount: 2,
    expectedChapters: 2,
    complete: true,
    publishedAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-20T18:30:00.000Z',
    modifiedAt: '2026-11-20T18:30:00.000Z',
    siteName: 'Owlery Test',
    siteUrl: SITE,
    ...overrides,
  };
}

/** Markup a pasted chapter really contains: obsolete elements, align, tables, footnotes, images. */
export const MESSY_HTML = [
  '<p align="center">* * *</p>',
  '<center>Centered the old way</center>',
  '<p>She wrote<a href="#fn1" rel="nofollow noopener"><sup>1</sup></a> and <strike>crossed</strike> it out, <big>loudly</big>, in <tt>mono</tt> <acronym title="as soon as possible">ASAP</acronym>.</p>',
  '<em><p>An italic letter, first paragraph.</p><p>Second paragraph, <a href="/works/9">a link</a>.</p></em>',
  '<p>Before <span>a block <div>inside a span</div> after</span> end.</p>',
  '<table border="1" width="80%" summary="tides"><caption>Tide table</caption><tr><th scope="col" width="20">Hour</th><th>Height</th></tr><tr><td align="right" colspan="1">6</td><td>1.2 m</td></tr>stray text<td>orphan cell</td></table>',
  '<table><thead><tr><td>a</td></tr></thead><tr><td>b</td></tr><tbody><tr><td>c</td></tr></tbody><tfoot><tr><td>d</td></tr></tfoot></table>',
  '<ul type="square"><li>one</li>loose text<ul><li>nested</li></ul></ul>',
  '<li>stray item</li>',
  '<dl><dd>definition first</dd><dt>term last</dt></dl>',
  '<p><img src="https://images.example.org/owl.png" alt="An owl" width="100" height="80%" align="left" border="0"> and <img src="/relative/pic.jpg"></p>',
  '<p><a href="https://example.org/a"><img src="https://images.example.org/b.png" alt="linked"></a></p>',
  '<p>Unknown anchor <a href="#nowhere">here</a>, mail <a href="mailto:someone@example.org">me</a>, bad <a href="javascript:alert(1)">link</a>.</p>',
  '<hr align="center" width="50%">',
  '<details><p>Hidden bit</p><summary>Open me</summary></details>',
  '<figure><img src="https://images.example.org/c.png" alt="c"><p>middle</p><figcaption>Caption</figcaption></figure>',
  '<p><ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby> and a stray <rt>rt</rt></p>',
  '<blockquote cite="not a url"><p>Quoted</p></blockquote>',
  '<p dir="sideways" title="a &quot;title&quot; &amp; more">Control\u0007 characters\u0000 and \u0085 gone.</p>',
  '<ol start="3" type="i"><li>third</li></ol>',
  '<h3>A heading in the text</h3>',
  '<p><a name="fn1">1.</a> The footnote, with a <a href="#fn1">self link</a>.</p>',
  '<p><a name="fn1">1.</a> A duplicate anchor name.</p>',
  '<pre>  two spaces\n  kept</pre>',
].join('\n');
