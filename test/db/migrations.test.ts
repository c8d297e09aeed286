import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DIALECTS, createTestStore, skipUnless, type TestStore } from '../support/stores.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { RATINGS, WARNINGS, CATEGORIES } from '../../src/domain/fixed-tags.ts';
import { MEDIA } from '../../src/domain/media.ts';

for (const dialect of DIALECTS) {
  describe(`[${dialect}] migrations`, { skip: await skipUnless(dialect) }, () => {
    let store: TestStore;
    before(async () => {
      store = await createTestStore(dialect);
    });
    after(async () => {
      await store?.destroy();
    });

    it('seeds every fixed rating, warning and category, and the media categories, as canonical', async () => {
      const rows = await store.db.selectFrom('tags').select(['name', 'type', 'canonical']).execute();
      assert.deepEqual(rows.filter((r) => r.type === 'media').map((r) => r.name).sort(), [...MEDIA].sort());
      const names = (type: string) => rows.filter((r) => r.type === type).map((r) => r.name).sort();
      assert.deepEqual(names('rating'), [...RATINGS].sort());
      assert.deepEqual(names('warning'), [...WARNINGS].sort());
      assert.deepEqual(names('category'), [...CATEGORIES].sort());
      assert.ok(rows.every((r) => Boolean(r.canonical)));
    });

    it('is a no-op when run again', async () => {
      const report = await migrateToLatest(store);
      assert.deepEqual(report.applied, []);
      const { n } = await store.db.selectFrom('tags').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(n), RATINGS.length + WARNINGS.length + CATEGORIES.length + MEDIA.length);
    });

    it('enforces foreign keys', async () => {
      await assert.rejects(
        store.db.insertInto('work_tags').values({ work_id: 999_999, tag_id: 1 }).execute(),
        /foreign key/i,
      );
    });

    it('rejects two tags whose names differ only in case', async () => {
      const now = new Date().toISOString();
      await assert.rejects(
        sql`insert into tags (name, name_key, type, canonical, created_at, updated_at) values ('GEN', 'gen', 'category', ${true}, ${now}, ${now})`.execute(store.db),
        /unique|UNIQUE/,
      );
    });
  });
}
