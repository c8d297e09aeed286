// Subscriptions, the inbox and notification email over HTTP on both databases: Subscribe buttons
// on work, creator and series pages, a chapter posted through the real form reaching the inbox
// and the outbox, drafts and anonymous works never notifying the wrong people, the daily digest,
// the preferences form, and the API.
import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipUnless } from '../support/stores.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeWork } from '../support/factories.ts';
import { WebClient } from '../support/web-client.ts';
import { createUser } from '../../src/services/create-user.ts';
import { createApiToken } from '../../src/services/accounts/api-tokens.ts';
import { findUserByLogin } from '../../src/db/repos/users.repo.ts';
import { drainJobs } from '../../src/jobs/worker.ts';
import { JOB_HANDLERS } from '../../src/jobs/handlers.ts';

const PASSWORD = 'subscription passphrase words';
const WORK_FORM = { rating: 'General Audiences', warnings: 'No Archive Warnings Apply', fandoms: 'Original Work', content: 'Words for subscribers.', commit: 'post' };

for (const dialect of DIALECTS) {
  describe(`[${dialect}] subscriptions and the inbox over HTTP`, { skip: await skipUnless(dialect) }, () => {
    let t: TestApp;
    let writer: WebClient;
    let fan: WebClient;
    let other: WebClient;
    let guest: WebClient;
    let writerId: number;
    let token: string;
    const drain = (until?: Date) => drainJobs(t.store, t.ctx, JOB_HANDLERS, until ? { until } : {});
    const mailTo = (login: string) => t.mail.filter((m) => m.to === `${login}@example.org`);
    const subscribeTo = async (client: WebClient, page: string, kind: string, id: number) => {
      await client.get(page);
      const res = await client.post('/subscriptions', { kind, id: String(id), return_to: page });
      assert.equal(res.status, 303, res.body);
      return res;
    };
    const postChapter = async (workId: number, title: string, commit = 'post') => {
      await writer.get(`/works/${workId}/chapters/new`);
      const res = await writer.post(`/works/${workId}/chapters`, { title, content: `The words of ${title}.`, commit });
      assert.equal(res.status, 303, res.body);
    };
    const api = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
      t.app.inject({ method, url, headers: { authorization: `Bearer ${token}`, ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(payload !== undefined ? { payload: payload as object } : {}) });

    before(async () => {
      t = await createTestApp(dialect);
      for (const login of ['storyteller', 'follower', 'stranger']) await createUser(t.ctx, { login, email: `${login}@example.org`, password: PASSWORD });
      [writer, fan, other, guest] = [new WebClient(t.app), new WebClient(t.app), new WebClient(t.app), new WebClient(t.app)];
      await writer.logIn('storyteller', PASSWORD);
      await fan.logIn('follower', PASSWORD);
      await other.logIn('stranger', PASSWORD);
      writerId = (await findUserByLogin(t.store.db, 'storyteller'))!.id;
      const fanUser = (await findUserByLogin(t.store.db, 'follower'))!;
      token = (await createApiToken({ ...t.ctx, actor: { kind: 'user', userId: fanUser.id, login: fanUser.login, roles: new Set(), suspended: false } }, 'tests')).token;
    });
    after(async () => t?.close());
    beforeEach(() => {
      t.mail.length = 0;
    });

    it('subscribes from the work page; a posted chapter reaches the inbox and the outbox, a draft does not', async () => {
      const work = await makeWork(t.ctx, { creator: 'storyteller', title: 'The Ferryman', expectedChapters: null });
      assert.doesNotMatch((await guest.get(`/works/${work.id}`)).body, /Subscribe/);
      const res = await subscribeTo(fan, `/works/${work.id}`, 'work', work.id);
      assert.equal(res.location, `/works/${work.id}?reader=subscribed#reader-actions`);
      const page = await fan.follow(res);
      assert.match(page.body, /You are now subscribed/);
      assert.match(page.body, /Unsubscribe<span class="visually-hidden"> from The Ferryman<\/span>/);

      await postChapter(work.id, 'Still Drafting', 'draft');
      await drain();
      assert.equal(mailTo('follower').length, 0);
      assert.doesNotMatch((await fan.get('/users/follower/inbox')).body, /Still Drafting/);

      await postChapter(work.id, 'Crossing Over');
      await drain();
      const inbox = await fan.get('/users/follower/inbox');
      assert.equal(inbox.status, 200);
      assert.match(inbox.body, /New chapter <a href="\/works\/\d+\/chapters\/\d+">2\. Crossing Over<\/a> of <a href="\/works\/\d+">The Ferryman<\/a>/);
      assert.match(inbox.body, /<span class="badge unread-badge">Unread<\/span>/);
      const mail = mailTo('follower');
      assert.equal(mail.length, 1);
      assert.match(mail[0]!.subject, /New chapter of “The Ferryman”/);
      assert.match(mail[0]!.text, /Crossing Over/);
      assert.equal(mailTo('storyteller').length, 0);
      assert.doesNotMatch((await other.get('/users/stranger/inbox')).body, /Ferryman/);
    });

    it('keeps the inbox to its owner, and marks read and deletes notifications', async () => {
      assert.equal((await other.get('/users/follower/inbox')).status, 403);
      assert.match((await guest.get('/users/follower/inbox')).location ?? '', /^\/login/);
      const inbox = await fan.get('/users/follower/inbox');
      const id = /id="notification_(\d+)"/.exec(inbox.body)![1]!;
      assert.equal((await other.post('/users/follower/inbox/read', { id })).status, 403);
      const read = await fan.post('/users/follower/inbox/read', { id, return_to: '/users/follower/inbox' });
      assert.equal(read.status, 303);
      const after = await fan.follow(read);
      assert.match(after.body, /Marked as read\./);
      assert.match(after.body, new RegExp(`class="notification read" id="notification_${id}"`));
      assert.equal((await other.post(`/users/stranger/inbox/${id}/delete`, {})).status, 404);
      await fan.get('/users/follower/inbox');
      assert.equal((await fan.post(`/users/follower/inbox/${id}/delete`, {})).status, 303);
      assert.doesNotMatch((await fan.get('/users/follower/inbox')).body, new RegExp(`notification_${id}"`));
    });

    it('tells creator and series subscribers of new works, but creator subscribers never of anonymous ones', async () => {
      await writer.get('/works/new');
      const first = await writer.post('/works', { ...WORK_FORM, title: 'Harbour Cycle One', series_title: 'Harbour Cycle' });
      assert.equal(first.status, 303, first.body);
      const seriesId = (await t.store.db.selectFrom('series').select('id').where('title', '=', 'Harbour Cycle').executeTakeFirstOrThrow()).id;
      await drain();
      const profile = await fan.get('/users/storyteller');
      assert.match(profile.body, /Subscribe<span class="visually-hidden"> to storyteller<\/span>/);
      assert.doesNotMatch((await writer.get('/users/storyteller')).body, /Subscribe<span/, 'nobody subscribes to themselves');
      await subscribeTo(fan, '/users/storyteller', 'creator', writerId);
      await subscribeTo(other, `/series/${seriesId}`, 'series', seriesId);
      assert.match((await other.get(`/series/${seriesId}`)).body, /Unsubscribe<span class="visually-hidden"> from Harbour Cycle/);

      await writer.get('/works/new');
      await writer.post('/works', { ...WORK_FORM, title: 'Signed Work' });
      await writer.post('/works', { ...WORK_FORM, title: 'Unsigned Work', anonymous: 'true', series_id: String(seriesId) });
      await writer.post('/works', { ...WORK_FORM, title: 'Draft Work', commit: 'draft' });
      await drain();
      const fanInbox = (await fan.get('/users/follower/inbox')).body;
      assert.match(fanInbox, /New work: <a href="\/works\/\d+">Signed Work<\/a> by <a rel="author" href="\/users\/storyteller">storyteller<\/a>/);
      assert.doesNotMatch(fanInbox, /Unsigned Work|Draft Work/);
      const seriesInbox = (await other.get('/users/stranger/inbox')).body;
      assert.match(seriesInbox, /New work in the series <a href="\/series\/\d+">Harbour Cycle<\/a>: <a href="\/works\/\d+">Unsigned Work<\/a> by <span class="anonymous">Anonymous<\/span>/);
      assert.doesNotMatch(seriesInbox, /storyteller/);
      assert.ok(!t.mail.some((m) => /Unsigned Work/.test(m.text) && /storyteller/.test(m.text)));
      assert.ok(!t.mail.some((m) => /Draft Work/.test(m.subject + m.text)));
    });

    it('sends a digest reader one email a day, and lists subscriptions on their own page', async () => {
      await fan.get('/account');
      const saved = await fan.post('/account/preferences', { notification_email: 'digest', history: 'true' });
      assert.equal(saved.location, '/account?done=preferences#account-reading');
      const account = await fan.follow(saved);
      assert.match(account.body, /Your reading and notification preferences have been saved\./);
      assert.match(account.body, /id="preferences_notification_email_digest" name="notification_email" type="radio" value="digest" checked/);
      assert.equal((await fan.post('/account/preferences', { notification_email: 'hourly' })).status, 422);

      const work = await makeWork(t.ctx, { creator: 'storyteller', title: 'Daily Serial', expectedChapters: null });
      await subscribeTo(fan, `/works/${work.id}`, 'work', work.id);
      await postChapter(work.id, 'Dawn');
      await postChapter(work.id, 'Dusk');
      await drain();
      assert.equal(mailTo('follower').length, 0);
      await drain(new Date(Date.parse('2026-11-22T00:00:00.000Z') + 1000));
      const digest = mailTo('follower');
      assert.equal(digest.length, 1);
      assert.match(digest[0]!.text, /Dawn[\s\S]*Dusk|Dusk[\s\S]*Dawn/);

      const list = await fan.get('/users/follower/subscriptions');
      assert.equal(list.status, 200);
      assert.match(list.body, /Daily Serial/);
      assert.match(list.body, /<a href="\/users\/storyteller">storyteller<\/a>/);
      assert.equal((await other.get('/users/follower/subscriptions')).status, 403);
      const id = /action="\/subscriptions\/(\d+)\/delete"/.exec(list.body)![1]!;
      assert.equal((await other.post(`/subscriptions/${id}/delete`, {})).status, 404);
      assert.equal((await fan.post(`/subscriptions/${id}/delete`, { return_to: '/users/follower/subscriptions' })).status, 303);
    });

    it('lists subscriptions and the inbox through the API, and subscribes and marks read with a token', async () => {
      const work = await makeWork(t.ctx, { creator: 'storyteller', title: 'Api Serial', expectedChapters: null });
      const created = await api('POST', '/api/v1/me/subscriptions', { kind: 'work', id: work.id });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal((await api('POST', '/api/v1/me/subscriptions', { kind: 'work', id: work.id })).statusCode, 200);
      const subs = (await api('GET', '/api/v1/me/subscriptions')).json() as { subscriptions: Array<{ kind: string; title: string | null }> };
      assert.ok(subs.subscriptions.some((s) => s.kind === 'work' && s.title === 'Api Serial'));
      await postChapter(work.id, 'Api Chapter');
      await drain();
      const inbox = (await api('GET', '/api/v1/me/inbox?unread=true')).json() as { unread: number; notifications: Array<{ id: number; chapter: { label: string } | null; work: { title: string } }> };
      assert.ok(inbox.notifications.some((n) => n.work.title === 'Api Serial' && n.chapter?.label === '2. Api Chapter'));
      const marked = await api('POST', '/api/v1/me/inbox/read', { all: true });
      assert.equal((marked.json() as { marked: number }).marked, inbox.unread);
      assert.equal(((await api('GET', '/api/v1/me/inbox')).json() as { unread: number }).unread, 0);
      assert.equal((await api('POST', '/api/v1/me/inbox/read', {})).statusCode, 422);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/me/inbox' })).statusCode, 401);
      const id = (created.json() as { id: number }).id;
      assert.equal((await api('DELETE', `/api/v1/me/subscriptions/${id}`)).statusCode, 204);
    });
  });
}
