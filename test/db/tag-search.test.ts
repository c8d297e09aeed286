// The tag autocomplete on both databases: word-start matching with case and accent folding,
// canonical first, type and fandom filters (a fandom's synonym too), visibility of non-canonical
// tags, the limit, and the search rows kept up to date by tag creation, the 005 triggers
// (canonical flag, fandom parents, deletion), renames and the migration's backfill.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestStore, skipUnless, type TestStore } from '../support/stores.ts';
import { contextFor, makeUser, makeWork } from '../support/factories.ts';
import { GUEST, type Actor } from '../../src/domain/actor.ts';
import type { TagType } from '../../src/domain/tag-types.ts';
import { insertTag, insertTagIfAbsent, findTagByName } from '../../src/db/repos/tags.repo.ts';
import { insertTagsBulk, reindexTagSearch } from '../../src/db/repos/tag-search.repo.ts';
import { autocompleteTags, type AutocompleteQuery } from '../../src/services/works/tag-autocomplete.ts';
import * as tagSearchMigration from '../../src/db/migrations/005-tag-search.ts';
import type { MigrationContext } from '../../src/db/migrations/types.ts';

const NOW = '2026-11-21T12:00:00.000Z';

for (const dialect of DIALECTS) {
  describe(`[${dialect}] tag autocomplete search`, { skip: await skipUnless(dialect) }, () => {
    let store: TestStore;
    let reader: Actor;

    const names = async (query: AutocompleteQuery, actor: Actor = GUEST) => (await autocompleteTags({ db: store.db, caps: store.caps, actor }, query)).map((t) => t.name);
    const tag = (name: string, type: TagType, canonical = true) => insertTag(store.db, { name, type, canonical }, NOW);
    const parent = (parentId: number, childId: number) => store.db.insertInto('tag_parents').values({ parent_id: parentId, child_id: childId }).execute();

    before(async () => {
      store = await createTestStore(dialect);
      reader = (await makeUser(contextFor(store))).actor;
      const hp = await tag('Harry Potter - J. K. Rowling', 'fandom');
      const austen = await tag('Persuasion - Jane Austen', 'fandom');
      const hpSynonym = await tag('HP', 'fandom', false);
      await store.db.updateTable('tags').set({ merger_id: hp.id }).where('id', '=', hpSynonym.id).execute();
      for (const [name, fandom] of [['Draco Malfoy', hp], ['Harry Potter', hp], ['Éléonore Dubois', hp], ['Anne Elliot', austen], ['Frederick Wentworth', austen]] as const) {
        await parent(fandom.id, (await tag(name, 'character')).id);
      }
      await parent(hp.id, (await tag('Draco Malfoy/Harry Potter', 'relationship')).id);
      await tag('Dragons', 'freeform');
      await tag('鬼滅の刃', 'fandom');
    });
    after(async () => {
      await store?.destroy();
    });

    it('matches the start of any word, ignoring case and accents', async () => {
      assert.deepEqual(await names({ type: 'character', q: 'el' }), ['Éléonore Dubois', 'Anne Elliot']);
      assert.deepEqual(await names({ type: 'character', q: 'ele' }), ['Éléonore Dubois'], '"Elliot" does not start with "ele"');
      assert.deepEqual(await names({ type: 'character', q: 'ÉLÉO' }), ['Éléonore Dubois']);
      assert.deepEqual(await names({ type: 'character', q: 'dub' }), ['Éléonore Dubois']);
      assert.deepEqual(await names({ type: 'character', q: 'd' }), ['Draco Malfoy', 'Éléonore Dubois'], 'names starting with q first');
      assert.deepEqual(await names({ type: 'character', q: 'aco' }), [], 'never inside a word');
      assert.deepEqual(await names({ type: 'character', q: 'lliot' }), []);
    });

    it('matches several typed words against consecutive words of the name', async () => {
      assert.deepEqual(await names({ type: 'relationship', q: 'draco mal' }), ['Draco Malfoy/Harry Potter']);
      assert.deepEqual(await names({ type: 'relationship', q: 'Malfoy/Harry' }), ['Draco Malfoy/Harry Potter']);
      assert.deepEqual(await names({ type: 'relationship', q: 'draco harry' }), []);
      assert.deepEqual(await names({ type: 'fandom', q: '刃' }), ['鬼滅の刃']);
      assert.deepEqual(await names({ type: 'fandom', q: '///' }), [], 'nothing to search for');
    });

    it('filters by type, or searches every type', async () => {
      assert.deepEqual(await names({ type: 'character', q: 'drag' }), []);
      assert.deepEqual(await names({ type: 'freeform', q: 'drag' }), ['Dragons']);
      assert.deepEqual(await names({ q: 'dra' }), ['Draco Malfoy', 'Draco Malfoy/Harry Potter', 'Dragons']);
      assert.deepEqual(await names({ q: 'harry' }), ['Harry Potter', 'Harry Potter - J. K. Rowling', 'Draco Malfoy/Harry Potter']);
    });

    it('restricts to the children of a fandom, given by name or by a synonym', async () => {
      assert.deepEqual(await names({ type: 'character', q: 'e', fandom: 'Persuasion - Jane Austen' }), ['Anne Elliot']);
      assert.deepEqual(await names({ type: 'character', q: 'e', fandom: 'Harry Potter - J. K. Rowling' }), ['Éléonore Dubois']);
      assert.deepEqual(await names({ type: 'character', q: 'e', fandom: 'hp' }), ['Éléonore Dubois'], 'a synonym resolves to its canonical fandom');
      assert.deepEqual(await names({ q: 'dra', fandom: 'HP' }), ['Draco Malfoy', 'Draco Malfoy/Harry Potter']);
      assert.deepEqual(await names({ type: 'character', q: 'e', fandom: 'No Such Fandom' }), []);
      assert.deepEqual(await names({ type: 'character', q: 'e', fandom: 'Dragons' }), [], 'not a fandom');
      assert.deepEqual(await names({ type: 'character', q: 'e', fandom: ' ' }), ['Éléonore Dubois', 'Anne Elliot'], 'a blank fandom is no filter');
    });

    it('follows fandom parents as they are added and removed (triggers)', async () => {
      const austen = (await findTagByName(store.db, 'Persuasion - Jane Austen'))!;
      const draco = (await findTagByName(store.db, 'Draco Malfoy'))!;
      await parent(austen.id, draco.id);
      assert.deepEqual(await names({ type: 'character', q: 'dra', fandom: 'Persuasion - Jane Austen' }), ['Draco Malfoy']);
      await store.db.deleteFrom('tag_parents').where('parent_id', '=', austen.id).where('child_id', '=', draco.id).execute();
      assert.deepEqual(await names({ type: 'character', q: 'dra', fandom: 'Persuasion - Jane Austen' }), []);
      assert.deepEqual(await names({ type: 'character', q: 'dra', fandom: 'HP' }), ['Draco Malfoy'], 'other parents untouched');
    });

    it('lists canonical tags first and never a tag only hidden works use', async () => {
      await tag('Quillon Zed', 'character');
      await makeWork(contextFor(store), { title: 'Visible', characters: ['Quillan Abbot'] });
      await makeWork(contextFor(store), { title: 'Draft', characters: ['Quillby Draft'], draft: true });
      await makeWork(contextFor(store), { title: 'Restricted', characters: ['Quillet Locked'], restricted: true });
      assert.deepEqual(await names({ type: 'character', q: 'quil' }), ['Quillon Zed', 'Quillan Abbot']);
      assert.deepEqual(await names({ type: 'character', q: 'quil' }, reader), ['Quillon Zed', 'Quillan Abbot', 'Quillet Locked']);
      const found = await autocompleteTags({ db: store.db, caps: store.caps, actor: GUEST }, { type: 'character', q: 'quil' });
      assert.deepEqual(found.map((t) => t.canonical), [true, false]);
    });

    it('moves a tag between canonical and not when wranglers change it (trigger)', async () => {
      const abbot = (await findTagByName(store.db, 'Quillan Abbot'))!;
      await store.db.updateTable('tags').set({ canonical: true }).where('id', '=', abbot.id).execute();
      assert.deepEqual(await names({ type: 'character', q: 'quil' }), ['Quillan Abbot', 'Quillon Zed']);
      await store.db.updateTable('tags').set({ canonical: false }).where('id', '=', abbot.id).execute();
      assert.deepEqual(await names({ type: 'character', q: 'quil' }), ['Quillon Zed', 'Quillan Abbot']);
    });

    it('finds tags created after the migration, by every path', async () => {
      await insertTagIfAbsent(store.db, { name: 'Zoë Wanderer', type: 'character', canonical: true }, NOW);
      await insertTagIfAbsent(store.db, { name: 'zoë wanderer', type: 'character', canonical: true }, NOW);
      await insertTagsBulk(store.db, [{ name: 'Zora Bulkloaded', type: 'character', canonical: true }], NOW);
      await makeWork(contextFor(store), { characters: ['Zorro Posted'] });
      assert.deepEqual(await names({ type: 'character', q: 'zo' }), ['Zoë Wanderer', 'Zora Bulkloaded', 'Zorro Posted']);
      assert.deepEqual(await names({ type: 'character', q: 'wand' }), ['Zoë Wanderer'], 'one row set per tag, even when asked twice');
    });

    it('answers at most ten', async () => {
      for (let i = 0; i < 12; i++) await tag(`Lamplighter ${i}`, 'character');
      const found = await names({ type: 'character', q: 'LAMP' });
      assert.equal(found.length, 10);
      assert.deepEqual(found.slice(0, 3), ['Lamplighter 0', 'Lamplighter 1', 'Lamplighter 10']);
    });

    it('re-indexes a renamed tag and forgets a deleted one', async () => {
      const zora = (await findTagByName(store.db, 'Zora Bulkloaded'))!;
      await store.db.updateTable('tags').set({ name: 'Zora Renamed', name_key: 'zora renamed' }).where('id', '=', zora.id).execute();
      await reindexTagSearch(store.db, [zora.id]);
      assert.deepEqual(await names({ type: 'character', q: 'renam' }), ['Zora Renamed']);
      assert.deepEqual(await names({ type: 'character', q: 'bulk' }), []);
      await store.db.deleteFrom('tags').where('id', '=', zora.id).execute();
      assert.deepEqual(await names({ type: 'character', q: 'zora' }), []);
    });

    it('backfills tags that existed before the migration', async () => {
      const ctx = { caps: store.caps } as MigrationContext;
      await tagSearchMigration.down(store.db as never, ctx);
      // Tags written while the table did not exist, with a fandom parent.
      const fandom = await store.db.insertInto('tags').values({ name: 'Older Fandom', name_key: 'older fandom', type: 'fandom', canonical: true, created_at: NOW, updated_at: NOW }).returning('id').executeTakeFirstOrThrow();
      const child = await store.db.insertInto('tags').values({ name: 'Ólafur Older', name_key: 'ólafur older', type: 'character', canonical: true, created_at: NOW, updated_at: NOW }).returning('id').executeTakeFirstOrThrow();
      await parent(fandom.id, child.id);
      await tagSearchMigration.up(store.db as never, ctx);
      assert.deepEqual(await names({ type: 'character', q: 'olaf', fandom: 'Older Fandom' }), ['Ólafur Older']);
      assert.deepEqual(await names({ type: 'character', q: 'el' }), ['Éléonore Dubois', 'Anne Elliot'], 'tags from before are still there');
      assert.deepEqual(await names({ type: 'category', q: 'gen' }), ['Gen'], 'the seeded tags too');
    });
  });
}
