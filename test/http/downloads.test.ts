// Downloads over HTTP: formats and headers, the cache (by revision, readers' view only), the
// policy (restricted, drafts, anonymous creators), the work page's menu, Calibre formats and the
// per-address limit.
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
import { downloadWork } from '../../src/services/downloads.ts';
import { downloadUrl } from '../../src/formats/export/filename.ts';
import { Invalid } from '../../src/domain/errors.ts';

const PASSWORD = 'download passphrase words';
const epubcheckSkip = (await epubcheckUnavailable()) ?? false;

interface Raw {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  bytes: Buffer;
  text: string;
}

/** A GET with the client's session, keeping the body as bytes. */
async function fetchRaw(client: WebClient, url: string): Promise<Raw> {
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await client.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload, text: res.body };
}

/** Every text file inside an EPUB, joined: what a reader could find in it. */
function epubText(bytes: Uint8Array): string {
  return Object.values(unzipSync(bytes)).map((entry) => strFromU8(entry)).join('\n');
}

for (const dialect of DIALECTS) {
  describe(`[${dialect}] downloads`, { skip: await skipUnless(dialect) }, () => {
    let t: TestApp;
    let guest: WebClient;
    let reader: WebClient;
    let owner: WebClient;
    let cacheDir: string;
    const login = `dl_owner_${dialect}`;

    before(async () => {
      t = await createTestApp(dialect);
      cacheDir = path.join(t.app.owlery.config.dataDir, 'cache', 'downloads');
      await createUser(t.ctx, { login, email: `${login}@example.org`, password: PASSWORD });
      await createUser(t.ctx, { login: `dl_reader_${dialect}`, email: `dl_reader_${dialect}@example.org`, password: PASSWORD });
      guest = new WebClient(t.app);
      reader = new WebClient(t.app);
      await reader.logIn(`dl_reader_${dialect}`, PASSWORD);
      owner = new WebClient(t.app);
      await owner.logIn(login, PASSWORD);
    });
    after(async () => t?.close());

    const cached = (workId: number) => (fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir).filter((f) => f.startsWith(`${workId}-`)).sort() : []);

    it('serves every format with its content type and an attachment name in ASCII and UTF-8', async () => {
      const work = await makeWork(t.ctx, {
        creator: login,
        title: '月を待つ夜 “🦉” & <3',
        language: 'ja',
        series: { title: 'Harbour Lights', position: 1 },
        chapters: [{ title: '霧', html: '<p>霧が港を包んでいた。</p>' }, { title: '朝', html: '<p>朝になった。<a href="#n1">*</a></p><p><a name="n1">*</a> 注。</p>' }],
      });
      const types = { epub: 'application/epub+zip', html: 'text/html; charset=utf-8', txt: 'text/plain; charset=utf-8', md: 'text/markdown; charset=utf-8' };
      for (const [format, type] of Object.entries(types)) {
        const res = await fetchRaw(guest, `/downloads/${work.id}/any-slug-at-all.${format}`);
        assert.equal(res.status, 200, format);
        assert.equal(res.headers['content-type'], type);
        assert.equal(
          res.headers['content-disposition'],
          `attachment; filename="Work_${work.id}.${format}"; filename*=UTF-8''%E6%9C%88%E3%82%92%E5%BE%85%E3%81%A4%E5%A4%9C%20%E2%80%9C%F0%9F%A6%89%E2%80%9D%20%26%20_3.${format}`,
        );
        assert.equal(res.headers['cache-control'], 'private, no-cache');
      }
      const epub = await fetchRaw(guest, downloadUrl(work.id, work.title, 'epub'));
      assert.equal(epub.status, 200);
      assert.match(epubText(epub.bytes), /霧が港を包んでいた/);
      if (!epubcheckSkip) await assertValidEpub(epub.bytes, 'a downloaded Japanese work in a series');
      const txt = await fetchRaw(guest, `/downloads/${work.id}/x.txt`);
      assert.match(txt.text, /^月を待つ夜 “🦉” & <3\nby /);
      assert.match(txt.text, /Series: Part 1 of Harbour Lights/);
    });

    it('answers 404 for a format or a work that does not exist', async () => {
      const work = await makeWork(t.ctx, { creator: login });
      assert.equal((await guest.get(`/downloads/${work.id}/w.docx`)).status, 404);
      assert.equal((await guest.get('/downloads/999999/w.epub')).status, 404);
      assert.equal((await guest.get(`/downloads/${work.id}/no-format`)).status, 404);
    });

    it('caches the readers’ view by revision and removes older revisions’ files', async () => {
      const work = await makeWork(t.ctx, { creator: login, title: 'Cached Crossing', chapters: [{ html: '<p>First version of the text.</p>' }, { html: '<p>Second chapter.</p>' }] });
      const first = await fetchRaw(guest, `/downloads/${work.id}/Cached_Crossing.epub`);
      assert.equal(first.status, 200);
      const [file] = cached(work.id);
      assert.match(file ?? '', new RegExp(`^${work.id}-\\d+-reader-[0-9a-f]{16}\\.epub$`));
      // A second request is answered from the file (marked here to prove it).
      fs.writeFileSync(path.join(cacheDir, file!), 'served from the cache');
      assert.equal((await fetchRaw(reader, `/downloads/${work.id}/other-slug.epub`)).text, 'served from the cache');
      await fetchRaw(guest, `/downloads/${work.id}/x.txt`);
      assert.equal(cached(work.id).length, 2, 'each format has its file');

      // An edit bumps the revision: a new file, and the old revision's files are gone.
      await owner.get('/password/forgot');
      const chapterId = (await t.store.db.selectFrom('chapters').select('id').where('work_id', '=', work.id).orderBy('position').executeTakeFirstOrThrow()).id;
      const edit = await owner.post(`/works/${work.id}/chapters/${chapterId}`, { title: '', content: 'Second version of the text.', commit: 'post' });
      assert.equal(edit.status, 303, edit.body.slice(0, 300));
      const fresh = await fetchRaw(guest, `/downloads/${work.id}/x.epub`);
      assert.match(epubText(fresh.bytes), /Second version of the text/);
      const after = cached(work.id);
      assert.equal(after.length, 1);
      assert.notEqual(after[0], file);
      assert.equal(Number(after[0]!.split('-')[1]), Number(file!.split('-')[1]) + 1);
    });

    it('follows the work page’s policy: restricted works, drafts, anonymous creators', async () => {
      const restricted = await makeWork(t.ctx, { creator: login, restricted: true, chapters: [{ html: '<p>Members only text.</p>' }] });
      const res = await guest.get(`/downloads/${restricted.id}/r.epub`);
      assert.equal(res.status, 303);
      assert.equal(res.location, `/login?return_to=${encodeURIComponent(`/downloads/${restricted.id}/r.epub`)}`);
      assert.match((await fetchRaw(reader, `/downloads/${restricted.id}/r.txt`)).text, /Members only text/);

      const draft = await makeWork(t.ctx, { creator: login, draft: true, chapters: [{ html: '<p>Unposted draft text.</p>' }] });
      assert.equal((await guest.get(`/downloads/${draft.id}/d.txt`)).status, 404);
      assert.equal((await reader.get(`/downloads/${draft.id}/d.txt`)).status, 404);
      assert.match((await fetchRaw(owner, `/downloads/${draft.id}/d.txt`)).text, /Unposted draft text/);
      assert.deepEqual(cached(draft.id), [], 'a creator’s view is not cached');

      // The creator downloads first; readers still get the readers' view.
      const anonymous = await makeWork(t.ctx, { creator: login, anonymous: true, title: 'Nameless Gift' });
      assert.match((await fetchRaw(owner, `/downloads/${anonymous.id}/a.txt`)).text, new RegExp(`by ${login}`));
      for (const client of [guest, reader]) {
        for (const format of ['txt', 'md', 'html', 'epub']) {
          const got = await fetchRaw(client, `/downloads/${anonymous.id}/a.${format}`);
          assert.equal(got.status, 200);
          const text = format === 'epub' ? epubText(got.bytes) : got.text;
          assert.doesNotMatch(text, new RegExp(login), `${format} names nobody`);
          assert.match(text, /Anonymous/);
        }
      }

      // A posted work with a draft chapter: only creators get the draft chapter.
      const growing = await makeWork(t.ctx, { creator: login, chapters: [{ html: '<p>Posted chapter.</p>' }] });
      await owner.get('/password/forgot');
      const added = await owner.post(`/works/${growing.id}/chapters`, { title: 'Secret', content: 'Draft chapter text.', commit: 'draft' });
      assert.equal(added.status, 303, added.body.slice(0, 300));
      assert.match((await fetchRaw(owner, `/downloads/${growing.id}/g.txt`)).text, /Draft chapter text/);
      const readerCopy = (await fetchRaw(guest, `/downloads/${growing.id}/g.txt`)).text;
      assert.match(readerCopy, /Posted chapter/);
      assert.doesNotMatch(readerCopy, /Draft chapter text/);
    });

    it('offers a Download menu with every format on the work page', async () => {
      const work = await makeWork(t.ctx, { creator: login, title: 'Menu Work' });
      const page = await guest.get(`/works/${work.id}`);
      assert.match(page.body, /<details class="download">\s*<summary>Download<\/summary>/);
      for (const format of ['epub', 'azw3', 'mobi', 'pdf', 'html', 'txt', 'md']) assert.ok(page.body.includes(`href="/downloads/${work.id}/Menu_Work.${format}"`), format);
      assert.equal((await guest.get(`/downloads/${work.id}/Menu_Work.html`)).status, 200);
    });

    it('makes PDF, MOBI and AZW3 with Calibre, or says clearly that it is missing', async () => {
      const work = await makeWork(t.ctx, { creator: login, title: 'Converted' });
      await assert.rejects(
        downloadWork(t.ctx, work.id, 'pdf', { cacheDir: null, calibre: { command: '/nonexistent/ebook-convert' } }),
        (error: unknown) => error instanceof Invalid && error.message === "PDF downloads need Calibre's ebook-convert, which is not installed on this server.",
      );
      if (dialect !== 'sqlite') return;
      const res = await fetchRaw(guest, `/downloads/${work.id}/Converted.mobi`);
      if (res.status === 422) {
        assert.match(res.text, /MOBI downloads need Calibre(&#39;|')s ebook-convert, which is not installed on this server\./);
      } else {
        assert.equal(res.status, 200, res.text.slice(0, 300));
        assert.equal(res.headers['content-type'], 'application/x-mobipocket-ebook');
        assert.equal(res.bytes.subarray(60, 68).toString('latin1'), 'BOOKMOBI');
      }
    });
  });
}

it('[sqlite] limits downloads per address to a twentieth of the site-wide limit', async () => {
  const t = await createTestApp('sqlite', { rateLimit: '40' });
  try {
    const work = await makeWork(t.ctx, {});
    assert.equal((await t.app.inject({ url: `/downloads/${work.id}/w.txt` })).statusCode, 200);
    assert.equal((await t.app.inject({ url: `/downloads/${work.id}/w.txt` })).statusCode, 200);
    const limited = await t.app.inject({ url: `/downloads/${work.id}/w.txt` });
    assert.equal(limited.statusCode, 429);
    assert.ok(limited.headers['retry-after']);
    assert.equal((await t.app.inject({ url: `/works/${work.id}` })).statusCode, 200, 'the rest of the site still answers');
  } finally {
    await t.close();
  }
});
