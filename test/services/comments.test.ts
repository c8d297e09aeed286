// Comments and blocks on both databases: threads five levels deep, edit, delete with the thread
// kept, guests, permissions, moderation (held, hidden, frozen), the spam defences, blocking, the
// work's comment count and daily stats, and who hears about what.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestStore, skipUnless, type TestStore } from '../support/stores.ts';
import { contextFor, fixedClock, makeUser, makeWork } from '../support/factories.ts';
import { GUEST, SYSTEM, type Actor } from '../../src/domain/actor.ts';
import { MAX_DEPTH, MAX_LINKS } from '../../src/domain/comment-rules.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { postComment } from '../../src/services/comments/post-comment.ts';
import { replyToComment } from '../../src/services/comments/reply-comment.ts';
import { editComment } from '../../src/services/comments/edit-comment.ts';
import { deleteComment } from '../../src/services/comments/delete-comment.ts';
import { setThreadFrozen } from '../../src/services/comments/freeze-comment.ts';
import { setCommentHidden } from '../../src/services/comments/hide-comment.ts';
import { approveComment } from '../../src/services/comments/approve-comment.ts';
import { listComments } from '../../src/services/comments/list-comments.ts';
import { blockUser } from '../../src/services/blocks/block-user.ts';
import { unblockUser } from '../../src/services/blocks/unblock-user.ts';
import { myBlockedUsers } from '../../src/services/blocks/list-blocked.ts';
import { MAX_BLOCKED_USERS } from '../../src/services/blocks/access.ts';
import { deleteChapter } from '../../src/services/works/chapters.ts';
import type { CommentEntry } from '../../src/services/comments/tree.ts';

const IP = '203.0.113.7';
const OLD = '2026-01-01T00:00:00.000Z';

function flatten(entries: readonly CommentEntry[]): CommentEntry[] {
  return entries.flatMap((e) => [e, ...flatten(e.replies)]);
}

for (const dialect of DIALECTS) {
  describe(`[${dialect}] comments and blocks`, { skip: await skipUnless(dialect) }, () => {
    let store: TestStore;
    let system: ServiceContext;
    const clock = fixedClock(OLD);
    let creator: { id: number; login: string; actor: Actor };
    let reader: { id: number; login: string; actor: Actor };
    let other: { id: number; login: string; actor: Actor };
    let n = 0;
    const as = (actor: Actor): ServiceContext => ({ ...system, actor });
    const work = async (extra: Parameters<typeof makeWork>[1] = {}) => (await makeWork(system, { creator: creator.login, chapters: [{ html: '<p>One.</p>' }, { html: '<p>Two.</p>' }], ...extra })).id;
    const count = async (workId: number) => (await store.db.selectFrom('works').select('comments_count').where('id', '=', workId).executeTakeFirstOrThrow()).comments_count;
    const text = () => `A comment, number ${++n}.`;
    // Every address its own, so the per-address limit only bites where a test wants it.
    const ip = () => `198.51.100.${++n % 250}`;

    before(async () => {
      store = await createTestStore(dialect);
      system = contextFor(store, SYSTEM, clock);
      creator = await makeUser(system, { login: 'lampwright' });
      reader = await makeUser(system, { login: 'quayreader' });
      other = await makeUser(system, { login: 'tidewatcher' });
      // Old enough not to be a new account, unless a test makes one.
      clock.set('2026-03-01T00:00:00.000Z');
    });
    after(async () => store?.destroy());

    it('posts on a chapter or on the work (its last chapter), threads replies, and counts them', async () => {
      const id = await work();
      const chapters = await store.db.selectFrom('chapters').select('id').where('work_id', '=', id).orderBy('position').execute();
      const first = await postComment(as(reader.actor), { workId: id, chapterId: chapters[0]!.id, body: 'Lovely *opening*.\n\nSecond paragraph.', ip: ip() });
      assert.equal(first.status, 'published');
      const last = await postComment(as(reader.actor), { workId: id, body: text(), ip: ip() });
      assert.equal(last.chapterId, chapters[1]!.id);
      const reply = await replyToComment(as(creator.actor), first.id, { body: 'Thank you!', ip: ip() });
      assert.equal(await count(id), 3);

      const listing = await listComments(as(GUEST), id, { chapterIds: [chapters[0]!.id] });
      assert.equal(listing.count, 2);
      assert.equal(listing.threads.length, 1);
      assert.equal(listing.threads[0]!.bodyHtml, '<p>Lovely *opening*.</p>\n<p>Second paragraph.</p>');
      assert.deepEqual(listing.threads[0]!.replies.map((r) => r.id), [reply.id]);
      assert.deepEqual(listing.threads[0]!.author, { kind: 'user', pseud: 'quayreader', login: 'quayreader' });
      const daily = await store.db.selectFrom('work_daily_stats').select('comments').where('work_id', '=', id).executeTakeFirstOrThrow();
      assert.equal(daily.comments, 3);
    });

    it('sanitizes to the comment allowlist and refuses empty and over-long comments', async () => {
      const id = await work();
      const posted = await postComment(as(reader.actor), { workId: id, body: '<p class="x">Hi <img src="https://t.example/p.gif"><script>alert(1)</script><a href="javascript:x">link</a></p>', ip: ip() });
      const [entry] = (await listComments(as(GUEST), id)).threads;
      assert.equal(entry!.id, posted.id);
      assert.equal(entry!.bodyHtml, '<p>Hi <a rel="nofollow noopener">link</a></p>');
      await assert.rejects(postComment(as(reader.actor), { workId: id, body: '   ', ip: ip() }), { code: 'invalid', message: 'Please write something in your comment.' });
      await assert.rejects(postComment(as(reader.actor), { workId: id, body: '<p></p><script>x</script>', ip: ip() }), { code: 'invalid', message: /nothing readable was left/ });
      await assert.rejects(postComment(as(reader.actor), { workId: id, body: 'x'.repeat(10_001), ip: ip() }), { code: 'invalid', message: /too long: 10,001 characters, and the limit is 10,000/ });
      await postComment(as(reader.actor), { workId: id, body: 'y'.repeat(10_000), ip: ip() });
      assert.equal(await count(id), 2);
    });

    it('keeps threads five levels deep: a reply to the deepest comment hangs beside it', async () => {
      const id = await work();
      let target = await postComment(as(reader.actor), { workId: id, body: text(), ip: ip() });
      for (let depth = 2; depth <= MAX_DEPTH; depth++) target = await replyToComment(as(depth % 2 ? reader.actor : other.actor), target.id, { body: text(), ip: ip() });
      const deeper = await replyToComment(as(reader.actor), target.id, { body: text(), ip: ip() });
      const all = flatten((await listComments(as(GUEST), id)).threads);
      const placed = all.find((e) => e.id === deeper.id)!;
      assert.equal(placed.depth, MAX_DEPTH);
      assert.equal(placed.replyTo?.id, target.id);
      assert.equal(Math.max(...all.map((e) => e.depth)), MAX_DEPTH);
    });

    it('edits one’s own comment (marked edited) and nobody else’s', async () => {
      const id = await work();
      const posted = await postComment(as(reader.actor), { workId: id, body: text(), ip: ip() });
      clock.set('2026-03-02T00:00:00.000Z');
      await editComment(as(reader.actor), posted.id, { body: 'Edited words.' });
      const [entry] = (await listComments(as(GUEST), id)).threads;
      assert.equal(entry!.bodyHtml, '<p>Edited words.</p>');
      assert.equal(entry!.editedAt, '2026-03-02T00:00:00.000Z');
      await assert.rejects(editComment(as(creator.actor), posted.id, { body: 'Mine now.' }), { code: 'forbidden' });
      await assert.rejects(editComment(as(GUEST), posted.id, { body: 'Mine now.' }), { code: 'unauthenticated' });
      await assert.rejects(editComment(as(reader.actor), posted.id, { body: '' }), { code: 'invalid' });
    });

    it('deletes: a comment with replies stays as a placeholder, a leaf goes, and an emptied parent with it', async () => {
      const id = await work();
      const root = await postComment(as(reader.actor), { workId: id, body: text(), ip: ip() });
      const reply = await replyToComment(as(other.actor), root.id, { body: text(), ip: ip() });
      await deleteComment(as(reader.actor), root.id);
      let [entry] = (await listComments(as(GUEST), id)).threads;
      assert.equal(entry!.shown, 'placeholder');
      assert.equal(entry!.placeholder, 'deleted');
      assert.equal(entry!.author, null);
      assert.equal(entry!.bodyHtml, '');
      assert.equal(entry!.replies[0]!.id, reply.id);
      assert.equal(await count(id), 1);
      await assert.rejects(replyToComment(as(other.actor), root.id, { body: text(), ip: ip() }), { code: 'invalid', message: /has been deleted/ });
      // The creator may delete any comment on their work; the emptied root goes with the last reply.
      await assert.rejects(deleteComment(as(other.actor), root.id), { code: 'invalid' });
      await deleteComment(as(creator.actor), reply.id);
      [entry] = (await listComments(as(GUEST), id)).threads;
      assert.equal(entry, undefined);
      assert.equal(await store.db.selectFrom('comments').select('id').where('work_id', '=', id).executeTakeFirst(), undefined);
      assert.equal(await count(id), 0);
      const stranger = await postComment(as(reader.actor), { workId: id, body: text(), ip: ip() });
      await assert.rejects(deleteComment(as(other.actor), stranger.id), { code: 'forbidden' });
    });

    it('takes guest comments only where the work allows them, with a name and an email', async () => {
      const open = await work();
      const users = await work({ commentPermission: 'users' });
      const none = await work({ commentPermission: 'none' });
      await assert.rejects(postComment(as(GUEST), { workId: open, body: text(), ip: ip() }), (e: Error & { details?: Record<string, string> }) => {
        assert.deepEqual(Object.keys(e.details ?? {}).sort(), ['guestEmail', 'guestName']);
        return true;
      });
      await assert.rejects(postComment(as(GUEST), { workId: open, body: text(), guestName: 'Wren', guestEmail: 'not-an-email', ip: ip() }), { code: 'invalid', message: /email address like/ });
      const guest = await postComment(as(GUEST), { workId: open, body: text(), guestName: ' Wren ', guestEmail: 'wren@example.org', ip: ip() });
      const [entry] = (await listComments(as(GUEST), open)).threads;
      assert.equal(entry!.id, guest.id);
      assert.deepEqual(entry!.author, { kind: 'guest', name: 'Wren' });
      await assert.rejects(postComment(as(GUEST), { workId: users, body: text(), guestName: 'Wren', guestEmail: 'wren@example.org', ip: ip() }), { code: 'invalid', message: /doesn’t allow comments from guests/ });
      await postComment(as(reader.actor), { workId: users, body: text(), ip: ip() });
      await assert.rejects(postComment(as(reader.actor), { workId: none, body: text(), ip: ip() }), { code: 'invalid', message: 'Sorry, this work doesn’t allow comments.' });
      await assert.rejects(postComment(as(creator.actor), { workId: none, body: text(), ip: ip() }), { code: 'invalid' });
      assert.equal(await count(none), 0);
    });

    it('holds comments on moderated works for the creator, who approves them; nobody else sees them meanwhile', async () => {
      const id = await work({ moderatedComments: true });
      const own = await postComment(as(creator.actor), { workId: id, body: text(), ip: ip() });
      assert.equal(own.status, 'published');
      const held = await postComment(as(reader.actor), { workId: id, body: 'HELDMARKER words', ip: ip() });
      assert.equal(held.status, 'held');
      assert.equal(await count(id), 1);
      const ids = async (actor: Actor) => flatten((await listComments(as(actor), id)).threads).map((e) => e.id).sort();
      assert.deepEqual(await ids(GUEST), [own.id]);
      assert.deepEqual(await ids(other.actor), [own.id]);
      assert.deepEqual(await ids(reader.actor), [own.id, held.id].sort());
      const asCreator = await listComments(as(creator.actor), id);
      assert.equal(asCreator.heldCount, 1);
      assert.equal((await listComments(as(other.actor), id)).heldCount, 0);
      await assert.rejects(replyToComment(as(creator.actor), held.id, { body: text(), ip: ip() }), { code: 'invalid', message: /awaiting the creator’s approval/ });
      await assert.rejects(replyToComment(as(other.actor), held.id, { body: text(), ip: ip() }), { code: 'not_found' });
      await assert.rejects(approveComment(as(reader.actor), held.id), { code: 'forbidden' });
      await approveComment(as(creator.actor), held.id);
      assert.deepEqual(await ids(GUEST), [own.id, held.id].sort());
      assert.equal(await count(id), 2);
    });

    it('hides a comment from everyone but the creator and its author, keeping its replies under a placeholder', async () => {
      const id = await work();
      const root = await postComment(as(reader.actor), { workId: id, body: text(), ip: ip() });
      const reply = await replyToComment(as(other.actor), root.id, { body: text(), ip: ip() });
      await assert.rejects(setCommentHidden(as(other.actor), root.id, true), { code: 'forbidden' });
      await setCommentHidden(as(creator.actor), root.id, true);
      assert.equal(await count(id), 1);
      const [seen] = (await listComments(as(GUEST), id)).threads;
      assert.equal(seen!.shown, 'placeholder');
      assert.equal(seen!.placeholder, 'hidden');
      assert.equal(seen!.bodyHtml, '');
      assert.equal(seen!.replies[0]!.id, reply.id);
      const [mine] = (await listComments(as(reader.actor), id)).threads;
      assert.equal(mine!.shown, 'full');
      assert.equal(mine!.hidden, true);
      await assert.rejects(replyToComment(as(other.actor), root.id, { body: text(), ip: ip() }), { code: 'not_found' });
      await setCommentHidden(as(creator.actor), root.id, false);
      assert.equal(await count(id), 2);
    });

    it('freezes a thread: no replies or edits below the frozen comment, the rest of the work open', async () => {
      const id = await work();
      const root = await postComment(as(reader.actor), { workId: id, body: text(), ip: ip() });
      const reply = await replyToComment(as(other.actor), root.id, { body: text(), ip: ip() });
      const elsewhere = await postComment(as(other.actor), { workId: id, body: text(), ip: ip() });
      await assert.rejects(setThreadFrozen(as(reader.actor), root.id, true), { code: 'forbidden' });
      await setThreadFrozen(as(creator.actor), root.id, true);
      await assert.rejects(replyToComment(as(reader.actor), reply.id, { body: text(), ip: ip() }), { code: 'invalid', message: /frozen/ });
      await assert.rejects(editComment(as(other.actor), reply.id, { body: 'changed' }), { code: 'invalid', message: /frozen/ });
      await replyToComment(as(reader.actor), elsewhere.id, { body: text(), ip: ip() });
      await setThreadFrozen(as(creator.actor), root.id, false);
      await replyToComment(as(reader.actor), reply.id, { body: text(), ip: ip() });
    });

    it('rate-limits new accounts to 3 comments in 15 minutes, and one address to 20', async () => {
      const id = await work();
      const fresh = await makeUser(system, { login: `fresh${++n}` });
      for (let i = 0; i < 3; i++) await postComment(as(fresh.actor), { workId: id, body: text(), ip: ip() });
      await assert.rejects(postComment(as(fresh.actor), { workId: id, body: text(), ip: ip() }), { code: 'rate_limited', message: /New accounts can leave 3 comments every 15 minutes/ });
      // A creator is never "new" on their own work.
      const freshWriter = await makeUser(system, { login: `freshwriter${++n}` });
      const own = await makeWork(system, { creator: freshWriter.login });
      for (let i = 0; i < 4; i++) await postComment(as(freshWriter.actor), { workId: own.id, body: text(), ip: ip() });
      for (let i = 0; i < 20; i++) await postComment(as(reader.actor), { workId: id, body: text(), ip: IP });
      await assert.rejects(postComment(as(other.actor), { workId: id, body: text(), ip: IP }), { code: 'rate_limited', message: /Too many comments from your network/ });
      clock.set(new Date(clock.now().getTime() + 60 * 60 * 1000).toISOString());
      await postComment(as(fresh.actor), { workId: id, body: text(), ip: IP });
    });

    it('refuses the same text from the same author on the same work within a day', async () => {
      const id = await work();
      await postComment(as(reader.actor), { workId: id, body: 'Same words.', ip: ip() });
      await assert.rejects(postComment(as(reader.actor), { workId: id, body: 'Same words.\n', ip: ip() }), { code: 'conflict', message: /already left this comment/ });
      await postComment(as(other.actor), { workId: id, body: 'Same words.', ip: ip() });
      await postComment(as(GUEST), { workId: id, body: 'Same words.', guestName: 'Wren', guestEmail: 'wren@example.org', ip: ip() });
      await assert.rejects(postComment(as(GUEST), { workId: id, body: 'Same words.', guestName: 'Other name', guestEmail: 'WREN@example.org', ip: ip() }), { code: 'conflict' });
      assert.equal(await count(id), 3);
    });

    it('holds link-heavy comments from guests and new accounts, and refuses too many links from anyone', async () => {
      const id = await work();
      const links = (k: number) => Array.from({ length: k }, (_, i) => `<a href="https://spam.example/${i}">x${i}</a>`).join(' ');
      const trusted = await postComment(as(reader.actor), { workId: id, body: links(3), ip: ip() });
      assert.equal(trusted.status, 'published');
      const guest = await postComment(as(GUEST), { workId: id, body: `${links(2)} www.bare.example`, guestName: 'Spammy', guestEmail: 's@example.org', ip: ip() });
      assert.equal(guest.status, 'held');
      const fresh = await makeUser(system, { login: `newbie${++n}` });
      assert.equal((await postComment(as(fresh.actor), { workId: id, body: links(2), ip: ip() })).status, 'published');
      assert.equal((await postComment(as(fresh.actor), { workId: id, body: links(3), ip: ip() })).status, 'held');
      await assert.rejects(postComment(as(reader.actor), { workId: id, body: links(MAX_LINKS + 1), ip: ip() }), { code: 'invalid', message: /at most 10 links/ });
    });

    it('blocks: no comments on the blocker’s works, no replies to their comments; capped and private', async () => {
      const id = await work();
      const anonymous = await work({ anonymous: true });
      const creatorComment = await postComment(as(creator.actor), { workId: id, body: text(), ip: ip() });
      const otherWork = (await makeWork(system, { creator: other.login })).id;
      const onOther = await postComment(as(creator.actor), { workId: otherWork, body: text(), ip: ip() });
      const blocked = await blockUser(as(creator.actor), { login: 'QuayReader' });
      assert.equal(blocked.added, true);
      assert.equal((await blockUser(as(creator.actor), { login: 'quayreader' })).added, false);
      await assert.rejects(postComment(as(reader.actor), { workId: id, body: text(), ip: ip() }), { code: 'invalid', message: 'Sorry, you have been blocked by one or more of this work’s creators.' });
      // On an anonymous work the refusal does not say who blocked them.
      await assert.rejects(postComment(as(reader.actor), { workId: anonymous, body: text(), ip: ip() }), { code: 'invalid', message: 'Sorry, you can’t comment on this work.' });
      await assert.rejects(replyToComment(as(reader.actor), onOther.id, { body: text(), ip: ip() }), { code: 'invalid', message: /blocked by that comment’s author/ });
      await assert.rejects(replyToComment(as(reader.actor), creatorComment.id, { body: text(), ip: ip() }), { code: 'invalid' });
      const listing = await listComments(as(reader.actor), id);
      assert.match(listing.form.problem ?? '', /blocked/);
      assert.equal(listing.threads[0]!.actions.reply, false);
      // Others are unaffected.
      await replyToComment(as(other.actor), creatorComment.id, { body: text(), ip: ip() });
      assert.deepEqual((await myBlockedUsers(as(creator.actor))).map((u) => u.login), ['quayreader']);
      await assert.rejects(myBlockedUsers(as(reader.actor), creator.login), { code: 'forbidden' });
      await assert.rejects(blockUser(as(creator.actor), { login: creator.login }), { code: 'invalid', message: 'You cannot block yourself.' });
      await assert.rejects(blockUser(as(GUEST), { login: 'quayreader' }), { code: 'unauthenticated' });
      await unblockUser(as(creator.actor), reader.id);
      await assert.rejects(unblockUser(as(creator.actor), reader.id), { code: 'not_found' });
      await postComment(as(reader.actor), { workId: id, body: text(), ip: ip() });

      // The cap: 2,000 blocked users (AO3's), checked before adding.
      const hoarder = await makeUser(system, { login: `hoarder${++n}` });
      const last = await makeUser(system, { login: `lastone${n}` });
      const now = clock.now().toISOString();
      const filler = Array.from({ length: MAX_BLOCKED_USERS }, (_, i) => ({ login: `filler${n}x${i}`, login_key: `filler${n}x${i}`, email: null, email_key: null, password_hash: null, created_at: now }));
      for (let i = 0; i < filler.length; i += 400) {
        const rows = await store.db.insertInto('users').values(filler.slice(i, i + 400)).returning('id').execute();
        await store.db.insertInto('blocked_users').values(rows.map((r) => ({ user_id: hoarder.id, blocked_user_id: r.id, created_at: now }))).execute();
      }
      await assert.rejects(blockUser(as(hoarder.actor), { login: last.login }), { code: 'invalid', message: 'You can block at most 2,000 users. Unblock some before blocking more.' });
    });

    it('recounts when a chapter and its comments are deleted', async () => {
      const id = await work();
      const chapters = await store.db.selectFrom('chapters').select('id').where('work_id', '=', id).orderBy('position').execute();
      await postComment(as(reader.actor), { workId: id, chapterId: chapters[0]!.id, body: text(), ip: ip() });
      await postComment(as(reader.actor), { workId: id, chapterId: chapters[1]!.id, body: text(), ip: ip() });
      assert.equal(await count(id), 2);
      await deleteChapter(as(creator.actor), id, chapters[0]!.id);
      assert.equal(await count(id), 1);
    });

    it('refuses comments on drafts and on works an admin hid, and hides restricted works’ comments from guests', async () => {
      const draft = await work({ draft: true });
      await assert.rejects(postComment(as(creator.actor), { workId: draft, body: text(), ip: ip() }), { code: 'invalid', message: 'Comments are closed on this work.' });
      await assert.rejects(postComment(as(reader.actor), { workId: draft, body: text(), ip: ip() }), { code: 'not_found' });
      const restricted = await work({ restricted: true });
      await postComment(as(reader.actor), { workId: restricted, body: text(), ip: ip() });
      await assert.rejects(listComments(as(GUEST), restricted), { code: 'unauthenticated' });
    });
  });
}
