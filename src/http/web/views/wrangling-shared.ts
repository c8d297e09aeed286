// Pieces the tag wranglers' pages share (AO3's "Tag Wrangling"): their addresses, and the mass
// wrangling form — a table of tags with a checkbox each and, in the same <form>, the action to
// apply to the ticked ones. The wrangling home uses it for unwrangled fandoms, each fandom's
// queue for its characters, relationships and additional tags.
import { html } from '../html.ts';
import type { SafeHtml } from '../html.ts';
import { tagToParam } from '../../../domain/tag-name.ts';
import { formatNumber } from './components/date.ts';
import { csrfField, hiddenField, submitButton } from './components/form.ts';

export const wranglingHomeUrl = '/tags/wrangle';
export const tagWrangleUrl = (name: string) => `/tags/${tagToParam(name)}/wrangle`;
export const fandomQueueUrl = (fandom: string, type = 'character', page = 1) =>
  `/tags/wrangle/${tagToParam(fandom)}?type=${encodeURIComponent(type)}${page > 1 ? `&page=${page}` : ''}`;
export const wranglingLogUrl = '/admin/wrangling-log';

export type MassAction = 'canonical' | 'merge' | 'parent' | 'unwrangleable';

/** What was submitted, kept when the form comes back with an error. */
export interface MassChoices {
  tags: string[];
  action: MassAction | null;
  mergeTarget: string;
  parentTarget: string;
}

export interface MassFormOptions {
  csrfToken: string | undefined;
  /** Prefix of the form's ids (one mass form per page). */
  formId: string;
  caption: string;
  /** The tags to choose from, most used first. */
  tags: ReadonlyArray<{ name: string; uses: number }>;
  /** "Add parent fandom", "Add parent media". */
  parentLabel: string;
  /** The parent field's value when nothing was submitted (a queue's own fandom). */
  parentDefault: string;
  /** Where to come back to (the page itself), a same-site path. */
  returnTo: string;
  choices: MassChoices | null;
  /** Keyed as massFieldId knows: tags, action, merge_target, parent_target, _ */
  errors: Record<string, string>;
  empty: string;
}

/** The id an error key of the mass form links to from the error summary. */
export function massFieldId(formId: string, key: string): string | null {
  switch (key) {
    case 'tags':
      return `${formId}_tag_0`;
    case 'action':
      return `${formId}_action`;
    case 'merge_target':
      return `${formId}_merge_target`;
    case 'parent_target':
      return `${formId}_parent_target`;
    default:
      return null;
  }
}

function errorText(id: string, message: string | undefined): SafeHtml {
  return message ? html`<p class="error-message" id="${id}_error"><span class="visually-hidden">Error: </span>${message}</p>` : html``;
}

/** A radio with, for actions that need one, its own labelled text field under it (GOV.UK's "conditional" radios, without the script). */
function actionOption(o: { formId: string; index: number; value: MassAction; label: string; selected: boolean; field?: { name: string; label: string; value: string; error: string | undefined } }): SafeHtml {
  const id = o.index === 0 ? `${o.formId}_action` : `${o.formId}_action_${o.value}`;
  const field = o.field;
  const fieldId = field ? `${o.formId}_${field.name}` : '';
  return html`<div class="choice">
<input id="${id}" name="action" type="radio" value="${o.value}"${o.selected ? html` checked` : ''}>
<label for="${id}">${o.label}</label>
${field
  ? html`<div class="field mass-target${field.error ? ' field-error' : ''}">
<label for="${fieldId}">${field.label}</label>
${errorText(fieldId, field.error)}
<input id="${fieldId}" name="${field.name}" type="text" maxlength="150" autocomplete="off" value="${field.value}"${field.error ? html` aria-describedby="${fieldId}_error" aria-invalid="true"` : ''}>
</div>`
  : ''}
</div>`;
}

export function massForm(o: MassFormOptions): SafeHtml {
  if (o.tags.length === 0) return html`<p class="empty">${o.empty}</p>`;
  const chosen = new Set(o.choices?.tags ?? []);
  const tagsError = o.errors.tags;
  const rows = o.tags.map((tag, index) => {
    const id = `${o.formId}_tag_${index}`;
    return html`<tr>
<td class="select"><div class="choice"><input id="${id}" name="tags" type="checkbox" value="${tag.name}"${chosen.has(tag.name) ? html` checked` : ''}${index === 0 && tagsError ? html` aria-describedby="${o.formId}_tags_error"` : ''}><label for="${id}">${tag.name}</label></div></td>
<td class="numeric">${formatNumber(tag.uses)}</td>
<td><a href="${tagWrangleUrl(tag.name)}">Wrangle<span class="visually-hidden"> ${tag.name}</span></a></td>
</tr>`;
  });
  const action = o.choices?.action ?? null;
  return html`<form class="mass-wrangle" method="post" action="/tags/wrangle/mass">
${csrfField(o.csrfToken)}
${hiddenField('return_to', o.returnTo)}
<div class="table-wrap${tagsError ? ' field-error' : ''}">
${errorText(`${o.formId}_tags`, tagsError)}
<table class="wrangling-table">
<caption>${o.caption}</caption>
<thead><tr><th scope="col">Tag</th><th scope="col" class="numeric">Uses</th><th scope="col">Edit</th></tr></thead>
<tbody>${rows}</tbody>
</table>
</div>
<fieldset class="field mass-actions${o.errors.action ? ' field-error' : ''}"${o.errors.action ? html` aria-describedby="${o.formId}_action_group_error"` : ''}>
<legend>What to do with the selected tags</legend>
${errorText(`${o.formId}_action_group`, o.errors.action)}
${actionOption({ formId: o.formId, index: 0, value: 'canonical', label: 'Make canonical', selected: action === 'canonical' })}
${actionOption({ formId: o.formId, index: 1, value: 'merge', label: 'Merge into a canonical tag', selected: action === 'merge', field: { name: 'merge_target', label: 'Canonical tag to merge into', value: o.choices?.mergeTarget ?? '', error: o.errors.merge_target } })}
${actionOption({ formId: o.formId, index: 2, value: 'parent', label: o.parentLabel, selected: action === 'parent', field: { name: 'parent_target', label: 'Parent tag', value: o.choices ? o.choices.parentTarget : o.parentDefault, error: o.errors.parent_target } })}
${actionOption({ formId: o.formId, index: 3, value: 'unwrangleable', label: 'Mark unwrangleable', selected: action === 'unwrangleable' })}
</fieldset>
${submitButton('Wrangle selected tags')}
</form>`;
}
