// First-run setup: the form that creates the admin account, reached through the one-time link the
// server prints to its log. The form follows the accessible pattern of components/form.ts: labels,
// hints and errors tied with aria-describedby, an error summary linking to the fields, and typed
// values kept after a failed submit — except passwords, which are never echoed back.
import { html } from '../html.ts';
import type { PageChrome } from '../../present/view-models.ts';
import { layout } from './layout.ts';
import { csrfField, errorSummary, hiddenField, submitButton, textField } from './components/form.ts';
import type { TextFieldOptions } from './components/form.ts';

export interface SetupData {
  token: string;
  /** Messages keyed by field name (login, email, password, password_confirmation) or any other key. */
  errors: Record<string, string>;
  values: { login?: string; email?: string };
  done?: boolean;
}

type Field = Pick<TextFieldOptions, 'name' | 'label' | 'type' | 'autocomplete' | 'hint' | 'verbatim'>;

const FIELDS: readonly Field[] = [
  { name: 'login', label: 'Login', type: 'text', autocomplete: 'username', verbatim: true, hint: 'Your user name on this archive; it appears in your profile address.' },
  { name: 'email', label: 'Email', type: 'email', autocomplete: 'email' },
  { name: 'password', label: 'Password', type: 'password', autocomplete: 'new-password', hint: 'Choose a long password; a passphrase of several words works well.' },
  { name: 'password_confirmation', label: 'Confirm password', type: 'password', autocomplete: 'new-password' },
];

const fieldId = (name: string) => `setup_${name}`;
const known = new Set(FIELDS.map((f) => f.name));

export function setupView(chrome: PageChrome, data: SetupData): string {
  if (data.done) {
    return layout(
      chrome,
      html`<div class="setup">
<h1>Admin account created</h1>
<p>The admin account for ${chrome.siteName} is ready, and this setup link no longer works.</p>
<p><a href="/">Go to the home page</a></p>
</div>`,
    );
  }
  const fields = FIELDS.map((f) =>
    textField({ ...f, id: fieldId(f.name), required: true, value: data.values[f.name as 'login' | 'email'], error: data.errors[f.name] }),
  );
  return layout(
    chrome,
    html`<div class="setup">
<h1>Create the admin account</h1>
${errorSummary(data.errors, (key) => (known.has(key) ? fieldId(key) : null))}
<p>This account will run ${chrome.siteName}: it can manage users, tags and settings. All fields are required.</p>
<form class="setup-form" method="post" action="/setup/${encodeURIComponent(data.token)}">
${csrfField(chrome.csrfToken)}
${hiddenField('token', data.token)}
${fields}
${submitButton('Create admin account')}
</form>
</div>`,
  );
}
