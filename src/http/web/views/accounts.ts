// The pages a guest uses to get in: log in, sign up (or request an invitation), and reset a
// forgotten password. Forms follow components/form.ts (labels, hints and errors tied to fields,
// an error summary linking to them, values kept but never passwords), and use the autocomplete
// tokens password managers rely on (WCAG 1.3.5; username, current-password, new-password).
import { html } from '../html.ts';
import type { SafeHtml } from '../html.ts';
import type { PageChrome } from '../../present/view-models.ts';
import { layout } from './layout.ts';
import { csrfField, errorSummary, hiddenField, submitButton, textField } from './components/form.ts';

// The account settings and admin pages live in their own modules; re-exported here so routes can
// import every account-related view from one place.
export { accountView } from './account-settings.ts';
export type { AccountPage } from './account-settings.ts';
export { adminView } from './admin.ts';
export type { AdminPage } from './admin.ts';

type Errors = Record<string, string>;

/** Maps error keys to field ids for the summary: keys in `fields` link, others are plain text. */
function fieldIds(prefix: string, fields: readonly string[]): (key: string) => string | null {
  return (key) => (fields.includes(key) ? `${prefix}_${key}` : null);
}

const LOGIN_HINT = '3 to 40 letters, digits and underscores, starting and ending with a letter or digit. It appears in your profile address.';
const PASSWORD_HINT = 'At least 8 characters, and not a common password. A passphrase of several words works well.';

function page(chrome: PageChrome, className: string, body: SafeHtml): string {
  return layout(chrome, html`<div class="account-page ${className}">
${body}
</div>`);
}

export interface LoginData {
  values: { login?: string };
  errors: Errors;
  returnTo?: string | null;
}

export function loginView(chrome: PageChrome, data: LoginData): string {
  const id = fieldIds('login', ['login', 'password']);
  return page(
    chrome,
    'login',
    html`<h1>Log in</h1>
${errorSummary(data.errors, id)}
<form class="account-form" method="post" action="/login">
${csrfField(chrome.csrfToken)}
${data.returnTo ? hiddenField('return_to', data.returnTo) : ''}
${textField({ id: 'login_login', name: 'login', label: 'Login or email', type: 'text', autocomplete: 'username', required: true, verbatim: true, value: data.values.login, error: data.errors.login })}
${textField({ id: 'login_password', name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password', required: true, error: data.errors.password })}
${submitButton('Log in')}
</form>
<ul class="account-links">
<li><a href="/password/forgot">Forgot your password?</a></li>
<li>New here? <a href="/signup">Sign up</a></li>
</ul>`,
  );
}

export interface SignupData {
  mode: 'open' | 'invitation';
  /** The invitation token from the link in the invitation email, if any. */
  invitation: string | null;
  values: { login?: string; email?: string };
  errors: Errors;
}

function signupForm(chrome: PageChrome, data: SignupData): SafeHtml {
  const e = data.errors;
  return html`<p>All fields are required.</p>
<form class="account-form" method="post" action="/signup">
${csrfField(chrome.csrfToken)}
${data.invitation ? hiddenField('invitation', data.invitation) : ''}
${textField({ id: 'signup_login', name: 'login', label: 'Login', type: 'text', autocomplete: 'username', required: true, maxlength: 40, verbatim: true, hint: LOGIN_HINT, value: data.values.login, error: e.login })}
${textField({ id: 'signup_email', name: 'email', label: 'Email', type: 'email', autocomplete: 'email', required: true, hint: 'We send password resets here. It is never shown to other people.', value: data.values.email, error: e.email })}
${textField({ id: 'signup_password', name: 'password', label: 'Password', type: 'password', autocomplete: 'new-password', required: true, hint: PASSWORD_HINT, error: e.password })}
${textField({ id: 'signup_password_confirmation', name: 'password_confirmation', label: 'Confirm password', type: 'password', autocomplete: 'new-password', required: true, error: e.password_confirmation })}
${submitButton('Create account')}
</form>
<p class="account-links">Already have an account? <a href="/login">Log in</a></p>`;
}

function invitationRequestForm(chrome: PageChrome, data: SignupData): SafeHtml {
  return html`<p>${chrome.siteName} is open to new accounts by invitation. Leave your email address and we will send you an invitation when your turn in the queue comes.</p>
<section aria-labelledby="request-invitation">
<h2 id="request-invitation">Request an invitation</h2>
<form class="account-form" method="post" action="/invitations/requests">
${csrfField(chrome.csrfToken)}
${textField({ id: 'invitation_email', name: 'email', label: 'Email', type: 'email', autocomplete: 'email', required: true, value: data.values.email, error: data.errors.email })}
${submitButton('Request an invitation')}
</form>
</section>
<p class="account-links">Already have an account? <a href="/login">Log in</a></p>`;
}

export function signupView(chrome: PageChrome, data: SignupData): string {
  const open = data.mode === 'open' || data.invitation !== null;
  const id = open ? fieldIds('signup', ['login', 'email', 'password', 'password_confirmation']) : fieldIds('invitation', ['email']);
  return page(
    chrome,
    'signup',
    html`<h1>Create an account</h1>
${errorSummary(data.errors, id)}
${open ? signupForm(chrome, data) : invitationRequestForm(chrome, data)}`,
  );
}

export function invitationRequestedView(chrome: PageChrome, data: { position: number | null }): string {
  const position =
    data.position !== null
      ? html`<p>You are number <strong>${data.position.toLocaleString('en-US')}</strong> in the queue.</p>`
      : '';
  return page(
    chrome,
    'invitation-requested',
    html`<h1>You’re on the list</h1>
${position}
<p>We will email you an invitation when your turn comes. The invitation holds a link to create your account.</p>
<p><a href="/">Go to the home page</a></p>`,
  );
}

export interface ForgotPasswordData {
  values: { email?: string };
  errors: Errors;
  /** The confirmation shown after a request; the same whether or not the address has an account. */
  sentMessage?: string | null;
}

export function forgotPasswordView(chrome: PageChrome, data: ForgotPasswordData): string {
  const body = data.sentMessage
    ? html`<div class="notice" role="status"><p>${data.sentMessage}</p></div>
<p><a href="/login">Back to log in</a></p>`
    : html`${errorSummary(data.errors, fieldIds('forgot', ['email']))}
<p>Enter the email address of your account and we will send you a link to choose a new password.</p>
<form class="account-form" method="post" action="/password/forgot">
${csrfField(chrome.csrfToken)}
${textField({ id: 'forgot_email', name: 'email', label: 'Email', type: 'email', autocomplete: 'email', required: true, value: data.values.email, error: data.errors.email })}
${submitButton('Send reset link')}
</form>
<p class="account-links"><a href="/login">Back to log in</a></p>`;
  return page(chrome, 'forgot-password', html`<h1>Forgotten password</h1>
${body}`);
}

export interface ResetPasswordData {
  token: string;
  errors: Errors;
  done?: boolean;
}

export function resetPasswordView(chrome: PageChrome, data: ResetPasswordData): string {
  if (data.done) {
    return page(chrome, 'reset-password', html`<h1>Password changed</h1>
<p role="status">Your password has been changed. <a href="/login">Log in</a></p>`);
  }
  return page(
    chrome,
    'reset-password',
    html`<h1>Choose a new password</h1>
${errorSummary(data.errors, fieldIds('reset', ['password', 'password_confirmation']))}
<form class="account-form" method="post" action="/password/reset/${encodeURIComponent(data.token)}">
${csrfField(chrome.csrfToken)}
${textField({ id: 'reset_password', name: 'password', label: 'New password', type: 'password', autocomplete: 'new-password', required: true, hint: PASSWORD_HINT, error: data.errors.password })}
${textField({ id: 'reset_password_confirmation', name: 'password_confirmation', label: 'Confirm new password', type: 'password', autocomplete: 'new-password', required: true, error: data.errors.password_confirmation })}
${submitButton('Change password')}
</form>`,
  );
}
