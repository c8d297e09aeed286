// Chapter pages for a work's creators (AO3's chapters/new, edit and manage): the chapter form,
// and the chapter list where positions are typed in to reorder and each chapter can be edited,
// posted or deleted. Deleting is a separate POST form per chapter, tied to its button with the
// `form` attribute so the page needs no nested forms and no JavaScript.
import { html } from '../html.ts';
import type { SafeHtml } from '../html.ts';
import type { PageChrome } from '../../present/view-models.ts';
import { LIMITS } from '../../../domain/work-rules.ts';
import { layout } from './layout.ts';
import { csrfField, errorSummary, textArea, textField } from './components/form.ts';
import { commitButtons, formLevelError, type CommitButton } from './posting/components.ts';

export interface ChapterFormValues {
  title: string;
  summary: string;
  notes: string;
  endNotes: string;
  content: string;
  expectedChapters: string;
}

export interface ChapterFormPage {
  workTitle: string;
  workUrl: string;
  /** "Chapter 3" */
  heading: string;
  position: number;
  action: string;
  values: ChapterFormValues;
  errors: Record<string, string>;
  buttons: CommitButton[];
  cancelUrl: string;
  manageUrl: string;
}

const CHAPTER_FIELD_IDS: Record<string, string> = {
  title: 'chapter_title',
  summary: 'chapter_summary',
  notes: 'chapter_notes',
  endNotes: 'chapter_end_notes',
  content: 'chapter_content',
  expectedChapters: 'chapter_expected',
};

export function chapterFormView(chrome: PageChrome, page: ChapterFormPage): string {
  const { values: v, errors: e } = page;
  return layout(
    chrome,
    html`<div class="posting chapter-form">
<h1>${page.heading} of <a href="${page.workUrl}">${page.workTitle}</a></h1>
${errorSummary(e, (key) => CHAPTER_FIELD_IDS[key] ?? null)}
<form method="post" action="${page.action}" enctype="multipart/form-data" class="posting-form" novalidate>
${csrfField(chrome.csrfToken)}
${textField({ id: 'chapter_title', name: 'title', label: 'Chapter title', type: 'text', value: v.title, error: e.title, hint: `Optional; up to ${LIMITS.chapterTitleMax} characters.` })}
${textField({ id: 'chapter_expected', name: 'expected_chapters', label: `Chapter ${page.position} of how many?`, type: 'number', min: 1, value: v.expectedChapters, error: e.expectedChapters, hint: 'The expected number of chapters in the work; leave blank if you do not know yet.' })}
${textArea({ id: 'chapter_summary', name: 'summary', label: 'Chapter summary', value: v.summary, error: e.summary, rows: 3, hint: `Up to ${LIMITS.summaryMax.toLocaleString('en-US')} characters.` })}
${textArea({ id: 'chapter_notes', name: 'notes', label: 'Notes at the beginning', value: v.notes, error: e.notes, rows: 3, hint: `Up to ${LIMITS.notesMax.toLocaleString('en-US')} characters.` })}
${textArea({ id: 'chapter_content', name: 'content', label: 'Chapter text', value: v.content, error: e.content, rows: 20, hint: 'Type or paste HTML, or plain text: blank lines separate paragraphs.' })}
${textArea({ id: 'chapter_end_notes', name: 'end_notes', label: 'Notes at the end', value: v.endNotes, error: e.endNotes, rows: 3, hint: `Up to ${LIMITS.notesMax.toLocaleString('en-US')} characters.` })}
${formLevelError(e._)}
${commitButtons(page.buttons, page.cancelUrl)}
</form>
<p><a href="${page.manageUrl}">All chapters of this work</a></p>
</div>`,
  );
}

export interface ManagedChapter {
  id: number;
  position: number;
  label: string;
  posted: boolean;
  wordCount: number;
  editUrl: string;
  previewUrl: string;
  postAction: string;
  deleteAction: string;
}

export interface ManageChaptersPage {
  workTitle: string;
  workUrl: string;
  editWorkUrl: string;
  newChapterUrl: string;
  reorderAction: string;
  chapters: ManagedChapter[];
  errors: Record<string, string>;
  /** Typed positions to keep after an error, by chapter id. */
  positions: Record<string, string>;
}

function chapterRow(page: ManageChaptersPage, c: ManagedChapter): SafeHtml {
  const id = `position_${c.id}`;
  const error = page.errors[id];
  const canDelete = page.chapters.length > 1;
  return html`<tr${error ? html` class="field-error"` : ''}>
<td><label class="visually-hidden" for="${id}">Position of ${c.label}</label>
<input id="${id}" name="${id}" type="number" min="1" max="${page.chapters.length}" value="${page.positions[String(c.id)] ?? String(c.position)}" class="position-input"${error ? html` aria-invalid="true" aria-describedby="${id}_error"` : ''}>
${error ? html`<p class="error-message" id="${id}_error">${error}</p>` : ''}</td>
<th scope="row"><a href="${c.previewUrl}">${c.label}</a></th>
<td>${c.posted ? 'Posted' : html`<strong>Draft</strong>`}</td>
<td>${c.wordCount.toLocaleString('en-US')}</td>
<td><ul class="actions">
<li><a href="${c.editUrl}">Edit<span class="visually-hidden"> ${c.label}</span></a></li>
${c.posted ? '' : html`<li><button type="submit" form="post-chapter-${c.id}">Post<span class="visually-hidden"> ${c.label}</span></button></li>`}
${canDelete ? html`<li><button type="submit" class="danger" form="delete-chapter-${c.id}">Delete<span class="visually-hidden"> ${c.label}</span></button></li>` : ''}
</ul></td>
</tr>`;
}

export function manageChaptersView(chrome: PageChrome, page: ManageChaptersPage): string {
  const hiddenForms = page.chapters.map(
    (c) => html`<form id="delete-chapter-${c.id}" method="post" action="${c.deleteAction}">${csrfField(chrome.csrfToken)}</form>
${c.posted ? '' : html`<form id="post-chapter-${c.id}" method="post" action="${c.postAction}">${csrfField(chrome.csrfToken)}</form>`}`,
  );
  return layout(
    chrome,
    html`<div class="posting manage-chapters">
<h1>Chapters of <a href="${page.workUrl}">${page.workTitle}</a></h1>
${errorSummary(page.errors, (key) => (key.startsWith('position_') ? key : null))}
<p>To reorder the chapters, type their new positions and choose “Save order”. Draft chapters are visible only to you and are not counted until posted.</p>
<form method="post" action="${page.reorderAction}">
${csrfField(chrome.csrfToken)}
<div class="table-wrap"><table class="chapter-list">
<caption class="visually-hidden">Chapters</caption>
<thead><tr><th scope="col">Position</th><th scope="col">Chapter</th><th scope="col">Status</th><th scope="col">Words</th><th scope="col">Actions</th></tr></thead>
<tbody>${page.chapters.map((c) => chapterRow(page, c))}</tbody>
</table></div>
${formLevelError(page.errors._)}
<ul class="actions posting-actions"><li><button type="submit">Save order</button></li></ul>
</form>
${hiddenForms}
<ul class="actions">
<li><a href="${page.newChapterUrl}">Add Chapter</a></li>
<li><a href="${page.editWorkUrl}">Edit Work</a></li>
</ul>
</div>`,
  );
}
