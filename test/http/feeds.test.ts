// Atom feeds and the OPDS catalog over HTTP, on both databases: the documents are what their
// specifications say (Atom and OPDS feeds validated with jing against the RELAX NG schemas in
// ../shared/corpora/opds/), their links are absolute from the configured base URL, and they list
// only what the requester may see — never a draft, a hidden work, a restricted work for a guest,
// or the creator of an anonymous work.
import { downloadUrl } from '../../src/formats/export/filename.ts';
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DomUtils, parseDocument } from 'htmlparser2';
import { DIALECTS, skipUnless } from '../support/stores.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeWork } from '../support/factories.ts';
import { WebClient } from '../support/web-client.ts';
import { createUser } from '../../src/services/create-user.ts';
import { setHiddenByAdmin } from '../../src/db/repos/moderation.repo.ts';
import { insertCreatorships } from '../../src/db/repos/works.repo.ts';
import { publicBaseUrl } from '../../src/config.ts';
import { jing, schemas } from '../support/feed-schemas.ts';

// ── Reading XML ─────────────────────────────────────────────────────────────────────────────
type Doc = ReturnType<typeof parseDocument>;
type El = Extract<Doc['children'][number], { attribs: Record<string, string> }>;

function rootOf(body: string): El {
  const doc = parseDocument(body, { xmlMode: true });
  const root = doc.children.find((n): n is El => 'attribs' in n);
  assert.ok(root, 'the document has a root element');
  return root;
}
const kids = (el: El, name: string): El[] => el.children.filter((n): n is El => 'attribs' in n && n.name === name);
const kid = (el: El, name: string): El | undefined => kids(el, name)[0];
const text = (el: El | undefined): string => (el ? DomUtils.textContent(el) : '');
const linkOf = (el: El, rel: string): El | undefined => kids(el, 'link').find((l) => l.attribs.rel === rel);
const titles = (feed: El): string[] => kids(feed, 'entry').map((e) => text(kid(e, 'title')));
const entryTitled = (feed: El, title: string): El => {
  const entry = kids(feed, 'entry').find((e) => text(kid(e, 'title')) === title);
  assert.ok(entry, `an entry titled ${title}`);
  return entry;
};

const ATOM_NS = 'http://www.w3.org/2005/Atom';
const NAVIGATION = 'application/atom+xml;profile=opds-catalog;kind=navigation';
const ACQUISITION = 'application/atom+xml;profile=opds-catalog;kind=acquisition';
const PASSWORD = 'a sturdy passphrase here';
const EMOJI_TITLE = '🦉 Owls & <Angles> “Lantern” 夜';

/**
 * The Atom essentials RFC 4287 §4.1 requires of a feed and of each entry. Work entries link to
 * their page and name their authors; navigation entries (OPDS) link to another feed and share the
 * feed's author.
 */
function assertAtomShape(feed: El, base: string, entries: 'works' | 'navigation' = 'works'): void {
  assert.equal(feed.name, 'feed');
  assert.equal(feed.attribs.xmlns, ATOM_NS);
  for (const name of ['id', 'title', 'updated']) assert.ok(text(kid(feed, name)).trim(), `feed has <${name}>`);
  assert.ok(!Number.isNaN(Date.parse(text(kid(feed, 'updated')))));
  assert.ok(linkOf(feed, 'self')?.attribs.href?.startsWith(`${base}/`), 'feed has an absolute rel="self" link');
  for (const entry of kids(feed, 'entry')) {
    for (const name of ['id', 'title', 'updated']) assert.ok(text(kid(entry, name)).trim(), `entry has <${name}>`);
    if (entries === 'navigation') {
      assert.ok(kid(entry, 'link')?.attribs.href?.startsWith(`${base}/opds/`), 'entry links to a feed');
      assert.ok(kids(feed, 'author').length > 0, 'the feed names an author for its entries');
      continue;
    }
    assert.ok(linkOf(entry, 'alternate')?.attribs.href?.startsWith(`${base}/works/`), 'entry links to its work page');
    const authors = kids(entry, 'author');
    assert.ok(authors.length > 0 && authors.every((a) => text(kid(a, 'name')).trim() !== ''), 'entry names its authors');
  }
}

for (const dialect of DIALECTS) {
  describe(`[${dialect}] Atom feeds and the OPDS catalog`, { skip: await skipUnless(dialect) }, () => {
    let t: TestApp;
    let base: string;
    let member: WebClient;
    let seriesId: number;
    const ids: Record<string, number> = {};
    let minute = 0;

    const work = async (key: string, input: Parameters<typeof makeWork>[1]) => {
      t.clock.set(new Date(Date.UTC(2026, 0, 1, 0, ++minute)).toISOString());
      const made = await makeWork(t.ctx, input);
      ids[key] = made.id;
      return made.id;
    };
    const guestGet = (url: string) => t.app.inject({ method: 'GET', url, headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' } });

    before(async () => {
      t = await createTestApp(dialect);
      base = publicBaseUrl(t.app.owlery.config);
      for (const login of ['feedwriter', 'feedfriend', 'secretwriter', 'feedreader']) {
        await createUser(t.ctx, { login, email: `${login}@example.org`, password: PASSWORD });
      }
      await work('keeper', {
        creator: 'feedwriter',
        title: 'Lantern Keeper',
        summaryHtml: '<p>A keeper &amp; her <em>lamps</em>.</p><p>Second paragraph.</p>',
        fandoms: ['Feed Fandom'],
        rating: 'Teen And Up Audiences',
        relationships: ['Wick/Flame'],
        characters: ['Wick'],
        freeforms: ['Cozy'],
        series: { title: 'Lamp Cycle', position: 1 },
        chapters: [{ html: '<p>One.</p>' }, { html: '<p>Two.</p>' }],
        expectedChapters: 3,
      });
      seriesId = (await t.store.db.selectFrom('serial_works').select('series_id').where('work_id', '=', ids.keeper!).executeTakeFirstOrThrow()).series_id;
      await work('second', { creator: 'feedwriter', title: 'The Second Lantern', fandoms: ['Feed Fandom'], series: { id: seriesId, position: 2 } });
      const friend = await t.store.db.selectFrom('pseuds').innerJoin('users', 'users.id', 'pseuds.user_id').select('pseuds.id').where('users.login', '=', 'feedfriend').executeTakeFirstOrThrow();
      await insertCreatorships(t.store.db, ids.second!, [friend.id]);
      await work('anonymous', { creator: 'secretwriter', title: 'Nameless Lantern', anonymous: true, fandoms: ['Feed Fandom'], summaryHtml: '<p>Who wrote this?</p>' });
      await work('restricted', { creator: 'feedwriter', title: 'Members Only Lantern', restricted: true, fandoms: ['Feed Fandom', 'Members Fandom'] });
      await work('draft', { creator: 'feedwriter', title: 'Unposted Lantern', draft: true, fandoms: ['Feed Fandom', 'Draft Fandom'] });
      await work('hidden', { creator: 'feedwriter', title: 'Hidden Lantern', fandoms: ['Feed Fandom'] });
      await setHiddenByAdmin(t.store.db, ids.hidden!, true);
      await work('emoji', { creator: 'feedwriter', title: EMOJI_TITLE, fandoms: ['Feed Fandom'], rating: 'General Audiences', language: 'ja' });
      await work('wildcards', { creator: 'feedwriter', title: '100% Lantern_Light', fandoms: ['Other Fandom'] });
      for (let i = 1; i <= 25; i++) await work(`page${i}`, { creator: 'pager', title: `Paging work ${i}`, fandoms: ['Paging Fandom'] });

      member = new WebClient(t.app);
      const login = await member.logIn('feedreader', PASSWORD);
      assert.equal(login.status, 303);
    });
    after(async () => t?.close());

    describe('Atom feeds', () => {
      it('gives a tag’s newest visible works as Atom, with absolute links from the configured base URL', async () => {
        const res = await guestGet('/tags/Feed%20Fandom/feed.atom');
        assert.equal(res.statusCode, 200);
        assert.match(String(res.headers['content-type']), /^application\/atom\+xml; charset=utf-8$/);
        const feed = rootOf(res.body);
        assertAtomShape(feed, base);
        assert.equal(linkOf(feed, 'self')!.attribs.href, `${base}/tags/Feed%20Fandom/feed.atom`);
        assert.equal(linkOf(feed, 'alternate')!.attribs.href, `${base}/tags/Feed%20Fandom/works`);
        assert.deepEqual(new Set(titles(feed)), new Set(['Lantern Keeper', 'The Second Lantern', 'Nameless Lantern', EMOJI_TITLE]));
        assert.equal(titles(feed)[0], EMOJI_TITLE, 'newest first');
        assert.doesNotMatch(res.body, /evil\.example/, 'never built from the Host header');
        for (const hidden of ['Members Only Lantern', 'Unposted Lantern', 'Hidden Lantern']) assert.ok(!res.body.includes(hidden), `${hidden} stays out`);

        const keeper = entryTitled(feed, 'Lantern Keeper');
        assert.equal(text(kid(keeper, 'id')), `${base}/works/${ids.keeper}`);
        assert.equal(text(kid(kids(keeper, 'author')[0]!, 'name')), 'feedwriter');
        assert.equal(text(kid(kids(keeper, 'author')[0]!, 'uri')), `${base}/users/feedwriter`);
        assert.ok(text(kid(keeper, 'published')));
        const summary = kid(keeper, 'summary')!;
        assert.equal(summary.attribs.type, 'html');
        // The summary is HTML carried as text: decoded once, it is the sanitized summary and the facts.
        assert.match(text(summary), /<em>lamps<\/em>/);
        assert.match(text(summary), /Words: \d/);
        assert.match(text(summary), /Chapters: 2\/3/);
        assert.match(text(summary), new RegExp(`<a href="${base}/tags/Wick">Wick</a>`));
        assert.ok(kids(keeper, 'category').some((c) => c.attribs.term === 'Wick/Flame'));
        assert.equal(kids(entryTitled(feed, 'The Second Lantern'), 'author').length, 2, 'co-creators are all authors');
      });

      it('credits an anonymous work to "Anonymous" and never names its creator', async () => {
        const res = await guestGet('/tags/Feed%20Fandom/feed.atom');
        assert.doesNotMatch(res.body, /secretwriter/);
        const entry = entryTitled(rootOf(res.body), 'Nameless Lantern');
        assert.deepEqual(
          kids(entry, 'author').map((a) => [text(kid(a, 'name')), kid(a, 'uri')]),
          [['Anonymous', undefined]],
        );
        // The creator's own feed leaves the anonymous work out, as the creator's listing does.
        const own = await guestGet('/users/secretwriter/feed.atom');
        assert.equal(own.statusCode, 200);
        assert.deepEqual(titles(rootOf(own.body)), []);
      });

      it('shows restricted works to a logged-in reader, and to no guest', async () => {
        const res = await member.get('/tags/Feed%20Fandom/feed.atom');
        assert.equal(res.status, 200);
        assert.ok(titles(rootOf(res.body)).includes('Members Only Lantern'));
        assert.ok(!res.body.includes('Unposted Lantern') && !res.body.includes('Hidden Lantern'));
      });

      it('has creator and series feeds, and answers 404 for what does not exist', async () => {
        const creator = await guestGet('/users/feedwriter/feed.atom');
        assert.equal(creator.statusCode, 200);
        const feed = rootOf(creator.body);
        assertAtomShape(feed, base);
        assert.deepEqual(new Set(titles(feed)), new Set(['Lantern Keeper', 'The Second Lantern', EMOJI_TITLE, '100% Lantern_Light']));
        assert.equal(linkOf(feed, 'alternate')!.attribs.href, `${base}/users/feedwriter/works`);

        const series = await guestGet(`/series/${seriesId}/feed.atom`);
        assert.equal(series.statusCode, 200);
        assertAtomShape(rootOf(series.body), base);
        assert.deepEqual(titles(rootOf(series.body)), ['The Second Lantern', 'Lantern Keeper']);

        for (const url of ['/tags/No%20Such%20Tag/feed.atom', '/users/nobody-here/feed.atom', '/series/999999/feed.atom']) {
          assert.equal((await guestGet(url)).statusCode, 404, url);
        }
      });

      it('is announced on the pages it mirrors, with a visible link', async () => {
        const pages: Array<[string, string]> = [
          ['/tags/Feed%20Fandom', '/tags/Feed%20Fandom/feed.atom'],
          ['/tags/Feed%20Fandom/works', '/tags/Feed%20Fandom/feed.atom'],
          ['/users/feedwriter', '/users/feedwriter/feed.atom'],
          ['/users/feedwriter/works', '/users/feedwriter/feed.atom'],
          [`/series/${seriesId}`, `/series/${seriesId}/feed.atom`],
        ];
        for (const [page, feedUrl] of pages) {
          const res = await guestGet(page);
          assert.equal(res.statusCode, 200, page);
          assert.ok(res.body.includes(`<link rel="alternate" type="application/atom+xml"`) && res.body.includes(`href="${feedUrl}"`), `${page} announces ${feedUrl}`);
          assert.match(res.body, new RegExp(`<a href="${feedUrl.replace(/[.*]/g, '\\$&')}"[^>]*>Subscribe to the feed`), `${page} links to its feed visibly`);
        }
      });
    });

    describe('validated against the RELAX NG schemas with jing', { skip: schemas.skip }, () => {
      it('gives valid Atom feeds', async () => {
        const docs: Record<string, string> = {};
        for (const url of ['/tags/Feed%20Fandom/feed.atom', '/users/feedwriter/feed.atom', '/users/secretwriter/feed.atom', `/series/${seriesId}/feed.atom`]) {
          const res = await guestGet(url);
          assert.equal(res.statusCode, 200, url);
          docs[url] = res.body;
        }
        docs.member = (await member.get('/tags/Feed%20Fandom/feed.atom')).body;
        assert.equal(jing('atom.rnc', docs), '');
      });

      it('gives valid OPDS navigation and acquisition feeds, paged and searched', async () => {
        const docs: Record<string, string> = {};
        const urls = [
          '/opds',
          '/opds/fandoms',
          '/opds/ratings',
          '/opds/new',
          '/opds/new?page=2',
          '/opds/fandoms/Feed%20Fandom',
          '/opds/fandoms/Paging%20Fandom',
          '/opds/fandoms/Paging%20Fandom?page=2',
          '/opds/ratings/Teen%20And%20Up%20Audiences',
          '/opds/search?q=lantern',
          '/opds/search?q=Paging%20work&page=2',
          '/opds/search',
        ];
        for (const url of urls) {
          const res = await guestGet(url);
          assert.equal(res.statusCode, 200, url);
          docs[`guest ${url}`] = res.body;
        }
        for (const url of ['/opds/fandoms', '/opds/fandoms/Feed%20Fandom', '/opds/search?q=lantern']) docs[`member ${url}`] = (await member.get(url)).body;
        assert.equal(jing('opds-1.2.rnc', docs), '');
      });
    });

    describe('OPDS catalog', () => {
      it('serves valid navigation feeds: the root, fandoms and ratings', async () => {
        const root = await guestGet('/opds');
        assert.equal(root.statusCode, 200);
        assert.equal(root.headers['content-type'], `${NAVIGATION}; charset=utf-8`);
        const feed = rootOf(root.body);
        assertAtomShape(feed, base, 'navigation');
        assert.equal(linkOf(feed, 'start')!.attribs.href, `${base}/opds`);
        assert.equal(linkOf(feed, 'search')!.attribs.type, 'application/opensearchdescription+xml');
        assert.deepEqual(titles(feed), ['Newest works', 'By fandom', 'By rating']);
        const types = kids(feed, 'entry').map((e) => [kid(e, 'link')!.attribs.href, kid(e, 'link')!.attribs.type]);
        assert.deepEqual(types, [
          [`${base}/opds/new`, ACQUISITION],
          [`${base}/opds/fandoms`, NAVIGATION],
          [`${base}/opds/ratings`, NAVIGATION],
        ]);

        const fandoms = await guestGet('/opds/fandoms');
        const fandomFeed = rootOf(fandoms.body);
        assertAtomShape(fandomFeed, base, 'navigation');
        assert.deepEqual(titles(fandomFeed), ['Feed Fandom', 'Other Fandom', 'Paging Fandom'], 'only fandoms with works a guest may see');
        const paging = kid(entryTitled(fandomFeed, 'Paging Fandom'), 'link')!;
        assert.equal(paging.attribs.href, `${base}/opds/fandoms/Paging%20Fandom`);
        assert.equal(paging.attribs.type, ACQUISITION);
        assert.equal(paging.attribs['thr:count'], '25');
        assert.equal(linkOf(fandomFeed, 'up')!.attribs.href, `${base}/opds`);

        const memberFandoms = await member.get('/opds/fandoms');
        assert.ok(titles(rootOf(memberFandoms.body)).includes('Members Fandom'), 'a logged-in reader sees the fandom of a restricted work');
        assert.ok(!memberFandoms.body.includes('Draft Fandom'));

        const ratings = await guestGet('/opds/ratings');
        assert.deepEqual(titles(rootOf(ratings.body)), ['General Audiences', 'Teen And Up Audiences', 'Not Rated']);
        assert.equal(kid(entryTitled(rootOf(ratings.body), 'Teen And Up Audiences'), 'content')!.children.length > 0, true);
      });

      it('serves valid acquisition feeds whose entries carry downloads, language, dates, tags and authors', async () => {
        const res = await guestGet('/opds/fandoms/Feed%20Fandom');
        assert.equal(res.statusCode, 200);
        assert.equal(res.headers['content-type'], `${ACQUISITION}; charset=utf-8`);
        const feed = rootOf(res.body);
        assertAtomShape(feed, base);
        assert.deepEqual(new Set(titles(feed)), new Set(['Lantern Keeper', 'The Second Lantern', 'Nameless Lantern', EMOJI_TITLE]));
        assert.equal(linkOf(feed, 'up')!.attribs.href, `${base}/opds/fandoms`);

        const keeper = entryTitled(feed, 'Lantern Keeper');
        const acquisitions = kids(keeper, 'link').filter((l) => l.attribs.rel === 'http://opds-spec.org/acquisition');
        assert.deepEqual(
          acquisitions.map((l) => [l.attribs.type, l.attribs.href]),
          [
            ['application/epub+zip', `${base}${downloadUrl(ids.keeper!, 'Lantern Keeper', 'epub')}`],
            ['text/html', `${base}${downloadUrl(ids.keeper!, 'Lantern Keeper', 'html')}`],
          ],
        );
        assert.equal(text(kid(keeper, 'dc:language')), 'en');
        assert.match(text(kid(keeper, 'dc:issued')), /^2026-01-01$/);
        assert.equal(kid(keeper, 'summary')!.attribs.type, 'text');
        assert.equal(text(kid(keeper, 'summary')), 'A keeper & her lamps.\n\nSecond paragraph.');
        assert.equal(kid(keeper, 'content')!.attribs.type, 'html');
        for (const term of ['Feed Fandom', 'Wick', 'Wick/Flame', 'Cozy', 'Teen And Up Audiences']) assert.ok(kids(keeper, 'category').some((c) => c.attribs.term === term), term);

        assert.deepEqual(kids(entryTitled(feed, 'The Second Lantern'), 'author').map((a) => text(kid(a, 'name'))), ['feedwriter', 'feedfriend']);
        assert.deepEqual(kids(entryTitled(feed, 'Nameless Lantern'), 'author').map((a) => text(kid(a, 'name'))), ['Anonymous']);
        assert.doesNotMatch(res.body, /secretwriter/);
        const owl = entryTitled(feed, EMOJI_TITLE);
        assert.equal(text(kid(owl, 'dc:language')), 'ja');
        assert.ok(kids(owl, 'link').some((l) => l.attribs.href === `${base}${downloadUrl(ids.emoji!, EMOJI_TITLE, 'epub')}`));
        assert.ok(res.body.includes('🦉 Owls &amp; &lt;Angles&gt; “Lantern” 夜'), 'the title is escaped once, its emoji and CJK kept as is');

        const members = await member.get('/opds/fandoms/Feed%20Fandom');
        assert.ok(titles(rootOf(members.body)).includes('Members Only Lantern'));
        const newest = await guestGet('/opds/new');
        const newestFeed = rootOf(newest.body);
        assert.equal(kids(newestFeed, 'entry').length, 20);
        assert.ok(!newest.body.includes('Members Only Lantern'));
        const rating = await guestGet('/opds/ratings/Teen%20And%20Up%20Audiences');
        assert.deepEqual(titles(rootOf(rating.body)), ['Lantern Keeper']);
      });

      it('pages acquisition feeds with first, previous, next and last links and OpenSearch totals', async () => {
        const first = rootOf((await guestGet('/opds/fandoms/Paging%20Fandom')).body);
        assert.equal(kids(first, 'entry').length, 20);
        assert.equal(titles(first)[0], 'Paging work 25');
        assert.equal(linkOf(first, 'next')!.attribs.href, `${base}/opds/fandoms/Paging%20Fandom?page=2`);
        assert.equal(linkOf(first, 'next')!.attribs.type, ACQUISITION);
        assert.equal(linkOf(first, 'previous'), undefined);
        assert.equal(text(kid(first, 'opensearch:totalResults')), '25');

        const res = await guestGet('/opds/fandoms/Paging%20Fandom?page=2');
        assert.equal(res.statusCode, 200);
        const second = rootOf(res.body);
        assert.deepEqual(titles(second), ['Paging work 5', 'Paging work 4', 'Paging work 3', 'Paging work 2', 'Paging work 1']);
        assert.equal(linkOf(second, 'self')!.attribs.href, `${base}/opds/fandoms/Paging%20Fandom?page=2`);
        assert.equal(linkOf(second, 'previous')!.attribs.href, `${base}/opds/fandoms/Paging%20Fandom`);
        assert.equal(linkOf(second, 'first')!.attribs.href, `${base}/opds/fandoms/Paging%20Fandom`);
        assert.equal(linkOf(second, 'last')!.attribs.href, `${base}/opds/fandoms/Paging%20Fandom?page=2`);
        assert.equal(linkOf(second, 'next'), undefined);
        assert.equal(text(kid(second, 'opensearch:startIndex')), '21');
        assert.equal(text(kid(second, 'opensearch:itemsPerPage')), '20');
      });

      it('searches titles through an OpenSearch description, case-insensitively and with wildcards taken literally', async () => {
        const description = await guestGet('/opds/search.xml');
        assert.equal(description.statusCode, 200);
        assert.equal(description.headers['content-type'], 'application/opensearchdescription+xml; charset=utf-8');
        const doc = rootOf(description.body);
        assert.equal(doc.name, 'OpenSearchDescription');
        assert.equal(doc.attribs.xmlns, 'http://a9.com/-/spec/opensearch/1.1/');
        assert.ok(text(kid(doc, 'ShortName')).length <= 16);
        const url = kids(doc, 'Url').find((u) => u.attribs.type === ACQUISITION);
        assert.equal(url?.attribs.template, `${base}/opds/search?q={searchTerms}`);

        const res = await guestGet('/opds/search?q=LANTERN');
        assert.equal(res.statusCode, 200);
        const found = rootOf(res.body);
        assertAtomShape(found, base);
        assert.deepEqual(new Set(titles(found)), new Set(['Lantern Keeper', 'The Second Lantern', 'Nameless Lantern', EMOJI_TITLE, '100% Lantern_Light']));
        assert.equal(linkOf(found, 'self')!.attribs.href, `${base}/opds/search?q=LANTERN`);
        assert.doesNotMatch(res.body, /secretwriter/);
        const asMember = rootOf((await member.get('/opds/search?q=lantern')).body);
        assert.ok(titles(asMember).includes('Members Only Lantern'));
        assert.ok(!titles(asMember).includes('Unposted Lantern') && !titles(asMember).includes('Hidden Lantern'));

        assert.deepEqual(titles(rootOf((await guestGet('/opds/search?q=100%25')).body)), ['100% Lantern_Light']);
        assert.deepEqual(titles(rootOf((await guestGet('/opds/search?q=%25')).body)), ['100% Lantern_Light'], '"%" matches only a literal percent sign');
        assert.deepEqual(titles(rootOf((await guestGet('/opds/search?q=n_L')).body)), ['100% Lantern_Light'], '"_" matches only a literal underscore');
        assert.deepEqual(titles(rootOf((await guestGet('/opds/search?q=Paging%20work')).body)).length, 20);
        const page2 = await guestGet('/opds/search?q=Paging%20work&page=2');
        assert.equal(linkOf(rootOf(page2.body), 'previous')!.attribs.href, `${base}/opds/search?q=Paging+work`);
        const empty = await guestGet('/opds/search');
        assert.equal(empty.statusCode, 200);
        assert.deepEqual(titles(rootOf(empty.body)), []);
      });

      it('answers 404 for a tag that is not of the catalog section’s type', async () => {
        for (const url of ['/opds/fandoms/General%20Audiences', '/opds/ratings/Feed%20Fandom', '/opds/fandoms/No%20Such%20Fandom']) {
          assert.equal((await guestGet(url)).statusCode, 404, url);
        }
      });
    });
  });
}
