// Comments and blocking over HTTP on both databases: the section on work and chapter pages, the
// forms (post, reply, edit, delete, freeze, hide, approve) without JavaScript, every bad input
// answered with a clear message and nothing changed, held and hidden comments reaching nobody
// else (pages, API, counts), the JSON API with tokens, and the block buttons and list.
import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipUnless } from '../support/stores.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeWork } from '../support/factories.ts';
import { WebClient, type WebResponse } from '../support/web-client.ts';
import { insertTestComment } from '../support/comments.ts';
import { createApiToken } from '../../src/services/accounts/api-tokens.ts';
import { findUserByLogin } from '../../src/db/repos/users.repo.ts';
import type { WorkInput } from '../../src/services/work-input.ts';

for (const dialect of DIALECTS) {
  describe(`[${dialect}] comments over HTTP`, { skip: await skipUnless(dialect) }, () => {
    let t: TestApp;
    let writer: WebClient;
    let reader: WebClient;
    let other: WebClient;
    let guest: WebClient;
    let newbies = 0;

    const work = async (extra: Partial<WorkInput> = {}) => {
      const made = await makeWork(t.ctx, { creator: 'cm_writer', chapters: [{ html: '<p>One.</p>' }, { html: '<p>Two.</p>' }], ...extra });
      const chapters = await t.store.db.selectFrom('chapters').select('id').where('work_id', '=', made.id).orderBy('position').execute();
      return { id: made.id, chapters: chapters.map((c) => c.id) };
    };
    const snapshot = async () => JSON.stringify([
      await t.store.db.selectFrom('comments').selectAll().orderBy('id').execute(),
      await t.store.db.selectFrom('works').select(['id', 'comments_count']).orderBy('id').execute(),
    ]);
    const count = async (id: number) => (await t.store.db.selectFrom('works').select('comments_count').where('id', '=', id).executeTakeFirstOrThrow()).comments_count;
    /** Every request comes from one address here: each test starts with fresh allowances. */
    const clearLimits = () => t.store.db.deleteFrom('rate_limits').execute();
    const lastCommentId = async () => (await t.store.db.selectFrom('comments').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id;
    const refused = async (res: WebResponse, status: number, message: RegExp | string, before: string) => {
      assert.equal(res.status, status, res.body.slice(0, 500));
      if (typeof message === 'string') assert.ok(res.body.includes(message), `expected "${message}" in ${res.body.slice(0, 2000)}`);
      else assert.match(res.body, message);
      assert.equal(await snapshot(), before, 'nothing changed');
    };

    before(async () => {
      t = await createTestApp(dialect);
      writer = new WebClient(t.app);
      reader = new WebClient(t.app);
      other = new WebClient(t.app);
      guest = new WebClient(t.app);
      await writer.signUp('cm_writer');
      await reader.signUp('cm_reader');
      await other.signUp('cm_other');
      // A week and a day later: nobody is a new account (their stricter limit has its own test).
      t.clock.set('2026-11-29T12:00:00.000Z');
    });
    after(async () => t?.close());
    beforeEach(async () => {
      await clearLimits();
    });

    it('shows an accessible comment form and posts a guest’s comment back onto the work page', async () => {
      const w = await work();
      const page = await guest.get(`/works/${w.id}`);
      assert.equal(page.status, 200);
      assert.match(page.body, /<section id="comments" class="comments" aria-labelledby="comments_heading">/);
      assert.match(page.body, /<h2 id="comments_heading">Comments \(0\)<\/h2>/);
      assert.match(page.body, /<label for="comment_name">Name<\/label>/);
      assert.match(page.body, /<label for="comment_body">Comment<\/label>/);
      const res = await guest.post(`/works/${w.id}/comments`, { name: 'Wren', email: 'wren@example.org', body: 'What a <em>fog</em>.', return_to: `/works/${w.id}?view_full_work=true` });
      assert.equal(res.status, 303);
      const id = await lastCommentId();
      assert.equal(res.location, `/works/${w.id}?view_full_work=true&show_comment=${id}&comment_notice=posted#comment_${id}`);
      const shown = await guest.follow(res);
      assert.match(shown.body, /Comment created!/);
      assert.match(shown.body, /<span class="name">Wren<\/span> <span class="role">\(Guest\)<\/span>/);
      assert.match(shown.body, /What a <em>fog<\/em>\./);
      assert.doesNotMatch(shown.body, /wren@example\.org/);
      assert.equal(await count(w.id), 1);
    });

    it('comments on a chapter, replies on the thread page, edits and deletes, keeping the thread', async () => {
      const w = await work();
      await clearLimits();
      const chapterPage = await reader.get(`/works/${w.id}/chapters/${w.chapters[1]}`);
      assert.match(chapterPage.body, new RegExp(`action="/works/${w.id}/chapters/${w.chapters[1]}/comments"`));
      const posted = await reader.post(`/works/${w.id}/chapters/${w.chapters[1]}/comments`, { body: 'The second chapter!' });
      assert.equal(posted.status, 303);
      const rootId = await lastCommentId();
      const thread = await writer.get(`/comments/${rootId}`);
      assert.equal(thread.status, 200);
      assert.match(thread.body, /<h1>Comment thread<\/h1>/);
      assert.match(thread.body, /<legend>Reply to this comment<\/legend>/);
      const replied = await writer.post(`/comments/${rootId}/replies`, { body: 'Thank you for reading.' });
      assert.equal(replied.status, 303);
      const replyId = await lastCommentId();
      assert.equal(replied.location, `/comments/${rootId}?comment_notice=posted#comment_${replyId}`);

      const edit = await reader.get(`/comments/${rootId}/edit`);
      assert.equal(edit.status, 200);
      assert.match(edit.body, /The second chapter!/);
      assert.equal((await other.get(`/comments/${rootId}/edit`)).status, 403);
      const edited = await reader.post(`/comments/${rootId}/edit`, { body: 'The second chapter, edited!' });
      assert.equal(edited.status, 303);
      const after = await guest.get(`/works/${w.id}/chapters/${w.chapters[1]}`);
      assert.match(after.body, /The second chapter, edited!/);
      assert.match(after.body, /Last edited <time/);
      assert.match(after.body, /Thank you for reading\./);
      assert.equal(await count(w.id), 2);

      const deleted = await reader.post(`/comments/${rootId}/delete`, { return_to: `/works/${w.id}/chapters/${w.chapters[1]}` });
      assert.equal(deleted.status, 303);
      assert.equal(deleted.location, `/works/${w.id}/chapters/${w.chapters[1]}?comment_notice=deleted#comments`);
      const kept = await guest.get(`/works/${w.id}/chapters/${w.chapters[1]}`);
      assert.match(kept.body, /\(Previous comment deleted\.\)/);
      assert.match(kept.body, /Thank you for reading\./);
      assert.doesNotMatch(kept.body, /edited!/);
      assert.equal(await count(w.id), 1);
    });

    it('refuses every bad comment with a clear message and changes nothing', async () => {
      const w = await work();
      const off = await work({ commentPermission: 'none' });
      const usersOnly = await work({ commentPermission: 'users' });
      await clearLimits();
      await reader.post(`/works/${w.id}/comments`, { body: 'A first comment.' });
      const first = await lastCommentId();
      const frozenRoot = await insertTestComment(t.store.db, { workId: w.id, chapterId: w.chapters[1]!, login: 'cm_other' });
      await writer.post(`/comments/${frozenRoot}/freeze`, { frozen: 'true' });
      const deletedRoot = await insertTestComment(t.store.db, { workId: w.id, chapterId: w.chapters[1]!, login: 'cm_other' });
      await insertTestComment(t.store.db, { workId: w.id, chapterId: w.chapters[1]!, login: 'cm_writer', parentId: deletedRoot });
      await other.post(`/comments/${deletedRoot}/delete`, {});
      await reader.get(`/works/${w.id}`);
      const before = await snapshot();

      await refused(await reader.post(`/works/${w.id}/comments`, { body: '  \n ' }), 422, 'Please write something in your comment.', before);
      await refused(await reader.post(`/works/${w.id}/comments`, { body: 'x'.repeat(10_001) }), 422, 'Your comment is too long: 10,001 characters, and the limit is 10,000.', before);
      await refused(await reader.post(`/comments/${deletedRoot}/replies`, { body: 'Hello?' }), 422, 'That comment has been deleted, so it can’t be replied to.', before);
      await refused(await reader.post(`/comments/${frozenRoot}/replies`, { body: 'Hello?' }), 422, 'This thread has been frozen by the work’s creator: no new replies can be added.', before);
      await refused(await reader.post(`/works/${off.id}/comments`, { body: 'Hello?' }), 422, 'Sorry, this work doesn’t allow comments.', before);
      await refused(await guest.post(`/works/${usersOnly.id}/comments`, { name: 'Wren', email: 'wren@example.org', body: 'Hello?' }), 422, 'Sorry, this work doesn’t allow comments from guests. Log in to comment.', before);
      await refused(await guest.post(`/works/${w.id}/comments`, { body: 'Hello?' }), 422, 'Please enter your name.', before);
      await refused(await reader.post(`/works/${w.id}/comments`, { body: 'A first comment.' }), 422, 'You have already left this comment here.', before);
      await refused(await reader.post(`/comments/999999/replies`, { body: 'Hello?' }), 404, /no comment 999999/, before);
      // The typed text comes back in the form, escaped.
      const kept = await reader.post(`/works/${w.id}/comments`, { body: `<script>${'y'.repeat(10_001)}` });
      assert.match(kept.body, /&lt;script&gt;y{10}/);
      assert.match(kept.body, /<div class="error-summary" role="alert"/);

      // Blocked by the creator: no comments on their works, no replies to their comments.
      await writer.get('/users/cm_reader');
      assert.equal((await writer.post('/users/cm_writer/blocked', { login: 'cm_reader', return_to: '/users/cm_reader' })).status, 303);
      const blockedBefore = await snapshot();
      await refused(await reader.post(`/works/${w.id}/comments`, { body: 'Let me in.' }), 422, 'Sorry, you have been blocked by one or more of this work’s creators.', blockedBefore);
      const page = await reader.get(`/works/${w.id}`);
      assert.match(page.body, /<p class="comment-closed" id="comment_closed">Sorry, you have been blocked/);
      assert.ok(first > 0);
      await writer.post('/users/cm_writer/blocked/' + (await findUserByLogin(t.store.db, 'cm_reader'))!.id + '/delete', {});
    });

    it('rate-limits one address and new accounts, with a clear 429', async () => {
      const w = await work();
      await clearLimits();
      const newbie = new WebClient(t.app);
      await newbie.signUp(`cm_new${++newbies}`);
      for (let i = 0; i < 3; i++) assert.equal((await newbie.post(`/works/${w.id}/comments`, { body: `New words ${i}.` })).status, 303);
      const before = await snapshot();
      await refused(await newbie.post(`/works/${w.id}/comments`, { body: 'New words 3.' }), 429, 'New accounts can leave 3 comments every 15 minutes.', before);

      await clearLimits();
      const crowd = new WebClient(t.app);
      await crowd.get(`/works/${w.id}`);
      for (let i = 0; i < 20; i++) assert.equal((await crowd.post(`/works/${w.id}/comments`, { name: `Guest ${i}`, email: `g${i}@example.org`, body: `Guest words ${i}.` })).status, 303);
      const full = await snapshot();
      await refused(await crowd.post(`/works/${w.id}/comments`, { name: 'Guest 21', email: 'g21@example.org', body: 'One too many.' }), 429, 'Too many comments from your network.', full);
    });

    it('shows held comments to their author and the creator only, who approves them', async () => {
      const w = await work({ moderatedComments: true, chapters: [{ html: '<p>Only.</p>' }] });
      await clearLimits();
      await reader.get(`/works/${w.id}`);
      const res = await reader.post(`/works/${w.id}/comments`, { body: 'HELDMARKER waiting words.' });
      assert.equal(res.status, 303);
      assert.match(res.location ?? '', /comment_notice=held#comments$/);
      assert.match((await reader.follow(res)).body, /It will appear publicly after the work’s creator has approved it\./);
      const id = await lastCommentId();
      assert.equal(await count(w.id), 0);
      const mine = await reader.get(`/works/${w.id}`);
      assert.match(mine.body, /HELDMARKER/);
      assert.match(mine.body, /Your comment is awaiting the creator’s approval/);
      for (const client of [guest, other]) {
        for (const url of [`/works/${w.id}`, `/works/${w.id}?view_full_work=true`, `/works/${w.id}/chapters/${w.chapters[0]}`, `/comments/${id}`, `/api/v1/works/${w.id}/comments`, `/api/v1/comments/${id}`, `/api/v1/works/${w.id}`, '/works']) {
          const page = await client.get(url);
          assert.doesNotMatch(page.body, /HELDMARKER/, url);
        }
        assert.equal((await client.get(`/comments/${id}`)).status, 404);
        assert.match((await client.get(`/works/${w.id}`)).body, /Comments \(0\)/);
      }
      const creatorView = await writer.get(`/works/${w.id}`);
      assert.match(creatorView.body, /1 comment is awaiting your approval\./);
      assert.match(creatorView.body, new RegExp(`action="/comments/${id}/approve"`));
      assert.equal((await other.post(`/comments/${id}/approve`, {})).status, 404);
      const approved = await writer.post(`/comments/${id}/approve`, { return_to: `/works/${w.id}` });
      assert.equal(approved.location, `/works/${w.id}?comment_notice=approved#comment_${id}`);
      assert.match((await guest.get(`/works/${w.id}`)).body, /HELDMARKER/);
      assert.equal(await count(w.id), 1);
    });

    it('hides a comment from everyone but the creator and its author', async () => {
      const w = await work({ chapters: [{ html: '<p>Only.</p>' }] });
      const id = await insertTestComment(t.store.db, { workId: w.id, chapterId: w.chapters[0]!, login: 'cm_reader', body: '<p>HIDEMARKER words.</p>' });
      await t.store.db.updateTable('works').set({ comments_count: 1 }).where('id', '=', w.id).execute();
      await writer.get(`/works/${w.id}`);
      const hidden = await writer.post(`/comments/${id}/hide`, { hidden: 'true', return_to: `/works/${w.id}` });
      assert.equal(hidden.status, 303);
      assert.equal(await count(w.id), 0);
      for (const client of [guest, other]) {
        for (const url of [`/works/${w.id}`, `/works/${w.id}?view_full_work=true`, `/comments/${id}`, `/api/v1/works/${w.id}/comments`, `/api/v1/comments/${id}`]) {
          assert.doesNotMatch((await client.get(url)).body, /HIDEMARKER/, url);
        }
      }
      assert.match((await reader.get(`/works/${w.id}`)).body, /Hidden by the work’s creator[\s\S]*HIDEMARKER/);
      assert.match((await writer.get(`/works/${w.id}`)).body, /Make Comment Visible/);
      assert.equal((await other.post(`/comments/${id}/hide`, { hidden: 'false' })).status, 404);
      await writer.post(`/comments/${id}/hide`, { hidden: 'false' });
      assert.match((await guest.get(`/works/${w.id}`)).body, /HIDEMARKER/);
    });

    it('offers moderation buttons to the work’s creators only, and freezes without JavaScript', async () => {
      const w = await work({ chapters: [{ html: '<p>Only.</p>' }] });
      const id = await insertTestComment(t.store.db, { workId: w.id, chapterId: w.chapters[0]!, login: 'cm_other' });
      const asReader = await reader.get(`/works/${w.id}`);
      assert.doesNotMatch(asReader.body, /Freeze Thread|Hide Comment|>Delete</);
      const asWriter = await writer.get(`/works/${w.id}`);
      assert.match(asWriter.body, /Freeze Thread<span class="visually-hidden"> of comment by cm_other<\/span>/);
      assert.equal((await reader.post(`/comments/${id}/freeze`, { frozen: 'true' })).status, 403);
      assert.equal((await guest.post(`/comments/${id}/freeze`, { frozen: 'true' })).location?.startsWith('/login'), true);
      const frozen = await writer.post(`/comments/${id}/freeze`, { frozen: 'true', return_to: `/works/${w.id}` });
      assert.equal(frozen.status, 303);
      const page = await reader.get(`/works/${w.id}`);
      assert.match(page.body, /This thread is frozen/);
      assert.doesNotMatch(page.body, new RegExp(`href="/comments/${id}#add_reply"`));
    });

    it('answers the JSON API with tokens under the same rules', async () => {
      const w = await work();
      const user = (await findUserByLogin(t.store.db, 'cm_other'))!;
      const { token } = await createApiToken({ ...t.ctx, actor: { kind: 'user', userId: user.id, login: 'cm_other', roles: new Set(), suspended: false } }, 'tests');
      const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, auth: string | null, payload?: unknown) =>
        t.app.inject({ method, url, headers: { ...(auth ? { authorization: `Bearer ${auth}` } : {}), ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(payload !== undefined ? { payload: payload as object } : {}) });
      const posted = await call('POST', `/api/v1/works/${w.id}/comments`, token, { body: 'From an app.', chapterId: w.chapters[0] });
      assert.equal(posted.statusCode, 201, posted.body);
      const comment = posted.json() as { id: number; body: string; author: { name: string }; chapterId: number };
      assert.equal(comment.body, '<p>From an app.</p>');
      assert.equal(comment.author.name, 'cm_other');
      assert.equal(comment.chapterId, w.chapters[0]);
      const reply = await call('POST', `/api/v1/comments/${comment.id}/replies`, token, { body: 'And a reply.' });
      assert.equal(reply.statusCode, 201);
      assert.equal((reply.json() as { parentId: number }).parentId, comment.id);
      const patched = await call('PATCH', `/api/v1/comments/${comment.id}`, token, { body: 'Edited from an app.' });
      assert.equal(patched.statusCode, 200);
      assert.ok((patched.json() as { editedAt: string | null }).editedAt);
      const list = await call('GET', `/api/v1/works/${w.id}/comments`, null);
      assert.equal(list.statusCode, 200);
      const listed = list.json() as { total: number; comments: Array<{ id: number; parentId: number | null }> };
      assert.equal(listed.total, 2);
      assert.deepEqual(listed.comments.map((c) => c.parentId), [null, comment.id]);
      const chapterList = (await call('GET', `/api/v1/works/${w.id}/chapters/${w.chapters[1]}/comments`, null)).json() as { total: number };
      assert.equal(chapterList.total, 0);

      const before = await snapshot();
      const guestPost = await call('POST', `/api/v1/works/${w.id}/comments`, null, { body: 'Anonymous app.' });
      assert.equal(guestPost.statusCode, 401);
      const empty = await call('POST', `/api/v1/works/${w.id}/comments`, token, { body: '' });
      assert.equal(empty.statusCode, 422);
      assert.equal((empty.json() as { error: { details: Record<string, string> } }).error.details.body, 'Please write something in your comment.');
      assert.equal((await call('PATCH', `/api/v1/comments/${comment.id}`, null, { body: 'x' })).statusCode, 401);
      assert.equal(await snapshot(), before);
      assert.equal((await call('DELETE', `/api/v1/comments/${comment.id}`, token)).statusCode, 204);
      const openapi = (await call('GET', '/api/v1/openapi.json', null)).json() as { paths: Record<string, unknown> };
      assert.ok(openapi.paths['/api/v1/works/{id}/comments']);
    });

    it('blocks and unblocks from a profile, and keeps the list private', async () => {
      const profile = await writer.get('/users/cm_other');
      assert.match(profile.body, /<button type="submit" aria-describedby="block-user-note">Block<span class="visually-hidden"> cm_other<\/span><\/button>/);
      assert.doesNotMatch((await guest.get('/users/cm_other')).body, /block-control/);
      assert.doesNotMatch((await writer.get('/users/cm_writer')).body, /block-control/);
      const blocked = await writer.post('/users/cm_writer/blocked', { login: 'cm_other', return_to: '/users/cm_other' });
      assert.equal(blocked.location, '/users/cm_other');
      assert.match((await writer.get('/users/cm_other')).body, /Unblock<span class="visually-hidden"> cm_other/);
      const list = await writer.get('/users/cm_writer/blocked');
      assert.match(list.body, /<h1>Blocked users<\/h1>/);
      assert.match(list.body, /href="\/users\/cm_other">cm_other<\/a>/);
      assert.equal((await other.get('/users/cm_writer/blocked')).status, 403);
      assert.equal((await guest.get('/users/cm_writer/blocked')).location?.startsWith('/login'), true);
      const self = await writer.post('/users/cm_writer/blocked', { login: 'cm_writer' });
      assert.equal(self.status, 422);
      assert.match(self.body, /You cannot block yourself\./);
      const unknown = await writer.post('/users/cm_writer/blocked', { login: 'nobody_here' });
      assert.equal(unknown.status, 422);
      assert.match(unknown.body, /There is no user &quot;nobody_here&quot;\./);
      const id = (await findUserByLogin(t.store.db, 'cm_other'))!.id;
      assert.equal((await writer.post(`/users/cm_writer/blocked/${id}/delete`, {})).location, '/users/cm_writer/blocked?done=unblocked');
      assert.match((await writer.get('/users/cm_writer/blocked?done=unblocked')).body, /You have not blocked anyone\./);
    });
  });
}
