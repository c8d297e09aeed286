// The posting workflow through the real stack on both databases: the forms, drafts and previews,
// chapters, editing, co-creators, series, orphaning and deleting, and the tag autocomplete.
// Bad input and uploads are in posting-input.test.ts.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { insertTag } from '../../src/db/repos/tags.repo.ts';
import { DIALECTS, skipUnless } from '../support/stores.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { WebClient } from '../support/web-client.ts';
import { snapshot, workForm, workIdOf } from '../support/posting.ts';

for (const dialect of DIALECTS) {
  describe(`[${dialect}] posting pages`, { skip: await skipUnless(dialect) }, () => {
    let t: TestApp;
    let writer: WebClient;
    let other: WebClient;
    let guest: WebClient;

    before(async () => {
      t = await createTestApp(dialect);
      writer = new WebClient(t.app);
      other = new WebClient(t.app);
      guest = new WebClient(t.app);
      await writer.signUp('quillfeather');
      await other.signUp('inkwell');
      await guest.get('/');
    });
    after(async () => t?.close());

    const post = async (client: WebClient, fields: Record<string, string | string[] | null>) => {
      await client.get('/works/new');
      return client.post('/works', workForm(fields));
    };

    it('sends guests to log in and shows writers the whole form', async () => {
      const res = await guest.get('/works/new');
      assert.equal(res.status, 303);
      assert.equal(res.location, '/login?return_to=%2Fworks%2Fnew');
      const form = await writer.get('/works/new');
      assert.equal(form.status, 200);
      for (const expected of ['name="rating"', 'name="warnings"', 'name="categories"', 'name="fandoms"', 'name="relationships"', 'name="characters"', 'name="freeforms"', 'name="title"', 'name="summary"', 'name="notes"', 'name="end_notes"', 'name="language"', 'name="series_id"', 'name="series_title"', 'name="series_position"', 'name="co_creators"', 'name="restricted"', 'name="anonymous"', 'name="comment_permission"', 'name="moderated_comments"', 'name="published_at"', 'name="multi_chapter"', 'name="chapter_title"', 'name="expected_chapters"', 'name="content"', 'type="file"', 'enctype="multipart/form-data"', 'value="preview"', 'value="draft"', 'value="post"', '<script type="module" src="/static/js/tag-autocomplete.js"></script>', '<option value="ja">']) {
        assert.ok(form.body.includes(expected), `form has ${expected}`);
      }
      const script = await guest.get('/static/js/tag-autocomplete.js');
      assert.equal(script.status, 200);
    });

    it('posts a three-chapter work with tags and a series; n/m and order on the page', async () => {
      const res = await post(writer, { title: 'Three Lamps', multi_chapter: 'true', expected_chapters: '3', chapter_title: 'First Lamp', series_title: 'Harbour Nights', series_position: '1' });
      assert.equal(res.status, 303, res.body.slice(0, 2000));
      const id = workIdOf(res);
      assert.equal(res.location, `/works/${id}`);
      for (const [title, content] of [['Second Lamp', 'The second one.'], ['Third Lamp', 'The third one, last.']]) {
        await writer.get(`/works/${id}/chapters/new`);
        const added = await writer.post(`/works/${id}/chapters`, { title: title!, content: content!, expected_chapters: '3', commit: 'post' });
        assert.equal(added.status, 303, added.body.slice(0, 1000));
      }
      const page = await guest.get(`/works/${id}?view_full_work=true`);
      assert.equal(page.status, 200);
      assert.match(page.body, /<dd class="chapters">3\/3<\/dd>/);
      assert.ok(page.body.indexOf('First Lamp') < page.body.indexOf('Second Lamp') && page.body.indexOf('Second Lamp') < page.body.indexOf('Third Lamp'));
      assert.match(page.body, /<p>The fog came in at dusk.<\/p>\s*<p>The pilot lit the lamps.<\/p>/);
      assert.match(page.body, /Harbour Nights/);
      assert.match((await guest.get('/tags/Harbour%20Pilot/works')).body, /Three Lamps/);
      assert.match((await writer.get(`/works/${id}`)).body, new RegExp(`href="/works/${id}/edit">Edit Work`));
      assert.doesNotMatch(page.body, /Edit Work/);
      assert.doesNotMatch((await other.get(`/works/${id}`)).body, /Edit Work/);
    });

    it('credits the pseud the writer chooses, in the language they choose', async () => {
      await writer.get('/account');
      assert.equal((await writer.post('/account/pseuds', { name: 'Lamp Keeper' })).status, 303);
      const form = await writer.get('/works/new');
      const pseudId = /name="pseud_ids" type="checkbox" value="(\d+)"[^>]*>\s*<label[^>]*>Lamp Keeper</.exec(form.body)?.[1];
      assert.ok(pseudId, 'the form offers each pseud');
      const id = workIdOf(await writer.post('/works', workForm({ title: 'Under Another Name', pseud_ids: pseudId!, language: 'fr' })));
      const page = await guest.get(`/works/${id}`);
      assert.match(page.body, /Lamp Keeper \(quillfeather\)/);
      assert.match(page.body, /<dd class="language">Français<\/dd>/);
    });

    it('posts anonymous and restricted works as asked', async () => {
      const anonymous = workIdOf(await post(writer, { title: 'Nameless Lamp', anonymous: 'true', comment_permission: 'users', moderated_comments: 'true' }));
      const page = await guest.get(`/works/${anonymous}`);
      assert.match(page.body, /<span class="anonymous">Anonymous<\/span>/);
      assert.doesNotMatch(page.body, /quillfeather/);
      assert.doesNotMatch((await guest.get('/users/quillfeather/works')).body, /Nameless Lamp/);
      const restricted = workIdOf(await post(writer, { title: 'Members Lamp', restricted: 'true', published_at: '2020-05-04' }));
      assert.equal((await guest.get(`/works/${restricted}`)).status, 303);
      const seen = await other.get(`/works/${restricted}`);
      assert.match(seen.body, /Members Lamp/);
      assert.match(seen.body, /<time datetime="2020-05-04">/);
    });

    it('previews a draft, keeps it from everyone else, then posts it', async () => {
      const res = await post(writer, { title: 'Hidden Preview Marker', characters: 'Zephyrine Draftcharacter', commit: 'preview' });
      assert.equal(res.status, 303);
      const id = workIdOf(res);
      assert.equal(res.location, `/works/${id}/preview`);
      const preview = await writer.follow(res);
      assert.equal(preview.status, 200);
      assert.match(preview.body, /Preview/);
      assert.match(preview.body, /Hidden Preview Marker/);
      assert.match(preview.body, new RegExp(`action="/works/${id}/post"`));
      assert.match(preview.body, new RegExp(`href="/works/${id}/edit"`));

      for (const client of [guest, other]) {
        assert.equal((await client.get(`/works/${id}`)).status, 404);
        assert.equal((await client.get(`/works/${id}/preview`)).status, client === guest ? 303 : 404);
        assert.doesNotMatch((await client.get('/works')).body, /Hidden Preview Marker/);
        assert.doesNotMatch((await client.get('/users/quillfeather/works')).body, /Hidden Preview Marker/);
        assert.doesNotMatch((await client.get('/tags/Zephyrine%20Draftcharacter/works')).body, /Hidden Preview Marker/);
        assert.equal((await client.get(`/api/v1/works/${id}`)).status, 404);
        assert.doesNotMatch((await client.get('/api/v1/works')).body, /Hidden Preview Marker/);
        assert.deepEqual(JSON.parse((await client.get('/api/v1/tags/autocomplete?type=character&q=zephyr')).body), { tags: [] });
      }
      const posted = await writer.post(`/works/${id}/post`, {});
      assert.equal(posted.location, `/works/${id}`);
      assert.match((await guest.get(`/works/${id}`)).body, /Hidden Preview Marker/);
      assert.deepEqual(JSON.parse((await guest.get('/api/v1/tags/autocomplete?type=character&q=zephyr')).body).tags.map((t: { name: string }) => t.name), ['Zephyrine Draftcharacter']);
    });

    it('saves drafts to a drafts page only their writer can open', async () => {
      const res = await post(writer, { title: 'Drafted Marker', commit: 'draft' });
      assert.equal(res.location, '/users/quillfeather/drafts?done=saved');
      const drafts = await writer.follow(res);
      assert.match(drafts.body, /Your draft has been saved/);
      assert.match(drafts.body, /Drafted Marker/);
      assert.equal((await other.get('/users/quillfeather/drafts')).status, 403);
      assert.equal((await guest.get('/users/quillfeather/drafts')).status, 303);
      assert.doesNotMatch((await other.get('/users/quillfeather')).body, /Drafted Marker/);
    });

    it('edits, holds back, posts, reorders and deletes chapters', async () => {
      const id = workIdOf(await post(writer, { title: 'Chapter Shuffle', multi_chapter: 'true', chapter_title: 'Alpha' }));
      await writer.get(`/works/${id}/chapters/new`);
      const beta = await writer.post(`/works/${id}/chapters`, { title: 'Beta', content: 'Beta words here.', commit: 'post' });
      const draft = await writer.post(`/works/${id}/chapters`, { title: 'Gamma', content: 'Gamma is a draft.', commit: 'draft' });
      assert.equal(draft.location, `/works/${id}/chapters/manage`);
      let page = await guest.get(`/works/${id}?view_full_work=true`);
      assert.match(page.body, /<dd class="chapters">2\/\?<\/dd>/);
      assert.doesNotMatch(page.body, /Gamma/);

      const manage = await writer.get(`/works/${id}/chapters/manage`);
      const chapterIds = [...manage.body.matchAll(/name="position_(\d+)"/g)].map((m) => Number(m[1]));
      assert.equal(chapterIds.length, 3);
      const [alphaId, betaId, gammaId] = chapterIds as [number, number, number];
      assert.equal(workIdOf(beta), id);

      const editForm = await writer.get(`/works/${id}/chapters/${betaId}/edit`);
      assert.match(editForm.body, /Beta words here/);
      const edited = await writer.post(`/works/${id}/chapters/${betaId}`, { title: 'Beta Revised', content: 'Beta has more words now.', commit: 'post' });
      assert.equal(edited.status, 303);
      assert.match((await guest.get(`/works/${id}/chapters/${betaId}`)).body, /Beta has more words now/);

      const gammaPreview = await writer.get(`/works/${id}/chapters/${gammaId}/preview`);
      assert.match(gammaPreview.body, /Gamma is a draft/);
      await writer.post(`/works/${id}/chapters/${gammaId}/post`, {});
      page = await guest.get(`/works/${id}?view_full_work=true`);
      assert.match(page.body, /<dd class="chapters">3\/\?<\/dd>/);

      await writer.get(`/works/${id}/chapters/manage`);
      const reordered = await writer.post(`/works/${id}/chapters/reorder`, { [`position_${alphaId}`]: '3', [`position_${betaId}`]: '1', [`position_${gammaId}`]: '2' });
      assert.equal(reordered.status, 303);
      page = await guest.get(`/works/${id}?view_full_work=true`);
      assert.ok(page.body.indexOf('Beta Revised') < page.body.indexOf('Gamma') && page.body.indexOf('Gamma') < page.body.indexOf('Alpha'));

      const deleted = await writer.post(`/works/${id}/chapters/${gammaId}/delete`, {});
      assert.equal(deleted.status, 303);
      page = await guest.get(`/works/${id}?view_full_work=true`);
      assert.match(page.body, /<dd class="chapters">2\/\?<\/dd>/);
      assert.doesNotMatch(page.body, /Gamma/);
      await writer.post(`/works/${id}/chapters/${betaId}/delete`, {});
      const before = await snapshot(t);
      const refused = await writer.post(`/works/${id}/chapters/${alphaId}/delete`, {});
      assert.equal(refused.status, 422);
      assert.match(refused.body, /only chapter/);
      const badOrder = await writer.post(`/works/${id}/chapters/reorder`, { [`position_${alphaId}`]: 'first' });
      assert.equal(badOrder.status, 422);
      assert.match(badOrder.body, /Give chapter 1 a position/);
      assert.equal(await snapshot(t), before);
    });

    it('edits a work: new tags replace the old and the filter set follows', async () => {
      const id = workIdOf(await post(writer, { title: 'Retag Me', freeforms: 'Old Marker Tag' }));
      assert.match((await guest.get('/tags/Old%20Marker%20Tag/works')).body, /Retag Me/);
      const form = await writer.get(`/works/${id}/edit`);
      assert.equal(form.status, 200);
      assert.match(form.body, /value="Old Marker Tag"/);
      assert.match(form.body, /The fog came in at dusk/);
      const res = await writer.post(`/works/${id}/edit`, workForm({ title: 'Retagged Work', freeforms: 'New Marker Tag', commit: 'post' }));
      assert.equal(res.status, 303, res.body.slice(0, 1500));
      assert.doesNotMatch((await guest.get('/tags/Old%20Marker%20Tag/works')).body, /Retagged Work/);
      assert.match((await guest.get('/tags/New%20Marker%20Tag/works')).body, /Retagged Work/);
    });

    it('lists a co-creator only after they accept the invitation', async () => {
      const id = workIdOf(await post(writer, { title: 'Two Hands', co_creators: 'inkwell' }));
      assert.doesNotMatch((await guest.get(`/works/${id}`)).body, /inkwell/);
      assert.equal((await writer.get('/users/inkwell/creatorships')).status, 403);
      const invitations = await other.get('/users/inkwell/creatorships');
      assert.match(invitations.body, /Two Hands/);
      assert.match(invitations.body, /quillfeather invited/);
      const pseudId = /name="pseud_id" value="(\d+)"/.exec(invitations.body)![1]!;
      const accepted = await other.post('/users/inkwell/creatorships', { work_id: String(id), pseud_id: pseudId, decision: 'accept' });
      assert.equal(accepted.location, `/works/${id}`);
      assert.match((await guest.get(`/works/${id}`)).body, /href="\/users\/inkwell">inkwell<\/a>/);
    });

    it('orphans a work, keeping the pseud name when asked', async () => {
      const id = workIdOf(await post(writer, { title: 'Let Go' }));
      const confirm = await writer.get(`/works/${id}/orphan`);
      assert.match(confirm.body, /Keep my pseud name/);
      const res = await writer.post(`/works/${id}/orphan`, { keep_pseud_name: 'true' });
      assert.equal(res.location, `/works/${id}`);
      const page = await guest.get(`/works/${id}`);
      assert.match(page.body, /quillfeather \(orphan_account\)/);
      assert.doesNotMatch(page.body, /href="\/users\/quillfeather"/);
      assert.equal((await writer.get(`/works/${id}/edit`)).status, 403);
    });

    it('deletes a work after confirmation', async () => {
      const id = workIdOf(await post(writer, { title: 'Short Lived Work' }));
      assert.match((await writer.get(`/works/${id}/delete`)).body, /Are you sure/);
      assert.equal((await other.get(`/works/${id}/delete`)).status, 403);
      const res = await writer.post(`/works/${id}/delete`, {});
      assert.equal(res.status, 303);
      assert.equal((await guest.get(`/works/${id}`)).status, 404);
    });

    it('edits a series for its creators only', async () => {
      const id = workIdOf(await post(writer, { title: 'In A Series', series_title: 'Editable Series' }));
      const seriesId = /href="\/series\/(\d+)"/.exec((await guest.get(`/works/${id}`)).body)![1]!;
      assert.match((await writer.get(`/series/${seriesId}`)).body, new RegExp(`href="/series/${seriesId}/edit"`));
      assert.doesNotMatch((await other.get(`/series/${seriesId}`)).body, /Edit Series/);
      assert.equal((await other.get(`/series/${seriesId}/edit`)).status, 403);
      await other.get('/works');
      const before = await snapshot(t);
      assert.equal((await other.post(`/series/${seriesId}/edit`, { title: 'Taken Over' })).status, 403);
      await writer.get(`/series/${seriesId}/edit`);
      const tooLong = await writer.post(`/series/${seriesId}/edit`, { title: 'x'.repeat(300), summary: '' });
      assert.equal(tooLong.status, 422);
      assert.match(tooLong.body, /Series titles are at most 255/);
      assert.equal(await snapshot(t), before);
      const res = await writer.post(`/series/${seriesId}/edit`, { title: 'Edited Series', summary: 'About lamps.', notes: '', complete: 'true' });
      assert.equal(res.location, `/series/${seriesId}`);
      const page = await guest.get(`/series/${seriesId}`);
      assert.match(page.body, /Edited Series/);
      assert.match(page.body, /<dt>Complete:<\/dt><dd>Yes<\/dd>/);
    });

    it('suggests tags as the writer types: word prefixes, canonical first, at most ten', async () => {
      for (let i = 0; i < 12; i++) await insertTag(t.store.db, { name: `Lamplighter ${i}`, type: 'character', canonical: true }, '2026-01-01T00:00:00.000Z');
      await post(writer, { title: 'Suggestive', characters: 'Old Lampwick, Night Lamp Keeper' });
      const many = JSON.parse((await guest.get('/api/v1/tags/autocomplete?type=character&q=LAMP')).body) as { tags: Array<{ name: string; canonical: boolean }> };
      assert.equal(many.tags.length, 10);
      assert.ok(many.tags.every((tag) => tag.canonical));
      const word = JSON.parse((await guest.get('/api/v1/tags/autocomplete?type=character&q=lampw')).body) as { tags: Array<{ name: string }> };
      assert.deepEqual(word.tags.map((tag) => tag.name), ['Old Lampwick']);
      const none = JSON.parse((await guest.get('/api/v1/tags/autocomplete?type=character&q=ampw')).body) as { tags: unknown[] };
      assert.deepEqual(none.tags, [], 'matches start at a word');
      assert.equal((await guest.get('/api/v1/tags/autocomplete?type=nonsense&q=x')).status, 400);
      assert.match((await guest.get('/api/v1/openapi.json')).body, /\/api\/v1\/tags\/autocomplete/);
    });
  });
}
