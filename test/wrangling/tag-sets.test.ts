// Tag sets on both databases: import, idempotence, synonyms attached at posting time, export
// round trip, the shipped starter set, and the CLI.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIALECTS, createTestStore, skipUnless, type TestStore } from '../support/stores.ts';
import { contextFor, makeWork } from '../support/factories.ts';
import { runCli } from '../support/cli.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { exportTagSet, importTagSet, parseTagSet, type TagSetEntry } from '../../src/services/wrangling/tag-sets.ts';
import { findTagByName } from '../../src/db/repos/tags.repo.ts';
import { countAudit } from '../../src/db/repos/wrangling.repo.ts';

const STARTER = path.resolve(import.meta.dirname, '../../tag-sets/starter.json');

const SET = [
  { name: 'Harry Potter - J. K. Rowling', type: 'fandom', canonical: true, parents: ['Books & Literature'] },
  { name: 'Draco Malfoy', type: 'character', canonical: true, fandoms: ['Harry Potter - J. K. Rowling'], synonyms: ['Draco', 'Malfoy'] },
  { name: 'Harry Potter', type: 'character', canonical: true, fandoms: ['Harry Potter - J. K. Rowling'] },
  { name: 'Draco Malfoy/Harry Potter', type: 'relationship', canonical: true, fandoms: ['Harry Potter - J. K. Rowling'], synonyms: ['Drarry'] },
  { name: 'Alternate Universe', type: 'freeform', canonical: true },
  { name: 'Coffee Shop AU', type: 'freeform', canonical: true, metaTags: ['Alternate Universe'] },
];

for (const dialect of DIALECTS) {
  describe(`[${dialect}] tag sets`, { skip: await skipUnless(dialect) }, () => {
    let store: TestStore;
    let ctx: ServiceContext;
    before(async () => {
      store = await createTestStore(dialect);
      ctx = contextFor(store);
    });
    after(async () => store?.destroy());

    it('imports the shipped starter set into a fresh archive without changing anything', async () => {
      const summary = await importTagSet(ctx, parseTagSet(JSON.parse(fs.readFileSync(STARTER, 'utf8'))));
      assert.deepEqual([summary.created, summary.changed], [0, 0]);
      assert.equal((await findTagByName(store.db, 'Anime & Manga'))?.type, 'media');
    });

    it('imports a tag set once; importing it again changes nothing', async () => {
      const first = await importTagSet(ctx, parseTagSet(SET));
      assert.ok(first.created >= 6 && first.changed > 0);
      const audit = await countAudit(store.db);
      const second = await importTagSet(ctx, parseTagSet(SET));
      assert.deepEqual([second.created, second.changed], [0, 0]);
      assert.equal(await countAudit(store.db), audit, 'nothing logged the second time');
      assert.equal((await findTagByName(store.db, 'Drarry'))?.mergerId, (await findTagByName(store.db, 'Draco Malfoy/Harry Potter'))?.id);
    });

    it('attaches the canonical tag to the filter set as soon as a work is posted with a synonym', async () => {
      const work = await makeWork(ctx, { relationships: ['Drarry'], characters: ['Draco'], freeforms: ['Coffee Shop AU'] });
      const filters = await store.db.selectFrom('work_filters').innerJoin('tags', 'tags.id', 'work_filters.tag_id').select('tags.name').where('work_id', '=', work.id).execute();
      const names = filters.map((f) => f.name);
      for (const expected of ['Draco Malfoy/Harry Potter', 'Draco Malfoy', 'Coffee Shop AU', 'Alternate Universe']) assert.ok(names.includes(expected), `${expected} in ${names.join(', ')}`);
      assert.ok(!names.includes('Drarry') && !names.includes('Draco'), 'synonyms themselves are not filters');
    });

    it('exports what it imported, and the export imports as a no-op', async () => {
      const exported = await exportTagSet(ctx);
      const draco = exported.find((e) => e.name === 'Draco Malfoy') as TagSetEntry;
      assert.deepEqual([...draco.synonyms].sort(), ['Draco', 'Malfoy']);
      assert.deepEqual(draco.fandoms, ['Harry Potter - J. K. Rowling']);
      assert.deepEqual(exported.find((e) => e.name === 'Coffee Shop AU')?.metaTags, ['Alternate Universe']);
      assert.ok(!exported.some((e) => e.name === 'Drarry'), 'synonyms appear under their canonical tag only');
      const again = await importTagSet(ctx, parseTagSet(JSON.parse(JSON.stringify(exported))));
      assert.deepEqual([again.created, again.changed], [0, 0]);
    });

    it('refuses a malformed set, naming the entry, and writes nothing', async () => {
      const before = await store.db.selectFrom('tags').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.throws(() => parseTagSet({ not: 'a list' }), /JSON array/);
      assert.throws(() => parseTagSet([{ name: 'X', type: 'planet' }]), /Entry 1 \("X"\): "type"/);
      assert.throws(() => parseTagSet([{ name: 'Y', type: 'freeform', synonyms: 'Z' }]), /"synonyms" must be a list/);
      await assert.rejects(importTagSet(ctx, parseTagSet([{ name: 'Brand New Tag', type: 'freeform', canonical: true }, { name: 'Harry Potter', type: 'fandom' }])), /already a Character tag/);
      const after = await store.db.selectFrom('tags').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(after.n), Number(before.n));
    });

    it('runs from the command line', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'owlery-tagset-'));
      try {
        const file = path.join(dir, 'set.json');
        fs.writeFileSync(file, JSON.stringify([{ name: 'CLI Fandom', type: 'fandom', canonical: true, synonyms: ['CLIF'] }]));
        const imported = await runCli(['tags', 'import', file, ...store.flags]);
        assert.equal(imported.status, 0, imported.stderr);
        assert.match(imported.stdout, /Imported 1 tags: 2 created/);
        const again = await runCli(['tags', 'import', file, ...store.flags]);
        assert.match(again.stdout, /0 created, 0 changes/);
        const exported = await runCli(['tags', 'export', ...store.flags]);
        assert.equal(exported.status, 0, exported.stderr);
        assert.deepEqual(JSON.parse(exported.stdout).find((e: TagSetEntry) => e.name === 'CLI Fandom').synonyms, ['CLIF']);
        const broken = path.join(dir, 'broken.json');
        fs.writeFileSync(broken, '[{"name": ');
        const bad = await runCli(['tags', 'import', broken, ...store.flags]);
        assert.notEqual(bad.status, 0);
        assert.match(bad.stderr, /not valid JSON/);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
