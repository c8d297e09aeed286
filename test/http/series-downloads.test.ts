// Whole-series downloads over HTTP (/downloads/series/:id/:slug.:format): the works each reader
// may see, in series order — never drafts or hidden works, restricted ones only for members, no
// anonymous work's creator named — with the work downloads' headers, a cache keyed by the series
// and its works' revisions, the series page's Download menu and the per-address limit.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { DIALECTS, skipUnless } from '../support/stores.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { WebClient } from '../support/web-client.ts';
import { makeWork } from '../support/factories.ts';
import { assertValidEpub, epubcheckUnavailable } from '../support/epubcheck.ts';
import { createUser } from '../../src/services/create-user.ts';
import { addWorkToSeries } from '../../src/db/repos/series.repo.ts';
import { setHiddenByAdmin } from '../../src/db/repos/moderation.repo.ts';
import { seriesDownloadUrl } from '../../src/formats/export/filename.ts';

const PASSWORD = 'series download passphrase';
const epubcheckSkip = (await epubcheckUnavailable()) ?? false;

interface Raw {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  bytes: Buffer;
  text: string;
  location?: string;
}

async function fetchRaw(client: WebClient, url: string): Promise<Raw> {
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await client.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload, text: res.body };
}

/** Every text file inside an EPUB, in the order of its spine: what a reader reads, in order. */
function epubInReadingOrder(bytes: Uint8Array): string {
  const files = unzipSync(bytes);
  const opf = strFromU8(files['OEBPS/content.opf']!);
  const hrefs = new Map([...opf.matchAll(/<item id="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  return [...opf.matchAll(/<itemref idref="([^"]+)"\/>/g)].map((m) => strFromU8(files[`OEBPS/${hrefs.get(m[1]!)}`]!)).join('\n');
}

function epubText(bytes: Uint8Array): string {
  return Object.values(unzipSync(bytes)).map((entry) => strFromU8(entry)).join('\n');
}

function assertInOrder(text: string, needles: readonly string[], label: string): void {
  const at = needles.map((needle) => {
    const i = text.indexOf(needle);
    assert.ok(i >= 0, `${label}: has ${needle}`);
    return i;
  });
  assert.deepEqual([...at].sort((a, b) => a - b), at, `${label}: ${needles.join(' → ')} in that order`);
}

const seriesIdOf = async (t: TestApp, workId: number) =>
  (await t.store.db.selectFrom('serial_works').select('series_id').where('work_id', '=', workId).executeTakeFirstOrThrow()).series_id;

for (const dialect of DIALECTS) {
  describe(`[${dialect}] series downloads`, { skip: await skipUnless(dialect) }, () => {
    let t: TestApp;
    let guest: WebClient;
    let reader: WebClient;
    let owner: WebClient;
    let admin: WebClient;
    let cacheDir: string;
    const login = `sdl_owner_${dialect}`;
    const hiddenWriter = `sdl_anon_${dialect}`;
    let seriesId: number;
    const titles = { first: 'Lamp One: The Quay', restricted: 'Lamp Two: Members Only', third: 'Lamp Three: The Channel', draft: 'Lamp Four: Unposted', anonymous: 'Lamp Five: No Name', hidden: 'Lamp Six: Taken Down' };

    const cached = (id: number) => (fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir).filter((f) => f.startsWith(`series-${id}-`)).sort() : []);
    const url = (format: string, id = seriesId) => `/downloads/series/${id}/any-slug.${format}`;

    before(async () => {
      t = await createTestApp(dialect);
      cacheDir = path.join(t.app.owlery.config.dataDir, 'cache', 'downloads');
      await createUser(t.ctx, { login, email: `${login}@example.org`, password: PASSWORD });
      await createUser(t.ctx, { login: `sdl_reader_${dialect}`, email: `sdl_reader_${dialect}@example.org`, password: PASSWORD });
      await createUser(t.ctx, { login: `sdl_admin_${dialect}`, email: `sdl_admin_${dialect}@example.org`, password: PASSWORD, role: 'admin' });
      await createUser(t.ctx, { login: hiddenWriter, email: `${hiddenWriter}@example.org`, password: PASSWORD });
      guest = new WebClient(t.app);
      reader = new WebClient(t.app);
      await reader.logIn(`sdl_reader_${dialect}`, PASSWORD);
      owner = new WebClient(t.app);
      await owner.logIn(login, PASSWORD);
      admin = new WebClient(t.app);
      await admin.logIn(`sdl_admin_${dialect}`, PASSWORD);

      // One series of the owner's, in every state the policy cares about, plus an anonymous work
      // by someone else placed in it.
      const series = { title: 'The Harbour Lamps — 港の灯' };
      const first = await makeWork(t.ctx, { creator: login, title: titles.first, series: { ...series, position: 1 }, chapters: [{ title: 'Quay', html: '<p>The first lamp was lit at the quay.</p>' }, { title: 'Tide', html: '<p>The tide came in.</p>' }] });
      seriesId = await seriesIdOf(t, first.id);
      await makeWork(t.ctx, { creator: login, title: titles.restricted, restricted: true, series: { ...series, position: 2 }, chapters: [{ html: '<p>Only members read this lamp.</p>' }] });
      await makeWork(t.ctx, { creator: login, title: titles.third, series: { ...series, position: 3 }, chapters: [{ html: '<p>The channel lamp blinked twice.</p>' }] });
      await makeWork(t.ctx, { creator: login, title: titles.draft, draft: true, series: { ...series, position: 4 }, chapters: [{ html: '<p>Draft lamp text.</p>' }] });
      const anonymous = await makeWork(t.ctx, { creator: hiddenWriter, title: titles.anonymous, anonymous: true, chapters: [{ html: '<p>A lamp left without a name.</p>' }] });
      await addWorkToSeries(t.store.db, seriesId, anonymous.id, 5, t.clock.now().toISOString());
      const hidden = await makeWork(t.ctx, { creator: login, title: titles.hidden, series: { ...series, position: 6 }, chapters: [{ html: '<p>Hidden lamp text.</p>' }] });
      await setHiddenByAdmin(t.store.db, hidden.id, true);
      assert.equal(await seriesIdOf(t, hidden.id), seriesId);
    });
    after(async () => t?.close());

    it('serves every text format with its content type and an attachment name in ASCII and UTF-8', async () => {
      const types = { epub: 'application/epub+zip', html: 'text/html; charset=utf-8', txt: 'text/plain; charset=utf-8', md: 'text/markdown; charset=utf-8' };
      for (const [format, type] of Object.entries(types)) {
        const res = await fetchRaw(guest, url(format));
        assert.equal(res.status, 200, `${format}: ${res.text.slice(0, 200)}`);
        assert.equal(res.headers['content-type'], type);
        assert.equal(
          res.headers['content-disposition'],
          `attachment; filename="Series_${seriesId}.${format}"; filename*=UTF-8''The%20Harbour%20Lamps%20%E2%80%94%20%E6%B8%AF%E3%81%AE%E7%81%AF.${format}`,
        );
        assert.equal(res.headers['cache-control'], 'private, no-cache');
      }
      assert.equal((await guest.get(url('docx'))).status, 404);
      assert.equal((await guest.get(url('epub', 999999))).status, 404);
    });

    it('gives a guest the public works in series order: no restricted, draft or hidden work, no anonymous creator', async () => {
      const expected = [titles.first, titles.third, titles.anonymous];
      const left = [titles.restricted, titles.draft, titles.hidden, 'Only members read', 'Draft lamp text', 'Hidden lamp text', hiddenWriter];
      const epub = await fetchRaw(guest, url('epub'));
      assert.equal(epub.status, 200);
      const book = epubInReadingOrder(epub.bytes);
      assertInOrder(book, ['The Harbour Lamps — 港の灯', ...expected.map((title) => `<h1 class="title">${title}</h1>`)], 'the EPUB');
      assertInOrder(book, ['The first lamp was lit at the quay.', 'The tide came in.', 'The channel lamp blinked twice.', 'A lamp left without a name.'], 'the EPUB’s chapters');
      for (const hiddenText of left) assert.ok(!epubText(epub.bytes).includes(hiddenText), `the EPUB leaves out ${hiddenText}`);
      if (!epubcheckSkip) await assertValidEpub(epub.bytes, 'a three-work series download');

      for (const format of ['html', 'txt', 'md']) {
        const res = await fetchRaw(guest, url(format));
        assert.equal(res.status, 200);
        assertInOrder(res.text, ['The Harbour Lamps', ...expected], format);
        for (const hiddenText of left) assert.ok(!res.text.includes(hiddenText), `${format} leaves out ${hiddenText}`);
        assert.ok(res.text.includes(login), `${format} names the creator of the public works`);
      }
    });

    it('gives members the restricted work too, and nobody — not even its creator or an admin — drafts or hidden works', async () => {
      for (const client of [reader, owner, admin]) {
        const txt = (await fetchRaw(client, url('txt'))).text;
        assertInOrder(txt, [titles.first, titles.restricted, titles.third, titles.anonymous], 'a member’s TXT');
        for (const hiddenText of [titles.draft, titles.hidden, 'Draft lamp text', 'Hidden lamp text', hiddenWriter]) assert.ok(!txt.includes(hiddenText), `leaves out ${hiddenText}`);
      }
    });

    it('answers 404 when the reader may see no work of the series, and says "Anonymous" when every visible work is', async () => {
      const onlyRestricted = await makeWork(t.ctx, { creator: login, title: 'Lone Members Lamp', restricted: true, series: { title: 'Members Series', position: 1 } });
      const restrictedSeries = await seriesIdOf(t, onlyRestricted.id);
      assert.equal((await guest.get(url('epub', restrictedSeries))).status, 404);
      assert.equal((await fetchRaw(reader, url('txt', restrictedSeries))).status, 200);

      const onlyDraft = await makeWork(t.ctx, { creator: login, title: 'Lone Draft Lamp', draft: true, series: { title: 'Draft Series', position: 1 } });
      const draftSeries = await seriesIdOf(t, onlyDraft.id);
      for (const client of [guest, reader, owner, admin]) assert.equal((await client.get(url('txt', draftSeries))).status, 404, 'a series of drafts is not found');

      const anon = await makeWork(t.ctx, { creator: hiddenWriter, title: 'Nameless Lamp', anonymous: true, series: { title: 'Nameless Series', position: 1 } });
      const anonSeries = await seriesIdOf(t, anon.id);
      for (const client of [guest, reader]) {
        for (const format of ['txt', 'md', 'html', 'epub']) {
          const res = await fetchRaw(client, url(format, anonSeries));
          const text = format === 'epub' ? epubText(res.bytes) : res.text;
          assert.match(text, /by Anonymous/, format);
          assert.ok(!text.includes(hiddenWriter), `${format} names nobody`);
        }
      }
    });

    it('caches the readers’ view per series and scope, and makes a new file when a work is revised or the series edited', async () => {
      const made = await makeWork(t.ctx, { creator: login, title: 'Cache Lamp A', series: { title: 'Cached Lamps', position: 1 }, chapters: [{ html: '<p>First version of lamp A.</p>' }] });
      await makeWork(t.ctx, { creator: login, title: 'Cache Lamp B', series: { title: 'Cached Lamps', position: 2 }, chapters: [{ html: '<p>Lamp B text.</p>' }] });
      const id = await seriesIdOf(t, made.id);

      assert.equal((await fetchRaw(guest, url('epub', id))).status, 200);
      const [file] = cached(id);
      assert.match(file ?? '', new RegExp(`^series-${id}-public-[0-9a-f]{16}\\.epub$`));
      fs.writeFileSync(path.join(cacheDir, file!), 'served from the cache');
      assert.equal((await fetchRaw(new WebClient(t.app), url('epub', id))).text, 'served from the cache', 'another guest gets the cached file');
      await fetchRaw(reader, url('epub', id));
      await fetchRaw(guest, url('txt', id));
      assert.equal(cached(id).length, 3, 'one file per format and per scope (public, members)');
      assert.ok(cached(id).some((f) => f.startsWith(`series-${id}-members-`)));
      await fetchRaw(owner, url('txt', id));
      assert.equal(cached(id).length, 3, 'a creator’s view is built, not cached');

      // A work revised: the series' files are made again, the old ones go.
      await owner.get('/password/forgot');
      const chapterId = (await t.store.db.selectFrom('chapters').select('id').where('work_id', '=', made.id).executeTakeFirstOrThrow()).id;
      const edit = await owner.post(`/works/${made.id}/chapters/${chapterId}`, { title: '', content: 'Second version of lamp A.', commit: 'post' });
      assert.equal(edit.status, 303, edit.body.slice(0, 300));
      const revised = await fetchRaw(guest, url('epub', id));
      assert.match(epubText(revised.bytes), /Second version of lamp A/);
      const afterRevision = cached(id).filter((f) => f.startsWith(`series-${id}-public-`));
      assert.equal(afterRevision.length, 1, 'the older public files are removed');
      assert.notEqual(afterRevision[0], file);

      // The series edited: its new title is in a new file.
      const renamed = await owner.post(`/series/${id}/edit`, { title: 'Renamed Lamps', summary: 'A new description.', notes: '' });
      assert.equal(renamed.status, 303, renamed.body.slice(0, 300));
      const retitled = await fetchRaw(guest, url('epub', id));
      assert.match(strFromU8(unzipSync(retitled.bytes)['OEBPS/content.opf']!), /<dc:title id="title">Renamed Lamps<\/dc:title>/);
      assert.match(epubText(retitled.bytes), /A new description\./);
      const afterEdit = cached(id).filter((f) => f.startsWith(`series-${id}-public-`));
      assert.equal(afterEdit.length, 1);
      assert.notEqual(afterEdit[0], afterRevision[0]);

      // A work hidden by an admin leaves the series' book (no revision of its own changes).
      await setHiddenByAdmin(t.store.db, made.id, true);
      const without = (await fetchRaw(guest, url('txt', id))).text;
      assert.doesNotMatch(without, /Cache Lamp A|lamp A/);
      assert.match(without, /Cache Lamp B/);
    });

    it('offers a Download menu with every format on the series page', async () => {
      const page = await guest.get(`/series/${seriesId}`);
      assert.equal(page.status, 200);
      assert.match(page.body, /<details class="download">\s*<summary>Download<\/summary>/);
      for (const format of ['epub', 'azw3', 'mobi', 'pdf', 'html', 'txt', 'md'] as const) {
        const href = seriesDownloadUrl(seriesId, 'The Harbour Lamps — 港の灯', format);
        assert.ok(page.body.includes(`href="${href}"`), format);
      }
      assert.equal((await guest.get(seriesDownloadUrl(seriesId, 'The Harbour Lamps — 港の灯', 'html'))).status, 200);
    });

    it('makes PDF, MOBI and AZW3 from the series’ EPUB with Calibre, or says clearly that it is missing', async () => {
      if (dialect !== 'sqlite') return;
      const res = await fetchRaw(guest, url('azw3'));
      if (res.status === 422) {
        assert.match(res.text, /AZW3 downloads need Calibre(&#39;|')s ebook-convert, which is not installed on this server\./);
      } else {
        assert.equal(res.status, 200, res.text.slice(0, 300));
        assert.equal(res.headers['content-type'], 'application/vnd.amazon.ebook');
        assert.equal(res.bytes.subarray(60, 68).toString('latin1'), 'BOOKMOBI');
      }
    });
  });
}

it('[sqlite] limits series downloads per address as work downloads are', async () => {
  const t = await createTestApp('sqlite', { rateLimit: '40' });
  try {
    const work = await makeWork(t.ctx, { series: { title: 'Limited Lamps', position: 1 } });
    const id = await seriesIdOf(t, work.id);
    assert.equal((await t.app.inject({ url: `/downloads/series/${id}/s.txt` })).statusCode, 200);
    assert.equal((await t.app.inject({ url: `/downloads/series/${id}/s.txt` })).statusCode, 200);
    const limited = await t.app.inject({ url: `/downloads/series/${id}/s.txt` });
    assert.equal(limited.statusCode, 429);
    assert.ok(limited.headers['retry-after']);
    assert.equal((await t.app.inject({ url: `/series/${id}` })).statusCode, 200, 'the rest of the site still answers');
  } finally {
    await t.close();
  }
});
