// Comment notifications on both databases: a comment reaches its work's creators and a reply the
// author answered, in the inbox and by email per their preference (at once, in the daily digest,
// never), through the notify-comment job. Nothing leaks: a held comment reaches the creators
// only, an anonymous work's creator is never named, a comment deleted or hidden before delivery
// tells nobody who may not see it, hidden works tell nobody, guests are never emailed, and a job
// run twice notifies once.
import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestStore, skipUnless, type TestStore } from '../support/stores.ts';
import { contextFor, fixedClock, makeUser, makeWork, memoryMailer } from '../support/factories.ts';
import { GUEST, SYSTEM, type Actor } from '../../src/domain/actor.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { postComment } from '../../src/services/comments/post-comment.ts';
import { replyToComment } from '../../src/services/comments/reply-comment.ts';
import { deleteComment } from '../../src/services/comments/delete-comment.ts';
import { setCommentHidden } from '../../src/services/comments/hide-comment.ts';
import { approveComment } from '../../src/services/comments/approve-comment.ts';
import { myInbox } from '../../src/services/subscriptions/list-inbox.ts';
import { notifyComment } from '../../src/services/subscriptions/notify-comment.ts';
import { setReaderPreferences } from '../../src/services/reader/preferences.ts';
import { setHiddenByAdmin } from '../../src/db/repos/moderation.repo.ts';
import { drainJobs } from '../../src/jobs/worker.ts';
import { JOB_HANDLERS } from '../../src/jobs/handlers.ts';

type User = { id: number; login: string; actor: Actor };

for (const dialect of DIALECTS) {
  describe(`[${dialect}] comment notifications`, { skip: await skipUnless(dialect) }, () => {
    let store: TestStore;
    let system: ServiceContext;
    const mailer = memoryMailer();
    const clock = fixedClock('2026-01-01T00:00:00.000Z');
    let creator: User;
    let reader: User;
    let other: User;
    let n = 0;
    const as = (actor: Actor): ServiceContext => ({ ...system, actor });
    const ip = () => `198.51.100.${++n % 250}`;
    const drain = () => drainJobs(store, system, JOB_HANDLERS, {});
    const work = async (extra: Parameters<typeof makeWork>[1] = {}) => makeWork(system, { creator: creator.login, ...extra });
    const inboxOf = async (user: User) => (await myInbox(as(user.actor))).items;
    /** The user's comment notifications, of one work when given. */
    const commentItems = async (user: User, workId?: number) => (await inboxOf(user)).filter((i) => i.comment && (workId === undefined || i.card.work.id === workId));
    const mailTo = (user: User) => mailer.sent.filter((m) => m.to === `${user.login}@example.org`);
    const comment = (user: User, workId: number, body: string) => postComment(as(user.actor), { workId, body, ip: ip() });
    const reply = (user: User, commentId: number, body: string) => replyToComment(as(user.actor), commentId, { body, ip: ip() });

    before(async () => {
      store = await createTestStore(dialect);
      system = contextFor(store, SYSTEM, clock, mailer);
      creator = await makeUser(system, { login: 'lanternmaker' });
      reader = await makeUser(system, { login: 'harbourreader' });
      other = await makeUser(system, { login: 'gullwatcher' });
      // Old enough not to be new accounts (their stricter comment limit is not under test here).
      clock.set('2026-03-02T12:00:00.000Z');
    });
    after(async () => store?.destroy());
    beforeEach(async () => {
      await drain();
      mailer.sent.length = 0;
    });

    it('tells the creator of a comment and the commenter of a reply, in the inbox and by email at once', async () => {
      const w = await work({ title: 'Lamps at Low Tide' });
      const first = await comment(reader, w.id, '<p>The <em>lamps</em> chapter made me cry.</p>');
      await drain();
      const [item] = await commentItems(creator);
      assert.ok(item, 'the creator has an inbox item');
      assert.equal(item.comment!.kind, 'comment');
      assert.equal(item.comment!.id, first.id);
      assert.equal(item.comment!.authorName, 'harbourreader');
      assert.match(item.comment!.bodyHtml, /<em>lamps<\/em>/);
      assert.equal(item.card.work.id, w.id);
      const [mail] = mailTo(creator);
      assert.equal(mailTo(creator).length, 1);
      assert.equal(mail!.subject, '[Owlery Test] Comment on “Lamps at Low Tide”');
      assert.match(mail!.text, /harbourreader left a comment on “Lamps at Low Tide”:/);
      assert.match(mail!.text, /> The lamps chapter made me cry\./);
      assert.match(mail!.text, new RegExp(`Read it and reply: http://archive\\.test/comments/${first.id}`));
      assert.deepEqual(mailTo(reader), [], 'nobody hears of their own comment');
      assert.deepEqual(await commentItems(reader), []);

      mailer.sent.length = 0;
      const answer = await reply(creator, first.id, 'Thank you, truly.');
      await drain();
      const replies = await commentItems(reader);
      assert.equal(replies.length, 1);
      assert.equal(replies[0]!.comment!.kind, 'reply');
      assert.equal(replies[0]!.comment!.id, answer.id);
      assert.equal(mailTo(reader).length, 1);
      assert.equal(mailTo(reader)[0]!.subject, '[Owlery Test] Reply to your comment on “Lamps at Low Tide”');
      assert.match(mailTo(reader)[0]!.text, /lanternmaker replied to your comment/);
      assert.equal(mailTo(creator).length, 0);

      // A third reader answering: the creator hears of a comment, the answered reader of a reply, once each.
      mailer.sent.length = 0;
      await reply(other, first.id, 'Me too!');
      await drain();
      assert.equal(mailTo(creator).length, 1);
      assert.equal(mailTo(reader).length, 1);
      assert.equal((await commentItems(reader)).length, 2);
    });

    it('sends a held comment to the creators only, and the reply to its answered author once approved', async () => {
      const w = await work({ title: 'Moderated Waters', moderatedComments: true });
      const first = await comment(reader, w.id, 'Why does the ferry never stop?');
      assert.equal(first.status, 'held');
      await drain();
      assert.deepEqual((await commentItems(creator)).filter((i) => i.card.work.id === w.id).map((i) => [i.comment!.kind, i.comment!.held]), [['held-comment', true]]);
      assert.equal(mailTo(creator).length, 1);
      await approveComment(as(creator.actor), first.id);
      mailer.sent.length = 0;
      const answer = await reply(other, first.id, 'I wondered the same.');
      assert.equal(answer.status, 'held');
      await drain();
      const creatorItems = (await commentItems(creator)).filter((i) => i.card.work.id === w.id);
      assert.deepEqual(creatorItems.map((i) => [i.comment!.kind, i.comment!.id, i.comment!.held]), [
        ['held-comment', answer.id, true],
        ['held-comment', first.id, false],
      ]);
      assert.equal(mailTo(creator).length, 1);
      assert.match(mailTo(creator)[0]!.subject, /awaits your approval/);
      assert.match(mailTo(creator)[0]!.text, /Approve or delete it: http:\/\/archive\.test\/comments\/\d+/);
      assert.deepEqual(await commentItems(reader, w.id), [], 'a held reply reaches nobody else');
      assert.deepEqual(mailTo(reader), []);

      mailer.sent.length = 0;
      await approveComment(as(creator.actor), answer.id);
      await drain();
      const readerItems = await commentItems(reader, w.id);
      assert.deepEqual(readerItems.map((i) => [i.comment!.kind, i.comment!.id]), [['reply', answer.id]]);
      assert.equal(mailTo(reader).length, 1);
      assert.equal(mailTo(creator).length, 0, 'the creators heard when it was held');
      // The creator's notice of the now approved comment reads as a plain comment.
      const approvedNotice = (await commentItems(creator, w.id)).find((i) => i.comment!.id === answer.id)!;
      assert.equal(approvedNotice.comment!.held, false);
    });

    it('never names the creator of an anonymous work', async () => {
      const w = await work({ title: 'Nobody’s Lighthouse', anonymous: true });
      const first = await comment(reader, w.id, 'Who wrote this? It is lovely.');
      await reply(creator, first.id, 'A secret, but thank you.');
      await drain();
      const [item] = await commentItems(reader);
      assert.equal(item!.comment!.authorName, 'Anonymous Creator');
      assert.deepEqual(item!.card.creators, []);
      const mail = mailTo(reader);
      assert.equal(mail.length, 1);
      assert.match(mail[0]!.text, /Anonymous Creator replied to your comment on “Nobody’s Lighthouse”/);
      assert.doesNotMatch(JSON.stringify(mail), /lanternmaker/);
      // The creator sees their own name on their own work.
      const [creatorItem] = (await commentItems(creator)).filter((i) => i.card.work.id === w.id);
      assert.equal(creatorItem!.comment!.authorName, 'harbourreader');
    });

    it('sends nothing for a comment deleted, or a work hidden, before delivery; a reply hidden meanwhile reaches the creators only', async () => {
      const w = await work({ title: 'Short-Lived' });
      const gone = await comment(reader, w.id, 'On second thoughts…');
      await deleteComment(as(reader.actor), gone.id);
      const hiddenWork = await work({ title: 'Under Review' });
      await comment(reader, hiddenWork.id, 'Before the review.');
      await setHiddenByAdmin(store.db, hiddenWork.id, true);
      const root = await comment(other, w.id, 'A root comment.');
      await drain();
      mailer.sent.length = 0;
      const rude = await reply(reader, root.id, 'A rude reply.');
      await setCommentHidden(as(creator.actor), rude.id, true);
      await drain();
      const ids = (await commentItems(creator)).map((i) => i.comment!.id);
      assert.ok(!ids.includes(gone.id));
      assert.ok(ids.includes(rude.id), 'creators see hidden comments');
      assert.deepEqual(await store.db.selectFrom('notifications').select('id').where('comment_id', '=', gone.id).execute(), []);
      assert.deepEqual(await store.db.selectFrom('notifications').select('id').where('work_id', '=', hiddenWork.id).execute(), []);
      assert.deepEqual(await commentItems(other), [], 'the answered author does not hear of a hidden reply');
      assert.deepEqual(mailTo(other), []);
      assert.equal(mailTo(creator).length, 1);
    });

    it('drops notifications from the inbox when their comment is hidden or deleted later', async () => {
      const w = await work({ title: 'Second Thoughts' });
      const root = await comment(other, w.id, 'First!');
      const answer = await reply(reader, root.id, 'Second!');
      await reply(creator, answer.id, 'Keeps the thread alive.');
      await drain();
      assert.ok((await commentItems(other)).some((i) => i.comment!.id === answer.id));
      const before = await myInbox(as(other.actor));
      await setCommentHidden(as(creator.actor), answer.id, true);
      assert.ok(!(await commentItems(other)).some((i) => i.comment!.id === answer.id));
      const hidden = await myInbox(as(other.actor));
      assert.equal(hidden.total, before.total - 1, 'a hidden reply is not even counted');
      assert.equal(hidden.unread, before.unread - 1);
      await setCommentHidden(as(creator.actor), answer.id, false);
      await deleteComment(as(reader.actor), answer.id);
      assert.ok(!(await commentItems(creator)).some((i) => i.comment!.id === answer.id), 'an emptied comment (with replies) leaves the inbox');
      const inbox = await myInbox(as(other.actor));
      assert.equal(inbox.total, inbox.items.length, 'counted in SQL as listed');
    });

    it('follows the email preference: the daily digest, or no email at all', async () => {
      const w = await work({ title: 'Digest Bay' });
      await setReaderPreferences(as(creator.actor), { notificationEmail: 'digest', historyEnabled: true });
      try {
        await comment(reader, w.id, 'For the digest.');
        await drain();
        assert.deepEqual(mailTo(creator), []);
        assert.equal((await commentItems(creator)).filter((i) => i.card.work.id === w.id).length, 1);
        clock.set('2026-03-03T00:00:01.000Z');
        await drain();
        const [digest] = mailTo(creator);
        assert.ok(digest, 'the digest went out');
        assert.match(digest.text, /harbourreader left a comment on “Digest Bay”/);
        assert.match(digest.text, /http:\/\/archive\.test\/comments\/\d+/);
        assert.match(digest.text, /because you are a creator of this work/);

        mailer.sent.length = 0;
        await setReaderPreferences(as(creator.actor), { notificationEmail: 'never', historyEnabled: true });
        await comment(other, w.id, 'No email for this one.');
        await drain();
        assert.deepEqual(mailTo(creator), []);
        assert.equal((await commentItems(creator)).filter((i) => i.card.work.id === w.id).length, 2);
      } finally {
        clock.set('2026-03-02T12:00:00.000Z');
        await setReaderPreferences(as(creator.actor), { notificationEmail: 'immediately', historyEnabled: true });
      }
    });

    it('names guests as guests and never emails them; a job run twice notifies once', async () => {
      const w = await work({ title: 'Open Harbour' });
      const guestComment = await postComment(as(GUEST), { workId: w.id, body: 'Lovely, from a passer-by.', guestName: 'Passer-by', guestEmail: 'passer@example.org', ip: ip() });
      await drain();
      const [item] = (await commentItems(creator)).filter((i) => i.comment!.id === guestComment.id);
      assert.equal(item!.comment!.authorName, 'Passer-by (Guest)');
      await reply(creator, guestComment.id, 'Thank you, passer-by.');
      await drain();
      assert.deepEqual(mailer.sent.filter((m) => m.to === 'passer@example.org'), []);
      assert.doesNotMatch(JSON.stringify(mailer.sent), /passer@example\.org/);

      mailer.sent.length = 0;
      const again = await comment(reader, w.id, 'Counted once.');
      const payload = { commentId: again.id, recipients: [{ userId: creator.id, kind: 'comment' as const }] };
      await notifyComment(system, payload);
      await notifyComment(system, payload);
      await drain();
      assert.equal(mailTo(creator).length, 1);
      assert.equal((await store.db.selectFrom('notifications').select('id').where('comment_id', '=', again.id).execute()).length, 1);
      // A recipient the rules do not allow is left out, whatever the payload says.
      await notifyComment(system, { commentId: again.id, recipients: [{ userId: other.id, kind: 'comment' }] });
      assert.deepEqual(await store.db.selectFrom('notifications').select('id').where('comment_id', '=', again.id).where('user_id', '=', other.id).execute(), []);
      await assert.rejects(notifyComment(system, { commentId: 'x' }), TypeError);
    });
  });
}
