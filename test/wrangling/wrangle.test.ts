// Tag wrangling on both databases: synonyms, meta tags, parents, the filter set that follows, the
// audit log, mass actions and crossovers.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestStore, skipUnless, type TestStore } from '../support/stores.ts';
import { contextFor, makeUser, makeWork } from '../support/factories.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { wrangle, wrangleMany } from '../../src/services/wrangling/wrangle.ts';
import { listWorks } from '../../src/services/list-works.ts';
import { findTag } from '../../src/services/browse.ts';
import { findTagByName } from '../../src/db/repos/tags.repo.ts';
import { listAudit } from '../../src/db/repos/wrangling.repo.ts';
import { GUEST } from '../../src/domain/actor.ts';
import { findWorkById } from '../../src/db/repos/works.repo.ts';
import { INLINE_RECOMPUTE_LIMIT } from '../../src/services/wrangling/recompute.ts';
import { drainJobs } from '../../src/jobs/worker.ts';
import { JOB_HANDLERS } from '../../src/jobs/handlers.ts';
import { findJob } from '../../src/db/repos/jobs.repo.ts';

for (const dialect of DIALECTS) {
  describe(`[${dialect}] tag wrangling`, { skip: await skipUnless(dialect) }, () => {
    let store: TestStore;
    let system: ServiceContext;
    let wrangler: ServiceContext;
    let reader: ServiceContext;
    const titlesUnder = async (tag: string) => {
      const view = await findTag({ ...system, actor: GUEST }, tag);
      const list = await listWorks({ ...system, actor: GUEST }, { filterTagId: view.filterTag.id, limit: 100 });
      return { titles: list.cards.map((c) => c.work.title).sort(), count: view.workCount };
    };

    before(async () => {
      store = await createTestStore(dialect);
      system = contextFor(store);
      const w = await makeUser(system, { login: 'wrangler_one', roles: ['wrangler'] });
      wrangler = { ...system, actor: w.actor };
      const r = await makeUser(system, { login: 'plain_reader' });
      reader = { ...system, actor: r.actor };
      await makeWork(system, { title: 'Tagged Drarry', fandoms: ['Harry Potter - J. K. Rowling'], relationships: ['Drarry'] });
      await makeWork(system, { title: 'Tagged In Full', fandoms: ['Harry Potter - J. K. Rowling'], relationships: ['Draco Malfoy/Harry Potter'] });
    });
    after(async () => store?.destroy());

    it('merges a synonym into a canonical tag: its works appear under the canonical tag, and leave on unmerge', async () => {
      assert.deepEqual((await titlesUnder('Draco Malfoy/Harry Potter')).titles, ['Tagged In Full']);
      await wrangle(wrangler, { kind: 'canonical', tag: 'Draco Malfoy/Harry Potter', canonical: true });
      const merged = await wrangle(wrangler, { kind: 'merge', tag: 'Drarry', into: 'Draco Malfoy/Harry Potter' });
      assert.equal(merged.changed, true);
      assert.ok(merged.recomputed >= 1);
      const under = await titlesUnder('Draco Malfoy/Harry Potter');
      assert.deepEqual(under.titles, ['Tagged Drarry', 'Tagged In Full']);
      assert.equal(under.count, 2);
      // The synonym's own page leads to the canonical tag's works.
      assert.deepEqual((await titlesUnder('Drarry')).titles, ['Tagged Drarry', 'Tagged In Full']);

      await wrangle(wrangler, { kind: 'unmerge', tag: 'Drarry' });
      assert.deepEqual((await titlesUnder('Draco Malfoy/Harry Potter')).titles, ['Tagged In Full']);
      assert.deepEqual((await titlesUnder('Drarry')).titles, ['Tagged Drarry']);
      await wrangle(wrangler, { kind: 'merge', tag: 'Drarry', into: 'Draco Malfoy/Harry Potter' });
    });

    it('finds sub-tagged works under a meta tag, transitively, until the link is removed', async () => {
      await makeWork(system, { title: 'Coffee Shop Work', freeforms: ['Coffee Shop AU'] });
      await makeWork(system, { title: 'Bakery Work', freeforms: ['Bakery AU'] });
      for (const tag of ['Alternate Universe', 'Alternate Universe - Modern Setting', 'Coffee Shop AU', 'Bakery AU']) {
        if (!(await findTagByName(store.db, tag))) await makeWork(system, { title: `Seed ${tag}`, freeforms: [tag], draft: true });
        await wrangle(wrangler, { kind: 'canonical', tag, canonical: true });
      }
      await wrangle(wrangler, { kind: 'meta', tag: 'Coffee Shop AU', meta: 'Alternate Universe - Modern Setting', add: true });
      await wrangle(wrangler, { kind: 'meta', tag: 'Alternate Universe - Modern Setting', meta: 'Alternate Universe', add: true });
      assert.deepEqual((await titlesUnder('Alternate Universe')).titles, ['Coffee Shop Work']);
      await wrangle(wrangler, { kind: 'meta', tag: 'Bakery AU', meta: 'Alternate Universe', add: true });
      assert.deepEqual((await titlesUnder('Alternate Universe')).titles, ['Bakery Work', 'Coffee Shop Work']);
      await assert.rejects(wrangle(wrangler, { kind: 'meta', tag: 'Alternate Universe', meta: 'Coffee Shop AU', add: true }), /loop/);
      await wrangle(wrangler, { kind: 'meta', tag: 'Coffee Shop AU', meta: 'Alternate Universe - Modern Setting', add: false });
      assert.deepEqual((await titlesUnder('Alternate Universe')).titles, ['Bakery Work']);
    });

    it('moves a merged tag’s meta tags and parents to the canonical tag, so no work falls out', async () => {
      await makeWork(system, { title: 'Under Old Name', freeforms: ['Teashop AU'] });
      await makeWork(system, { title: 'Under New Name', freeforms: ['Tea House AU'] });
      for (const tag of ['Teashop AU', 'Tea House AU', 'Cosy AU']) {
        if (!(await findTagByName(store.db, tag))) await makeWork(system, { title: `Seed ${tag}`, freeforms: [tag], draft: true });
        await wrangle(wrangler, { kind: 'canonical', tag, canonical: true });
      }
      await wrangle(wrangler, { kind: 'meta', tag: 'Teashop AU', meta: 'Cosy AU', add: true });
      assert.deepEqual((await titlesUnder('Cosy AU')).titles, ['Under Old Name']);
      await wrangle(wrangler, { kind: 'merge', tag: 'Teashop AU', into: 'Tea House AU' });
      assert.deepEqual((await titlesUnder('Cosy AU')).titles, ['Under New Name', 'Under Old Name']);
      const canonical = await findTag(system, 'Tea House AU');
      assert.deepEqual(canonical.relations.metaTags.map((t) => t.name), ['Cosy AU']);
      assert.deepEqual((await findTag(system, 'Teashop AU')).relations.metaTags, [], 'nothing hangs off the synonym');
    });

    it('links a relationship to the characters its name gives, and records the kind', async () => {
      const rel = await findTagByName(store.db, 'Draco Malfoy/Harry Potter');
      const draco = await findTagByName(store.db, 'Draco Malfoy');
      assert.equal(draco?.type, 'character');
      const view = await findTag(system, 'Draco Malfoy');
      assert.ok(view.relations.children.some((c) => c.id === rel!.id));
      const kind = await store.db.selectFrom('tags').select('relationship_kind').where('id', '=', rel!.id).executeTakeFirstOrThrow();
      assert.equal(kind.relationship_kind, 'romantic');
    });

    it('sets parents only in AO3’s shapes and only to canonical tags', async () => {
      await wrangle(wrangler, { kind: 'canonical', tag: 'Harry Potter - J. K. Rowling', canonical: true });
      await wrangle(wrangler, { kind: 'parent', tag: 'Harry Potter - J. K. Rowling', parent: 'Books & Literature', add: true });
      await wrangle(wrangler, { kind: 'parent', tag: 'Draco Malfoy', parent: 'Harry Potter - J. K. Rowling', add: true });
      await assert.rejects(wrangle(wrangler, { kind: 'parent', tag: 'Harry Potter - J. K. Rowling', parent: 'Draco Malfoy', add: true }), /cannot be a parent/);
      await assert.rejects(wrangle(wrangler, { kind: 'parent', tag: 'Coffee Shop AU', parent: 'Drarry', add: true }), /cannot be a parent|not canonical/);
      const fandom = await findTag(system, 'Harry Potter - J. K. Rowling');
      assert.deepEqual(fandom.relations.parents.map((p) => p.name), ['Books & Literature']);
      assert.ok(fandom.relations.children.some((c) => c.name === 'Draco Malfoy'));
    });

    it('refuses merges that make no sense and fixed tags, with a message naming the problem', async () => {
      await assert.rejects(wrangle(wrangler, { kind: 'merge', tag: 'Coffee Shop AU', into: 'Draco Malfoy/Harry Potter' }), /Additional Tag.*not of Relationship/);
      await assert.rejects(wrangle(wrangler, { kind: 'merge', tag: 'Draco Malfoy', into: 'Drarry' }), /not canonical|Character/);
      await assert.rejects(wrangle(wrangler, { kind: 'canonical', tag: 'Explicit', canonical: false }), /fixed/);
      await assert.rejects(wrangle(wrangler, { kind: 'canonical', tag: 'No Such Tag Anywhere', canonical: true }), /There is no tag/);
      await assert.rejects(wrangle(wrangler, { kind: 'canonical', tag: 'Draco Malfoy/Harry Potter', canonical: false }), /has synonyms/);
    });

    it('never lets two wranglers acting at once make a meta-tag loop', async () => {
      for (const tag of ['Race Alpha', 'Race Beta']) {
        await makeWork(system, { title: `Seed ${tag}`, freeforms: [tag] });
        await wrangle(wrangler, { kind: 'canonical', tag, canonical: true });
      }
      const results = await Promise.allSettled([
        wrangle(wrangler, { kind: 'meta', tag: 'Race Alpha', meta: 'Race Beta', add: true }),
        wrangle(wrangler, { kind: 'meta', tag: 'Race Beta', meta: 'Race Alpha', add: true }),
      ]);
      assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
      const alpha = await findTag(system, 'Race Alpha');
      const beta = await findTag(system, 'Race Beta');
      assert.equal(alpha.relations.metaTags.length + beta.relations.metaTags.length, 1, 'exactly one link, no loop');
    });

    it('keeps wrangling to wranglers', async () => {
      await assert.rejects(wrangle(reader, { kind: 'canonical', tag: 'Drarry', canonical: true }), /Only tag wranglers/);
      await assert.rejects(wrangle({ ...system, actor: GUEST }, { kind: 'canonical', tag: 'Drarry', canonical: true }), /Log in/);
    });

    it('records every change in the audit log with who, what, and the state before and after', async () => {
      const entries = await listAudit(store.db, 100, 0);
      const merge = entries.find((e) => e.action === 'merge' && e.tagName === 'Drarry');
      assert.ok(merge);
      assert.equal(merge.actor, 'wrangler_one');
      assert.deepEqual((merge.before as { mergedInto: string | null }).mergedInto, null);
      assert.deepEqual((merge.after as { mergedInto: string | null }).mergedInto, 'Draco Malfoy/Harry Potter');
      assert.ok(Date.parse(merge.createdAt));
      const unchanged = entries.length;
      await wrangle(wrangler, { kind: 'canonical', tag: 'Coffee Shop AU', canonical: true });
      assert.equal((await listAudit(store.db, 100, 0)).length, unchanged, 'no entry when nothing changed');
    });

    it('wrangles many tags at once, all or nothing', async () => {
      for (const t of ['Mass One', 'Mass Two']) await makeWork(system, { title: `Work ${t}`, freeforms: [t] });
      const done = await wrangleMany(wrangler, ['Mass One', 'Mass Two'], (tag) => ({ kind: 'canonical', tag, canonical: true }));
      assert.equal(done.count, 2);
      assert.equal((await findTagByName(store.db, 'Mass Two'))?.canonical, true);
      await makeWork(system, { title: 'Work Mass Three', freeforms: ['Mass Three'] });
      await assert.rejects(
        wrangleMany(wrangler, ['Mass Three', 'Nonexistent Mass Tag'], (tag) => ({ kind: 'merge', tag, into: 'Mass One' })),
        /Nonexistent Mass Tag: There is no tag/,
      );
      assert.equal((await findTagByName(store.db, 'Mass Three'))?.mergerId, null, 'the first tag was not changed either');
    });

    it('marks works crossovers only when their fandoms share no meta tag', async () => {
      const cross = await makeWork(system, { title: 'Crossover', fandoms: ['Fandom Alpha', 'Fandom Beta'] });
      const single = await makeWork(system, { title: 'Single', fandoms: ['Fandom Alpha'] });
      assert.equal((await findWorkById(store.db, cross.id)) && (await crossover(cross.id)), true);
      assert.equal(await crossover(single.id), false);
      for (const tag of ['Fandom Alpha', 'Fandom Beta']) await wrangle(wrangler, { kind: 'canonical', tag, canonical: true });
      await makeWork(system, { title: 'Seed verse', fandoms: ['Alpha-Beta Verse'], draft: true });
      await wrangle(wrangler, { kind: 'canonical', tag: 'Alpha-Beta Verse', canonical: true });
      await wrangle(wrangler, { kind: 'meta', tag: 'Fandom Alpha', meta: 'Alpha-Beta Verse', add: true });
      await wrangle(wrangler, { kind: 'meta', tag: 'Fandom Beta', meta: 'Alpha-Beta Verse', add: true });
      assert.equal(await crossover(cross.id), false, 'two parts of one verse are not a crossover');
    });

    it('refilters a large tag in a background job that reports its progress', async () => {
      const many = INLINE_RECOMPUTE_LIMIT + 5;
      for (let i = 0; i < many; i++) await makeWork(system, { title: `Big ${i}`, freeforms: ['Huge Synonym'] });
      await makeWork(system, { title: 'Seed canonical', freeforms: ['Huge Canonical'], draft: true });
      await wrangle(wrangler, { kind: 'canonical', tag: 'Huge Canonical', canonical: true });
      const merged = await wrangle(wrangler, { kind: 'merge', tag: 'Huge Synonym', into: 'Huge Canonical' });
      assert.equal(merged.recomputed, 0);
      assert.ok(merged.jobId, 'a job was queued');
      assert.equal((await titlesUnder('Huge Canonical')).count, 0, 'not yet refiltered');
      const report = await drainJobs(store, system, JOB_HANDLERS);
      assert.equal(report.done, 1);
      assert.equal((await titlesUnder('Huge Canonical')).count, many);
      const job = await findJob(store.db, merged.jobId!);
      assert.equal(job?.status, 'done');
      assert.deepEqual([job?.progress, job?.total], [many, many]);
    });

    async function crossover(workId: number): Promise<boolean> {
      const row = await store.db.selectFrom('works').select('crossover').where('id', '=', workId).executeTakeFirstOrThrow();
      return Boolean(row.crossover);
    }
  });
}

