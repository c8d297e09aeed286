// First-run setup: the form that creates the admin account, reached through the one-time link the
// server prints to its log. Form patterns follow WCAG 3.3.1/3.3.3 and the GOV.UK error summary:
// every input has a <label>, hints and errors are tied to it with aria-describedby, errors are
// listed at the top (role="alert") with links to their fields, and typed values survive a failed
// submit — except passwords, which are never echoed back into the page.
import { html } from '../html.ts';
import type { SafeHtml } from '../html.ts';
import type { PageChrome } from '../../present/view-models.ts';
import { layout } from './layout.ts';

export interface SetupData {
  token: string;
  /** Messages keyed by field name (login, email, password, password_confirmation) or any other key. */
  errors: Record<string, string>;
  values: { login?: string; email?: string };
  done?: boolean;
}

interface Field {
  name: string;
  label: string;
  type: 'text' | 'email' | 'password';
  autocomplete: string;
  hint?: string;
}

const FIELDS: readonly Field[] = [
  { name: 'login', label: 'Login', type: 'text', autocomplete: 'username', hint: 'Your user name on this archive; it appears in your profile address.' },
  { name: 'email', label: 'Email', type: 'email', autocomplete: 'email' },
  { name: 'password', label: 'Password', type: 'password', autocomplete: 'new-password', hint: 'Choose a long password; a passphrase of several words works well.' },
  { name: 'password_confirmation', label: 'Confirm password', type: 'password', autocomplete: 'new-password' },
];

const fieldId = (name: string) => `setup_${name}`;

function field(f: Field, data: SetupData): SafeHtml {
  const id = fieldId(f.name);
  const error = data.errors[f.name];
  const describedBy = [f.hint ? `${id}_hint` : '', error ? `${id}_error` : ''].filter(Boolean).join(' ');
  const value = f.type === 'password' ? undefined : data.values[f.name as 'login' | 'email'];
  return html`<div class="field${error ? ' field-error' : ''}">
<label for="${id}">${f.label}</label>
${f.hint ? html`<p class="hint" id="${id}_hint">${f.hint}</p>` : ''}
${error ? html`<p class="error-message" id="${id}_error"><span class="visually-hidden">Error: </span>${error}</p>` : ''}
<input id="${id}" name="${f.name}" type="${f.type}" autocomplete="${f.autocomplete}" required${value ? html` value="${value}"` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}${error ? html` aria-invalid="true"` : ''}${f.name === 'login' ? html` autocapitalize="none" spellcheck="false"` : ''}>
</div>`;
}

function errorSummary(errors: Record<string, string>): SafeHtml {
  const entries = Object.entries(errors);
  if (entries.length === 0) return html``;
  const known = new Set(FIELDS.map((f) => f.name));
  const items = entries.map(([name, message]) =>
    known.has(name) ? html`<li><a href="#${fieldId(name)}">${message}</a></li>` : html`<li>${message}</li>`,
  );
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
<h2 id="error-summary-title">There is a problem</h2>
<ul>${items}</ul>
</div>`;
}

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
  return layout(
    chrome,
    html`<div class="setup">
<h1>Create the admin account</h1>
${errorSummary(data.errors)}
<p>This account will run ${chrome.siteName}: it can manage users, tags and settings. All fields are required.</p>
<form class="setup-form" method="post" action="/setup/${encodeURIComponent(data.token)}">
<input type="hidden" name="token" value="${data.token}">
${FIELDS.map((f) => field(f, data))}
<p class="submit"><button type="submit">Create admin account</button></p>
</form>
</div>`,
  );
}
