// The site-wide request limit per client address (heavy readers and scrapers), on top of the
// per-action limits for log-in, sign-up and resets tested with the accounts.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from '../support/app.ts';

it('[sqlite] answers 429 with a Retry-After once an address passes the per-minute limit', async () => {
  const t = await createTestApp('sqlite', { rateLimit: '5' });
  try {
    for (let i = 0; i < 5; i++) assert.equal((await t.app.inject({ method: 'GET', url: '/works' })).statusCode, 200);
    const page = await t.app.inject({ method: 'GET', url: '/works' });
    assert.equal(page.statusCode, 429);
    assert.ok(page.headers['retry-after']);
    assert.match(page.body, /Too many requests/);
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/works' });
    assert.equal(api.statusCode, 429);
    assert.equal(api.json().error.code, 'rate_limited');
  } finally {
    await t.close();
  }
});
