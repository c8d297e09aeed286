// Kudos on both databases: one per user or guest per work, the exact count, who may leave them,
// races, the per-address limit, and that no address is ever stored.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestStore, skipUnless, type TestStore } from '../support/stores.ts';
import { contextFor, fixedClock, makeUser, makeWork } from '../support/factories.ts';
import { GUEST, type Actor } from '../../src/domain/actor.ts';
import { leaveKudos, ALREADY_LEFT_KUDOS, KUDOS_PER_IP } from '../../src/services/kudos/leave-kudos.ts';
import { listKudos } from '../../src/services/kudos/list-kudos.ts';
import { findWorkById } from '../../src/db/repos/works.repo.ts';
import { setHiddenByAdmin } from '../../src/db/repos/moderation.repo.ts';
import { deleteUser } from '../../src/db/repos/users.repo.ts';
import { dailyStats } from '../../src/db/repos/work-stats.repo.ts';

for (const dialect of DIALECTS) {
  describe(`[${dialect}] kudos`, { skip: await skipUnless(dialect) }, () => {
    let store: TestStore;
    const clock = fixedClock('2026-11-21T12:00:00.000Z');
    const as = (actor: Actor) => contextFor(store, actor, clock);
    let writer: Awaited<ReturnType<typeof makeUser>>;
    let reader: Awaited<ReturnType<typeof makeUser>>;
    let admin: Awaited<ReturnType<typeof makeUser>>;

    before(async () => {
      store = await createTestStore(dialect);
      writer = await makeUser(contextFor(store), { login: 'kudoswriter' });
      reader = await makeUser(contextFor(store), { login: 'kudosreader' });
      admin = await makeUser(contextFor(store), { login: 'kudosadmin', roles: ['admin'] });
    });
    after(async () => store?.destroy());

    const newWork = (extra: Parameters<typeof makeWork>[1] = {}) => makeWork(contextFor(store, undefined, clock), { creator: writer.login, ...extra });
    const kudosCount = async (id: number) => (await findWorkById(store.db, id))!.kudosCount;

    it('counts a guest once per address, and refuses the second politely without changing anything', async () => {
      const work = await newWork();
      assert.deepEqual(await leaveKudos(as(GUEST), { workId: work.id, ip: '203.0.113.7' }), { outcome: 'left' });
      assert.deepEqual(await leaveKudos(as(GUEST), { workId: work.id, ip: '203.0.113.7' }), { outcome: 'already' });
      assert.equal(await kudosCount(work.id), 1);
      assert.deepEqual(await leaveKudos(as(GUEST), { workId: work.id, ip: '2001:db8::1' }), { outcome: 'left' });
      assert.equal(await kudosCount(work.id), 2);
      assert.equal(ALREADY_LEFT_KUDOS, 'You have already left kudos here. :)');
    });

    it('counts a user once, however many addresses they use, apart from guests on the same address', async () => {
      const work = await newWork();
      assert.equal((await leaveKudos(as(reader.actor), { workId: work.id, ip: '198.51.100.1' })).outcome, 'left');
      assert.equal((await leaveKudos(as(reader.actor), { workId: work.id, ip: '198.51.100.2' })).outcome, 'already');
      assert.equal((await leaveKudos(as(GUEST), { workId: work.id, ip: '198.51.100.1' })).outcome, 'left');
      const list = await listKudos(as(GUEST), work.id);
      assert.deepEqual({ total: list.total, userCount: list.userCount, guestCount: list.guestCount, logins: list.logins }, { total: 2, userCount: 1, guestCount: 1, logins: ['kudosreader'] });
      assert.equal(await kudosCount(work.id), 2);
    });

    it('never stores an address: guests are a keyed hash that differs per work', async () => {
      const a = await newWork();
      const b = await newWork();
      const ip = '192.0.2.99';
      await leaveKudos(as(GUEST), { workId: a.id, ip });
      await leaveKudos(as(GUEST), { workId: b.id, ip });
      const rows = await store.db.selectFrom('kudos').select(['guest_key', 'work_id']).where('work_id', 'in', [a.id, b.id]).execute();
      assert.equal(rows.length, 2);
      assert.notEqual(rows[0]!.guest_key, rows[1]!.guest_key);
      for (const table of ['kudos', 'settings', 'rate_limits'] as const) {
        const dump = JSON.stringify(await store.db.selectFrom(table).selectAll().execute());
        assert.ok(!dump.includes(ip), `${table} holds the address`);
      }
    });

    it('refuses creators on their own works, anonymous ones included', async () => {
      for (const anonymous of [false, true]) {
        const work = await newWork({ anonymous });
        await assert.rejects(leaveKudos(as(writer.actor), { workId: work.id, ip: '198.51.100.3' }), { code: 'forbidden', message: "You can't leave kudos on your own work." });
        assert.equal(await kudosCount(work.id), 0);
      }
    });

    it('is impossible where the work cannot be read, and on hidden works', async () => {
      const draft = await newWork({ draft: true });
      await assert.rejects(leaveKudos(as(reader.actor), { workId: draft.id, ip: '198.51.100.4' }), { code: 'not_found' });
      await assert.rejects(leaveKudos(as(GUEST), { workId: draft.id, ip: '198.51.100.4' }), { code: 'not_found' });

      const restricted = await newWork({ restricted: true });
      await assert.rejects(leaveKudos(as(GUEST), { workId: restricted.id, ip: '198.51.100.4' }), { code: 'unauthenticated' });
      assert.equal((await leaveKudos(as(reader.actor), { workId: restricted.id, ip: '198.51.100.4' })).outcome, 'left');

      const hidden = await newWork();
      await setHiddenByAdmin(store.db, hidden.id, true);
      await assert.rejects(leaveKudos(as(reader.actor), { workId: hidden.id, ip: '198.51.100.4' }), { code: 'not_found' });
      await assert.rejects(leaveKudos(as(admin.actor), { workId: hidden.id, ip: '198.51.100.4' }), { code: 'forbidden' });
      await assert.rejects(leaveKudos(as(GUEST), { workId: 999_999, ip: '198.51.100.4' }), { code: 'not_found' });
      assert.equal(await kudosCount(draft.id), 0);
      assert.equal(await kudosCount(hidden.id), 0);
    });

    it('adds exactly one kudos when the same reader sends many at once', async () => {
      const work = await newWork();
      const outcomes = await Promise.all(Array.from({ length: 6 }, () => leaveKudos(as(reader.actor), { workId: work.id, ip: '198.51.100.5' })));
      assert.equal(outcomes.filter((o) => o.outcome === 'left').length, 1);
      const guests = await Promise.all(Array.from({ length: 6 }, () => leaveKudos(as(GUEST), { workId: work.id, ip: '198.51.100.6' })));
      assert.equal(guests.filter((o) => o.outcome === 'left').length, 1);
      assert.equal(await kudosCount(work.id), 2);
    });

    it('records the kudos in the day’s statistics', async () => {
      const work = await newWork();
      await leaveKudos(as(GUEST), { workId: work.id, ip: '198.51.100.7' });
      await leaveKudos(as(GUEST), { workId: work.id, ip: '198.51.100.7' });
      await leaveKudos(as(reader.actor), { workId: work.id, ip: '198.51.100.7' });
      const [day] = await dailyStats(store.db, work.id, '2026-11-21', '2026-11-21');
      assert.equal(day?.kudos, 2);
    });

    it('keeps a deleted account’s kudos, as a guest’s, so the count stays exact', async () => {
      const work = await newWork();
      const leaving = await makeUser(contextFor(store), { login: 'kudosleaver' });
      await leaveKudos(as(leaving.actor), { workId: work.id, ip: '198.51.100.8' });
      await deleteUser(store.db, leaving.id);
      const list = await listKudos(as(GUEST), work.id);
      assert.deepEqual({ total: list.total, userCount: list.userCount, guestCount: list.guestCount, logins: list.logins }, { total: 1, userCount: 0, guestCount: 1, logins: [] });
      assert.equal(await kudosCount(work.id), 1);
    });

    it('limits kudos per address', async () => {
      const work = await newWork();
      const ip = '198.51.100.200';
      for (let i = 0; i < KUDOS_PER_IP.max; i++) await leaveKudos(as(GUEST), { workId: work.id, ip });
      await assert.rejects(leaveKudos(as(GUEST), { workId: work.id, ip }), { code: 'rate_limited' });
      assert.equal(await kudosCount(work.id), 1);
    });

    it('tells the page who may press the button', async () => {
      const work = await newWork();
      assert.equal((await listKudos(as(GUEST), work.id)).canLeave, true);
      assert.equal((await listKudos(as(reader.actor), work.id)).canLeave, true);
      assert.equal((await listKudos(as(writer.actor), work.id)).canLeave, false);
    });
  });
}
