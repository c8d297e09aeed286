// Personal filters on both databases: muting tags (through synonyms, sub tags and later
// wrangling) and creators (never through anonymous works), the caps, saved searches, and who may
// do any of it.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestStore, skipUnless, type TestStore } from '../support/stores.ts';
import { contextFor, fixedClock, makeUser, makeWork } from '../support/factories.ts';
import { GUEST, SYSTEM, type Actor } from '../../src/domain/actor.ts';
import { MAX_MUTED_TAGS, MAX_MUTED_USERS, MAX_SAVED_SEARCHES, muteReasons } from '../../src/domain/mutes.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { loadWorkCards } from '../../src/services/work-cards.ts';
import { wrangle } from '../../src/services/wrangling/wrangle.ts';
import { muteTag } from '../../src/services/personal-filters/mute-tag.ts';
import { unmuteTag } from '../../src/services/personal-filters/unmute-tag.ts';
import { muteUser } from '../../src/services/personal-filters/mute-user.ts';
import { unmuteUser } from '../../src/services/personal-filters/unmute-user.ts';
import { saveSearch } from '../../src/services/personal-filters/save-search.ts';
import { deleteMySavedSearch } from '../../src/services/personal-filters/delete-saved-search.ts';
import { myMutedTags, myMutedUsers, mySavedSearches } from '../../src/services/personal-filters/list-filters.ts';
import { filterMutedForFeed, loadMuteSet, muteReasonsFor, muteStateFor } from '../../src/services/personal-filters/load-mutes.ts';
import { deleteUser } from '../../src/db/repos/users.repo.ts';

for (const dialect of DIALECTS) {
  describe(`[${dialect}] personal filters`, { skip: await skipUnless(dialect) }, () => {
    let store: TestStore;
    let system: ServiceContext;
    let reader: { id: number; login: string; actor: Actor };
    const as = (actor: Actor): ServiceContext => ({ ...system, actor });
    const cards = (actor: Actor, ids: number[]) => loadWorkCards(store.db, actor, ids);

    before(async () => {
      store = await createTestStore(dialect);
      system = contextFor(store, SYSTEM, fixedClock());
      reader = await makeUser(system, { login: 'reader' });
    });
    after(async () => store?.destroy());

    it('mutes a tag once, lists it, and unmutes it; unknown and hidden tags are not found', async () => {
      await makeWork(system, { freeforms: ['Fluff'] });
      const first = await muteTag(as(reader.actor), { name: '  fluff ' });
      assert.equal(first.name, 'Fluff');
      assert.equal(first.added, true);
      assert.equal((await muteTag(as(reader.actor), { name: 'Fluff' })).added, false);
      assert.deepEqual((await myMutedTags(as(reader.actor))).map((t) => t.name), ['Fluff']);
      assert.deepEqual(await muteStateFor(as(reader.actor), { tagId: first.id }), { tag: true, user: false });
      await unmuteTag(as(reader.actor), first.id);
      assert.deepEqual(await myMutedTags(as(reader.actor)), []);
      await assert.rejects(unmuteTag(as(reader.actor), first.id), { code: 'not_found', message: 'You have not muted that tag.' });
      await assert.rejects(muteTag(as(reader.actor), { name: 'No Such Tag Anywhere' }), { code: 'not_found', message: 'There is no tag "No Such Tag Anywhere".' });
      // A tag only a draft carries does not exist for anyone else, muting included.
      await makeWork(system, { draft: true, freeforms: ['Secret Draft Tag'] });
      await assert.rejects(muteTag(as(reader.actor), { name: 'Secret Draft Tag' }), { code: 'not_found' });
      await assert.rejects(muteTag(as(reader.actor), { name: '   ' }), { code: 'invalid' });
    });

    it('mutes through the filter set: synonyms, sub tags, and tags wrangled after muting', async () => {
      const synonym = await makeWork(system, { freeforms: ['Char Death'] });
      const canonical = await makeWork(system, { freeforms: ['Character Death'] });
      const sub = await makeWork(system, { freeforms: ['Temporary Character Death'] });
      const other = await makeWork(system, { freeforms: ['Hurt/Comfort'] });
      await wrangle(system, { kind: 'canonical', tag: 'Character Death', canonical: true });
      await wrangle(system, { kind: 'canonical', tag: 'Temporary Character Death', canonical: true });
      await wrangle(system, { kind: 'merge', tag: 'Char Death', into: 'Character Death' });
      await wrangle(system, { kind: 'meta', tag: 'Temporary Character Death', meta: 'Character Death', add: true });

      // Muting the synonym mutes its canonical tag.
      const muted = await muteTag(as(reader.actor), { name: 'Char Death' });
      assert.equal(muted.name, 'Character Death');
      const reasons = await muteReasonsFor(as(reader.actor), await cards(reader.actor, [synonym.id, canonical.id, sub.id, other.id]));
      assert.deepEqual(reasons.get(synonym.id), ['the tag Character Death']);
      assert.deepEqual(reasons.get(canonical.id), ['the tag Character Death']);
      assert.deepEqual(reasons.get(sub.id), ['the tag Character Death']);
      assert.equal(reasons.has(other.id), false);

      // A tag muted before a wrangler made it a synonym keeps working: filter sets now hold its
      // canonical tag, and the mute follows.
      const later = await makeWork(system, { freeforms: ['Angst'] });
      const early = await makeWork(system, { freeforms: ['Angsty Feelings'] });
      await muteTag(as(reader.actor), { name: 'Angsty Feelings' });
      await wrangle(system, { kind: 'canonical', tag: 'Angst', canonical: true });
      await wrangle(system, { kind: 'merge', tag: 'Angsty Feelings', into: 'Angst' });
      const after = await muteReasonsFor(as(reader.actor), await cards(reader.actor, [later.id, early.id]));
      assert.deepEqual(after.get(later.id), ['the tag Angsty Feelings']);
      assert.deepEqual(after.get(early.id), ['the tag Angsty Feelings']);

      // Feeds drop muted works instead of collapsing them.
      const feed = await filterMutedForFeed(as(reader.actor), await cards(reader.actor, [synonym.id, other.id]));
      assert.deepEqual(feed.map((c) => c.work.id), [other.id]);
      // Nobody else is affected.
      const someone = await makeUser(system);
      assert.equal((await muteReasonsFor(as(someone.actor), await cards(someone.actor, [synonym.id]))).size, 0);
      assert.equal(await loadMuteSet(as(GUEST)), null);
      assert.equal((await muteReasonsFor(as(GUEST), await cards(GUEST, [synonym.id]))).size, 0);
    });

    it('mutes a creator’s works, but never their anonymous ones', async () => {
      const quill = await makeUser(system, { login: 'quill' });
      const signed = await makeWork(system, { creator: 'quill', title: 'Signed' });
      const anonymous = await makeWork(system, { creator: 'quill', title: 'Unsigned', anonymous: true });
      const result = await muteUser(as(reader.actor), { login: 'QUILL' });
      assert.deepEqual(result, { id: quill.id, login: 'quill', added: true });
      const reasons = await muteReasonsFor(as(reader.actor), await cards(reader.actor, [signed.id, anonymous.id]));
      assert.deepEqual(reasons.get(signed.id), ['the creator quill']);
      assert.equal(reasons.has(anonymous.id), false, 'hiding it would reveal who wrote it');
      // Even a card that names its creators (as a co-creator sees it) is not hidden when anonymous.
      const set = (await loadMuteSet(as(reader.actor)))!;
      assert.equal(muteReasons(set, [{ workId: 1, filterTagIds: [], visibleCreatorUserIds: [quill.id], anonymous: true }]).size, 0);
      assert.deepEqual((await myMutedUsers(as(reader.actor))).map((u) => u.login), ['quill']);
      await unmuteUser(as(reader.actor), quill.id);
      assert.equal((await muteReasonsFor(as(reader.actor), await cards(reader.actor, [signed.id]))).size, 0);
      await assert.rejects(unmuteUser(as(reader.actor), quill.id), { code: 'not_found' });
    });

    it('refuses muting oneself and unknown users, and anyone without an account', async () => {
      await assert.rejects(muteUser(as(reader.actor), { login: 'Reader' }), { code: 'invalid', message: 'You cannot mute yourself.' });
      await assert.rejects(muteUser(as(reader.actor), { login: 'nobody_by_that_name' }), { code: 'not_found', message: 'There is no user "nobody_by_that_name".' });
      await assert.rejects(muteTag(as(GUEST), { name: 'Fluff' }), { code: 'unauthenticated' });
      await assert.rejects(myMutedTags(as(GUEST)), { code: 'unauthenticated' });
      const suspended: Actor = { kind: 'user', userId: reader.id, login: reader.login, roles: new Set(), suspended: true };
      await assert.rejects(muteTag(as(suspended), { name: 'Fluff' }), { code: 'forbidden' });
      // Another account's lists, by login, are refused.
      await assert.rejects(myMutedTags(as(reader.actor), 'quill'), { code: 'forbidden' });
      // An API token may manage its user's filters (a reading app keeps the same mutes).
      const viaToken: Actor = { ...(reader.actor as Extract<Actor, { kind: 'user' }>), viaToken: true };
      assert.equal((await muteTag(as(viaToken), { name: 'Fluff' })).added, true);
    });

    it('caps muted tags and muted creators at 2,000 each', async () => {
      const capped = await makeUser(system, { login: 'capped' });
      const now = system.clock.now().toISOString();
      const tagIds: number[] = [];
      for (let i = 0; i < MAX_MUTED_TAGS; i += 400) {
        const rows = Array.from({ length: Math.min(400, MAX_MUTED_TAGS - i) }, (_, j) => ({ name: `Cap Tag ${i + j}`, name_key: `cap tag ${i + j}`, type: 'freeform' as const, created_at: now, updated_at: now }));
        tagIds.push(...(await store.db.insertInto('tags').values(rows).returning('id').execute()).map((r) => r.id));
      }
      for (let i = 0; i < tagIds.length; i += 400) {
        await store.db.insertInto('muted_tags').values(tagIds.slice(i, i + 400).map((tag_id) => ({ user_id: capped.id, tag_id, created_at: now }))).execute();
      }
      await assert.rejects(muteTag(as(capped.actor), { name: 'Fluff' }), { code: 'invalid', message: 'You can mute at most 2,000 tags. Unmute some before muting more.' });
      // Muting one already muted is still fine at the cap.
      await store.db.deleteFrom('muted_tags').where('user_id', '=', capped.id).where('tag_id', '=', tagIds[0]!).execute();
      assert.equal((await muteTag(as(capped.actor), { name: 'Fluff' })).added, true);
      assert.equal((await muteTag(as(capped.actor), { name: 'Fluff' })).added, false);

      const userIds: number[] = [];
      for (let i = 0; i < MAX_MUTED_USERS; i += 400) {
        const rows = Array.from({ length: Math.min(400, MAX_MUTED_USERS - i) }, (_, j) => ({ login: `capuser${i + j}`, login_key: `capuser${i + j}`, email: null, password_hash: null, created_at: now }));
        userIds.push(...(await store.db.insertInto('users').values(rows).returning('id').execute()).map((r) => r.id));
      }
      for (let i = 0; i < userIds.length; i += 400) {
        await store.db.insertInto('muted_users').values(userIds.slice(i, i + 400).map((muted_user_id) => ({ user_id: capped.id, muted_user_id, created_at: now }))).execute();
      }
      await assert.rejects(muteUser(as(capped.actor), { login: 'quill' }), { code: 'invalid', message: 'You can mute at most 2,000 creators. Unmute some before muting more.' });
      // The mute set a listing loads holds them all.
      assert.equal((await loadMuteSet(as(capped.actor)))!.users.size, MAX_MUTED_USERS);
    });

    it('saves searches in canonical form, refuses bad ones, duplicates and more than 100', async () => {
      const saver = await makeUser(system, { login: 'saver' });
      const ctx = as(saver.actor);
      const saved = await saveSearch(ctx, { name: '  Long   finished  ', query: '?sort=kudos&complete=true&fandom=Original+Work&page=3&posted=%3C2+weeks+ago' });
      assert.equal(saved.name, 'Long finished');
      // Paging is dropped; the relative date stays relative, so the search keeps moving with time.
      const params = new URLSearchParams(saved.query);
      assert.equal(params.get('page'), null);
      assert.equal(params.get('fandom'), 'Original Work');
      assert.equal(params.get('sort'), 'kudos');
      assert.match(params.get('posted') ?? '', /week/);
      // A listing URL works as well as a query string.
      const fromUrl = await saveSearch(ctx, { name: 'From a URL', query: '/works/search?q=lighthouse' });
      assert.equal(fromUrl.query, 'q=lighthouse');
      await assert.rejects(saveSearch(ctx, { name: 'Bad', query: 'sort=sideways' }), (error: Error & { code?: string }) => error.code === 'invalid' && /sort/.test(error.message));
      await assert.rejects(saveSearch(ctx, { name: 'Empty', query: 'page=2' }), { code: 'invalid' });
      await assert.rejects(saveSearch(ctx, { name: '', query: 'sort=kudos' }), { code: 'invalid' });
      await assert.rejects(saveSearch(ctx, { name: 'long FINISHED', query: 'sort=hits' }), { code: 'conflict' });
      assert.deepEqual((await mySavedSearches(ctx)).map((s) => s.name).sort(), ['From a URL', 'Long finished']);

      // Another reader cannot delete it, and learns nothing from trying.
      await assert.rejects(deleteMySavedSearch(as(reader.actor), saved.id), { code: 'not_found', message: 'You have no such saved search.' });
      await deleteMySavedSearch(ctx, saved.id);
      await deleteMySavedSearch(ctx, fromUrl.id);
      for (let i = 0; i < MAX_SAVED_SEARCHES; i++) await saveSearch(ctx, { name: `Search ${i}`, query: `words=${i}-` });
      await assert.rejects(saveSearch(ctx, { name: 'One too many', query: 'sort=hits' }), { code: 'invalid', message: 'You can keep at most 100 saved searches. Delete one before saving another.' });
    });

    it('deletes a reader’s filters with their account, and mutes of an account that is deleted', async () => {
      const leaving = await makeUser(system, { login: 'leaving' });
      const muted = await makeUser(system, { login: 'mutedone' });
      await muteUser(as(leaving.actor), { login: 'mutedone' });
      await muteTag(as(leaving.actor), { name: 'Fluff' });
      await saveSearch(as(leaving.actor), { name: 'Mine', query: 'sort=hits' });
      await muteUser(as(reader.actor), { login: 'mutedone' });
      await deleteUser(store.db, leaving.id);
      for (const table of ['muted_tags', 'muted_users', 'saved_searches'] as const) {
        const rows = await store.db.selectFrom(table).select('user_id').where('user_id', '=', leaving.id).execute();
        assert.deepEqual(rows, [], table);
      }
      await deleteUser(store.db, muted.id);
      assert.deepEqual(await myMutedUsers(as(reader.actor)), []);
    });
  });
}
