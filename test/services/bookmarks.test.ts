// Bookmarks on both databases: one per reader and work, notes sanitized, the bookmarker's own
// tags, private ones for their owner alone, the public count on the work kept right through
// every change, and bookmarks of works a viewer may not see gone from what that viewer gets.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestStore, skipUnless, type TestStore } from '../support/stores.ts';
import { contextFor, fixedClock, makeUser, makeWork } from '../support/factories.ts';
import { GUEST, SYSTEM, type Actor } from '../../src/domain/actor.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { saveBookmark } from '../../src/services/bookmarks/save-bookmark.ts';
import { editBookmark } from '../../src/services/bookmarks/edit-bookmark.ts';
import { deleteBookmark } from '../../src/services/bookmarks/delete-bookmark.ts';
import { listUserBookmarks } from '../../src/services/bookmarks/list-bookmarks.ts';
import { findWorkById } from '../../src/db/repos/works.repo.ts';
import { setHiddenByAdmin } from '../../src/db/repos/moderation.repo.ts';
import { dailyStats } from '../../src/db/repos/work-stats.repo.ts';
import { forgetReader } from '../../src/services/reader/forget-reader.ts';
import { deleteUser } from '../../src/db/repos/users.repo.ts';

for (const dialect of DIALECTS) {
  describe(`[${dialect}] bookmarks`, { skip: await skipUnless(dialect) }, () => {
    let store: TestStore;
    let system: ServiceContext;
    let reader: { id: number; login: string; actor: Actor };
    let other: { id: number; login: string; actor: Actor };
    const as = (actor: Actor): ServiceContext => ({ ...system, actor });
    const count = async (workId: number) => (await findWorkById(store.db, workId))!.bookmarksCount;

    before(async () => {
      store = await createTestStore(dialect);
      system = contextFor(store, SYSTEM, fixedClock());
      reader = await makeUser(system, { login: 'bookworm' });
      other = await makeUser(system, { login: 'passerby' });
    });
    after(async () => store?.destroy());

    it('saves one bookmark per reader and work, sanitizes notes, keeps tags in order and edits on a second save', async () => {
      const work = await makeWork(system, { title: 'Lantern Keeper' });
      const first = await saveBookmark(as(reader.actor), work.id, { notes: 'Loved it <script>alert(1)</script>', tags: 'Comfort Read, comfort read, Lighthouses', rec: true });
      assert.equal(first.created, true);
      const again = await saveBookmark(as(reader.actor), work.id, { notes: 'Second thoughts', tags: ['Reread'], private: false });
      assert.deepEqual(again, { id: first.id, created: false });
      const list = await listUserBookmarks(as(other.actor), 'bookworm');
      assert.equal(list.items.length, 1);
      assert.equal(list.items[0]!.bookmark.notes, '<p>Second thoughts</p>');
      assert.deepEqual(list.items[0]!.tags, ['Reread']);
      assert.equal(list.items[0]!.bookmark.rec, false);
      await saveBookmark(as(reader.actor), work.id, { notes: 'x <script>bad()</script><b>bold</b>', tags: 'Comfort Read, comfort read, Lighthouses' });
      const [item] = (await listUserBookmarks(as(reader.actor), 'bookworm')).items;
      assert.doesNotMatch(item!.bookmark.notes, /script/);
      assert.match(item!.bookmark.notes, /<b>bold<\/b>/);
      assert.deepEqual(item!.tags, ['Comfort Read', 'Lighthouses']);
    });

    it('refuses bad input with field messages and changes nothing', async () => {
      const work = await makeWork(system);
      await assert.rejects(saveBookmark(as(reader.actor), work.id, { notes: 'x'.repeat(5001) }), (e: { code: string; details: Record<string, string> }) => e.code === 'invalid' && 'notes' in e.details);
      await assert.rejects(saveBookmark(as(reader.actor), work.id, { tags: Array.from({ length: 76 }, (_, i) => `tag ${i}`) }), { code: 'invalid' });
      await assert.rejects(saveBookmark(as(GUEST), work.id, {}), { code: 'unauthenticated' });
      assert.equal(await count(work.id), 0);
    });

    it('counts public bookmarks only, through create, privacy changes, edits and deletes, and records daily stats', async () => {
      const work = await makeWork(system);
      const mine = await saveBookmark(as(reader.actor), work.id, { private: true });
      assert.equal(await count(work.id), 0);
      await saveBookmark(as(other.actor), work.id, {});
      assert.equal(await count(work.id), 1);
      await editBookmark(as(reader.actor), mine.id, { private: false });
      assert.equal(await count(work.id), 2);
      await editBookmark(as(reader.actor), mine.id, { notes: 'still public' });
      assert.equal(await count(work.id), 2);
      await saveBookmark(as(reader.actor), work.id, { private: true });
      assert.equal(await count(work.id), 1);
      await deleteBookmark(as(reader.actor), mine.id);
      assert.equal(await count(work.id), 1);
      const [day] = await dailyStats(store.db, work.id, '2026-11-21', '2026-11-21');
      assert.equal(day?.bookmarks, 1);
    });

    it('shows private bookmarks to their owner only, and nobody edits or deletes another reader’s bookmark', async () => {
      const work = await makeWork(system, { title: 'Secret Favourite' });
      const secret = await saveBookmark(as(reader.actor), work.id, { notes: 'PRIVATE NOTE', private: true });
      assert.ok((await listUserBookmarks(as(reader.actor), 'bookworm')).items.some((i) => i.bookmark.id === secret.id));
      for (const viewer of [GUEST, other.actor]) {
        const list = await listUserBookmarks(as(viewer), 'bookworm');
        assert.ok(!list.items.some((i) => i.bookmark.id === secret.id));
        assert.ok(!list.items.some((i) => i.bookmark.private));
      }
      await assert.rejects(editBookmark(as(other.actor), secret.id, { notes: 'mine now' }), { code: 'not_found' });
      await assert.rejects(deleteBookmark(as(other.actor), secret.id), { code: 'not_found' });
    });

    it('drops bookmarks of hidden works for everyone, of restricted works for guests, and never names an anonymous work’s creator', async () => {
      const hidden = await makeWork(system, { title: 'Soon Hidden' });
      const restricted = await makeWork(system, { title: 'Members Only', restricted: true });
      const anonymous = await makeWork(system, { title: 'No Name Given', anonymous: true, creator: 'secretwriter' });
      const fresh = await makeUser(system, { login: 'collector' });
      for (const w of [hidden, restricted, anonymous]) await saveBookmark(as(fresh.actor), w.id, {});
      await setHiddenByAdmin(store.db, hidden.id, true);
      const titles = async (viewer: Actor) => (await listUserBookmarks(as(viewer), 'collector')).items.map((i) => i.card.work.title).sort();
      assert.deepEqual(await titles(GUEST), ['No Name Given']);
      assert.deepEqual(await titles(other.actor), ['Members Only', 'No Name Given']);
      assert.deepEqual(await titles(fresh.actor), ['Members Only', 'No Name Given']);
      const list = await listUserBookmarks(as(other.actor), 'collector');
      assert.equal(list.total, 2);
      const anon = list.items.find((i) => i.card.work.title === 'No Name Given')!;
      assert.deepEqual(anon.card.creators, []);
      // A work that cannot be read cannot be bookmarked.
      await assert.rejects(saveBookmark(as(other.actor), hidden.id, {}), { code: 'not_found' });
      await assert.rejects(saveBookmark(as(GUEST), restricted.id, {}), { code: 'unauthenticated' });
    });

    it('filters a reader’s bookmarks by one of their tags', async () => {
      const tagger = await makeUser(system, { login: 'tagger' });
      const a = await makeWork(system, { title: 'Tagged A' });
      const b = await makeWork(system, { title: 'Tagged B' });
      await saveBookmark(as(tagger.actor), a.id, { tags: 'Rainy Day' });
      await saveBookmark(as(tagger.actor), b.id, { tags: 'Beach' });
      const list = await listUserBookmarks(as(GUEST), 'tagger', { tag: 'rainy day' });
      assert.deepEqual(list.items.map((i) => i.card.work.title), ['Tagged A']);
    });

    it('recounts the works a deleted account had bookmarked', async () => {
      const leaving = await makeUser(system, { login: 'leaving' });
      const work = await makeWork(system);
      await saveBookmark(as(leaving.actor), work.id, {});
      assert.equal(await count(work.id), 1);
      await store.db.transaction().execute(async (trx) => {
        await forgetReader(trx, leaving.id, system.clock.now());
        await deleteUser(trx, leaving.id);
      });
      assert.equal(await count(work.id), 0);
    });
  });
}
