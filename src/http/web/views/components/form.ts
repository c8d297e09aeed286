// Accessible form building blocks, following WCAG 3.3.1/3.3.2/3.3.3 and the GOV.UK patterns:
// every control has a visible <label> (or a <legend> for a group), hints and errors are tied to it
// with aria-describedby, an invalid control says so with aria-invalid, and the error summary at
// the top of the page (role="alert") links to each field. Typed values survive a failed submit,
// except passwords, which are never written back into a page.
//
// Ids: hints are `${id}_hint`, errors `${id}_error`. A radio group's first radio takes the group's
// id, so an error summary link lands on a control (GOV.UK does the same).
import { html } from '../../html.ts';
import type { SafeHtml } from '../../html.ts';

/** The hidden CSRF field every state-changing (POST) form must carry. */
export function csrfField(token: string | undefined): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token ?? ''}">`;
}

export function hiddenField(name: string, value: string): SafeHtml {
  return html`<input type="hidden" name="${name}" value="${value}">`;
}

function describedBy(id: string, hint: string | undefined, error: string | undefined): string {
  return [hint ? `${id}_hint` : '', error ? `${id}_error` : ''].filter(Boolean).join(' ');
}

function hintAndError(id: string, hint: string | undefined, error: string | undefined): SafeHtml {
  return html`${hint ? html`<p class="hint" id="${id}_hint">${hint}</p>` : ''}
${error ? html`<p class="error-message" id="${id}_error"><span class="visually-hidden">Error: </span>${error}</p>` : ''}`;
}

/** ` aria-describedby="…" aria-invalid="true"`, each only when it applies. */
function ariaAttributes(id: string, hint: string | undefined, error: string | undefined): SafeHtml {
  const ids = describedBy(id, hint, error);
  return html`${ids ? html` aria-describedby="${ids}"` : ''}${error ? html` aria-invalid="true"` : ''}`;
}

export interface TextFieldOptions {
  id: string;
  name: string;
  label: string;
  type: 'text' | 'email' | 'password' | 'number' | 'search' | 'url' | 'date';
  /** Ignored for passwords: they are never echoed back. */
  value?: string | null;
  error?: string;
  hint?: string;
  autocomplete?: string;
  required?: boolean;
  maxlength?: number;
  min?: number | string;
  max?: number | string;
  /** For logins, tokens and the like: no auto-capitalisation or spell checking. */
  verbatim?: boolean;
}

export function textField(o: TextFieldOptions): SafeHtml {
  const value = o.type === 'password' ? null : o.value;
  const attributes = html`${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ''}${o.required ? html` required` : ''}${o.maxlength !== undefined ? html` maxlength="${o.maxlength}"` : ''}${o.min !== undefined ? html` min="${o.min}"` : ''}${o.max !== undefined ? html` max="${o.max}"` : ''}${value ? html` value="${value}"` : ''}`;
  return html`<div class="field${o.error ? ' field-error' : ''}">
<label for="${o.id}">${o.label}</label>
${hintAndError(o.id, o.hint, o.error)}
<input id="${o.id}" name="${o.name}" type="${o.type}"${attributes}${ariaAttributes(o.id, o.hint, o.error)}${o.verbatim ? html` autocapitalize="none" spellcheck="false"` : ''}>
</div>`;
}

export interface TextAreaOptions {
  id: string;
  name: string;
  label: string;
  value?: string | null;
  error?: string;
  hint?: string;
  required?: boolean;
  maxlength?: number;
  rows?: number;
}

export function textArea(o: TextAreaOptions): SafeHtml {
  return html`<div class="field${o.error ? ' field-error' : ''}">
<label for="${o.id}">${o.label}</label>
${hintAndError(o.id, o.hint, o.error)}
<textarea id="${o.id}" name="${o.name}" rows="${o.rows ?? 5}"${o.required ? html` required` : ''}${o.maxlength !== undefined ? html` maxlength="${o.maxlength}"` : ''}${ariaAttributes(o.id, o.hint, o.error)}>${o.value ?? ''}</textarea>
</div>`;
}

export interface CheckboxOptions {
  id: string;
  name: string;
  label: string;
  checked: boolean;
  /** Sent when checked; "true" unless given. */
  value?: string;
  hint?: string;
}

export function checkbox(o: CheckboxOptions): SafeHtml {
  return html`<div class="field choice">
<input id="${o.id}" name="${o.name}" type="checkbox" value="${o.value ?? 'true'}"${o.checked ? html` checked` : ''}${o.hint ? html` aria-describedby="${o.id}_hint"` : ''}>
<label for="${o.id}">${o.label}</label>
${o.hint ? html`<p class="hint" id="${o.id}_hint">${o.hint}</p>` : ''}
</div>`;
}

export interface ChoiceOption {
  value: string;
  label: string;
  hint?: string;
}

export interface RadioGroupOptions {
  name: string;
  legend: string;
  options: readonly ChoiceOption[];
  selected: string | null | undefined;
  error?: string;
  hint?: string;
  /** The group's id (its first radio's id); the name unless given. */
  id?: string;
}

/** The id each option of a radio group gets: the group id for the first, `${id}_${value}` after. */
export function radioId(groupId: string, index: number, value: string): string {
  return index === 0 ? groupId : `${groupId}_${value.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

export function radioGroup(o: RadioGroupOptions): SafeHtml {
  const id = o.id ?? o.name;
  const group = `${id}_group`;
  const radios = o.options.map((option, index) => {
    const optionId = radioId(id, index, option.value);
    return html`<div class="choice">
<input id="${optionId}" name="${o.name}" type="radio" value="${option.value}"${option.value === o.selected ? html` checked` : ''}${option.hint ? html` aria-describedby="${optionId}_hint"` : ''}>
<label for="${optionId}">${option.label}</label>
${option.hint ? html`<p class="hint" id="${optionId}_hint">${option.hint}</p>` : ''}
</div>`;
  });
  // No aria-invalid here: ARIA does not support it on a group; the described-by error says it.
  const ids = describedBy(group, o.hint, o.error);
  return html`<fieldset class="field${o.error ? ' field-error' : ''}"${ids ? html` aria-describedby="${ids}"` : ''}>
<legend>${o.legend}</legend>
${hintAndError(group, o.hint, o.error)}
${radios}
</fieldset>`;
}

export interface SelectFieldOptions {
  id: string;
  name: string;
  label: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  selected?: string | null;
  error?: string;
  hint?: string;
  required?: boolean;
}

export function selectField(o: SelectFieldOptions): SafeHtml {
  const options = o.options.map((option) =>
    option.value === o.selected
      ? html`<option value="${option.value}" selected>${option.label}</option>`
      : html`<option value="${option.value}">${option.label}</option>`,
  );
  return html`<div class="field${o.error ? ' field-error' : ''}">
<label for="${o.id}">${o.label}</label>
${hintAndError(o.id, o.hint, o.error)}
<select id="${o.id}" name="${o.name}"${o.required ? html` required` : ''}${ariaAttributes(o.id, o.hint, o.error)}>${options}</select>
</div>`;
}

/**
 * The "There is a problem" box: one line per error, linked to its field when `fieldIdFor` knows
 * it (a key it returns null for is a form-level message and is listed as plain text).
 */
export function errorSummary(errors: Record<string, string>, fieldIdFor: (key: string) => string | null): SafeHtml {
  const entries = Object.entries(errors);
  if (entries.length === 0) return html``;
  const items = entries.map(([key, message]) => {
    const id = fieldIdFor(key);
    return id ? html`<li><a href="#${id}">${message}</a></li>` : html`<li>${message}</li>`;
  });
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
<h2 id="error-summary-title">There is a problem</h2>
<ul>${items}</ul>
</div>`;
}

export interface ButtonOptions {
  /** Styled as a destructive action. */
  danger?: boolean;
}

function buttonClass(o: ButtonOptions): SafeHtml {
  return o.danger ? html` class="danger"` : html``;
}

/** A form's main submit button, on its own line. */
export function submitButton(label: string, o: ButtonOptions = {}): SafeHtml {
  return html`<p class="submit"><button type="submit"${buttonClass(o)}>${label}</button></p>`;
}

export interface ButtonFormOptions extends ButtonOptions {
  action: string;
  csrfToken: string | undefined;
  /** The visible label; `context` is added for screen readers ("Delete" + " pseud Wren"). */
  label: string;
  context?: string;
  hidden?: Record<string, string>;
  /** Ids of text that explains what the button does. */
  describedBy?: string;
  className?: string;
}

/**
 * A one-button POST form (make default, revoke, log out…): works without JavaScript and sits
 * inline beside others. The visible label starts the accessible name (WCAG 2.5.3).
 */
export function buttonForm(o: ButtonFormOptions): SafeHtml {
  const hidden = Object.entries(o.hidden ?? {}).map(([name, value]) => hiddenField(name, value));
  return html`<form class="${o.className ?? 'inline-form'}" method="post" action="${o.action}">${csrfField(o.csrfToken)}${hidden}<button type="submit"${buttonClass(o)}${o.describedBy ? html` aria-describedby="${o.describedBy}"` : ''}>${o.label}${o.context ? html`<span class="visually-hidden"> ${o.context}</span>` : ''}</button></form>`;
}
