// The rate-limit table on both databases: its keys are keyed hashes (HMAC-SHA256 under a secret in
// the settings table), so neither an address nor its plain SHA-256 — which anyone could find by
// hashing every IPv4 address — is ever stored, and the limiter counts exactly as before.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { DIALECTS, createTestStore, skipUnless, type TestStore } from '../support/stores.ts';
import { exhausted, giveBack, limitKey, reset, spend, type Limit } from '../../src/services/rate-limit.ts';
import { getSetting } from '../../src/db/repos/settings.repo.ts';

const LIMIT: Limit = { name: 'test-ip', max: 3, windowMs: 60_000, message: 'Slow down.' };
const NOW = new Date('2026-05-01T10:00:10.000Z');

for (const dialect of DIALECTS) {
  describe(`[${dialect}] rate-limit keys`, { skip: await skipUnless(dialect) }, () => {
    let store: TestStore;
    before(async () => {
      store = await createTestStore(dialect);
    });
    after(async () => store?.destroy());

    it('stores neither the address nor its plain SHA-256', async () => {
      const ip = '192.0.2.77';
      const email = 'Someone@Example.org';
      await spend(store.db, LIMIT, ip, NOW);
      await spend(store.db, LIMIT, email, NOW);
      const rows = await store.db.selectFrom('rate_limits').selectAll().execute();
      assert.equal(rows.length, 2);
      const dump = JSON.stringify(rows);
      for (const subject of [ip, email.toLowerCase()]) {
        const sha = createHash('sha256').update(subject).digest('hex');
        assert.ok(!dump.includes(subject), 'the subject itself');
        assert.ok(!dump.includes(sha.slice(0, 16)), 'its plain SHA-256 (or any sizeable part of it)');
      }
      assert.ok(rows.every((r) => /^test-ip:[0-9a-f]{32}$/.test(r.key)));
      const secret = await getSetting(store.db, 'rate-limit.secret');
      assert.ok(secret && secret.length >= 40, 'the secret is kept in settings');
      assert.ok(!dump.includes(secret));
    });

    it('gives a subject one key, whatever its case, and counts, peeks, gives back and resets as before', async () => {
      const ip = '198.51.100.200';
      assert.equal(await limitKey(store.db, LIMIT, ip), await limitKey(store.db, LIMIT, ip.toUpperCase()));
      assert.notEqual(await limitKey(store.db, LIMIT, ip), await limitKey(store.db, { ...LIMIT, name: 'other' }, ip));
      assert.notEqual(await limitKey(store.db, LIMIT, ip), await limitKey(store.db, LIMIT, '198.51.100.201'));
      for (let i = 0; i < LIMIT.max; i++) await spend(store.db, LIMIT, ip, NOW);
      assert.equal(await exhausted(store.db, LIMIT, ip, NOW), true);
      await assert.rejects(spend(store.db, LIMIT, ip, NOW), { code: 'rate_limited', message: 'Slow down.' });
      await reset(store.db, LIMIT, ip);
      assert.equal(await exhausted(store.db, LIMIT, ip, NOW), false);
      await spend(store.db, LIMIT, ip, NOW);
      await giveBack(store.db, LIMIT, ip);
      for (let i = 0; i < LIMIT.max; i++) await spend(store.db, LIMIT, ip, NOW);
      await assert.rejects(spend(store.db, LIMIT, ip, NOW), { code: 'rate_limited' });
      // The next window starts afresh.
      await spend(store.db, LIMIT, ip, new Date(NOW.getTime() + LIMIT.windowMs));
      // Inside a transaction (a different handle, outside the cache) the key is the same.
      const inside = await store.db.transaction().execute((trx) => limitKey(trx, LIMIT, ip));
      assert.equal(inside, await limitKey(store.db, LIMIT, ip));
    });
  });
}
