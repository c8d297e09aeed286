// View tests: hand-built view models in, HTML out. They pin the properties that matter most —
// escaping (every plain-text field, in every view), sanitized *Html fields passed through, AO3's
// conventions (n/?, bylines, Anonymous), and the accessibility structure (landmarks, one h1, no
// skipped heading levels, ids that labels and links point at actually exist).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Parser } from 'htmlparser2';
import type { ChapterView, PageChrome, WorkBlurb, WorkPage } from '../../present/view-models.ts';
import { layout } from './layout.ts';
import { html } from '../html.ts';
import { homeView } from './home.ts';
import { workListView } from './work-list.ts';
import { workView } from './work.ts';
import { tagView } from './tag.ts';
import { userView } from './user.ts';
import { seriesView } from './series.ts';
import { errorView } from './error.ts';
import { setupView } from './setup.ts';
import { apiDocsView } from './api-docs.ts';
import { byline } from './components/byline.ts';
import { blurb } from './components/blurb.ts';
import { formatDate } from './components/date.ts';

const EVIL = '<script>alert(1)</script> "quotes"';
const ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt; &quot;quotes&quot;';
const SANITIZED = '<p>Sanitized <em>summary</em></p>';

const chrome = (over: Partial<PageChrome> = {}): PageChrome => ({ siteName: 'Owlery', title: 'Page', path: '/', ...over });

const tag = (name: string, type: WorkBlurb['fandoms'][number]['type']) => ({ name, type, url: `/tags/${encodeURIComponent(name)}` });

function work(over: Partial<WorkBlurb> = {}): WorkBlurb {
  return {
    id: 7,
    url: '/works/7',
    title: 'The Lantern Keeper',
    creators: [{ pseud: 'Wren', login: 'wren', url: '/users/wren' }],
    anonymous: false,
    rating: tag('Teen And Up Audiences', 'rating'),
    warnings: [tag('No Archive Warnings Apply', 'warning')],
    categories: [tag('Gen', 'category')],
    fandoms: [tag('Original Work', 'fandom')],
    relationships: [],
    characters: [tag('The Keeper', 'character')],
    freeforms: [tag('Fluff', 'freeform')],
    summaryHtml: SANITIZED,
    language: { code: 'en', name: 'English' },
    wordCount: 12345,
    chapterCount: 2,
    expectedChapters: 3,
    complete: false,
    restricted: false,
    series: [],
    stats: { hits: 1500, kudos: 0, comments: 0, bookmarks: 4 },
    postedAt: '2026-11-01T10:00:00Z',
    updatedAt: '2026-11-21T23:30:00Z',
    ...over,
  };
}

function chapter(number: number, over: Partial<ChapterView> = {}): ChapterView {
  return {
    id: 100 + number,
    number,
    title: number === 1 ? 'Dusk' : '',
    label: number === 1 ? '1. Dusk' : `Chapter ${number}`,
    url: `/works/7/chapters/${100 + number}`,
    summaryHtml: '',
    notesHtml: '',
    endNotesHtml: '',
    contentHtml: `<p>Text of chapter ${number}.</p>`,
    wordCount: 100,
    ...over,
  };
}

function workPage(over: Partial<WorkPage> = {}): WorkPage {
  const chapters = [1, 2, 3].map((n) => ({ id: 100 + n, number: n, label: chapter(n).label, url: chapter(n).url }));
  return {
    work: work({ chapterCount: 3 }),
    notesHtml: '<p>Beginning notes.</p>',
    endNotesHtml: '<p>End notes.</p>',
    chapters,
    shown: [chapter(2)],
    mode: 'chapter',
    chaptered: true,
    previous: chapters[0]!,
    next: chapters[2]!,
    fullWorkUrl: '/works/7?view_full_work=true',
    chapterByChapterUrl: '/works/7/chapters/101',
    ...over,
  };
}

/** Parses a page and checks the structure every page must have. */
function checkStructure(page: string): { headings: Array<{ level: number; text: string }> } {
  const headings: Array<{ level: number; text: string }> = [];
  const ids = new Set<string>();
  const references: string[] = [];
  let current: { level: number; text: string } | null = null;
  const parser = new Parser({
    onopentag(name, attrs) {
      const match = /^h([1-6])$/.exec(name);
      if (match) current = { level: Number(match[1]), text: '' };
      if (attrs.id) {
        assert.ok(!ids.has(attrs.id), `duplicate id ${attrs.id}`);
        ids.add(attrs.id);
      }
      for (const key of ['for', 'aria-labelledby', 'aria-describedby']) {
        if (attrs[key]) references.push(...attrs[key].split(/\s+/));
      }
      if (attrs.href?.startsWith('#')) references.push(attrs.href.slice(1));
    },
    ontext(text) {
      if (current) current.text += text;
    },
    onclosetag(name) {
      if (current && name === `h${current.level}`) {
        headings.push(current);
        current = null;
      }
    },
  });
  parser.write(page);
  parser.end();
  for (const ref of references) assert.ok(ids.has(ref), `reference to missing id #${ref}`);
  assert.equal(headings.filter((h) => h.level === 1).length, 1, 'exactly one h1');
  let previous = 1;
  for (const h of headings) {
    assert.ok(h.level <= previous + 1, `heading "${h.text}" skips from h${previous} to h${h.level}`);
    previous = h.level;
  }
  assert.match(page, /<html lang="en">/);
  for (const landmark of ['<header role="banner"', '<nav aria-label="Main"', '<main id="main"', '<footer']) {
    assert.ok(page.includes(landmark), `has ${landmark}`);
  }
  return { headings };
}

describe('layout', () => {
  it('has a doctype, title, landmarks and a skip link', () => {
    const page = layout(chrome({ title: 'Works', path: '/works', feedUrl: '/works/feed.atom', notice: 'Saved' }), html`<h1>Works</h1>`);
    assert.ok(page.startsWith('<!DOCTYPE html>'));
    assert.match(page, /<title>Works \| Owlery<\/title>/);
    assert.match(page, /<meta name="color-scheme" content="light dark">/);
    assert.match(page, /<a class="skip-link" href="#main">Skip to main content<\/a>/);
    assert.match(page, /<a href="\/works" aria-current="page">Works<\/a>/);
    assert.match(page, /<a href="\/api">API<\/a>/);
    assert.match(page, /type="application\/atom\+xml"[^>]*href="\/works\/feed.atom"/);
    assert.match(page, /<div class="notice" role="status">Saved<\/div>/);
    assert.doesNotMatch(page, /<script/);
    checkStructure(page);
  });

  it('uses the site name alone when the title is empty, and escapes chrome text', () => {
    assert.match(layout(chrome({ title: '' }), html`<h1>x</h1>`), /<title>Owlery<\/title>/);
    const page = layout(chrome({ title: EVIL, notice: EVIL, description: EVIL }), html`<h1>x</h1>`);
    assert.ok(!page.includes('<script>alert(1)'));
    assert.ok(page.includes(`<title>${ESCAPED} | Owlery</title>`));
  });
});

describe('components', () => {
  it('formats dates in UTC like AO3', () => {
    assert.equal(formatDate('2026-11-21T23:30:00Z'), '21 Nov 2026');
    assert.equal(formatDate('2026-11-21T23:30:00-05:00'), '22 Nov 2026');
    assert.equal(formatDate(null), '');
  });

  it('writes bylines as AO3 does', () => {
    const a = { pseud: 'Wren', login: 'wren', url: '/users/wren' };
    const b = { pseud: 'Finch Writes', login: 'finch', url: '/users/finch/pseuds/Finch%20Writes' };
    const c = { pseud: 'owl', login: 'owl', url: '/users/owl' };
    assert.equal(byline([c], false).value, '<a rel="author" href="/users/owl">owl</a>');
    assert.match(byline([b], false).value, />Finch Writes \(finch\)<\/a>/);
    assert.match(byline([a, b, c], false).value, /Wren \(wren\)<\/a>, <a[^>]*>Finch Writes \(finch\)<\/a> and <a[^>]*>owl<\/a>/);
  });

  it('shows Anonymous and no creator names for anonymous works', () => {
    const out = blurb(work({ anonymous: true })).value;
    assert.match(blurb(work({ anonymous: true, creators: [] })).value, /Anonymous/);
    assert.match(out, /Anonymous/);
    assert.doesNotMatch(out, /wren|rel="author"/);
  });

  it('renders a blurb with n/m or n/?, thousands separators and omitted zero stats', () => {
    const out = blurb(work()).value;
    assert.match(out, /<li id="work_7" class="work blurb group"><article>/);
    assert.match(out, /<dd class="chapters">2\/3<\/dd>/);
    assert.match(out, /<dd class="words">12,345<\/dd>/);
    assert.match(out, /<dd class="hits">1,500<\/dd>/);
    assert.match(out, /<dd class="bookmarks">4<\/dd>/);
    assert.doesNotMatch(out, /class="kudos"|class="comments"/);
    assert.match(out, /<time datetime="2026-11-21">21 Nov 2026<\/time>/);
    assert.ok(out.includes(`<blockquote class="userstuff summary"><span class="visually-hidden">Summary: </span>${SANITIZED}`));
    assert.match(blurb(work({ expectedChapters: null })).value, /<dd class="chapters">2\/\?<\/dd>/);
    assert.match(out, /<span class="visually-hidden">Rating: Teen And Up Audiences<\/span>/);
    assert.match(out, /Work in Progress/);
  });

  it('marks restricted works and series membership', () => {
    const out = blurb(work({ restricted: true, series: [{ id: 3, title: 'Lights', url: '/series/3', position: 2 }] })).value;
    assert.match(out, /Restricted/);
    assert.match(out, /Part <strong>2<\/strong> of <a href="\/series\/3">Lights<\/a>/);
  });
});

describe('escaping in every view', () => {
  const evilTag = tag(EVIL, 'freeform');
  const evilWork = work({
    title: EVIL,
    creators: [{ pseud: EVIL, login: 'x', url: '/users/x' }],
    freeforms: [evilTag],
    fandoms: [tag(EVIL, 'fandom')],
    language: { code: 'en', name: EVIL },
    series: [{ id: 1, title: EVIL, url: '/series/1', position: 1 }],
  });
  const pages: Record<string, () => string> = {
    home: () => homeView(chrome({ title: EVIL }), { works: [evilWork], moreUrl: '/works', setupPending: true }),
    list: () =>
      workListView(chrome(), { heading: EVIL, intro: EVIL, works: [evilWork], pagination: { previousUrl: null, nextUrl: '/works?page=2', summary: EVIL } }),
    work: () => workView(chrome(), workPage({ work: evilWork, shown: [chapter(2, { title: EVIL, label: EVIL })] })),
    tag: () =>
      tagView(chrome(), {
        name: EVIL, type: 'freeform', typeLabel: EVIL, canonical: false, mergedInto: evilTag, synonyms: [evilTag], parents: [evilTag],
        children: [evilTag], metaTags: [evilTag], subTags: [evilTag], worksUrl: '/tags/x/works', workCount: 1, recentWorks: [evilWork],
      }),
    user: () =>
      userView(chrome(), { login: EVIL, url: '/users/x', pseuds: [{ name: EVIL, url: '/users/x', isDefault: true }], joinedAt: '2026-01-01T00:00:00Z', workCount: 1, worksUrl: '/users/x/works', recentWorks: [evilWork] }),
    series: () =>
      seriesView(chrome(), { id: 1, title: EVIL, creators: evilWork.creators, anonymous: false, summaryHtml: SANITIZED, notesHtml: '', complete: true, wordCount: 10, works: [evilWork], beganAt: null, updatedAt: null }),
    error: () => errorView(chrome(), { status: 500, heading: EVIL, message: EVIL, requestId: EVIL }),
    setup: () => setupView(chrome(), { token: EVIL, errors: { login: EVIL, base: EVIL }, values: { login: EVIL, email: EVIL } }),
    api: () =>
      apiDocsView(chrome(), { openapi: '3.0.3', info: { title: EVIL, version: EVIL, description: EVIL }, paths: { '/api/v1/x': { get: { summary: EVIL, description: EVIL, parameters: [{ name: 'q', in: 'query', description: EVIL, schema: { type: 'string' } }], responses: { 200: { description: EVIL } } } } } }),
  };
  for (const [name, render] of Object.entries(pages)) {
    it(`escapes text in the ${name} view`, () => {
      const page = render();
      assert.ok(!page.includes('<script>alert(1)'), 'no live script tag');
      assert.ok(page.includes(ESCAPED), 'the escaped text is shown');
      checkStructure(page);
    });
  }
});

describe('work page', () => {
  it('in chapter mode shows one chapter, previous and next links and the chapter select', () => {
    const page = workView(chrome(), workPage());
    const { headings } = checkStructure(page);
    assert.equal(headings[0]?.text, 'The Lantern Keeper');
    assert.match(page, /<nav class="work navigation" aria-label="Chapters">/);
    assert.match(page, /<a href="\/works\/7\?view_full_work=true">Entire Work<\/a>/);
    assert.match(page, /rel="prev" href="\/works\/7\/chapters\/101"/);
    assert.match(page, /rel="next" href="\/works\/7\/chapters\/103"/);
    assert.match(page, /<form class="chapter-index" method="get" action="\/works\/7">/);
    assert.match(page, /<option value="102" selected>Chapter 2<\/option>/);
    assert.match(page, /<p>Text of chapter 2.<\/p>/);
    assert.doesNotMatch(page, /Text of chapter 1/);
    // A middle chapter skips the work summary and notes; end notes are only after the last chapter.
    assert.doesNotMatch(page, /Beginning notes|End notes\.<\/p>|id="work_endnotes"/);
    assert.match(page, /<h2 class="title heading" id="chapter-2-heading">Chapter 2<\/h2>/);
    assert.match(page, /<dd class="chapters">3\/3<\/dd>/);
  });

  it('omits previous on the first chapter and next on the last, and shows notes where they belong', () => {
    const base = workPage();
    const first = workView(chrome(), workPage({ shown: [chapter(1)], previous: null, next: base.chapters[1]! }));
    assert.doesNotMatch(first, /rel="prev"/);
    assert.match(first, /rel="next"/);
    assert.match(first, /Beginning notes/);
    assert.ok(first.includes(SANITIZED));
    assert.match(first, /href="\/works\/7\/chapters\/103#work_endnotes">more notes<\/a>/);
    const last = workView(chrome(), workPage({ shown: [chapter(3)], previous: base.chapters[1]!, next: null }));
    assert.match(last, /rel="prev"/);
    assert.doesNotMatch(last, /rel="next"/);
    assert.match(last, /<div class="end notes module" id="work_endnotes">/);
    checkStructure(first);
    checkStructure(last);
  });

  it('in full mode shows every chapter with linked headings and all notes', () => {
    const page = workView(chrome(), workPage({ mode: 'full', shown: [chapter(1), chapter(2), chapter(3)], previous: null, next: null }));
    checkStructure(page);
    assert.match(page, /<a href="\/works\/7\/chapters\/101">Chapter by Chapter<\/a>/);
    for (const p of [1, 2, 3]) assert.match(page, new RegExp(`<a href="/works/7/chapters/10${p}">Chapter ${p}</a>`));
    assert.match(page, /<h2 class="title heading" id="chapter-1-heading"><a [^>]*>Chapter 1<\/a>: Dusk<\/h2>/);
    assert.doesNotMatch(page, /rel="prev"|rel="next"/);
    assert.match(page, /Beginning notes/);
    assert.match(page, /id="work_endnotes"/);
    assert.doesNotMatch(page, /<option[^>]*selected/);
  });

  it('shows a one-chapter work without chapter navigation or a chapter heading', () => {
    const only = { id: 101, number: 1, label: '1. Dusk', url: '/works/7/chapters/101' };
    const page = workView(chrome(), workPage({ work: work({ chapterCount: 1, expectedChapters: 1, complete: true }), chaptered: false, chapters: [only], shown: [chapter(1)], previous: null, next: null }));
    checkStructure(page);
    assert.doesNotMatch(page, /aria-label="Chapters"|<select|Entire Work/);
    assert.match(page, /<dd class="chapters">1\/1<\/dd>/);
    assert.match(page, /<dt class="status">Completed:<\/dt>/);
    assert.match(page, /<h2 class="visually-hidden" id="chapter-1-heading">Work Text<\/h2>/);
    assert.doesNotMatch(page, /Chapter 1|Dusk<\/h2>/);
  });

  it('gives the first chapter of a work meant to have more its heading and title, as AO3 does', () => {
    const only = { id: 101, number: 1, label: '1. Dusk', url: '/works/7/chapters/101' };
    for (const expectedChapters of [3, null]) {
      const page = workView(chrome(), workPage({ work: work({ chapterCount: 1, expectedChapters, complete: false }), chaptered: true, chapters: [only], shown: [chapter(1)], previous: null, next: null }));
      checkStructure(page);
      assert.match(page, /<h2 class="title heading" id="chapter-1-heading">Chapter 1: Dusk<\/h2>/);
      assert.match(page, /<h3 class="visually-hidden" id="chapter-1-text">Chapter 1 Text<\/h3>/);
      // Nothing to navigate between yet (AO3 shows chapter navigation only with a previous or next chapter).
      assert.doesNotMatch(page, /aria-label="Chapters"|<select|Entire Work/);
    }
  });
});

describe('other pages', () => {
  it('home shows the empty state and the setup notice', () => {
    const page = homeView(chrome(), { works: [], moreUrl: '/works', setupPending: true });
    checkStructure(page);
    assert.match(page, /npx owlery demo/);
    assert.match(page, /npx owlery import FILE/);
    assert.match(page, /setup link was printed in the server log/);
    const full = homeView(chrome(), { works: [work()], moreUrl: '/works', setupPending: false });
    assert.doesNotMatch(full, /server log|npx owlery/);
    assert.match(full, /<ol class="work index group">/);
  });

  it('work list paginates with links only where there are pages', () => {
    const page = workListView(chrome(), { heading: 'Works', works: [work()], pagination: { previousUrl: null, nextUrl: '/works?page=2', summary: '1–20 of 57 works' } });
    checkStructure(page);
    assert.match(page, /<nav class="pagination" aria-label="Pagination">/);
    assert.doesNotMatch(page, /rel="prev"/);
    assert.match(page, /rel="next" href="\/works\?page=2"/);
  });

  it('tag page explains canonical and merged tags', () => {
    const base = {
      name: 'Drarry', type: 'relationship' as const, typeLabel: 'Relationship', canonical: false, mergedInto: null, synonyms: [], parents: [],
      children: [], metaTags: [], subTags: [], worksUrl: '/tags/Drarry/works', workCount: 1234, recentWorks: [],
    };
    const merged = tagView(chrome(), { ...base, mergedInto: tag('Draco Malfoy/Harry Potter', 'relationship') });
    assert.match(merged, /This tag belongs to the Relationship Category\. It has been merged into the <a class="tag"/);
    assert.match(merged, /Works \(1,234\)/);
    const canonical = tagView(chrome(), { ...base, canonical: true, children: [tag('Harry Potter', 'character')] });
    assert.match(canonical, /It’s a canonical tag/);
    assert.match(canonical, /<h3>Characters<\/h3>/);
    checkStructure(canonical);
  });

  it('series page shows stats and raw description', () => {
    const page = seriesView(chrome(), { id: 1, title: 'Lights', creators: [], anonymous: true, summaryHtml: SANITIZED, notesHtml: '', complete: false, wordCount: 5000, works: [work()], beganAt: '2026-01-02T00:00:00Z', updatedAt: null });
    assert.ok(page.includes(SANITIZED));
    assert.match(page, /<dt>Complete:<\/dt><dd>No<\/dd>/);
    assert.match(page, /<dt>Words:<\/dt><dd>5,000<\/dd>/);
    assert.match(page, /Anonymous/);
  });

  it('error page shows the request id only for server errors', () => {
    assert.match(errorView(chrome(), { status: 500, heading: '', message: '', requestId: 'req-1' }), /<code class="request-id">req-1<\/code>/);
    const notFound = errorView(chrome(), { status: 404, heading: '', message: '' });
    assert.match(notFound, /We couldn’t find that page/);
    assert.doesNotMatch(notFound, /request-id/);
  });

  it('setup form labels its fields, keeps values but never the password', () => {
    const page = setupView(chrome(), { token: 'abc', errors: { password: 'Too short' }, values: { login: 'admin', email: 'a@example.org' } });
    checkStructure(page);
    assert.match(page, /<form class="setup-form" method="post" action="\/setup\/abc">/);
    assert.match(page, /<input type="hidden" name="token" value="abc">/);
    assert.match(page, /name="login" [^>]*value="admin"/);
    assert.match(page, /name="password" type="password" autocomplete="new-password" required aria-describedby="setup_password_hint setup_password_error" aria-invalid="true"/);
    assert.match(page, /name="password_confirmation" type="password" autocomplete="new-password"/);
    assert.match(page, /role="alert"[\s\S]*<a href="#setup_password">Too short<\/a>/);
    assert.match(setupView(chrome(), { token: 'abc', errors: {}, values: {}, done: true }), /Admin account created/);
  });

  it('api docs list each path, resolve $refs and escape descriptions', () => {
    const doc = {
      openapi: '3.0.3',
      info: { title: 'Owlery API', version: '1' },
      components: { schemas: { Work: { type: 'object', required: ['id'], properties: { id: { type: 'integer', description: 'Work id' }, tags: { type: 'array', items: { type: 'string' } }, parent: { $ref: '#/components/schemas/Work' } } } } },
      paths: {
        '/api/v1/works': { get: { summary: 'List works', responses: { 200: { description: 'OK', content: { 'application/json': { schema: { type: 'object', properties: { works: { type: 'array', items: { $ref: '#/components/schemas/Work' } }, next: { anyOf: [{ type: 'string' }, { type: 'null' }] } } } } } } } } },
        '/api/v1/works/{id}': { get: { description: 'Uses <b>', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }], responses: { 200: { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/Work' } } } }, 404: { description: 'Not found' } } } },
      },
    };
    const page = apiDocsView(chrome({ path: '/api' }), doc);
    checkStructure(page);
    assert.match(page, /<code class="path">\/api\/v1\/works<\/code>/);
    assert.match(page, /<code class="path">\/api\/v1\/works\/\{id\}<\/code>/);
    assert.match(page, /Uses &lt;b&gt;/);
    assert.match(page, /<code class="field-name">works<\/code>: <span class="field-type">array of Work<\/span>/);
    assert.match(page, /<code class="field-name">id<\/code>: <span class="field-type">integer<\/span> <span class="required">\(required\)<\/span> — Work id/);
    assert.match(page, /<code class="field-name">next<\/code>: <span class="field-type">string \| null<\/span>/);
    assert.match(page, /\(fields as above\)/);
    assert.match(page, /<th scope="row"><code>id<\/code><\/th><td>path<\/td><td>yes<\/td><td>integer<\/td>/);
    assert.match(page, /404/);
  });
});
