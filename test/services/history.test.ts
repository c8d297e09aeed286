// Reading history and Mark for Later on both databases: visits counted with the last chapter,
// nothing kept for guests, creators or readers who turned history off, clearing that keeps the
// to-read list, and works hidden since dropping out.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestStore, skipUnless, type TestStore } from '../support/stores.ts';
import { contextFor, fixedClock, makeUser, makeWork } from '../support/factories.ts';
import { GUEST, SYSTEM, type Actor } from '../../src/domain/actor.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { readWork } from '../../src/services/read-work.ts';
import { recordVisit } from '../../src/services/history/record-visit.ts';
import { myReadings } from '../../src/services/history/list-readings.ts';
import { clearHistory, forgetReading } from '../../src/services/history/clear-history.ts';
import { markForLater } from '../../src/services/history/mark-for-later.ts';
import { setReaderPreferences } from '../../src/services/reader/preferences.ts';
import { setHiddenByAdmin } from '../../src/db/repos/moderation.repo.ts';

for (const dialect of DIALECTS) {
  describe(`[${dialect}] reading history and Mark for Later`, { skip: await skipUnless(dialect) }, () => {
    let store: TestStore;
    let system: ServiceContext;
    const clock = fixedClock('2026-11-21T12:00:00.000Z');
    let reader: { id: number; login: string; actor: Actor };
    let author: { id: number; login: string; actor: Actor };
    const as = (actor: Actor): ServiceContext => ({ ...system, actor });
    const visit = async (actor: Actor, workId: number, chapterId?: number) => {
      const reading = await readWork(as(actor), workId, chapterId ? { chapterId } : {});
      await recordVisit(as(actor), reading.card, reading.mode === 'chapter' ? reading.shown[0]!.id : null);
    };
    const history = async (list: 'history' | 'later' = 'history') => (await myReadings(as(reader.actor), { list })).items;

    before(async () => {
      store = await createTestStore(dialect);
      system = contextFor(store, SYSTEM, clock);
      reader = await makeUser(system, { login: 'nightreader' });
      author = await makeUser(system, { login: 'daywriter' });
    });
    after(async () => store?.destroy());

    it('records visits with the last chapter and a count, newest first; not for guests or the work’s creators', async () => {
      const long = await makeWork(system, { creator: 'daywriter', title: 'Three Parts', chapters: [{ html: '<p>1</p>' }, { title: 'Middle', html: '<p>2</p>' }, { html: '<p>3</p>' }] });
      const short = await makeWork(system, { creator: 'daywriter', title: 'Short One' });
      const chapters = await store.db.selectFrom('chapters').select('id').where('work_id', '=', long.id).orderBy('position').execute();
      await visit(reader.actor, long.id, chapters[1]!.id);
      clock.set('2026-11-21T13:00:00.000Z');
      await visit(reader.actor, short.id);
      clock.set('2026-11-21T14:00:00.000Z');
      await visit(reader.actor, long.id, chapters[2]!.id);
      await visit(GUEST, long.id);
      await visit(author.actor, long.id);
      const items = await history();
      assert.deepEqual(items.map((i) => [i.card.work.title, i.reading.visitCount]), [['Three Parts', 2], ['Short One', 1]]);
      assert.equal(items[0]!.chapter?.number, 3);
      assert.equal(items[0]!.reading.lastVisitedAt, '2026-11-21T14:00:00.000Z');
      // The entire-work view keeps the chapter last opened.
      await recordVisit(as(reader.actor), (await readWork(as(reader.actor), long.id, { full: true })).card, null);
      assert.equal((await history())[0]!.chapter?.number, 3);
      assert.equal(await store.db.selectFrom('readings').select('user_id').where('user_id', '=', author.id).executeTakeFirst(), undefined);
    });

    it('keeps nothing while the reader has history turned off', async () => {
      const quiet = await makeUser(system, { login: 'quietreader' });
      await setReaderPreferences(as(quiet.actor), { notificationEmail: 'immediately', historyEnabled: false });
      const work = await makeWork(system, { creator: 'daywriter' });
      await visit(quiet.actor, work.id);
      assert.deepEqual((await myReadings(as(quiet.actor))).items, []);
    });

    it('marks works for later, lists them apart, and keeps them when the history is cleared', async () => {
      const later = await makeWork(system, { creator: 'daywriter', title: 'For The Weekend' });
      await markForLater(as(reader.actor), later.id, true);
      assert.deepEqual((await history('later')).map((i) => i.card.work.title), ['For The Weekend']);
      assert.ok(!(await history()).some((i) => i.card.work.title === 'For The Weekend'), 'marking is not visiting');
      await visit(reader.actor, later.id);
      await clearHistory(as(reader.actor));
      assert.deepEqual(await history(), []);
      assert.deepEqual((await history('later')).map((i) => i.card.work.title), ['For The Weekend']);
      await markForLater(as(reader.actor), later.id, false);
      assert.deepEqual(await history('later'), []);
      await assert.rejects(markForLater(as(GUEST), later.id, true), { code: 'unauthenticated' });
    });

    it('forgets one work, and drops works hidden since', async () => {
      const a = await makeWork(system, { creator: 'daywriter', title: 'Keep Me' });
      const b = await makeWork(system, { creator: 'daywriter', title: 'Forget Me' });
      const c = await makeWork(system, { creator: 'daywriter', title: 'Hide Me' });
      for (const w of [a, b, c]) await visit(reader.actor, w.id);
      await forgetReading(as(reader.actor), b.id);
      await assert.rejects(forgetReading(as(reader.actor), b.id), { code: 'not_found' });
      await setHiddenByAdmin(store.db, c.id, true);
      assert.deepEqual((await history()).map((i) => i.card.work.title), ['Keep Me']);
      await assert.rejects(myReadings(as(author.actor), { login: 'nightreader' }), { code: 'forbidden' });
    });
  });
}
