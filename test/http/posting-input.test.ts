// The posting forms' refusals through the real stack on both databases: uploads the importer
// refuses, bad fields on every form, forged or missing CSRF tokens, other users' works and guests —
// each answered with a clear 4xx that changes nothing — and uploads that fill in the form.
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipUnless } from '../support/stores.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { WebClient } from '../support/web-client.ts';
import { FIXTURES, postMultipart, snapshot, workForm, workIdOf } from '../support/posting.ts';

for (const dialect of DIALECTS) {
  describe(`[${dialect}] posting input`, { skip: await skipUnless(dialect) }, () => {
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

    it('imports an uploaded file into the preview, with an AO3 download filling in the form', async () => {
      await writer.get('/works/new');
      const md = await postMultipart(t, writer, '/works', { title: '', rating: 'Mature', warnings: 'No Archive Warnings Apply', fandoms: 'Original Work', commit: 'post' }, { filename: 'rain-song.md', content: '# Rain Song\n\nIt rained on the *roof* all night.\n' });
      assert.equal(md.status, 303, md.body.slice(0, 1500));
      const mdId = workIdOf(md);
      assert.equal(md.location, `/works/${mdId}/preview`, 'an upload is previewed, never posted at once');
      const preview = await writer.follow(md);
      assert.match(preview.body, /<em>roof<\/em>/);
      assert.equal((await guest.get(`/works/${mdId}`)).status, 404);

      await writer.get('/works/new');
      const ao3 = await postMultipart(t, writer, '/works', { commit: 'preview' }, { filename: 'what-the-lamp-keeps.html', content: fs.readFileSync(path.join(FIXTURES, 'ao3/ao3-download.html')) });
      assert.equal(ao3.status, 303, ao3.body.slice(0, 3000));
      const ao3Preview = await writer.follow(ao3);
      assert.match(ao3Preview.body, /What the Lamp Keeps/);
      assert.match(ao3Preview.body, /Maren Holt/);
      assert.match(ao3Preview.body, /Teen And Up Audiences/);
    });

    it('refuses bad uploads with the importer’s message and keeps the form', async () => {
      const before = await snapshot(t);
      await writer.get('/works/new');
      const pdf = await postMultipart(t, writer, '/works', { title: 'Keep This Title', rating: 'Mature', warnings: 'No Archive Warnings Apply', fandoms: 'Original Work' }, { filename: 'story.pdf', content: '%PDF-1.4 not really' });
      assert.equal(pdf.status, 422);
      assert.match(pdf.body, /files ending in \.pdf cannot be imported/);
      assert.match(pdf.body, /value="Keep This Title"/);
      const binary = await postMultipart(t, writer, '/works', { title: 'Binary', rating: 'Mature', warnings: 'No Archive Warnings Apply', fandoms: 'Original Work' }, { filename: 'binary.txt', content: fs.readFileSync(path.join(FIXTURES, 'bad/binary.txt')) });
      assert.equal(binary.status, 422);
      assert.match(binary.body, /looks like a binary file/);
      const forged = await postMultipart(t, writer, '/works', { _csrf: 'forged-token', ...workForm() } as Record<string, string>, null);
      assert.equal(forged.status, 403);
      assert.equal(await snapshot(t), before);
    });

    it('answers every bad form with a clear 4xx, keeps what was typed and changes nothing', async () => {
      const id = workIdOf(await post(writer, { title: 'Guarded Work' }));
      const before = await snapshot(t);
      const cases: Array<[Record<string, string | string[] | null>, RegExp]> = [
        [{ summary: 'x'.repeat(1251) }, /summary must be at most 1,250 characters/],
        [{ notes: 'x'.repeat(5001) }, /Notes must be at most 5,000 characters/],
        [{ end_notes: 'x'.repeat(5001) }, /End notes must be at most 5,000 characters/],
        [{ title: 't'.repeat(256) }, /Titles are at most 255 characters/],
        [{ fandoms: '' }, /Add at least one fandom/],
        [{ warnings: null }, /Choose at least one archive warning/],
        [{ rating: ['Mature', 'Explicit'] }, /Choose exactly one rating/],
        [{ rating: null }, /Choose a rating/],
        [{ co_creators: 'no_such_writer' }, /There is no pseud named &quot;no_such_writer&quot;/],
        [{ published_at: '2999-01-01' }, /cannot be in the future/],
        [{ content: '' }, /has no text/],
      ];
      for (const [fields, message] of cases) {
        const res = await post(writer, { title: fields.title ?? 'Kept Title Marker', ...fields });
        assert.equal(res.status, 422, `${JSON.stringify(fields).slice(0, 80)} → ${res.status}`);
        assert.match(res.body, message);
        assert.match(res.body, /There is a problem/);
        if (!fields.title) assert.match(res.body, /value="Kept Title Marker"/);
      }
      // Chapter and edit forms.
      await writer.get(`/works/${id}/chapters/new`);
      const chapter = await writer.post(`/works/${id}/chapters`, { title: 'Too Noted', content: 'Words.', notes: 'n'.repeat(5001), commit: 'post' });
      assert.equal(chapter.status, 422);
      assert.match(chapter.body, /notes must be at most 5,000/);
      const edit = await writer.post(`/works/${id}/edit`, workForm({ fandoms: '' }));
      assert.equal(edit.status, 422);

      // Missing and forged CSRF tokens, on multipart-capable and plain routes.
      assert.equal((await writer.post('/works', { ...workForm(), _csrf: null })).status, 403);
      assert.equal((await writer.post('/works', { ...workForm(), _csrf: 'forged' })).status, 403);
      assert.equal((await writer.post(`/works/${id}/delete`, { _csrf: 'forged' })).status, 403);
      assert.equal((await writer.post(`/works/${id}/chapters/reorder`, { _csrf: null })).status, 403);

      // Another user's work: the policy says forbidden for a work they can read.
      await other.get('/works');
      assert.equal((await other.get(`/works/${id}/edit`)).status, 403);
      assert.equal((await other.post(`/works/${id}/edit`, workForm({ title: 'Stolen' }))).status, 403);
      assert.equal((await other.post(`/works/${id}/delete`, {})).status, 403);
      assert.equal((await other.post(`/works/${id}/orphan`, {})).status, 403);
      assert.equal((await other.post(`/works/${id}/chapters`, { content: 'Intruding words.', commit: 'post' })).status, 403);
      assert.equal((await other.get(`/works/${id}/chapters/manage`)).status, 403);

      // Guests (with a valid guest CSRF token from the log-in page) are sent to log in.
      await guest.get('/login');
      for (const url of ['/works', `/works/${id}/edit`, `/works/${id}/delete`, `/works/${id}/chapters`, `/works/${id}/post`]) {
        const res = await guest.post(url, workForm());
        assert.equal(res.status, 303, url);
        assert.match(res.location ?? '', /^\/login\?return_to=/);
      }
      assert.equal(await snapshot(t), before);
    });

  });
}
