// How a work's chapters are headed and numbered, through the real stack on both databases: a work
// meant to have more chapters (1/3, 1/?) heads its first chapter as AO3 does, a 1/1 work does not,
// and readers count the posted chapters 1..n even when a draft sits between them — on the page, in
// the chapter index and in the API — while the creator sees every chapter where it is stored.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipUnless } from '../support/stores.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { WebClient } from '../support/web-client.ts';
import { workForm, workIdOf } from '../support/posting.ts';

const headings = (body: string) => [...body.matchAll(/<h2 class="title heading" id="chapter-\d+-heading">(?:<a [^>]*>)?([^<]*)(?:<\/a>)?([^<]*)<\/h2>/g)].map((m) => `${m[1]}${m[2]}`);
const options = (body: string) => [...body.matchAll(/<option value="\d+"(?: selected)?>([^<]*)<\/option>/g)].map((m) => m[1]);

for (const dialect of DIALECTS) {
  describe(`[${dialect}] work chapters`, { skip: await skipUnless(dialect) }, () => {
    let t: TestApp;
    let writer: WebClient;
    let guest: WebClient;

    before(async () => {
      t = await createTestApp(dialect);
      writer = new WebClient(t.app);
      guest = new WebClient(t.app);
      await writer.signUp('bellringer');
      await guest.get('/');
    });
    after(async () => t?.close());

    const post = async (fields: Record<string, string>) => {
      await writer.get('/works/new');
      const res = await writer.post('/works', workForm(fields));
      assert.equal(res.status, 303, res.body.slice(0, 1000));
      return workIdOf(res);
    };
    const addChapter = async (workId: number, title: string, commit: 'post' | 'draft') => {
      await writer.get(`/works/${workId}/chapters/new`);
      const res = await writer.post(`/works/${workId}/chapters`, { title, content: `The text of ${title}.`, commit });
      assert.equal(res.status, 303, res.body.slice(0, 1000));
      return Number(/chapters\/(\d+)/.exec(res.location ?? '')?.[1] ?? Number.NaN);
    };

    it('heads the only chapter of a 1/3 or 1/? work as AO3 does, and not that of a 1/1 work', async () => {
      const planned = await post({ title: 'Three Bells Planned', multi_chapter: 'true', expected_chapters: '3', chapter_title: 'First Light' });
      const unknown = await post({ title: 'Bells Uncounted', multi_chapter: 'true', expected_chapters: '', chapter_title: 'First Light' });
      const oneShot = await post({ title: 'One Bell', chapter_title: 'First Light' });
      for (const [id, fraction] of [[planned, '1/3'], [unknown, '1/?']] as const) {
        const page = await guest.get(`/works/${id}`);
        assert.match(page.body, new RegExp(`<dd class="chapters">${fraction.replace('?', '\\?')}</dd>`));
        assert.deepEqual(headings(page.body), ['Chapter 1: First Light'], fraction);
        // One chapter has nothing to navigate to yet.
        assert.doesNotMatch(page.body, /Chapter Index|Entire Work/);
      }
      const single = await guest.get(`/works/${oneShot}`);
      assert.match(single.body, /<dd class="chapters">1\/1<\/dd>/);
      assert.deepEqual(headings(single.body), []);
      assert.match(single.body, /<h2 class="visually-hidden" id="chapter-1-heading">Work Text<\/h2>/);
    });

    it('numbers posted chapters 1..n for readers when a draft sits between them', async () => {
      const id = await post({ title: 'Bells With A Gap', multi_chapter: 'true', expected_chapters: '3', chapter_title: 'First Light' });
      await addChapter(id, 'Second Thoughts', 'draft');
      const third = await addChapter(id, 'Third Bell', 'post');

      const full = await guest.get(`/works/${id}?view_full_work=true`);
      assert.deepEqual(headings(full.body), ['Chapter 1: First Light', 'Chapter 2: Third Bell']);
      assert.deepEqual(options((await guest.get(`/works/${id}`)).body), ['1. First Light', '2. Third Bell']);
      const chapterPage = await guest.get(`/works/${id}/chapters/${third}`);
      assert.deepEqual(headings(chapterPage.body), ['Chapter 2: Third Bell']);
      assert.match(chapterPage.body, /<option value="\d+" selected>2. Third Bell<\/option>/);
      assert.doesNotMatch(full.body + chapterPage.body, /Chapter 3|Second Thoughts/);

      const api = await t.app.inject({ method: 'GET', url: `/api/v1/works/${id}/chapters` });
      assert.deepEqual((api.json() as { chapters: Array<{ position: number; title: string }> }).chapters.map((c) => `${c.position}. ${c.title}`), ['1. First Light', '2. Third Bell']);

      // The creator sees the draft where it is, and the chapters where they are stored.
      const own = await writer.get(`/works/${id}?view_full_work=true`);
      assert.deepEqual(headings(own.body), ['Chapter 1: First Light', 'Chapter 2: Second Thoughts', 'Chapter 3: Third Bell']);
      const manage = await writer.get(`/works/${id}/chapters/manage`);
      assert.match(manage.body, /3. Third Bell/);
    });
  });
}
