// Accounts through the real pages on both databases: forms, cookies, CSRF, redirects, emails.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipUnless } from '../support/stores.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { WebClient } from '../support/web-client.ts';
import { createUser } from '../../src/services/create-user.ts';

const PASSWORD = 'a sturdy passphrase here';

for (const dialect of DIALECTS) {
  describe(`[${dialect}] account pages`, { skip: await skipUnless(dialect) }, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
      await createUser(t.ctx, { login: 'overseer', email: 'overseer@example.org', password: PASSWORD, role: 'admin' });
    });
    after(async () => t?.close());

    it('signs up through the form with a secure session cookie and shows the user in the header', async () => {
      const client = new WebClient(t.app);
      await client.get('/signup');
      const res = await client.post('/signup', { login: 'wren', email: 'wren@example.org', password: PASSWORD, password_confirmation: PASSWORD });
      assert.equal(res.status, 303);
      const cookie = [res.headers['set-cookie']].flat().find((c) => String(c).startsWith('owlery_session='));
      assert.ok(cookie, 'a session cookie');
      assert.match(String(cookie), /HttpOnly/i);
      assert.match(String(cookie), /SameSite=Lax/i);
      const home = await client.get('/');
      assert.match(home.body, /Log out/);
      assert.match(home.body, /href="\/users\/wren"/);
    });

    it('keeps what was typed when sign-up fails, but never the password', async () => {
      const client = new WebClient(t.app);
      await client.get('/signup');
      const res = await client.post('/signup', { login: 'wren', email: 'other@example.org', password: PASSWORD, password_confirmation: PASSWORD });
      assert.equal(res.status, 422);
      assert.match(res.body, /already taken/);
      assert.match(res.body, /value="other@example.org"/);
      assert.doesNotMatch(res.body, new RegExp(PASSWORD));
    });

    it('refuses a forged or missing CSRF token and a cross-site post, changing nothing', async () => {
      const client = new WebClient(t.app);
      await client.get('/signup');
      const forged = await client.post('/signup', { _csrf: 'x'.repeat(43), login: 'forged1', email: 'f1@example.org', password: PASSWORD, password_confirmation: PASSWORD });
      assert.equal(forged.status, 403);
      const missing = await client.post('/signup', { _csrf: null, login: 'forged2', email: 'f2@example.org', password: PASSWORD, password_confirmation: PASSWORD });
      assert.equal(missing.status, 403);
      client.headers = { origin: 'https://evil.example' };
      const crossSite = await client.post('/signup', { login: 'forged3', email: 'f3@example.org', password: PASSWORD, password_confirmation: PASSWORD });
      assert.equal(crossSite.status, 403);
      const count = await t.store.db.selectFrom('users').select('login').where('login', 'like', 'forged%').execute();
      assert.deepEqual(count, []);
    });

    it('logs in and out; the old session cookie stops working', async () => {
      const client = new WebClient(t.app);
      const login = await client.logIn('wren', PASSWORD);
      assert.equal(login.status, 303);
      assert.equal(login.location, '/users/wren');
      const token = client.cookies.get('owlery_session')!;
      assert.equal((await client.get('/account')).status, 200);
      const out = await client.post('/logout');
      assert.equal(out.status, 303);
      const stale = await t.app.inject({ method: 'GET', url: '/account', headers: { cookie: `owlery_session=${token}` } });
      assert.equal(stale.statusCode, 303);
      assert.match(String(stale.headers.location), /^\/login\?return_to=%2Faccount/);
    });

    it('answers a wrong password with the same message as an unknown login', async () => {
      const client = new WebClient(t.app);
      await client.get('/login');
      const wrong = await client.post('/login', { login: 'wren', password: 'not my password' });
      const unknown = await client.post('/login', { login: 'nobody_here', password: 'not my password' });
      assert.equal(wrong.status, 422);
      assert.equal(unknown.status, 422);
      assert.match(wrong.body, /login or password is not correct/);
      assert.match(unknown.body, /login or password is not correct/);
    });

    it('never redirects off-site after log-in', async () => {
      const client = new WebClient(t.app);
      await client.get('/login');
      for (const target of ['https://evil.example/', '//evil.example/x', '/\\evil.example']) {
        const res = await client.post('/login', { login: 'wren', password: PASSWORD, return_to: target });
        assert.equal(res.location, '/users/wren', `return_to ${target}`);
        await client.post('/logout');
        await client.get('/login');
      }
      const local = await client.post('/login', { login: 'wren', password: PASSWORD, return_to: '/works?page=2' });
      assert.equal(local.location, '/works?page=2');
    });

    it('resets a forgotten password from the emailed link', async () => {
      const client = new WebClient(t.app);
      await client.get('/password/forgot');
      const res = await client.post('/password/forgot', { email: 'wren@example.org' });
      assert.equal(res.status, 200);
      assert.match(res.body, /If an account uses that address/);
      const link = /(\/password\/reset\/\S+)/.exec(t.mail.at(-1)!.text)![1]!;
      await client.get(link);
      const done = await client.post(link, { password: 'the new wren passphrase', password_confirmation: 'the new wren passphrase' });
      assert.equal(done.status, 200);
      assert.equal((await client.get(link)).status, 404, 'the link works once');
      assert.equal((await new WebClient(t.app).logIn('wren', 'the new wren passphrase')).status, 303);
    });

    it('changes the email from the account page only with the current password', async () => {
      const client = new WebClient(t.app);
      await client.logIn('wren', 'the new wren passphrase');
      await client.get('/account');
      const wrong = await client.post('/account/email', { email: 'wren2@example.org', current_password: 'nope' });
      assert.equal(wrong.status, 422);
      assert.match(wrong.body, /current password is not correct/);
      const ok = await client.post('/account/email', { email: 'wren2@example.org', current_password: 'the new wren passphrase' });
      assert.equal(ok.status, 303);
      assert.match((await client.follow(ok)).body, /email address has been changed/);
    });

    it('creates an API token shown once, which then authorizes API calls until revoked', async () => {
      const client = new WebClient(t.app);
      await client.logIn('wren', 'the new wren passphrase');
      await client.get('/account');
      const created = await client.post('/account/tokens', { name: 'reader script' });
      assert.equal(created.status, 200);
      const token = /(owl_[A-Za-z0-9_-]+)/.exec(created.body)![1]!;
      assert.equal(created.headers['cache-control'], 'no-store');
      const again = await client.get('/account');
      assert.doesNotMatch(again.body, new RegExp(token));
      const api = await t.app.inject({ method: 'GET', url: '/api/v1/works', headers: { authorization: `Bearer ${token}` } });
      assert.equal(api.statusCode, 200);
      const id = /\/account\/tokens\/(\d+)\/revoke/.exec(again.body)![1]!;
      assert.equal((await client.post(`/account/tokens/${id}/revoke`)).status, 303);
      const revoked = await t.app.inject({ method: 'GET', url: '/api/v1/works', headers: { authorization: `Bearer ${token}` } });
      assert.equal(revoked.statusCode, 401);
      assert.equal(revoked.json().error.code, 'unauthenticated');
    });

    it('keeps the admin page from everyone but admins, and suspension logs a user out', async () => {
      const guest = new WebClient(t.app);
      assert.equal((await guest.get('/admin')).status, 303);
      const wren = new WebClient(t.app);
      await wren.logIn('wren', 'the new wren passphrase');
      assert.equal((await wren.get('/admin')).status, 403);
      assert.equal((await wren.post('/admin/signup-mode', { mode: 'invitation' })).status, 403);

      const admin = new WebClient(t.app);
      assert.equal((await admin.logIn('overseer', PASSWORD)).status, 303);
      assert.equal((await admin.get('/admin?user=wren')).status, 200);
      const suspend = await admin.post('/admin/users/wren/suspend', { suspended: 'true' });
      assert.equal(suspend.status, 303);
      assert.equal((await wren.get('/account')).status, 303, 'the suspended session is gone');
      assert.equal((await wren.logIn('wren', 'the new wren passphrase')).status, 403);
      await admin.get('/admin?user=wren');
      await admin.post('/admin/users/wren/suspend', { suspended: 'false' });
    });

    it('switches to invitation-only sign-up and lets an invited person join', async () => {
      const admin = new WebClient(t.app);
      await admin.logIn('overseer', PASSWORD);
      await admin.get('/admin');
      assert.equal((await admin.post('/admin/signup-mode', { mode: 'invitation' })).status, 303);

      const visitor = new WebClient(t.app);
      const signup = await visitor.get('/signup');
      assert.match(signup.body, /Request an invitation/);
      assert.equal((await visitor.post('/invitations/requests', { email: 'newcomer@example.org' })).status, 200);
      await admin.get('/admin');
      assert.equal((await admin.post('/admin/invitations/send', { count: '1' })).status, 303);
      const link = /(\/signup\?invitation=\S+)/.exec(t.mail.at(-1)!.text)![1]!;
      const form = await visitor.get(link);
      assert.match(form.body, /name="invitation"/);
      const invitation = decodeURIComponent(/invitation=(\S+)/.exec(link)![1]!);
      const joined = await visitor.post('/signup', { login: 'newcomer', email: 'newcomer@example.org', password: PASSWORD, password_confirmation: PASSWORD, invitation });
      assert.equal(joined.status, 303);
      await admin.post('/admin/signup-mode', { mode: 'open' });
    });
  });
}

describe('[sqlite] reset emails and a forged Host header', () => {
  it('builds links from the configured address, never from the request', async () => {
    const t = await createTestApp('sqlite');
    try {
      await createUser(t.ctx, { login: 'hosttest', email: 'hosttest@example.org', password: PASSWORD });
      const client = new WebClient(t.app);
      client.headers = { host: 'evil.example' };
      await client.get('/password/forgot');
      const res = await client.post('/password/forgot', { email: 'hosttest@example.org' });
      assert.equal(res.status, 200);
      const text = t.mail.at(-1)!.text;
      assert.doesNotMatch(text, /evil\.example/);
      assert.match(text, /http:\/\/127\.0\.0\.1:3000\/password\/reset\//);
    } finally {
      await t.close();
    }
  });
});
