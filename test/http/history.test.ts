// Reading history and Mark for Later over HTTP on both databases: work and chapter pages record
// visits for logged-in readers, /users/:login/readings lists them (owner only) with the to-read
// filter, history can be cleared whole or per work, turned off in the preferences, and used
// through the API.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipUnless } from '../support/stores.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeWork } from '../support/factories.ts';
import { WebClient } from '../support/web-client.ts';
import { createUser } from '../../src/services/create-user.ts';
import { createApiToken } from '../../src/services/accounts/api-tokens.ts';
import { findUserByLogin } from '../../src/db/repos/users.repo.ts';

const PASSWORD = 'history passphrase words';

for (const dialect of DIALECTS) {
  describe(`[${dialect}] history and Mark for Later over HTTP`, { skip: await skipUnless(dialect) }, () => {
    let t: TestApp;
    let reader: WebClient;
    let other: WebClient;
    let guest: WebClient;
    let token: string;
    const api = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
      t.app.inject({ method, url, headers: { authorization: `Bearer ${token}`, ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(payload !== undefined ? { payload: payload as object } : {}) });

    before(async () => {
      t = await createTestApp(dialect);
      for (const login of ['pageturner', 'neighbour']) await createUser(t.ctx, { login, email: `${login}@example.org`, password: PASSWORD });
      [reader, other, guest] = [new WebClient(t.app), new WebClient(t.app), new WebClient(t.app)];
      await reader.logIn('pageturner', PASSWORD);
      await other.logIn('neighbour', PASSWORD);
      const user = (await findUserByLogin(t.store.db, 'pageturner'))!;
      token = (await createApiToken({ ...t.ctx, actor: { kind: 'user', userId: user.id, login: user.login, roles: new Set(), suspended: false } }, 'tests')).token;
    });
    after(async () => t?.close());

    it('records the works and chapters a reader opens, for their eyes only', async () => {
      const work = await makeWork(t.ctx, { title: 'Two Rivers', chapters: [{ title: 'Source', html: '<p>One.</p>' }, { title: 'Delta', html: '<p>Two.</p>' }] });
      const chapters = await t.store.db.selectFrom('chapters').select('id').where('work_id', '=', work.id).orderBy('position').execute();
      await reader.get(`/works/${work.id}`);
      await reader.get(`/works/${work.id}/chapters/${chapters[1]!.id}`);
      await guest.get(`/works/${work.id}`);
      const history = await reader.get('/users/pageturner/readings');
      assert.equal(history.status, 200);
      assert.match(history.body, /Two Rivers/);
      assert.match(history.body, /Last visited <time datetime="2026-11-21">21 Nov 2026<\/time> \(<a href="\/works\/\d+\/chapters\/\d+">2\. Delta<\/a>\), 2 times\./);
      assert.equal((await other.get('/users/pageturner/readings')).status, 403);
      assert.match((await guest.get('/users/pageturner/readings')).location ?? '', /^\/login/);
      assert.equal((await other.post('/users/pageturner/readings/clear', {})).status, 403);
      const json = (await api('GET', '/api/v1/me/history')).json() as { readings: Array<{ work: { title: string }; visitCount: number; chapter: { title: string } | null }> };
      assert.deepEqual(json.readings.map((r) => [r.work.title, r.visitCount, r.chapter?.title]), [['Two Rivers', 2, 'Delta']]);
    });

    it('marks works for later from the work page and filters the list', async () => {
      const work = await makeWork(t.ctx, { title: 'Saved For Winter' });
      const page = await reader.get(`/works/${work.id}`);
      assert.match(page.body, /Mark for Later<span class="visually-hidden"> \(Saved For Winter\)<\/span>/);
      const res = await reader.post(`/works/${work.id}/mark-for-later`, { return_to: `/works/${work.id}` });
      assert.equal(res.location, `/works/${work.id}?reader=marked-for-later#reader-actions`);
      const after = await reader.follow(res);
      assert.match(after.body, /This work has been marked for later\./);
      assert.match(after.body, /Mark as read<span/);
      const later = await reader.get('/users/pageturner/readings?show=to-read');
      assert.match(later.body, /<h1>Marked for Later<\/h1>/);
      assert.match(later.body, /Saved For Winter/);
      assert.doesNotMatch(later.body, /Two Rivers/);
      assert.equal((await guest.post(`/works/${work.id}/mark-for-later`, {})).location?.startsWith('/login'), true);
      const unmark = await reader.post(`/works/${work.id}/mark-as-read`, { return_to: '/users/pageturner/readings?show=to-read' });
      assert.equal(unmark.location, '/users/pageturner/readings?show=to-read&reader=marked-read');
      assert.doesNotMatch((await reader.get('/users/pageturner/readings?show=to-read')).body, /Saved For Winter/);
      assert.equal((await api('POST', '/api/v1/me/marked-for-later', { workId: work.id })).statusCode, 204);
      const api1 = (await api('GET', '/api/v1/me/history?show=to-read')).json() as { readings: Array<{ work: { title: string } }> };
      assert.deepEqual(api1.readings.map((r) => r.work.title), ['Saved For Winter']);
      assert.equal((await api('DELETE', `/api/v1/me/marked-for-later/${work.id}`)).statusCode, 204);
    });

    it('deletes one work from the history, clears it, and stops recording when turned off', async () => {
      const a = await makeWork(t.ctx, { title: 'Forget This One' });
      await reader.get(`/works/${a.id}`);
      const page = await reader.get('/users/pageturner/readings');
      assert.match(page.body, /Delete from history<span class="visually-hidden"> \(Forget This One\)<\/span>/);
      const res = await reader.post(`/users/pageturner/readings/${a.id}/delete`, { return_to: '/users/pageturner/readings' });
      assert.equal(res.status, 303);
      assert.doesNotMatch((await reader.follow(res)).body, /Forget This One/);
      const cleared = await reader.post('/users/pageturner/readings/clear', {});
      assert.match((await reader.follow(cleared)).body, /Your history has been cleared\.[\s\S]*Your history is empty/);

      await reader.get('/account');
      await reader.post('/account/preferences', { notification_email: 'immediately' });
      const b = await makeWork(t.ctx, { title: 'Not Recorded' });
      await reader.get(`/works/${b.id}`);
      const off = await reader.get('/users/pageturner/readings');
      assert.doesNotMatch(off.body, /Not Recorded/);
      assert.match(off.body, /History is turned off/);
      await reader.get('/account');
      await reader.post('/account/preferences', { notification_email: 'immediately', history: 'true' });
      await reader.get(`/works/${b.id}`);
      assert.match((await reader.get('/users/pageturner/readings')).body, /Not Recorded/);
      assert.equal((await api('DELETE', '/api/v1/me/history')).statusCode, 204);
      assert.deepEqual(((await api('GET', '/api/v1/me/history')).json() as { readings: unknown[] }).readings, []);
    });
  });
}
