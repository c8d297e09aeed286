// Views for guests (log in, sign up, invitation requests, password resets), the header and the
// form components: every POST form carries the CSRF token, every control is labelled, ids are
// unique and every reference resolves, one h1 and no skipped levels, passwords are never echoed
// while other values are, errors link to their fields, and user-supplied text is escaped.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { html } from '../html.ts';
import { layout } from './layout.ts';
import { setupView } from './setup.ts';
import { forgotPasswordView, invitationRequestedView, loginView, resetPasswordView, signupView } from './accounts.ts';
import { checkbox, errorSummary, radioGroup, selectField, textArea, textField } from './components/form.ts';
import { ESCAPED, EVIL, SECRET, byId, check, chrome, postActions, user } from '../../../../test/support/page-checks.ts';

describe('guest pages: structure and CSRF', () => {
  const pages: Record<string, () => string> = {
    setup: () => setupView(chrome(), { token: 'abc', errors: { password: 'Too short', base: 'x' }, values: { login: 'admin' } }),
    login: () => loginView(chrome(), { values: { login: 'wren' }, errors: { login: 'Wrong', _: 'Nope' }, returnTo: '/works/1' }),
    'signup (open)': () => signupView(chrome(), { mode: 'open', invitation: null, values: {}, errors: { login: 'Taken', password: 'Short', invitation: 'Bad' } }),
    'signup (invitation only)': () => signupView(chrome(), { mode: 'invitation', invitation: null, values: {}, errors: { email: 'Bad' } }),
    'signup (invited)': () => signupView(chrome(), { mode: 'invitation', invitation: 'inv-1', values: {}, errors: {} }),
    'invitation requested': () => invitationRequestedView(chrome(), { position: 3 }),
    forgot: () => forgotPasswordView(chrome(), { values: {}, errors: { email: 'Bad' } }),
    'forgot (sent)': () => forgotPasswordView(chrome(), { values: {}, errors: {}, sentMessage: 'Sent' }),
    reset: () => resetPasswordView(chrome(), { token: 'tok', errors: { password: 'Short' } }),
    'reset (done)': () => resetPasswordView(chrome(), { token: 'tok', errors: {}, done: true }),
  };
  for (const [name, render] of Object.entries(pages)) {
    it(`${name}: labelled controls, unique ids, one h1, CSRF on every POST form`, () => {
      check(render());
    });
  }

  it('posts each form where the routes expect it', () => {
    assert.deepEqual(postActions(check(pages.login!())), ['/login']);
    assert.deepEqual(postActions(check(pages['signup (open)']!())), ['/signup']);
    assert.deepEqual(postActions(check(pages['signup (invitation only)']!())), ['/invitations/requests']);
    assert.deepEqual(postActions(check(pages.forgot!())), ['/password/forgot']);
    assert.deepEqual(postActions(check(resetPasswordView(chrome(), { token: 'a/b c', errors: {} }))), ['/password/reset/a%2Fb%20c']);
  });
});

describe('guest forms', () => {
  it('log in: fields, autocomplete, return_to, links; keeps the login but not the password', () => {
    const page = loginView(chrome(), { values: { login: 'wren' }, errors: { login: 'Wrong login or password.' }, returnTo: '/works/1?x=1&y=2' });
    const p = check(page);
    assert.equal(p.headings[0]?.text, 'Log in');
    assert.equal(byId(p, 'login_login')?.attrs.autocomplete, 'username');
    assert.equal(byId(p, 'login_login')?.attrs.value, 'wren');
    assert.equal(byId(p, 'login_password')?.attrs.autocomplete, 'current-password');
    assert.match(page, /<label for="login_login">Login or email<\/label>/);
    assert.match(page, /<input type="hidden" name="return_to" value="\/works\/1\?x=1&amp;y=2">/);
    assert.match(page, /<a href="\/password\/forgot">Forgot your password\?<\/a>/);
    assert.match(page, /<a href="\/signup">Sign up<\/a>/);
    assert.match(page, /role="alert"[\s\S]*<a href="#login_login">Wrong login or password\.<\/a>/);
    assert.doesNotMatch(loginView(chrome(), { values: {}, errors: {} }), /return_to|role="alert"/);
  });

  it('sign up: the form when open or invited, the invitation request otherwise', () => {
    const open = signupView(chrome(), { mode: 'open', invitation: null, values: { login: 'wren', email: 'w@example.org' }, errors: { password: 'Too short' } });
    const p = check(open);
    assert.equal(p.headings[0]?.text, 'Create an account');
    assert.equal(byId(p, 'signup_login')?.attrs.value, 'wren');
    assert.equal(byId(p, 'signup_email')?.attrs.value, 'w@example.org');
    assert.equal(byId(p, 'signup_password')?.attrs.autocomplete, 'new-password');
    assert.ok(byId(p, 'signup_password_confirmation'));
    assert.match(open, /3 to 40 letters, digits and underscores/);
    assert.match(open, /At least 8 characters, and not a common password/);
    assert.match(open, /<a href="#signup_password">Too short<\/a>/);
    assert.doesNotMatch(open, /name="invitation"|Request an invitation/);

    const invited = signupView(chrome(), { mode: 'invitation', invitation: 'inv-123', values: {}, errors: {} });
    assert.match(invited, /<input type="hidden" name="invitation" value="inv-123">/);
    assert.match(invited, /action="\/signup"/);

    const closed = signupView(chrome(), { mode: 'invitation', invitation: null, values: { email: 'w@example.org' }, errors: { email: 'Enter a valid email address.' } });
    const c = check(closed);
    assert.match(closed, /by invitation/);
    assert.match(closed, /<h2 id="request-invitation">Request an invitation<\/h2>/);
    assert.equal(byId(c, 'invitation_email')?.attrs.value, 'w@example.org');
    assert.match(closed, /<a href="#invitation_email">Enter a valid email address\.<\/a>/);
    assert.doesNotMatch(closed, /name="password"/);
  });

  it('invitation requested shows the queue position when known', () => {
    assert.match(invitationRequestedView(chrome(), { position: 1234 }), /You’re on the list[\s\S]*number <strong>1,234<\/strong>/);
    assert.doesNotMatch(invitationRequestedView(chrome(), { position: null }), /number/);
  });

  it('forgotten password: the form, then the sent message as a status', () => {
    const form = forgotPasswordView(chrome(), { values: { email: 'w@example.org' }, errors: {} });
    assert.equal(byId(check(form), 'forgot_email')?.attrs.value, 'w@example.org');
    const sent = forgotPasswordView(chrome(), { values: {}, errors: {}, sentMessage: `If ${EVIL} has an account…` });
    check(sent);
    assert.match(sent, /role="status"/);
    assert.ok(sent.includes(ESCAPED));
    assert.doesNotMatch(sent, /<form[^>]*password\/forgot/);
  });

  it('escapes typed values, return paths, invitations and tokens', () => {
    const pages = [
      loginView(chrome(), { values: { login: EVIL }, errors: { login: EVIL }, returnTo: EVIL }),
      signupView(chrome(), { mode: 'open', invitation: EVIL, values: { login: EVIL, email: EVIL }, errors: { email: EVIL } }),
      signupView(chrome(), { mode: 'invitation', invitation: null, values: { email: EVIL }, errors: { _: EVIL } }),
      forgotPasswordView(chrome(), { values: { email: EVIL }, errors: { email: EVIL } }),
    ];
    for (const page of pages) {
      check(page);
      assert.ok(page.includes(ESCAPED));
    }
    const reset = resetPasswordView(chrome(), { token: EVIL, errors: { password: EVIL } });
    check(reset);
    assert.ok(reset.includes(`action="/password/reset/${encodeURIComponent(EVIL)}"`));
  });

  it('reset password: new password fields, then a link to log in', () => {
    const p = check(resetPasswordView(chrome(), { token: 'tok', errors: {} }));
    assert.equal(byId(p, 'reset_password')?.attrs.autocomplete, 'new-password');
    assert.ok(byId(p, 'reset_password_confirmation'));
    assert.match(resetPasswordView(chrome(), { token: 'tok', errors: {}, done: true }), /Your password has been changed\. <a href="\/login">Log in<\/a>/);
  });
});

describe('header', () => {
  const navLinks = (page: string) => [...page.matchAll(/<nav aria-label="Main"[\s\S]*?<\/nav>/g)][0]![0];

  it('offers guests log in and sign up', () => {
    const nav = navLinks(layout(chrome({ path: '/login' }), html`<h1>x</h1>`));
    assert.match(nav, /<a href="\/works">Works<\/a>/);
    assert.match(nav, /<a href="\/api">API<\/a>/);
    assert.match(nav, /<a href="\/login" aria-current="page">Log in<\/a>/);
    assert.match(nav, /<a href="\/signup">Sign up<\/a>/);
    assert.doesNotMatch(nav, /Log out|Account|Admin|<form/);
  });

  it('offers a logged-in user their pages and a log-out form', () => {
    const page = layout(user({ path: '/works/new' }), html`<h1>x</h1>`);
    check(page);
    const nav = navLinks(page);
    assert.match(nav, /<a href="\/works">Works<\/a>/, 'only the most specific link is current');
    assert.match(nav, /<a href="\/works\/new" aria-current="page">Post New Work<\/a>/);
    assert.match(nav, /<li class="user"><a href="\/users\/wren">wren<\/a><\/li>/);
    assert.match(nav, /<a href="\/account">Account<\/a>/);
    assert.match(nav, /<form class="logout-form" method="post" action="\/logout"><input type="hidden" name="_csrf" value="csrf-token-123"><button type="submit">Log out<\/button><\/form>/);
    assert.doesNotMatch(nav, /Admin|Log in|Sign up/);
  });

  it('adds the admin link for admins, and marks sections as current', () => {
    const nav = navLinks(layout(user({ isAdmin: true, path: '/admin/users/x' }), html`<h1>x</h1>`));
    assert.match(nav, /<a href="\/admin" aria-current="true">Admin<\/a>/);
    assert.match(navLinks(layout(user({ path: '/users/wren/works' }), html`<h1>x</h1>`)), /<a href="\/users\/wren" aria-current="true">wren<\/a>/);
  });

  it('escapes the login', () => {
    const page = layout(user({ currentUser: EVIL }), html`<h1>x</h1>`);
    assert.ok(!page.includes('<script>alert(1)'));
    assert.ok(page.includes(`<a href="/users/${encodeURIComponent(EVIL)}">${ESCAPED}</a>`));
  });
});

describe('form components', () => {
  it('tie hints and errors to controls and escape everything', () => {
    const field = textField({ id: 'f', name: 'n', label: EVIL, type: 'text', value: EVIL, hint: EVIL, error: EVIL, maxlength: 5 }).value;
    assert.match(field, /<input id="f" name="n" type="text" maxlength="5" value="[^"<]*" aria-describedby="f_hint f_error" aria-invalid="true">/);
    assert.ok(!field.includes('<script>'));
    assert.doesNotMatch(textField({ id: 'p', name: 'p', label: 'P', type: 'password', value: SECRET }).value, new RegExp(SECRET));
    const area = textArea({ id: 't', name: 't', label: 'T', value: EVIL, rows: 3 }).value;
    assert.match(area, /<textarea id="t" name="t" rows="3">&lt;script&gt;/);
    const select = selectField({ id: 's', name: 's', label: 'S', options: [{ value: 'a', label: 'A' }, { value: 'b', label: EVIL }], selected: 'b' }).value;
    assert.match(select, /<option value="a">A<\/option><option value="b" selected>&lt;script/);
    assert.match(checkbox({ id: 'c', name: 'c', label: 'C', checked: true, value: 'yes' }).value, /<input id="c" name="c" type="checkbox" value="yes" checked>/);
    const radios = radioGroup({ name: 'r', legend: 'Pick', options: [{ value: 'x', label: 'X' }, { value: 'y', label: 'Y', hint: 'Why' }], selected: 'y', error: 'Choose' }).value;
    assert.match(radios, /<fieldset class="field field-error" aria-describedby="r_group_error">\s*<legend>Pick<\/legend>/);
    assert.match(radios, /<input id="r" name="r" type="radio" value="x">/);
    assert.match(radios, /<input id="r_y" name="r" type="radio" value="y" checked aria-describedby="r_y_hint">/);
    assert.equal(errorSummary({}, () => null).value, '');
    assert.match(errorSummary({ a: EVIL, b: 'plain' }, (k) => (k === 'a' ? 'field_a' : null)).value, /<li><a href="#field_a">&lt;script[^<]*<\/a><\/li><li>plain<\/li>/);
  });
});
