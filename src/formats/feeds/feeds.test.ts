// The XML template and the feed builders, without a database: escaping, characters XML cannot
// carry, plain-text summaries, and the shapes OPDS asks for.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument, DomUtils } from 'htmlparser2';
import { escapeXml, xml, xmlDocument } from '../xml.ts';
import { atomFeed } from './atom.ts';
import { acquisitionFeed, navigationFeed, openSearchDescription, ACQUISITION_TYPE } from './opds.ts';
import { htmlToText } from './plain-text.ts';
import type { FeedWork } from './types.ts';

const work = (over: Partial<FeedWork> = {}): FeedWork => ({
  id: 'https://archive.example/works/7',
  url: 'https://archive.example/works/7',
  title: 'Tea & <Biscuits>',
  authors: [{ name: 'Quill', uri: 'https://archive.example/users/quill' }],
  published: '2026-03-01T10:00:00.000Z',
  updated: '2026-03-02T10:00:00.000Z',
  language: 'en',
  summaryHtml: '<p>Crumbs &amp; <em>tea</em>.</p>',
  summaryText: 'Crumbs & tea.',
  facts: [{ label: 'Fandoms', values: [{ text: 'Bake <Off>', url: 'https://archive.example/tags/Bake%20%3COff%3E' }] }],
  categories: [{ term: 'Bake <Off>', label: 'Bake <Off>' }],
  downloads: [{ href: 'https://archive.example/downloads/7/tea-biscuits.epub', type: 'application/epub+zip', title: 'EPUB' }],
  ...over,
});

const parse = (body: string) => parseDocument(body, { xmlMode: true });

describe('xml template', () => {
  it('escapes every interpolated value, for text and attributes', () => {
    const value = `<a href="x">'&'</a>`;
    assert.equal(xml`<t a="${value}">${value}</t>`.value, '<t a="&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;">&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;</t>');
    assert.equal(xml`<t>${[xml`<b/>`, '<c>']}${null}${undefined}${false}${3}</t>`.value, '<t><b/>&lt;c&gt;3</t>');
  });

  it('drops characters XML 1.0 cannot carry, and keeps the rest of Unicode', () => {
    assert.equal(escapeXml('a\u0000b\u0008c\u000bd\u001fe\uFFFEf\uD800g'), 'abcdefg');
    assert.equal(escapeXml('tab\tnewline\n夜 🦉 é'), 'tab\tnewline\n夜 🦉 é');
  });

  it('starts documents with the XML declaration', () => {
    assert.match(xmlDocument(xml`<r/>`), /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<r\/>\n$/);
  });
});

describe('feed builders', () => {
  it('writes an Atom feed whose summary is the sanitized summary and escaped facts', () => {
    const body = atomFeed({
      id: 'https://archive.example/tags/Bake/feed.atom',
      title: 'Works in Bake',
      updated: '2026-03-02T10:00:00Z',
      links: [{ rel: 'self', href: 'https://archive.example/tags/Bake/feed.atom', type: 'application/atom+xml' }],
      authors: [{ name: 'Owlery' }],
      entries: [work()],
    });
    const doc = parse(body);
    const summary = DomUtils.findOne((e) => e.name === 'summary', doc.children)!;
    assert.equal(summary.attribs.type, 'html');
    const inner = DomUtils.textContent(summary);
    assert.ok(inner.startsWith('<div class="summary"><p>Crumbs &amp; <em>tea</em>.</p></div>'), inner);
    assert.ok(inner.includes('<a href="https://archive.example/tags/Bake%20%3COff%3E">Bake &lt;Off&gt;</a>'), inner);
    assert.equal(DomUtils.textContent(DomUtils.findOne((e) => e.name === 'title', DomUtils.findAll((e) => e.name === 'entry', doc.children))!), 'Tea & <Biscuits>');
    assert.match(body, /<updated>2026-03-02T10:00:00\.000Z<\/updated>/);
  });

  it('writes OPDS entries with a text summary, dc metadata and acquisition links', () => {
    const body = acquisitionFeed({
      id: 'https://archive.example/opds/new',
      title: 'Newest',
      updated: '2026-03-02T10:00:00Z',
      links: [],
      authors: [{ name: 'Owlery' }],
      totals: { totalResults: 1, itemsPerPage: 20, startIndex: 1 },
      entries: [work(), work({ id: 'https://archive.example/works/8', summaryText: '', published: null })],
    });
    const entries = DomUtils.findAll((e) => e.name === 'entry', parse(body).children);
    const first = entries[0]!;
    const child = (name: string) => DomUtils.findOne((e) => e.name === name, first.children);
    assert.equal(child('summary')!.attribs.type, 'text');
    assert.equal(DomUtils.textContent(child('summary')!), 'Crumbs & tea.');
    assert.equal(DomUtils.textContent(child('dc:issued')!), '2026-03-01');
    assert.equal(DomUtils.textContent(child('dc:language')!), 'en');
    const acquisition = DomUtils.findOne((e) => e.name === 'link' && e.attribs.rel === 'http://opds-spec.org/acquisition', first.children)!;
    assert.equal(acquisition.attribs.type, 'application/epub+zip');
    // No empty summary and no dc:issued without a date.
    assert.equal(DomUtils.findOne((e) => e.name === 'summary' || e.name === 'dc:issued', entries[1]!.children), null);
    assert.match(body, /<opensearch:totalResults>1<\/opensearch:totalResults>/);
  });

  it('declares thr only when a navigation link carries a count', () => {
    const entry = (count?: number) => ({
      id: 'https://archive.example/opds/fandoms/A',
      title: 'A',
      updated: '2026-03-02T10:00:00Z',
      content: '3 works',
      link: { rel: 'subsection', href: 'https://archive.example/opds/fandoms/A', type: ACQUISITION_TYPE, ...(count === undefined ? {} : { count }) },
    });
    const base = { id: 'https://archive.example/opds/fandoms', title: 'Fandoms', updated: '2026-03-02T10:00:00Z', links: [], authors: [{ name: 'Owlery' }] };
    assert.match(navigationFeed({ ...base, entries: [entry(3)] }), /xmlns:thr="http:\/\/purl\.org\/syndication\/thread\/1\.0"[\s\S]*thr:count="3"/);
    assert.doesNotMatch(navigationFeed({ ...base, entries: [entry()] }), /thr/);
  });

  it('keeps the OpenSearch short name within 16 characters', () => {
    const body = openSearchDescription({ shortName: 'The Very Long Archive Name', description: 'd', template: 'https://a.example/opds/search?q={searchTerms}', self: 'https://a.example/opds/search.xml' });
    assert.match(body, /<ShortName>The Very Long Ar<\/ShortName>/);
    assert.match(body, /template="https:\/\/a\.example\/opds\/search\?q=\{searchTerms\}"/);
  });
});

describe('plain text', () => {
  it('turns sanitized HTML into readable text', () => {
    assert.equal(htmlToText('<p>One &amp; <em>two</em></p><p>Three<br>four</p><ul><li>a</li><li>b</li></ul>'), 'One & two\n\nThree\nfour\n\na\n\nb');
    assert.equal(htmlToText(''), '');
  });
});
