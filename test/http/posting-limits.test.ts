// What the posting forms read before deciding anything, through the real stack on both databases:
// a guest's body is not read at all (they are sent to log in), a writer's text fields stop at a
// total well below what the parser's per-field limits would allow, unexpected files are refused
// unread, and the field-count limit still leaves room for everything the real form can send.
import { Readable } from 'node:stream';
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipUnless } from '../support/stores.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { WebClient } from '../support/web-client.ts';
import { postMultipart, snapshot, workForm, workIdOf } from '../support/posting.ts';
import { POSTING_LIMITS } from '../../src/http/web/routes/posting-form.ts';
import { workFormView, type WorkFormPage } from '../../src/http/web/views/posting-form.ts';
import { emptyWorkValues } from '../../src/http/web/routes/posting-values.ts';
import { MAX_PSEUDS } from '../../src/services/accounts/pseuds.ts';
import type { PageChrome } from '../../src/http/present/view-models.ts';

const MB = 1024 * 1024;

type Part = { name: string; value: string | { filename: string; bytes: number } };

/**
 * A multipart body made on demand, so a test can tell how much of it the server pulled: text
 * fields, or files of `bytes` filler bytes. Like data from a socket, each 64 KB arrives in its own
 * turn of the event loop (otherwise the whole body would be parsed within one tick, before the
 * route's code could run at all).
 */
function streamedBody(parts: readonly Part[]): { stream: Readable; pulled: () => number; contentType: string; length: number } {
  const boundary = '----owleryLimits';
  const chunks: Array<Buffer | number> = [];
  for (const part of parts) {
    if (typeof part.value === 'string') {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`));
    } else {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.value.filename}"\r\nContent-Type: text/plain\r\n\r\n`));
      chunks.push(part.value.bytes);
      chunks.push(Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  const length = chunks.reduce<number>((sum, c) => sum + (typeof c === 'number' ? c : c.length), 0);
  let pulled = 0;
  async function* generate(): AsyncGenerator<Buffer> {
    for (const chunk of chunks) {
      const buffer = typeof chunk === 'number' ? Buffer.alloc(chunk, 'a') : chunk;
      for (let start = 0; start < buffer.length; start += 64 * 1024) {
        await new Promise((resolve) => setImmediate(resolve));
        const piece = buffer.subarray(start, start + 64 * 1024);
        pulled += piece.length;
        yield piece;
      }
    }
  }
  return { stream: Readable.from(generate(), { objectMode: false }), pulled: () => pulled, contentType: `multipart/form-data; boundary=${boundary}`, length };
}

const text = (bytes: number) => 'a'.repeat(bytes);

for (const dialect of DIALECTS) {
  describe(`[${dialect}] posting form limits`, { skip: await skipUnless(dialect) }, () => {
    let t: TestApp;
    let writer: WebClient;
    let guest: WebClient;
    let workId: number;
    let chapterId: number;

    before(async () => {
      t = await createTestApp(dialect);
      writer = new WebClient(t.app);
      guest = new WebClient(t.app);
      await writer.signUp('quillfeather');
      await guest.get('/login');
      await writer.get('/works/new');
      workId = workIdOf(await writer.post('/works', workForm({ title: 'Limits Work' })));
      chapterId = (await t.store.db.selectFrom('chapters').select('id').where('work_id', '=', workId).executeTakeFirstOrThrow()).id;
    });
    after(async () => t?.close());

    const send = async (client: WebClient, url: string, body: ReturnType<typeof streamedBody>, headers: Record<string, string> = {}) => {
      const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      const res = await t.app.inject({ method: 'POST', url, payload: body.stream, headers: { cookie, 'content-type': body.contentType, ...headers } });
      return { status: res.statusCode, location: res.headers.location, connection: res.headers.connection, body: res.body, pulled: body.pulled() };
    };

    it('sends guests to log in without reading their multipart body', async () => {
      const before = await snapshot(t);
      for (const url of ['/works', `/works/${workId}/edit`, `/works/${workId}/chapters`, `/works/${workId}/chapters/${chapterId}`]) {
        // A field longer than the per-field limit: reading it first would answer 413, not 303.
        const body = streamedBody([{ name: '_csrf', value: guest.csrf ?? '' }, { name: 'content', value: text(3 * MB) }, ...Array.from({ length: 10 }, (_, i) => ({ name: `filler_${i}`, value: text(2 * MB) }))]);
        const res = await send(guest, url, body);
        assert.equal(res.status, 303, `${url}: ${res.status} ${res.body.slice(0, 200)}`);
        assert.match(String(res.location), /^\/login\?return_to=/);
        assert.ok(res.pulled < 256 * 1024, `${url}: the server read ${res.pulled} bytes of a guest's body`);
      }
      assert.equal(await snapshot(t), before);
    });

    it('stops reading a writer’s form once its text passes the total limit', async () => {
      await writer.get(`/works/${workId}/chapters/new`);
      const before = await snapshot(t);
      // Each field is under the per-field limit; together they are far over the total.
      const parts: Part[] = [{ name: '_csrf', value: writer.csrf! }, { name: 'commit', value: 'post' }, ...Array.from({ length: 12 }, (_, i) => ({ name: i === 0 ? 'content' : `filler_${i}`, value: text(2 * MB) }))];
      for (const url of [`/works/${workId}/chapters`, '/works', `/works/${workId}/edit`]) {
        const res = await send(writer, url, streamedBody(parts));
        assert.equal(res.status, 413, `${url}: ${res.status} ${res.body.slice(0, 300)}`);
        assert.equal(res.connection, 'close', 'the connection is closed rather than the rest of the body read');
        assert.ok(res.pulled < 12 * MB, `${url}: the server read ${res.pulled} of ${24 * MB} bytes`);
        assert.match(res.body, /too large/i);
      }
      assert.ok(POSTING_LIMITS.totalTextBytes <= 8 * MB);
      assert.equal(await snapshot(t), before);
    });

    it('refuses a body whose declared length is over the limit before reading it', async () => {
      await writer.get('/works/new');
      const body = streamedBody([{ name: '_csrf', value: writer.csrf! }, { name: 'content', value: text(MB) }]);
      const res = await send(writer, `/works/${workId}/chapters`, body, { 'content-length': String(40 * MB) });
      assert.equal(res.status, 413);
      assert.equal(res.pulled, 0);
    });

    it('refuses more fields than the form has', async () => {
      await writer.get('/works/new');
      const before = await snapshot(t);
      const parts: Part[] = [{ name: '_csrf', value: writer.csrf! }, ...workFormParts(), ...Array.from({ length: POSTING_LIMITS.fields }, () => ({ name: 'warnings', value: 'No Archive Warnings Apply' }))];
      const res = await send(writer, '/works', streamedBody(parts));
      assert.equal(res.status, 413, res.body.slice(0, 300));
      assert.match(res.body, /more fields than it has/);
      assert.equal(await snapshot(t), before);
    });

    it('refuses files where the form takes none, without reading them', async () => {
      await writer.get('/works/new');
      const before = await snapshot(t);
      const cases: Array<[string, Part]> = [
        [`/works/${workId}/chapters`, { name: 'file', value: { filename: 'chapter.txt', bytes: 8 * MB } }],
        [`/works/${workId}/chapters/${chapterId}`, { name: 'file', value: { filename: 'chapter.txt', bytes: 8 * MB } }],
        [`/works/${workId}/edit`, { name: 'file', value: { filename: 'work.txt', bytes: 8 * MB } }],
        ['/works', { name: 'attachment', value: { filename: 'other.txt', bytes: 8 * MB } }],
      ];
      for (const [url, file] of cases) {
        const body = streamedBody([{ name: '_csrf', value: writer.csrf! }, ...workFormParts(), file]);
        const res = await send(writer, url, body);
        assert.equal(res.status, 400, `${url}: ${res.status} ${res.body.slice(0, 300)}`);
        assert.match(res.body, /does not take (a|this) file/);
        assert.ok(res.pulled < 2 * MB, `${url}: the server read ${res.pulled} bytes before refusing the file`);
      }
      assert.equal(await snapshot(t), before);
    });

    it('still posts a form with the empty file part a browser sends when no file is chosen', async () => {
      await writer.get('/works/new');
      const body = streamedBody([{ name: '_csrf', value: writer.csrf! }, ...workFormParts({ title: 'No File Chosen' }), { name: 'file', value: { filename: '', bytes: 0 } }]);
      const res = await send(writer, '/works', body);
      assert.equal(res.status, 303, res.body.slice(0, 500));
      assert.match(String(res.location), /^\/works\/\d+$/);
    });

    it('checks the token of a multipart form: missing or forged is refused', async () => {
      await writer.get('/works/new');
      const before = await snapshot(t);
      const missing = await postMultipart(t, writer, `/works/${workId}/chapters`, { _csrf: '', content: 'Words.', commit: 'post' }, null);
      assert.equal(missing.status, 403);
      const noField = streamedBody([{ name: 'content', value: 'Words.' }, { name: 'commit', value: 'post' }]);
      assert.equal((await send(writer, `/works/${workId}/chapters`, noField)).status, 403);
      assert.equal(await snapshot(t), before);
    });
  });
}

function workFormParts(overrides: Record<string, string> = {}): Part[] {
  const fields = { ...workForm(), ...overrides };
  return Object.entries(fields).flatMap(([name, value]) => (value === null ? [] : [value].flat().map((v) => ({ name, value: v }))));
}

describe('posting form field limit', () => {
  it('leaves room for every field the work form can send, with every pseud and series box ticked', () => {
    const chrome: PageChrome = { siteName: 'Owlery', title: 'Post', path: '/works/new', csrfToken: 'token' };
    const pseuds = Array.from({ length: MAX_PSEUDS }, (_, i) => ({ id: i + 1, name: `Pseud ${i + 1}` }));
    const memberships = Array.from({ length: POSTING_LIMITS.seriesLeftAtOnce }, (_, i) => ({ id: i + 1, title: `Series ${i + 1}`, position: 1 }));
    const page = (mode: 'new' | 'edit'): WorkFormPage => ({
      mode,
      action: '/works',
      values: emptyWorkValues(1),
      errors: {},
      pseuds,
      series: [],
      memberships: mode === 'edit' ? memberships : [],
      coCreatorStatus: [],
      chapterCount: 1,
      chaptersUrl: null,
      buttons: ['preview', 'draft', 'post'],
      cancelUrl: null,
      maxUploadMb: 10,
    });
    for (const mode of ['new', 'edit'] as const) {
      const form = workFormView(chrome, page(mode));
      const controls = [...form.matchAll(/<(input|select|textarea|button)\b([^>]*)>/g)].map(([, tag, attrs]) => ({ tag, name: /\bname="([^"]+)"/.exec(attrs!)?.[1], type: /\btype="([^"]+)"/.exec(attrs!)?.[1] ?? (tag === 'button' ? 'submit' : 'text') }));
      const named = controls.filter((c) => c.name && c.type !== 'file');
      // A browser sends every ticked checkbox, one value per radio group, and only the button pressed.
      const sent = named.filter((c) => c.type === 'checkbox').length + new Set(named.filter((c) => c.type === 'radio' || c.type === 'submit').map((c) => c.name)).size + named.filter((c) => !['checkbox', 'radio', 'submit'].includes(c.type!)).length;
      assert.ok(sent <= POSTING_LIMITS.fields, `${mode}: the form can send ${sent} fields; the limit is ${POSTING_LIMITS.fields}`);
      assert.ok(POSTING_LIMITS.fields - sent <= 40, `${mode}: the limit (${POSTING_LIMITS.fields}) is far above what the form sends (${sent})`);
    }
  });
});
