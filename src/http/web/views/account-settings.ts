// /account: a logged-in user's settings on one page. Each section (email, password, pseuds, API
// tokens, deleting the account) is its own POST form with the CSRF field, so one change never
// resubmits another. Errors are keyed "form.field" and field ids are "form_field", which keeps
// ids unique across the page (two forms ask for the current password) and lets one error summary
// at the top link to any of them.
import { html } from '../html.ts';
import type { SafeHtml } from '../html.ts';
import type { PageChrome } from '../../present/view-models.ts';
import { layout } from './layout.ts';
import { timeTag } from './components/date.ts';
import { buttonForm, checkbox, csrfField, errorSummary, radioGroup, submitButton, textField } from './components/form.ts';
import { readerPreferencesSection, type ReaderPreferencesSection } from './reader-preferences.ts';

export interface AccountPage {
  login: string;
  email: string | null;
  pseuds: Array<{ id: number; name: string; isDefault: boolean; url: string }>;
  tokens: Array<{ id: number; name: string; createdAt: string; lastUsedAt: string | null }>;
  /** Shown once, right after creation: the secret is never shown again. */
  newToken: { name: string; token: string } | null;
  /** Errors keyed "form.field": email.email, email.current_password, password.current_password, password.password, pseuds.name, tokens.name, delete.current_password, delete.works, and "form._" for form-level messages. */
  errors: Record<string, string>;
  /** Values to keep on error, keyed the same way (never passwords). */
  values: Record<string, string>;
  /** The reading and notification preferences (views/reader-preferences.ts). */
  preferences?: ReaderPreferencesSection;
}

/** Each form's section heading id, and the fields its errors may name. */
const SECTIONS: Record<string, { heading: string; fields: readonly string[] }> = {
  email: { heading: 'account-email', fields: ['email', 'current_password'] },
  password: { heading: 'account-password', fields: ['current_password', 'password', 'password_confirmation'] },
  pseuds: { heading: 'account-pseuds', fields: ['name', 'make_default'] },
  tokens: { heading: 'account-tokens', fields: ['name'] },
  delete: { heading: 'account-delete', fields: ['current_password', 'works', 'keep_pseud_names'] },
};

/** "email.current_password" → "email_current_password"; "email._" → the section's heading. */
export function accountFieldId(key: string): string | null {
  const [form = '', field = ''] = key.split('.', 2);
  const section = SECTIONS[form];
  if (!section) return null;
  if (section.fields.includes(field)) return `${form}_${field}`;
  return section.heading;
}

const PASSWORD_HINT = 'At least 8 characters, and not a common password.';

function section(id: string, title: string, body: SafeHtml, className = ''): SafeHtml {
  return html`<section class="account-section${className ? ` ${className}` : ''}" aria-labelledby="${id}">
<h2 id="${id}">${title}</h2>
${body}
</section>`;
}

/** A form-level message ("form._"), shown at the top of its section as well as in the summary. */
function formError(page: AccountPage, form: string): SafeHtml {
  const message = page.errors[`${form}._`];
  return message ? html`<p class="error-message"><span class="visually-hidden">Error: </span>${message}</p>` : html``;
}

function emailSection(chrome: PageChrome, page: AccountPage): SafeHtml {
  const e = page.errors;
  return section(
    'account-email',
    'Email address',
    html`<p>${page.email ? html`Your email address is <strong class="email">${page.email}</strong>.` : 'Your account has no email address.'} It is never shown to other people.</p>
${formError(page, 'email')}
<form class="account-form" method="post" action="/account/email">
${csrfField(chrome.csrfToken)}
${textField({ id: 'email_email', name: 'email', label: 'New email address', type: 'email', autocomplete: 'email', required: true, value: page.values['email.email'], error: e['email.email'] })}
${textField({ id: 'email_current_password', name: 'current_password', label: 'Current password', type: 'password', autocomplete: 'current-password', required: true, hint: 'To confirm that it is you.', error: e['email.current_password'] })}
${submitButton('Change email')}
</form>`,
  );
}

function passwordSection(chrome: PageChrome, page: AccountPage): SafeHtml {
  const e = page.errors;
  return section(
    'account-password',
    'Password',
    html`${formError(page, 'password')}
<form class="account-form" method="post" action="/account/password">
${csrfField(chrome.csrfToken)}
${textField({ id: 'password_current_password', name: 'current_password', label: 'Current password', type: 'password', autocomplete: 'current-password', required: true, error: e['password.current_password'] })}
${textField({ id: 'password_password', name: 'password', label: 'New password', type: 'password', autocomplete: 'new-password', required: true, hint: PASSWORD_HINT, error: e['password.password'] })}
${textField({ id: 'password_password_confirmation', name: 'password_confirmation', label: 'Confirm new password', type: 'password', autocomplete: 'new-password', required: true, error: e['password.password_confirmation'] })}
${submitButton('Change password')}
</form>`,
  );
}

function pseudsSection(chrome: PageChrome, page: AccountPage): SafeHtml {
  const items = page.pseuds.map((p) => {
    if (p.isDefault) return html`<li><a href="${p.url}">${p.name}</a> <span class="default">(default)</span></li>`;
    const path = `/account/pseuds/${encodeURIComponent(String(p.id))}`;
    return html`<li><a href="${p.url}">${p.name}</a>
<div class="inline-forms">${buttonForm({ action: `${path}/default`, csrfToken: chrome.csrfToken, label: 'Make default', context: `pseud ${p.name}` })}${buttonForm({ action: `${path}/delete`, csrfToken: chrome.csrfToken, label: 'Delete', context: `pseud ${p.name}`, describedBy: 'pseud-delete-note' })}</div></li>`;
  });
  return section(
    'account-pseuds',
    'Pseuds',
    html`<p>Pseuds are the names you post under. Your default pseud is used unless you choose another.</p>
<p class="hint" id="pseud-delete-note">Deleting a pseud moves its works to your default pseud.</p>
${formError(page, 'pseuds')}
<ul class="pseud-list">${items}</ul>
<form class="account-form" method="post" action="/account/pseuds">
${csrfField(chrome.csrfToken)}
${textField({ id: 'pseuds_name', name: 'name', label: 'New pseud name', type: 'text', required: true, maxlength: 40, hint: 'Up to 40 letters, digits, spaces, underscores and hyphens.', value: page.values['pseuds.name'], error: page.errors['pseuds.name'] })}
${checkbox({ id: 'pseuds_make_default', name: 'make_default', label: 'Make it my default pseud', checked: isChecked(page.values['pseuds.make_default']) })}
${submitButton('Add pseud')}
</form>`,
  );
}

function isChecked(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

function newTokenBox(page: AccountPage): SafeHtml {
  if (!page.newToken) return html``;
  return html`<div class="token-box" role="status" aria-labelledby="new-token-title">
<h2 id="new-token-title">Your new API token “${page.newToken.name}”</h2>
<p><code class="token" id="new-token">${page.newToken.token}</code></p>
<p><strong>Copy it now: it will not be shown again.</strong> Send it in an <code>Authorization: Bearer …</code> header.</p>
</div>`;
}

function tokensSection(chrome: PageChrome, page: AccountPage): SafeHtml {
  const items = page.tokens.map(
    (t) => html`<li><span class="token-name">${t.name}</span>
<span class="token-dates">Created ${timeTag(t.createdAt)} · ${t.lastUsedAt ? html`last used ${timeTag(t.lastUsedAt)}` : 'never used'}</span>
${buttonForm({ action: `/account/tokens/${encodeURIComponent(String(t.id))}/revoke`, csrfToken: chrome.csrfToken, label: 'Revoke', context: `token ${t.name}`, danger: true })}</li>`,
  );
  const list = page.tokens.length > 0 ? html`<ul class="token-list">${items}</ul>` : html`<p class="empty">You have no API tokens.</p>`;
  return section(
    'account-tokens',
    'API tokens',
    html`<p>API tokens let scripts and apps use the <a href="/api">Owlery API</a> for you. A token acts as you: whoever holds it can see and do what you can through the API. Keep tokens secret, and revoke any you no longer use or think may have leaked.</p>
${formError(page, 'tokens')}
${list}
<form class="account-form" method="post" action="/account/tokens">
${csrfField(chrome.csrfToken)}
${textField({ id: 'tokens_name', name: 'name', label: 'Token name', type: 'text', required: true, maxlength: 100, hint: 'A name to tell it apart, such as the app or script that will use it.', value: page.values['tokens.name'], error: page.errors['tokens.name'] })}
${submitButton('Create token')}
</form>`,
  );
}

function deleteSection(chrome: PageChrome, page: AccountPage): SafeHtml {
  const v = page.values;
  return section(
    'account-delete',
    'Delete account',
    html`<p>Deleting your account cannot be undone. Your pseuds and API tokens go with it, and you are logged out everywhere.</p>
${formError(page, 'delete')}
<form class="account-form" method="post" action="/account/delete">
${csrfField(chrome.csrfToken)}
${radioGroup({
  id: 'delete_works',
  name: 'works',
  legend: 'What should happen to your works?',
  selected: v['delete.works'] ?? 'orphan',
  error: page.errors['delete.works'],
  options: [
    { value: 'orphan', label: 'Orphan my works: they stay on the archive, credited to orphan_account' },
    { value: 'delete', label: 'Delete my works (works I co-created stay, credited to the other creators)' },
  ],
})}
${checkbox({ id: 'delete_keep_pseud_names', name: 'keep_pseud_names', label: 'Keep my pseud names on orphaned works', checked: isChecked(v['delete.keep_pseud_names']), hint: 'Only for orphaned works: they are credited to your pseud name under orphan_account, no longer linked to you.' })}
${textField({ id: 'delete_current_password', name: 'current_password', label: 'Current password', type: 'password', autocomplete: 'current-password', required: true, hint: 'To confirm that it is you.', error: page.errors['delete.current_password'] })}
${submitButton('Delete my account', { danger: true })}
</form>`,
    'danger-zone',
  );
}

export function accountView(chrome: PageChrome, page: AccountPage): string {
  return layout(
    chrome,
    html`<div class="account-page account-settings">
<h1>Your account</h1>
<p>You are logged in as <a href="/users/${encodeURIComponent(page.login)}"><strong>${page.login}</strong></a>.</p>
${errorSummary(page.errors, accountFieldId)}
${newTokenBox(page)}
${emailSection(chrome, page)}
${passwordSection(chrome, page)}
${pseudsSection(chrome, page)}
${tokensSection(chrome, page)}
${readerPreferencesSection(chrome, page.preferences)}
${deleteSection(chrome, page)}
</div>`,
  );
}
