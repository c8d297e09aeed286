// GET /api/v1/tags/autocomplete through the real app on both databases: the query contract
// (blank or over-long q refused with 400, type optional, fandom filter), the answer's shape and
// its cache header. Matching and ranking are tested in test/db/tag-search.test.ts.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipUnless } from '../support/stores.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { insertTag } from '../../src/db/repos/tags.repo.ts';

const NOW = '2026-11-21T12:00:00.000Z';

for (const dialect of DIALECTS) {
  describe(`[${dialect}] tag autocomplete API`, { skip: await skipUnless(dialect) }, () => {
    let t: TestApp;

    const get = (query: Record<string, string>) => t.app.inject({ method: 'GET', url: `/api/v1/tags/autocomplete?${new URLSearchParams(query).toString()}` });

    before(async () => {
      t = await createTestApp(dialect);
      const fandom = await insertTag(t.store.db, { name: 'Harry Potter - J. K. Rowling', type: 'fandom', canonical: true }, NOW);
      const draco = await insertTag(t.store.db, { name: 'Draco Malfoy', type: 'character', canonical: true }, NOW);
      await t.store.db.insertInto('tag_parents').values({ parent_id: fandom.id, child_id: draco.id }).execute();
      await insertTag(t.store.db, { name: 'Éléonore Dubois', type: 'character', canonical: true }, NOW);
      await insertTag(t.store.db, { name: 'Drabble', type: 'freeform', canonical: true }, NOW);
    });
    after(async () => {
      await t?.close();
    });

    it('answers suggestions with their type and canonical flag, privately cacheable', async () => {
      const res = await get({ type: 'character', q: 'dub' });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), { tags: [{ name: 'Éléonore Dubois', type: 'character', canonical: true }] });
      assert.equal(res.headers['cache-control'], 'private, max-age=60');
    });

    it('takes an optional type and an optional fandom', async () => {
      assert.deepEqual((await get({ q: 'DRA' })).json().tags.map((x: { name: string }) => x.name), ['Drabble', 'Draco Malfoy']);
      assert.deepEqual((await get({ type: 'character', q: 'd', fandom: 'Harry Potter - J. K. Rowling' })).json().tags.map((x: { name: string }) => x.name), ['Draco Malfoy']);
      assert.deepEqual((await get({ type: 'freeform', q: 'd', fandom: 'Harry Potter - J. K. Rowling' })).json().tags, []);
    });

    it('refuses a missing, blank or over-long q and an unknown type with 400', async () => {
      for (const query of [{ type: 'character' }, { type: 'character', q: '' }, { type: 'character', q: '   ' }, { type: 'character', q: 'x'.repeat(151) }, { type: 'nonsense', q: 'dra' }]) {
        const res = await get(query as Record<string, string>);
        assert.equal(res.statusCode, 400, JSON.stringify(query));
        assert.equal(typeof res.json().error.code, 'string');
      }
      assert.equal((await get({ type: 'character', q: 'x'.repeat(150) })).statusCode, 200);
      assert.deepEqual((await get({ type: 'character', q: '!!' })).json(), { tags: [] }, 'punctuation only: nothing to match, not an error');
    });
  });
}
