// `owlery serve` end to end: migrates an empty archive, prints its address and a one-time
// setup link, and the link creates the admin account exactly once.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, runCli, type RunningServer } from '../support/cli.ts';

describe('[sqlite] owlery serve', () => {
  let dir: string;
  let server: RunningServer;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'owlery-serve-'));
    server = await startServer(['--data', dir]);
  });
  after(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves the archive from a new data folder', async () => {
    assert.ok(fs.existsSync(path.join(dir, 'owlery.sqlite')));
    const res = await fetch(`${server.url}/healthz`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok', database: 'sqlite' });
    const home = await fetch(server.url);
    assert.match(await home.text(), /admin account/i);
  });

  it('creates the admin account once through the printed setup link', async () => {
    const match = /(http:\/\/\S+\/setup\/[A-Za-z0-9_-]+)/.exec(server.output.join(''));
    assert.ok(match, `setup link printed:\n${server.output.join('')}`);
    const link = match[1]!;
    const form = await fetch(link);
    assert.equal(form.status, 200);
    const page = await form.text();
    assert.match(page, /name="password"/);
    // The form's CSRF token pairs with the cookie the page set (double submit).
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
    const cookie = form.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

    const post = (body: Record<string, string>, headers: Record<string, string> = {}) =>
      fetch(link, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...headers },
        body: new URLSearchParams({ _csrf: csrf, ...body }),
        redirect: 'manual',
      });

    const forged = await post({ _csrf: 'forged-token-value-that-is-long-enough-to-look-real', login: 'boss', email: 'boss@example.org', password: 'correct horse battery', password_confirmation: 'correct horse battery' });
    assert.equal(forged.status, 403);

    const crossSite = await post({ login: 'boss', email: 'boss@example.org', password: 'correct horse battery', password_confirmation: 'correct horse battery' }, { 'sec-fetch-site': 'cross-site' });
    assert.equal(crossSite.status, 403);

    const mismatch = await post({ login: 'boss', email: 'boss@example.org', password: 'correct horse battery', password_confirmation: 'different' });
    assert.equal(mismatch.status, 422);
    const mismatchPage = await mismatch.text();
    assert.match(mismatchPage, /do not match/);
    assert.match(mismatchPage, /value="boss@example.org"/);
    assert.doesNotMatch(mismatchPage, /correct horse battery/);

    const done = await post({ login: 'boss', email: 'boss@example.org', password: 'correct horse battery', password_confirmation: 'correct horse battery' });
    assert.equal(done.status, 200);
    assert.match(await done.text(), /created/i);

    const again = await fetch(link);
    assert.equal(again.status, 404);
    const reuse = await post({ login: 'boss2', email: 'b2@example.org', password: 'another long secret', password_confirmation: 'another long secret' });
    assert.equal(reuse.status, 404);
  });

  it('never writes the setup token or passwords to the log', () => {
    const log = server.output.join('');
    const token = /\/setup\/([A-Za-z0-9_-]+)/.exec(log)![1]!;
    const occurrences = log.split(token).length - 1;
    assert.equal(occurrences, 1, 'only the printed link carries the token');
    assert.doesNotMatch(log, /correct horse battery/);
  });
});

describe('[sqlite] owlery users create', () => {
  it('creates an account with a role from a password on stdin, and refuses a short one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'owlery-users-'));
    try {
      const ok = await runCli(['users', 'create', '--login', 'wrangler1', '--email', 'w@example.org', '--password-stdin', '--role', 'wrangler', '--data', dir], { input: 'a long enough password\n' });
      assert.equal(ok.status, 0, ok.stderr);
      assert.match(ok.stdout, /Created user wrangler1 \(wrangler\)/);
      const short = await runCli(['users', 'create', '--login', 'shorty', '--email', 's@example.org', '--password-stdin', '--data', dir], { input: 'short\n' });
      assert.equal(short.status, 1);
      assert.match(short.stderr, /at least 8 characters/);
      const taken = await runCli(['users', 'create', '--login', 'WRANGLER1', '--email', 'x@example.org', '--password-stdin', '--data', dir], { input: 'a long enough password\n' });
      assert.equal(taken.status, 1);
      assert.match(taken.stderr, /taken/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
