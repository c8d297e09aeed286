// Editing a series (its creators only): title, description, notes, and whether it is complete.
import { html } from '../html.ts';
import type { PageChrome } from '../../present/view-models.ts';
import { LIMITS } from '../../../domain/work-rules.ts';
import { layout } from './layout.ts';
import { checkbox, csrfField, errorSummary, submitButton, textArea, textField } from './components/form.ts';

export interface SeriesFormPage {
  action: string;
  seriesUrl: string;
  values: { title: string; summary: string; notes: string; complete: boolean };
  errors: Record<string, string>;
}

const IDS: Record<string, string> = { title: 'series_title', summary: 'series_summary', notes: 'series_notes' };

export function seriesFormView(chrome: PageChrome, page: SeriesFormPage): string {
  const { values: v, errors: e } = page;
  return layout(
    chrome,
    html`<div class="posting series-form">
<h1>Edit Series</h1>
${errorSummary(e, (key) => IDS[key] ?? null)}
<form method="post" action="${page.action}" class="posting-form" novalidate>
${csrfField(chrome.csrfToken)}
${textField({ id: 'series_title', name: 'title', label: 'Series title (required)', type: 'text', value: v.title, error: e.title, hint: `Up to ${LIMITS.titleMax} characters.` })}
${textArea({ id: 'series_summary', name: 'summary', label: 'Description', value: v.summary, error: e.summary, rows: 4, hint: `Up to ${LIMITS.summaryMax.toLocaleString('en-US')} characters. HTML is allowed.` })}
${textArea({ id: 'series_notes', name: 'notes', label: 'Notes', value: v.notes, error: e.notes, rows: 4, hint: `Up to ${LIMITS.notesMax.toLocaleString('en-US')} characters.` })}
${checkbox({ id: 'series_complete', name: 'complete', label: 'This series is complete', checked: v.complete })}
${submitButton('Update series')}
</form>
<p><a href="${page.seriesUrl}">Back to the series</a></p>
</div>`,
  );
}
