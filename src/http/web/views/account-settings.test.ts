// The account settings and admin pages: one CSRF-carrying POST form per action, field ids unique
// across the page, errors keyed "form.field" linked from the summary, values kept but never
// passwords, the new-token box only right after creation, and logins, emails, pseud and token
// names escaped (and encoded in URLs).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accountView } from './account-settings.ts';
import type { AccountPage } from './account-settings.ts';
import { adminView } from './admin.ts';
import type { AdminPage } from './admin.ts';
import { ESCAPED, EVIL, SECRET, byId, check, isControl, postActions, user } from '../../../../test/support/page-checks.ts';

function accountPage(over: Partial<AccountPage> = {}): AccountPage {
  return {
    login: 'wren',
    email: 'wren@example.org',
    pseuds: [
      { id: 1, name: 'wren', isDefault: true, url: '/users/wren' },
      { id: 2, name: 'Finch Writes', isDefault: false, url: '/users/wren/pseuds/Finch%20Writes' },
    ],
    tokens: [
      { id: 5, name: 'e-reader sync', createdAt: '2026-01-02T00:00:00Z', lastUsedAt: null },
      { id: 6, name: 'backup script', createdAt: '2026-02-03T00:00:00Z', lastUsedAt: '2026-03-04T00:00:00Z' },
    ],
    newToken: null,
    errors: {},
    values: {},
    ...over,
  };
}

function adminPage(over: Partial<AdminPage> = {}): AdminPage {
  return {
    signupMode: 'invitation',
    queueLength: 12,
    errors: {},
    user: { login: 'finch', url: '/users/finch', email: 'finch@example.org', roles: ['wrangler'], suspended: false, joinedAt: '2026-01-01T00:00:00Z' },
    lookup: 'finch',
    ...over,
  };
}

describe('account and admin pages: structure and CSRF', () => {
  const pages: Record<string, () => string> = {
    account: () => accountView(user({ path: '/account' }), accountPage()),
    'account (new token, errors)': () =>
      accountView(
        user({ path: '/account' }),
        accountPage({
          newToken: { name: 'sync', token: 'owl_abc' },
          errors: { 'email.email': 'a', 'email.current_password': 'b', 'password.current_password': 'c', 'password.password': 'd', 'pseuds.name': 'e', 'tokens.name': 'f', 'delete.current_password': 'g', 'delete.works': 'h', 'tokens._': 'i', 'pseuds._': 'j' },
        }),
      ),
    admin: () => adminView(user({ path: '/admin', isAdmin: true }), adminPage()),
    'admin (no user, errors)': () =>
      adminView(user({ path: '/admin', isAdmin: true }), adminPage({ user: null, lookup: '', errors: { 'invite.count': 'a', 'invite.email': 'b', 'user.login': 'c', 'mode.mode': 'd', _: 'e', 'user._': 'f' } })),
  };
  for (const [name, render] of Object.entries(pages)) {
    it(`${name}: labelled controls, unique ids, one h1, CSRF on every POST form`, () => {
      check(render());
    });
  }

  it('posts each form where the routes expect it', () => {
    assert.deepEqual(postActions(check(pages.account!())), [
      '/logout', '/account/email', '/account/password', '/account/pseuds/2/default', '/account/pseuds/2/delete', '/account/pseuds',
      '/account/tokens/5/revoke', '/account/tokens/6/revoke', '/account/tokens', '/account/delete',
    ]);
    assert.deepEqual(postActions(check(pages.admin!())), [
      '/logout', '/admin/signup-mode', '/admin/invitations/send', '/admin/invitations/invite',
      '/admin/users/finch/suspend', '/admin/users/finch/roles', '/admin/users/finch/roles', '/admin/users/finch/roles',
      '/admin/works/hidden',
    ]);
  });
});

describe('account settings', () => {
  it('has one labelled section per form, with unique field ids', () => {
    const page = accountView(user({ path: '/account' }), accountPage());
    const p = check(page);
    assert.deepEqual(
      p.headings.map((h) => `${h.level} ${h.text}`),
      ['1 Your account', '2 Email address', '2 Password', '2 Pseuds', '2 API tokens', '2 Delete account'],
    );
    for (const id of ['email_current_password', 'password_current_password', 'delete_current_password']) assert.equal(byId(p, id)?.attrs.name, 'current_password');
    assert.match(page, /<section class="account-section" aria-labelledby="account-email">/);
    assert.match(page, /Your email address is <strong class="email">wren@example.org<\/strong>/);
  });

  it('lists pseuds with default marker and per-pseud forms that explain deletion', () => {
    const page = accountView(user(), accountPage());
    assert.match(page, /<a href="\/users\/wren">wren<\/a> <span class="default">\(default\)<\/span>/);
    assert.doesNotMatch(page, /pseuds\/1\//, 'the default pseud cannot be deleted or made default');
    assert.match(page, /<button type="submit">Make default<span class="visually-hidden"> pseud Finch Writes<\/span><\/button>/);
    assert.match(page, /aria-describedby="pseud-delete-note">Delete<span class="visually-hidden"> pseud Finch Writes/);
    assert.match(page, /id="pseud-delete-note">Deleting a pseud moves its works to your default pseud/);
    assert.match(page, /name="make_default" type="checkbox" value="true"/);
  });

  it('lists tokens and shows a new one only when just created', () => {
    const page = accountView(user(), accountPage());
    assert.match(page, /act(s)? as you/);
    assert.match(page, /e-reader sync[\s\S]*never used/);
    assert.match(page, /backup script[\s\S]*last used <time datetime="2026-03-04">4 Mar 2026<\/time>/);
    assert.doesNotMatch(page, /token-box|will not be shown again/);
    const created = accountView(user(), accountPage({ newToken: { name: 'sync', token: 'owl_secretvalue' } }));
    check(created);
    assert.match(created, /<div class="token-box" role="status"/);
    assert.match(created, /<code class="token" id="new-token">owl_secretvalue<\/code>/);
    assert.match(created, /Copy it now: it will not be shown again/);
    const empty = accountView(user(), accountPage({ tokens: [] }));
    assert.match(empty, /You have no API tokens/);
  });

  it('keeps values after an error, checks the chosen options, and never echoes passwords', () => {
    const page = accountView(
      user(),
      accountPage({
        errors: { 'delete.works': 'Choose one.' },
        values: { 'email.email': 'new@example.org', 'pseuds.name': 'Owl', 'tokens.name': 'app', 'delete.works': 'delete', 'delete.keep_pseud_names': 'true', 'password.password': SECRET, 'email.current_password': SECRET },
      }),
    );
    const p = check(page);
    assert.ok(!page.includes(SECRET));
    assert.equal(byId(p, 'email_email')?.attrs.value, 'new@example.org');
    assert.equal(byId(p, 'pseuds_name')?.attrs.value, 'Owl');
    assert.equal(byId(p, 'tokens_name')?.attrs.value, 'app');
    assert.equal(byId(p, 'delete_works')?.attrs.checked, undefined);
    assert.equal(byId(p, 'delete_works_delete')?.attrs.checked, '');
    assert.equal(byId(p, 'delete_keep_pseud_names')?.attrs.checked, '');
    assert.match(page, /<a href="#delete_works">Choose one\.<\/a>/);
    // Orphaning is the default choice.
    assert.equal(byId(check(accountView(user(), accountPage())), 'delete_works')?.attrs.checked, '');
  });

  it('offers orphaning or deleting works, and a danger-styled delete button', () => {
    const page = accountView(user(), accountPage());
    assert.match(page, /<fieldset class="field"[^>]*>\s*<legend>/);
    assert.match(page, /Orphan my works: they stay on the archive, credited to orphan_account/);
    assert.match(page, /Delete my works \(works I co-created stay, credited to the other creators\)/);
    assert.match(page, /Keep my pseud names on orphaned works/);
    assert.match(page, /<button type="submit" class="danger">Delete my account<\/button>/);
  });

  it('links every error in the summary to its field, or to its section for form-level messages', () => {
    const errors = {
      'email.email': 'a', 'email.current_password': 'b', 'password.current_password': 'c', 'password.password': 'd',
      'pseuds.name': 'e', 'tokens.name': 'f', 'delete.current_password': 'g', 'delete.works': 'h', 'tokens._': 'Too many tokens',
    };
    const page = accountView(user(), accountPage({ errors }));
    const p = check(page);
    const links = p.elements.filter((e) => e.name === 'a' && e.attrs.href?.startsWith('#') && e.attrs.href !== '#main');
    assert.equal(links.length, Object.keys(errors).length);
    for (const link of links.slice(0, -1)) assert.ok(isControl(byId(p, link.attrs.href!.slice(1))!), `${link.attrs.href} is a control`);
    assert.equal(links.at(-1)?.attrs.href, '#account-tokens');
    assert.match(page, /<input id="password_password" name="password" type="password" autocomplete="new-password" required aria-describedby="password_password_hint password_password_error" aria-invalid="true">/);
    assert.match(page, /account-tokens">API tokens<\/h2>[\s\S]*<p class="error-message"><span class="visually-hidden">Error: <\/span>Too many tokens<\/p>/);
  });

  it('escapes the login, email, pseud and token names', () => {
    const page = accountView(
      user({ currentUser: EVIL }),
      accountPage({
        login: EVIL,
        email: EVIL,
        pseuds: [{ id: 1, name: EVIL, isDefault: false, url: '/users/x' }],
        tokens: [{ id: 1, name: EVIL, createdAt: '2026-01-01T00:00:00Z', lastUsedAt: null }],
        newToken: { name: EVIL, token: EVIL },
        values: { 'pseuds.name': EVIL },
        errors: { 'pseuds.name': EVIL },
      }),
    );
    check(page);
    assert.ok(page.includes(ESCAPED));
    assert.ok(page.includes(`href="/users/${encodeURIComponent(EVIL)}"`));
  });
});

describe('admin page', () => {
  it('sets the sign-up mode with radios and sends invitations', () => {
    const page = adminView(user({ isAdmin: true }), adminPage());
    const p = check(page);
    assert.deepEqual(p.headings.map((h) => h.text), ['Admin', 'Sign-up', 'Invitations', 'Accounts', 'finch', 'Works']);
    assert.equal(byId(p, 'signup_mode')?.attrs.value, 'open');
    assert.equal(byId(p, 'signup_mode_invitation')?.attrs.checked, '');
    assert.match(page, /12 people are waiting/);
    const count = byId(p, 'invite_count')!;
    assert.deepEqual([count.attrs.name, count.attrs.type, count.attrs.min, count.attrs.max], ['count', 'number', '1', '500']);
    assert.equal(byId(p, 'invite_email')?.attrs.name, 'email');
    assert.match(adminView(user({ isAdmin: true }), adminPage({ queueLength: 1 })), /1 person is waiting/);
  });

  it('looks up an account with GET and offers suspend and role forms', () => {
    const p = check(adminView(user({ isAdmin: true }), adminPage()));
    const lookup = p.forms.find((f) => f.attrs.method === 'get')!;
    assert.equal(lookup.attrs.action, '/admin');
    assert.equal(byId(p, 'admin_user')?.attrs.name, 'user');
    assert.equal(byId(p, 'admin_user')?.attrs.value, 'finch');
    const formFields = (index: number) =>
      Object.fromEntries(p.elements.filter((e) => e.form === index && e.name === 'input' && e.attrs.name !== '_csrf').map((e) => [e.attrs.name, e.attrs.value]));
    const buttons = (index: number) => p.elements.filter((e) => e.form === index && e.name === 'button');
    const suspend = p.forms.findIndex((f) => f.attrs.action === '/admin/users/finch/suspend');
    assert.deepEqual(formFields(suspend), { suspended: 'true' });
    assert.equal(buttons(suspend)[0]?.attrs.class, 'danger');
    const roles = p.forms.map((f, i) => [f, i] as const).filter(([f]) => f.attrs.action === '/admin/users/finch/roles').map(([, i]) => formFields(i));
    assert.deepEqual(roles, [{ role: 'admin', granted: 'true' }, { role: 'wrangler', granted: 'false' }, { role: 'moderator', granted: 'true' }]);
    const page = adminView(user({ isAdmin: true }), adminPage());
    for (const label of ['Grant admin', 'Remove wrangler', 'Grant moderator', 'Suspend']) assert.match(page, new RegExp(`>${label}</button>`));
    const suspended = adminView(user({ isAdmin: true }), adminPage({ user: { ...adminPage().user!, suspended: true } }));
    assert.match(suspended, /name="suspended" value="false"><button type="submit">Unsuspend<\/button>/);
    assert.match(suspended, /<dd>Suspended<\/dd>/);
  });

  it('escapes and encodes logins, and shows lookup errors', () => {
    const evilUser = { login: EVIL, url: '/users/x', email: EVIL, roles: [], suspended: false, joinedAt: '2026-01-01T00:00:00Z' };
    const page = adminView(user({ isAdmin: true }), adminPage({ user: evilUser, lookup: EVIL }));
    check(page);
    assert.ok(page.includes(ESCAPED));
    assert.ok(page.includes(`action="/admin/users/${encodeURIComponent(EVIL)}/suspend"`));
    const missing = adminView(user({ isAdmin: true }), adminPage({ user: null, lookup: 'nobody', errors: { 'user.login': 'There is no user "nobody".' } }));
    assert.match(missing, /<a href="#admin_user">There is no user &quot;nobody&quot;\.<\/a>/);
    assert.doesNotMatch(missing, /admin\/users\//);
  });
});
