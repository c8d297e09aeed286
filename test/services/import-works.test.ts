// The importer end to end on both databases: files in, works out — or nothing at all.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { DIALECTS, createTestStore, skipUnless, type TestStore } from '../support/stores.ts';
import { contextFor } from '../support/factories.ts';
import { importWorks, type ImportFile } from '../../src/services/import-works.ts';
import { readWork } from '../../src/services/read-work.ts';
import { findTagByName } from '../../src/db/repos/tags.repo.ts';
import { GUEST } from '../../src/domain/actor.ts';
import type { ServiceContext } from '../../src/services/context.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const fixture = (name: string): ImportFile => ({ name, bytes: fs.readFileSync(path.join(FIXTURES, name)) });

/** AO3's count from an independent implementation of its rule (test/fixtures/ao3-word-count.pl). */
function oracleWordCount(file: string): number {
  const result = spawnSync('perl', [path.join(FIXTURES, 'ao3-word-count.pl'), path.join(FIXTURES, file)], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return Number(result.stdout.trim());
}

async function rowCounts(ctx: ServiceContext) {
  const count = async (table: 'works' | 'chapters' | 'tags' | 'users' | 'work_tags') =>
    Number((await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { works: await count('works'), chapters: await count('chapters'), tags: await count('tags'), users: await count('users'), workTags: await count('work_tags') };
}

for (const dialect of DIALECTS) {
  describe(`[${dialect}] importing works`, { skip: await skipUnless(dialect) }, () => {
    let store: TestStore;
    let ctx: ServiceContext;
    before(async () => {
      store = await createTestStore(dialect);
      ctx = contextFor(store);
    });
    after(async () => store?.destroy());

    it("imports a 4,000-word story with its tags and AO3's word count", async () => {
      const [work] = await importWorks(ctx, [fixture('story-4000.txt')], {
        title: 'The Thursday Coins',
        summary: 'Holmes & Watson <b>investigate</b> nothing much.',
        creator: 'inkwell',
        fandoms: ['Sherlock Holmes - Arthur Conan Doyle'],
        rating: 'General Audiences',
        warnings: ['No Archive Warnings Apply'],
        characters: ['Sherlock Holmes', 'John Watson'],
        relationships: ['Sherlock Holmes & John Watson'],
        freeforms: ['Case Fic'],
      });
      assert.ok(work);
      assert.equal(work.wordCount, oracleWordCount('story-4000.txt'));
      assert.equal(work.chapterCount, 1);
      assert.equal(work.url, `/works/${work.id}`);

      const reading = await readWork({ ...ctx, actor: GUEST }, work.id, {});
      const names = reading.card.tags.map((t) => `${t.type}:${t.name}`).sort();
      assert.deepEqual(names, [
        'character:John Watson',
        'character:Sherlock Holmes',
        'fandom:Sherlock Holmes - Arthur Conan Doyle',
        'freeform:Case Fic',
        'rating:General Audiences',
        'relationship:Sherlock Holmes & John Watson',
        'warning:No Archive Warnings Apply',
      ]);
      assert.deepEqual(reading.card.creators.map((c) => c.pseud), ['inkwell']);
      assert.equal(reading.card.work.wordCount, work.wordCount);
      // The summary was plain text: markup in it is text, not HTML.
      assert.match(reading.card.work.summary, /&lt;b&gt;investigate&lt;\/b&gt;/);
      const content = reading.shown[0]!.content;
      const paragraphs = content.match(/<p>/g)?.length ?? 0;
      const sourceParagraphs = fs.readFileSync(path.join(FIXTURES, 'story-4000.txt'), 'utf8').split(/\n\s*\n/).filter((p) => p.trim() && !/^\s*(\* \* \*|~~~)\s*$/.test(p)).length;
      assert.equal(paragraphs, sourceParagraphs);
      assert.match(content, /<hr \/>|<hr>/);
    });

    it('puts the canonical tag into the filter set, so tag listings find the work', async () => {
      const [work] = await importWorks(ctx, [fixture('story-4000.txt')], { title: 'Second', fandoms: ['Sherlock Holmes - Arthur Conan Doyle'] });
      const fandom = await findTagByName(ctx.db, 'sherlock holmes - arthur conan doyle');
      assert.ok(fandom && work);
      const filters = await ctx.db.selectFrom('work_filters').select('tag_id').where('work_id', '=', work.id).execute();
      assert.ok(filters.some((f) => f.tag_id === fandom.id));
    });

    it('splits chapters with --chapter-split and titles them from the matching line', async () => {
      const file: ImportFile = { name: 'split.txt', bytes: Buffer.from('Chapter One: Fog\n\nThe fog came in.\n\nChapter Two: Rain\n\nThen it rained all day.\n') };
      const [work] = await importWorks(ctx, [file], { chapterSplit: /^Chapter \w+:/ });
      assert.ok(work);
      assert.equal(work.chapterCount, 2);
      const reading = await readWork(ctx, work.id, { full: true });
      assert.deepEqual(reading.shown.map((c) => c.title), ['Chapter One: Fog', 'Chapter Two: Rain']);
      assert.equal(reading.card.work.expectedChapters, 2);
      assert.equal(reading.card.work.complete, true);
    });

    it('creates an unclaimed account for a new creator and reuses it later', async () => {
      await importWorks(ctx, [{ name: 'a.md', bytes: Buffer.from('Some words.') }], { creator: 'Quill Feather' });
      await importWorks(ctx, [{ name: 'b.md', bytes: Buffer.from('More words.') }], { creator: 'Quill Feather' });
      const pseuds = await ctx.db.selectFrom('pseuds').innerJoin('users', 'users.id', 'pseuds.user_id').select(['pseuds.name', 'users.login', 'users.password_hash']).where('pseuds.name', '=', 'Quill Feather').execute();
      assert.equal(pseuds.length, 1);
      assert.equal(pseuds[0]!.login, 'Quill_Feather');
      assert.equal(pseuds[0]!.password_hash, null);
    });

    const refusals: Array<[string, () => ImportFile[], Record<string, unknown>, RegExp]> = [
      ['an empty file', () => [fixture('bad/empty.txt')], {}, /empty/i],
      ['a whitespace-only file', () => [fixture('bad/blank.txt')], {}, /only whitespace/i],
      ['a binary file', () => [fixture('bad/binary.txt')], {}, /binary/i],
      ['invalid UTF-8', () => [fixture('bad/invalid-utf8.txt')], {}, /UTF-8/],
      ['an unknown rating', () => [fixture('story-4000.txt')], { rating: 'Spicy' }, /Unknown rating "Spicy"/],
      ['an unknown warning', () => [fixture('story-4000.txt')], { warnings: ['Mild Peril'] }, /Unknown archive warning "Mild Peril"/],
      ['an unknown category', () => [fixture('story-4000.txt')], { categories: ['Romance'] }, /Unknown category "Romance"/],
      ['an unknown language', () => [fixture('story-4000.txt')], { language: 'Klingonese' }, /Unknown language/],
      ['an unsupported file type', () => [{ name: 'story.pdf', bytes: Buffer.from('%PDF-1.4') }], {}, /\.pdf/],
      ['a batch with one bad file among good ones', () => [fixture('story-4000.txt'), fixture('bad/binary.txt')], {}, /binary\.txt/],
      ['a tag already used with another type', () => [fixture('story-4000.txt')], { freeforms: ['Gen'] }, /already a Category tag/],
    ];
    for (const [what, files, meta, message] of refusals) {
      it(`refuses ${what} with a clear message and writes nothing`, async () => {
        const before = await rowCounts(ctx);
        await assert.rejects(importWorks(ctx, files(), { creator: `new creator ${what.length}`, fandoms: ['A Brand New Fandom'], ...meta }), (error: Error) => {
          assert.match(error.message, message);
          return true;
        });
        assert.deepEqual(await rowCounts(ctx), before);
      });
    }

    it('refuses an import by a guest', async () => {
      await assert.rejects(importWorks({ ...ctx, actor: GUEST }, [fixture('story-4000.txt')], {}), /administrators/);
    });
  });
}
