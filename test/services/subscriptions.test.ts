// Subscriptions, the inbox and notification email on both databases: who may subscribe to what,
// who hears about a new chapter or work (never of drafts, hidden works, or an anonymous work
// through its creator), email at once or in one daily digest, and jobs safe to run twice.
import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestStore, skipUnless, type TestStore } from '../support/stores.ts';
import { contextFor, fixedClock, makeUser, makeWork, memoryMailer } from '../support/factories.ts';
import { GUEST, SYSTEM, type Actor } from '../../src/domain/actor.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { subscribe } from '../../src/services/subscriptions/subscribe.ts';
import { unsubscribe } from '../../src/services/subscriptions/unsubscribe.ts';
import { mySubscriptions } from '../../src/services/subscriptions/list-subscriptions.ts';
import { myInbox } from '../../src/services/subscriptions/list-inbox.ts';
import { markNotificationsAsRead } from '../../src/services/subscriptions/mark-read.ts';
import { deleteNotification } from '../../src/services/subscriptions/delete-notification.ts';
import { notifySubscribers } from '../../src/services/subscriptions/notify-subscribers.ts';
import { setReaderPreferences } from '../../src/services/reader/preferences.ts';
import { addChapter, postChapter } from '../../src/services/works/chapters.ts';
import { postNewWork } from '../../src/services/works/post-work.ts';
import { setHiddenByAdmin } from '../../src/db/repos/moderation.repo.ts';
import { setSuspended } from '../../src/services/admin/users.ts';
import { dailyStats } from '../../src/db/repos/work-stats.repo.ts';
import { drainJobs } from '../../src/jobs/worker.ts';
import { JOB_HANDLERS } from '../../src/jobs/handlers.ts';
import type { WorkInput } from '../../src/services/work-input.ts';

const TAGS = { rating: 'General Audiences', warnings: ['No Archive Warnings Apply'], fandoms: ['Original Work'] };

for (const dialect of DIALECTS) {
  describe(`[${dialect}] subscriptions and the inbox`, { skip: await skipUnless(dialect) }, () => {
    let store: TestStore;
    let system: ServiceContext;
    const mailer = memoryMailer();
    const clock = fixedClock('2026-11-21T12:00:00.000Z');
    let writer: { id: number; login: string; actor: Actor };
    let fan: { id: number; login: string; actor: Actor };
    let bystander: { id: number; login: string; actor: Actor };
    const as = (actor: Actor): ServiceContext => ({ ...system, actor });
    const drain = (until?: Date) => drainJobs(store, system, JOB_HANDLERS, until ? { until } : {});
    const chapter = (workId: number, commit: 'post' | 'draft' = 'post', title = 'Next') => addChapter(as(writer.actor), workId, { chapter: { title, html: '<p>More story.</p>' }, commit });
    const newWork = (work: Partial<WorkInput>, commit: 'post' | 'draft' = 'post') =>
      postNewWork(as(writer.actor), { work: { title: 'New One', chapters: [{ html: '<p>Words.</p>' }], ...TAGS, ...work }, commit });
    const inboxOf = async (user: { actor: Actor }) => (await myInbox(as(user.actor))).items;
    const mailTo = (login: string) => mailer.sent.filter((m) => m.to === `${login}@example.org`);

    before(async () => {
      store = await createTestStore(dialect);
      system = contextFor(store, SYSTEM, clock, mailer);
      writer = await makeUser(system, { login: 'penwright' });
      fan = await makeUser(system, { login: 'devotee' });
      bystander = await makeUser(system, { login: 'bystander' });
    });
    after(async () => store?.destroy());
    beforeEach(() => {
      mailer.sent.length = 0;
    });

    it('subscribes to readable works, other creators and visible series, once each, and counts work subscribers', async () => {
      const work = await makeWork(system, { creator: 'penwright', series: { title: 'Tide Tales', position: 1 } });
      const series = await store.db.selectFrom('serial_works').select('series_id').where('work_id', '=', work.id).executeTakeFirstOrThrow();
      const first = await subscribe(as(fan.actor), { kind: 'work', id: work.id });
      assert.equal(first.added, true);
      assert.deepEqual(await subscribe(as(fan.actor), { kind: 'work', id: work.id }), { id: first.id, added: false });
      await subscribe(as(fan.actor), { kind: 'creator', id: writer.id });
      await subscribe(as(fan.actor), { kind: 'series', id: series.series_id });
      const mine = await mySubscriptions(as(fan.actor));
      assert.deepEqual(mine.map((s) => s.subscription.kind).sort(), ['creator', 'series', 'work']);
      assert.equal(mine.find((s) => s.subscription.kind === 'series')!.series!.title, 'Tide Tales');
      await assert.rejects(subscribe(as(writer.actor), { kind: 'creator', id: writer.id }), { code: 'invalid' });
      await assert.rejects(subscribe(as(GUEST), { kind: 'work', id: work.id }), { code: 'unauthenticated' });
      await assert.rejects(subscribe(as(fan.actor), { kind: 'creator', id: 999_999 }), { code: 'not_found' });
      const draft = await makeWork(system, { creator: 'penwright', draft: true });
      await assert.rejects(subscribe(as(fan.actor), { kind: 'work', id: draft.id }), { code: 'not_found' });
      await assert.rejects(unsubscribe(as(bystander.actor), first.id), { code: 'not_found' });
      assert.equal((await dailyStats(store.db, work.id, '2026-11-21', '2026-11-21'))[0]?.subscriptions, 1);
      await unsubscribe(as(fan.actor), first.id);
      assert.equal((await dailyStats(store.db, work.id, '2026-11-21', '2026-11-21'))[0]?.subscriptions, 0);
      for (const s of await mySubscriptions(as(fan.actor))) await unsubscribe(as(fan.actor), s.subscription.id);
    });

    it('puts a new chapter in the work subscribers’ inboxes and emails them once; drafts notify nobody', async () => {
      const work = await makeWork(system, { creator: 'penwright', title: 'The Long Tide', expectedChapters: null });
      await subscribe(as(fan.actor), { kind: 'work', id: work.id });
      await subscribe(as(writer.actor), { kind: 'work', id: work.id });
      const draft = await chapter(work.id, 'draft', 'Not Yet');
      await drain();
      assert.deepEqual(await inboxOf(fan), []);
      assert.equal(mailer.sent.length, 0);

      await postChapter(as(writer.actor), work.id, draft.chapterId);
      await drain();
      const items = await inboxOf(fan);
      assert.equal(items.length, 1);
      assert.equal(items[0]!.chapter?.title, 'Not Yet');
      assert.equal(items[0]!.chapter?.number, 2);
      assert.equal(items[0]!.notification.readAt, null);
      assert.deepEqual(await inboxOf(writer), [], 'creators are not told of their own chapters');
      assert.deepEqual(await inboxOf(bystander), []);
      const mail = mailTo('devotee');
      assert.equal(mail.length, 1);
      assert.match(mail[0]!.subject, /New chapter of “The Long Tide”/);
      assert.match(mail[0]!.text, new RegExp(`http://archive.test/works/${work.id}/chapters/${draft.chapterId}`));

      // The job running again (at least once delivery) adds nothing.
      await notifySubscribers(system, { kind: 'chapter', workId: work.id, chapterId: draft.chapterId });
      assert.equal((await inboxOf(fan)).length, 1);
      assert.equal(mailTo('devotee').length, 1);
    });

    it('tells creator subscribers of new works, but never of anonymous ones; series subscribers hear of both without a name', async () => {
      const first = await newWork({ title: 'Opening Act', series: { title: 'Stage Plays', position: 1 } });
      const series = await store.db.selectFrom('serial_works').select('series_id').where('work_id', '=', first.workId).executeTakeFirstOrThrow();
      await drain();
      await subscribe(as(fan.actor), { kind: 'creator', id: writer.id });
      await subscribe(as(bystander.actor), { kind: 'series', id: series.series_id });
      await newWork({ title: 'Named Work' });
      await newWork({ title: 'Masked Work', anonymous: true, series: { id: series.series_id, position: 2 } });
      await newWork({ title: 'Still Drafting' }, 'draft');
      await drain();
      assert.deepEqual((await inboxOf(fan)).filter((i) => !i.chapter).map((i) => i.card.work.title), ['Named Work']);
      const seriesItems = await inboxOf(bystander);
      assert.deepEqual(seriesItems.map((i) => [i.card.work.title, i.notification.reason]), [['Masked Work', 'series']]);
      assert.deepEqual(seriesItems[0]!.card.creators, []);
      const masked = mailTo('bystander');
      assert.equal(masked.length, 1);
      assert.doesNotMatch(masked[0]!.text + masked[0]!.subject, /penwright/);
      assert.match(masked[0]!.text, /by Anonymous/);
      assert.ok(!mailer.sent.some((m) => /Masked Work/.test(m.subject + m.text) && m.to === 'devotee@example.org'));
    });

    it('does not name the creator of a work made anonymous after its notice was queued', async () => {
      await subscribe(as(fan.actor), { kind: 'creator', id: writer.id }).catch(() => {});
      const later = await newWork({ title: 'Unmasked Then Masked' });
      await drain();
      await store.db.updateTable('works').set({ anonymous: true }).where('id', '=', later.workId).execute();
      const item = (await inboxOf(fan)).find((i) => i.card.work.title === 'Unmasked Then Masked');
      assert.ok(item, 'the notice is still there');
      assert.equal(item.notification.reason, 'work', 'not "because you follow this creator"');
      assert.deepEqual(item.card.creators, []);
    });

    it('notifies logged-in readers of restricted works, but not suspended accounts, and nobody of hidden works', async () => {
      const restricted = await makeWork(system, { creator: 'penwright', title: 'Behind The Door', restricted: true, expectedChapters: null });
      const hidden = await makeWork(system, { creator: 'penwright', title: 'Under Review', expectedChapters: null });
      const benched = await makeUser(system, { login: 'benched' });
      for (const reader of [fan, benched]) {
        await subscribe(as(reader.actor), { kind: 'work', id: restricted.id });
        await subscribe(as(reader.actor), { kind: 'work', id: hidden.id });
      }
      await setSuspended(system, 'benched', true);
      await setHiddenByAdmin(store.db, hidden.id, true);
      const before = (await inboxOf(fan)).length;
      await chapter(restricted.id);
      await chapter(hidden.id);
      await drain();
      const items = await inboxOf(fan);
      assert.equal(items.length, before + 1);
      assert.equal(items[0]!.card.work.title, 'Behind The Door');
      assert.equal(await store.db.selectFrom('notifications').select('id').where('user_id', '=', benched.id).executeTakeFirst(), undefined);
      assert.ok(!mailer.sent.some((m) => /Under Review/.test(m.subject + m.text)));
    });

    it('batches a digest reader’s notifications into one email at midnight, and sends nothing to those who said never', async () => {
      const digester = await makeUser(system, { login: 'digester' });
      const quiet = await makeUser(system, { login: 'quiet' });
      await setReaderPreferences(as({ ...digester.actor }), { notificationEmail: 'digest', historyEnabled: true });
      await setReaderPreferences(as({ ...quiet.actor }), { notificationEmail: 'never', historyEnabled: true });
      const work = await makeWork(system, { creator: 'penwright', title: 'Weekly Serial', expectedChapters: null });
      for (const reader of [digester, quiet]) await subscribe(as(reader.actor), { kind: 'work', id: work.id });
      await chapter(work.id, 'post', 'Monday');
      await chapter(work.id, 'post', 'Tuesday');
      await drain();
      assert.equal(mailTo('digester').length, 0);
      assert.equal((await inboxOf(digester)).length, 2);
      assert.equal((await inboxOf(quiet)).length, 2);
      const digestJobs = await store.db.selectFrom('jobs').select(['run_at', 'status']).where('kind', '=', 'send-digests').where('status', '=', 'queued').execute();
      assert.equal(digestJobs.length, 1);
      assert.equal(new Date(digestJobs[0]!.run_at).toISOString(), '2026-11-22T00:00:00.000Z');

      clock.set('2026-11-22T00:00:01.000Z');
      try {
        await drain();
      } finally {
        clock.set('2026-11-21T12:00:00.000Z');
      }
      const digest = mailTo('digester');
      assert.equal(digest.length, 1);
      assert.match(digest[0]!.subject, /daily subscription digest: 2 updates/);
      assert.match(digest[0]!.text, /Monday/);
      assert.match(digest[0]!.text, /Tuesday/);
      assert.equal(mailTo('quiet').length, 0);
      const owed = await store.db.selectFrom('notifications').select('id').where('email_due', 'is not', null).execute();
      assert.deepEqual(owed, []);
    });

    it('lets readers mark notifications read and delete them, only their own', async () => {
      const before = await myInbox(as(fan.actor));
      assert.ok(before.unread > 0);
      const first = before.items[0]!.notification.id;
      assert.deepEqual(await markNotificationsAsRead(as(bystander.actor), [first]), { marked: 0 });
      assert.deepEqual(await markNotificationsAsRead(as(fan.actor), [first]), { marked: 1 });
      assert.equal((await myInbox(as(fan.actor))).unread, before.unread - 1);
      await markNotificationsAsRead(as(fan.actor), 'all');
      assert.equal((await myInbox(as(fan.actor))).unread, 0);
      assert.equal((await myInbox(as(fan.actor), { unreadOnly: true })).items.length, 0);
      await assert.rejects(deleteNotification(as(bystander.actor), first), { code: 'not_found' });
      await deleteNotification(as(fan.actor), first);
      assert.equal((await myInbox(as(fan.actor))).total, before.total - 1);
      await assert.rejects(myInbox(as(fan.actor), { login: 'bystander' }), { code: 'forbidden' });
    });
  });
}
