// Comment notifications over HTTP on both databases: a comment posted through the form reaches the
// creator's inbox and mail, a reply reaches the replied-to reader's inbox page (linking to the
// comment) and the outbox, the API lists it, and an anonymous work's creator is named nowhere.
import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipUnless } from '../support/stores.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeWork } from '../support/factories.ts';
import { WebClient } from '../support/web-client.ts';
import { createApiToken } from '../../src/services/accounts/api-tokens.ts';
import { findUserByLogin } from '../../src/db/repos/users.repo.ts';
import { drainJobs } from '../../src/jobs/worker.ts';
import { JOB_HANDLERS } from '../../src/jobs/handlers.ts';

for (const dialect of DIALECTS) {
  describe(`[${dialect}] comment notifications over HTTP`, { skip: await skipUnless(dialect) }, () => {
    let t: TestApp;
    let writer: WebClient;
    let reader: WebClient;
    let masked: WebClient;
    const drain = () => drainJobs(t.store, t.ctx, JOB_HANDLERS, {});
    const mailTo = (login: string) => t.mail.filter((m) => m.to === `${login}@example.org`);
    const lastCommentId = async () => (await t.store.db.selectFrom('comments').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id;
    const post = async (client: WebClient, page: string, action: string, body: string) => {
      await client.get(page);
      const res = await client.post(action, { body });
      assert.equal(res.status, 303, res.body.slice(0, 500));
      return lastCommentId();
    };

    before(async () => {
      t = await createTestApp(dialect);
      writer = new WebClient(t.app);
      reader = new WebClient(t.app);
      masked = new WebClient(t.app);
      await writer.signUp('cn_writer');
      await reader.signUp('cn_reader');
      await masked.signUp('cn_masked');
      // Past the new-account comment limit.
      t.clock.set('2026-11-29T12:00:00.000Z');
    });
    after(async () => t?.close());
    beforeEach(async () => {
      await t.store.db.deleteFrom('rate_limits').execute();
      await drain();
      t.mail.length = 0;
    });

    it('puts a reply in the replied-to reader’s inbox with a link to it, and mails it', async () => {
      const w = await makeWork(t.ctx, { creator: 'cn_writer', title: 'The Tidal Clock' });
      const commentId = await post(reader, `/works/${w.id}`, `/works/${w.id}/comments`, 'The clock scene was <strong>perfect</strong>.');
      await drain();
      const writerInbox = await writer.get('/users/cn_writer/inbox');
      assert.match(writerInbox.body, new RegExp(`cn_reader</span> left <a href="/comments/${commentId}">a comment</a> on <a href="/works/${w.id}">The Tidal Clock</a>`));
      assert.equal(mailTo('cn_writer').length, 1);

      t.mail.length = 0;
      const replyId = await post(writer, `/comments/${commentId}`, `/comments/${commentId}/replies`, 'Thank you for <em>noticing</em>.');
      await drain();
      const inbox = await reader.get('/users/cn_reader/inbox');
      assert.equal(inbox.status, 200);
      assert.match(inbox.body, new RegExp(`cn_writer</span> <a href="/comments/${replyId}">replied to your comment</a> on <a href="/works/${w.id}">The Tidal Clock</a>`));
      assert.match(inbox.body, /<blockquote class="userstuff comment-body"><p>Thank you for <em>noticing<\/em>\.<\/p><\/blockquote>/);
      assert.match(inbox.body, /<span class="badge unread-badge">Unread<\/span>/);
      const thread = await reader.get(`/comments/${replyId}`);
      assert.equal(thread.status, 200, 'the link leads to the comment');
      assert.match(thread.body, /noticing/);

      const mail = mailTo('cn_reader');
      assert.equal(mail.length, 1);
      assert.match(mail[0]!.subject, /Reply to your comment on “The Tidal Clock”/);
      assert.match(mail[0]!.text, new RegExp(`/comments/${replyId}\\b`));
      assert.match(mail[0]!.text, /> Thank you for noticing\./);
      assert.equal(mailTo('cn_writer').length, 0, 'nobody is told of their own reply');

      const user = (await findUserByLogin(t.store.db, 'cn_reader'))!;
      const { token } = await createApiToken({ ...t.ctx, actor: { kind: 'user', userId: user.id, login: user.login, roles: new Set(), suspended: false } }, 'inbox');
      const api = await t.app.inject({ method: 'GET', url: '/api/v1/me/inbox', headers: { authorization: `Bearer ${token}` } });
      assert.equal(api.statusCode, 200, api.body);
      const [first] = api.json().notifications;
      assert.equal(first.kind, 'reply');
      assert.equal(first.comment.id, replyId);
      assert.equal(first.comment.url, `/comments/${replyId}`);
      assert.equal(first.comment.author, 'cn_writer');
    });

    it('names an anonymous work’s creator nowhere in the inbox or the email', async () => {
      const w = await makeWork(t.ctx, { creator: 'cn_masked', title: 'Unsigned Letters', anonymous: true });
      const commentId = await post(reader, `/works/${w.id}`, `/works/${w.id}/comments`, 'Who are you?');
      await post(masked, `/comments/${commentId}`, `/comments/${commentId}/replies`, 'Nobody you know.');
      await drain();
      const inbox = await reader.get('/users/cn_reader/inbox');
      assert.match(inbox.body, /Anonymous Creator<\/span> <a href="\/comments\/\d+">replied to your comment<\/a> on <a href="\/works\/\d+">Unsigned Letters<\/a>/);
      assert.doesNotMatch(inbox.body, /cn_masked/);
      const mail = mailTo('cn_reader');
      assert.equal(mail.length, 1);
      assert.match(mail[0]!.text, /Anonymous Creator replied to your comment on “Unsigned Letters”/);
      assert.doesNotMatch(JSON.stringify(mail), /cn_masked/);
      // The creator's own inbox names the commenter, and their own name nowhere it should not.
      assert.match((await masked.get('/users/cn_masked/inbox')).body, /cn_reader<\/span> left <a href="\/comments\/\d+">a comment<\/a> on <a href="\/works\/\d+">Unsigned Letters<\/a>/);
    });
  });
}
