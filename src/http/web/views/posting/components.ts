// Form pieces the posting pages need beyond components/form.ts: a group of checkboxes with one
// legend and error (archive warnings, categories, pseuds), a comma-separated tag field with an
// empty <datalist> that the optional autocomplete script fills, and AO3's row of submit buttons.
// The same accessibility rules apply: a legend names the group, hints and errors are tied to
// controls with aria-describedby, and the first control takes the group's id for summary links.
import { html } from '../../html.ts';
import type { SafeHtml } from '../../html.ts';
import type { ChoiceOption } from '../components/form.ts';
import { radioId } from '../components/form.ts';

function hintAndError(id: string, hint: string | undefined, error: string | undefined): SafeHtml {
  return html`${hint ? html`<p class="hint" id="${id}_hint">${hint}</p>` : ''}
${error ? html`<p class="error-message" id="${id}_error"><span class="visually-hidden">Error: </span>${error}</p>` : ''}`;
}

function described(id: string, hint: string | undefined, error: string | undefined): SafeHtml {
  const ids = [hint ? `${id}_hint` : '', error ? `${id}_error` : ''].filter(Boolean).join(' ');
  return html`${ids ? html` aria-describedby="${ids}"` : ''}${error ? html` aria-invalid="true"` : ''}`;
}

export interface CheckboxGroupOptions {
  id: string;
  name: string;
  legend: string;
  options: readonly ChoiceOption[];
  checked: readonly string[];
  error?: string | undefined;
  hint?: string | undefined;
  className?: string;
}

export function checkboxGroup(o: CheckboxGroupOptions): SafeHtml {
  const group = `${o.id}_group`;
  const boxes = o.options.map((option, index) => {
    const id = radioId(o.id, index, option.value);
    return html`<div class="choice">
<input id="${id}" name="${o.name}" type="checkbox" value="${option.value}"${o.checked.includes(option.value) ? html` checked` : ''}${option.hint ? html` aria-describedby="${id}_hint"` : ''}>
<label for="${id}">${option.label}</label>
${option.hint ? html`<p class="hint" id="${id}_hint">${option.hint}</p>` : ''}
</div>`;
  });
  return html`<fieldset class="field${o.className ? ` ${o.className}` : ''}${o.error ? ' field-error' : ''}"${described(group, o.hint, o.error)}>
<legend>${o.legend}</legend>
${hintAndError(group, o.hint, o.error)}
${boxes}
</fieldset>`;
}

export interface TagFieldOptions {
  id: string;
  name: string;
  label: string;
  /** The tag type suggestions are drawn from. */
  type: 'fandom' | 'relationship' | 'character' | 'freeform';
  value: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  /** Id of the fandom field, whose last entry narrows suggestions. */
  fandomField?: string;
}

/**
 * A text input holding comma-separated tags, as on AO3. Without JavaScript it is a plain text
 * field; public/js/tag-autocomplete.js fills the datalist with suggestions for the last entry.
 */
export function tagField(o: TagFieldOptions): SafeHtml {
  const hint = o.hint ?? 'Separate tags with commas.';
  return html`<div class="field tag-field${o.error ? ' field-error' : ''}">
<label for="${o.id}">${o.label}${o.required ? html` <span class="required-marker">(required)</span>` : ''}</label>
${hintAndError(o.id, hint, o.error)}
<input id="${o.id}" name="${o.name}" type="text" value="${o.value}" list="${o.id}_list" autocomplete="off" data-tag-autocomplete="${o.type}"${o.fandomField ? html` data-fandom-field="${o.fandomField}"` : ''}${o.required ? html` aria-required="true"` : ''}${described(o.id, hint, o.error)}>
<datalist id="${o.id}_list"></datalist>
</div>`;
}

export type CommitButton = 'preview' | 'draft' | 'post' | 'update';

const COMMIT_LABELS: Record<CommitButton, string> = { preview: 'Preview', draft: 'Save as Draft', post: 'Post', update: 'Update' };

/**
 * The form's submit buttons, each sending `commit`. The first is what Enter submits, so the
 * harmless one (Preview) comes first where there is one.
 */
export function commitButtons(buttons: readonly CommitButton[], cancelUrl?: string): SafeHtml {
  const items = buttons.map((b) => html`<li><button type="submit" name="commit" value="${b === 'update' ? 'post' : b}">${COMMIT_LABELS[b]}</button></li>`);
  return html`<ul class="actions posting-actions">${items}${cancelUrl ? html`<li><a href="${cancelUrl}">Cancel</a></li>` : ''}</ul>`;
}

/** A paragraph of form-level errors ("_"), repeated from the summary next to the buttons. */
export function formLevelError(message: string | undefined): SafeHtml {
  return message ? html`<p class="error-message"><span class="visually-hidden">Error: </span>${message}</p>` : html``;
}
