// Importing AO3 downloads (HTML and EPUB) and a generic EPUB end to end on both databases: the
// file's metadata becomes the work's tags, creators, language, series, notes and posting date.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIALECTS, createTestStore, skipUnless, type TestStore } from '../support/stores.ts';
import { contextFor } from '../support/factories.ts';
import { importWorks, type ImportFile } from '../../src/services/import-works.ts';
import { readWork, type WorkReading } from '../../src/services/read-work.ts';
import { GUEST } from '../../src/domain/actor.ts';
import type { ServiceContext } from '../../src/services/context.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const fixture = (name: string): ImportFile => ({ name, bytes: fs.readFileSync(path.join(FIXTURES, name)) });

const FIXTURE_TAGS = [
  'category:F/F',
  'category:Gen',
  'character:Ilse Varga',
  'character:Maren Holt',
  'character:The Lighthouse Cat',
  'fandom:Original Work',
  'fandom:Tide Tables Universe (Original)',
  'freeform:Hurt/Comfort',
  'freeform:Lighthouses',
  'freeform:Storms',
  'rating:Teen And Up Audiences',
  'relationship:Maren Holt & The Lighthouse Cat',
  'relationship:Maren Holt/Ilse Varga',
  'warning:Creator Chose Not To Use Archive Warnings',
  'warning:Graphic Depictions Of Violence',
];

const tagsOf = (reading: WorkReading) => reading.card.tags.map((t) => `${t.type}:${t.name}`).sort();
const creatorsOf = (reading: WorkReading) => reading.card.creators.map((c) => `${c.pseud} (${c.login})`).sort();

/** Everything ao3-download.html and ao3-download.epub say about "What the Lamp Keeps". */
function checkLampWork(reading: WorkReading) {
  const { work } = reading.card;
  assert.equal(work.title, 'What the Lamp Keeps');
  assert.deepEqual(tagsOf(reading), FIXTURE_TAGS);
  assert.deepEqual(creatorsOf(reading), ['Harbor Lights (quietharbor)', 'saltwick (saltwick)']);
  assert.equal(work.language, 'en');
  assert.deepEqual(reading.card.series.map((s) => [s.title, s.position]), [['Tide Tables', 2]]);
  assert.match(work.postedAt ?? '', /^2021-03-14/);
  assert.equal(work.expectedChapters, 3);
  assert.equal(work.complete, false);
  assert.equal(work.summary, '<p>A keeper, a <em>very</em> late ferry, and the one night the lamp refuses to turn.</p>');
  assert.equal(work.notes, '<p>Written for a prompt about lights that stay on.</p>');
  assert.match(work.endNotes, /Greyhook is made up/);
  assert.deepEqual(reading.shown.map((c) => c.title), ['Low Tide', 'The Lamp Room']);
  const [one, two] = reading.shown;
  assert.equal(one?.summary, '<p>Maren climbs the stairs one hundred and twelve times.</p>');
  assert.equal(one?.notes, '<p>The stair count is real, if you count the landing.</p>');
  assert.equal(one?.endNotes, '<p>Next time: the lamp room, and a very stubborn gear.</p>');
  assert.match(one?.content ?? '', /^<p>The lamp at Greyhook/);
  assert.equal(two?.notes, '');
  assert.equal(two?.endNotes, '<p>One more chapter to go: the repair.</p>');
}

for (const dialect of DIALECTS) {
  describe(`[${dialect}] importing AO3 downloads and EPUBs`, { skip: await skipUnless(dialect) }, () => {
    let store: TestStore;
    let ctx: ServiceContext;
    before(async () => {
      store = await createTestStore(dialect);
      ctx = contextFor(store);
    });
    after(async () => store?.destroy());

    it("imports AO3's HTML download with all its metadata", async () => {
      const [result] = await importWorks(ctx, [fixture('ao3/ao3-download.html')], {});
      assert.ok(result);
      assert.equal(result.chapterCount, 2);
      checkLampWork(await readWork({ ...ctx, actor: GUEST }, result.id, { full: true }));
    });

    it("imports AO3's EPUB download the same way, reusing the creators already imported", async () => {
      const [result] = await importWorks(ctx, [fixture('ao3/ao3-download.epub')], {});
      assert.ok(result);
      checkLampWork(await readWork({ ...ctx, actor: GUEST }, result.id, { full: true }));
      const users = await ctx.db.selectFrom('users').select('login').where('login', 'in', ['saltwick', 'quietharbor']).execute();
      assert.equal(users.length, 2, 'one account per creator across both imports');
    });

    it('lets command-line values override the file, field by field', async () => {
      const [result] = await importWorks(ctx, [fixture('ao3/ao3-download.html')], {
        title: 'Renamed',
        creator: 'inkwell',
        rating: 'Mature',
        fandoms: ['Another Fandom'],
        language: 'fr',
        summary: 'Plain summary.',
      });
      assert.ok(result);
      const reading = await readWork(ctx, result.id, { full: true });
      assert.equal(reading.card.work.title, 'Renamed');
      assert.deepEqual(creatorsOf(reading), ['inkwell (inkwell)']);
      assert.equal(reading.card.work.language, 'fr');
      assert.equal(reading.card.work.summary, '<p>Plain summary.</p>');
      const tags = tagsOf(reading);
      assert.ok(tags.includes('rating:Mature') && !tags.includes('rating:Teen And Up Audiences'));
      assert.deepEqual(tags.filter((t) => t.startsWith('fandom:')), ['fandom:Another Fandom']);
      // Fields without a flag still come from the file.
      assert.ok(tags.includes('character:Maren Holt') && tags.includes('warning:Graphic Depictions Of Violence'));
      assert.deepEqual(reading.shown.map((c) => c.title), ['Low Tide', 'The Lamp Room']);
    });

    it('keeps the default language when the file names one the archive does not know', async () => {
      const html = fs.readFileSync(path.join(FIXTURES, 'ao3/ao3-download.html'), 'utf8').replace('<dd>English</dd>', '<dd>Tlhingan Hol</dd>');
      const [result] = await importWorks(ctx, [{ name: 'klingon.html', bytes: Buffer.from(html) }], {});
      assert.ok(result);
      assert.equal((await readWork(ctx, result.id, {})).card.work.language, 'en');
    });

    it('imports a generic EPUB with its creator, subjects, summary, series and date', async () => {
      const [result] = await importWorks(ctx, [fixture('story.epub')], {});
      assert.ok(result);
      const reading = await readWork(ctx, result.id, { full: true });
      assert.equal(reading.card.work.title, 'The Bell Ringer’s Daughter');
      assert.deepEqual(creatorsOf(reading), ['Wren Calloway (Wren_Calloway)']);
      assert.deepEqual(tagsOf(reading).filter((t) => t.startsWith('freeform:')), ['freeform:Mothers and Daughters', 'freeform:Village Life']);
      assert.deepEqual(reading.card.series.map((s) => [s.title, s.position]), [['Ashby Cross Stories', 1]]);
      assert.match(reading.card.work.postedAt ?? '', /^2020-11-05/);
      assert.equal(reading.card.work.expectedChapters, 3);
      assert.deepEqual(reading.shown.map((c) => c.title), ['One: The Rope', 'Counting', 'Three']);
    });

    it('imports a .docx, and refuses corrupt .docx and .epub files by name', async () => {
      const [result] = await importWorks(ctx, [fixture('story.docx')], {});
      assert.equal(result?.title, 'The Cartographer’s Apprentice');
      assert.equal(result?.chapterCount, 2);
      await assert.rejects(importWorks(ctx, [fixture('broken.docx'), fixture('broken.epub')], {}), (error: Error) => {
        assert.match(error.message, /broken\.docx: "broken\.docx" is not a valid Word/);
        assert.match(error.message, /broken\.epub: "broken\.epub" is not a valid EPUB/);
        return true;
      });
    });
  });
}
