// The reader's own controls under a work (AO3 shows them in the work's action bar): Subscribe,
// Mark for Later, and the bookmark form — a new bookmark, or the reader's bookmark to edit or
// delete. Plain POST forms with the CSRF field, so everything works without JavaScript. Shown
// only to readers who may bookmark the work (routes pass null otherwise).
import { html } from '../html.ts';
import type { SafeHtml } from '../html.ts';
import type { PageChrome } from '../../present/view-models.ts';
import { MAX_BOOKMARK_NOTES } from '../../../domain/bookmarks.ts';
import { markedForLaterUrl } from '../../present/reader.ts';

import { layout } from './layout.ts';
import { buttonForm, checkbox, csrfField, errorSummary, hiddenField, submitButton, textArea, textField } from './components/form.ts';
import { subscribeControl, subscribeHint } from './subscribe-control.ts';

export interface ReaderPanel {
  workId: number;
  workTitle: string;
  bookmark: { id: number; notesHtml: string; tags: string[]; private: boolean; rec: boolean } | null;
  subscriptionId: number | null;
  markedForLater: boolean;
  /** A fixed message after an action (from ?done=). */
  notice: string | null;
  /** Form errors keyed by field (notes, tags, _), and the values to keep. */
  errors: Record<string, string>;
  values: { notes?: string; tags?: string; private?: boolean; rec?: boolean };
}

const FIELD_IDS: Record<string, string> = { notes: 'bookmark_notes', tags: 'bookmark_tags' };

function bookmarkForm(chrome: PageChrome, panel: ReaderPanel, level: 2 | 3): SafeHtml {
  const b = panel.bookmark;
  const v = panel.values;
  const editing = b !== null;
  const title = editing ? 'Edit your bookmark' : 'Bookmark this work';
  return html`<form id="bookmark-form" class="bookmark-form" method="post" action="/works/${panel.workId}/bookmarks" aria-labelledby="bookmark-form-heading">
${level === 2 ? html`<h2 id="bookmark-form-heading">${title}</h2>` : html`<h3 id="bookmark-form-heading">${title}</h3>`}
${csrfField(chrome.csrfToken)}${hiddenField('return_to', chrome.path)}
${panel.errors._ ? html`<p class="error-message"><span class="visually-hidden">Error: </span>${panel.errors._}</p>` : ''}
${textArea({ id: 'bookmark_notes', name: 'notes', label: 'Notes', rows: 4, maxlength: MAX_BOOKMARK_NOTES * 2, value: v.notes ?? b?.notesHtml ?? '', error: panel.errors.notes, hint: 'Optional. Plain text or HTML, up to 5,000 characters.' })}
${textField({ id: 'bookmark_tags', name: 'tags', label: 'Your tags', type: 'text', maxlength: 2000, value: v.tags ?? b?.tags.join(', ') ?? '', error: panel.errors.tags, hint: 'Optional, separated by commas. Only for your bookmarks; they are not archive tags.' })}
${checkbox({ id: 'bookmark_private', name: 'private', label: 'Private bookmark', checked: v.private ?? b?.private ?? false, hint: 'Only you will see it, and it is not counted on the work.' })}
${checkbox({ id: 'bookmark_rec', name: 'rec', label: 'Rec', checked: v.rec ?? b?.rec ?? false, hint: 'Recommend this work to others.' })}
${submitButton(editing ? 'Update bookmark' : 'Bookmark')}
</form>
${b ? buttonForm({ action: `/bookmarks/${b.id}/delete`, csrfToken: chrome.csrfToken, label: 'Delete bookmark', context: `of ${panel.workTitle}`, hidden: { return_to: chrome.path }, danger: true }) : ''}`;
}

export function readerPanel(chrome: PageChrome, panel: ReaderPanel | null): SafeHtml {
  if (!panel || !chrome.currentUser) return html``;
  const later = panel.markedForLater
    ? buttonForm({ action: `/works/${panel.workId}/mark-as-read`, csrfToken: chrome.csrfToken, label: 'Mark as read', context: `(${panel.workTitle})`, hidden: { return_to: chrome.path } })
    : buttonForm({ action: `/works/${panel.workId}/mark-for-later`, csrfToken: chrome.csrfToken, label: 'Mark for Later', context: `(${panel.workTitle})`, hidden: { return_to: chrome.path } });
  return html`<section class="reader-actions" id="reader-actions" aria-labelledby="reader-actions-heading">
<h2 id="reader-actions-heading" class="heading">Bookmark and follow</h2>
${panel.notice ? html`<p class="notice" role="status">${panel.notice}</p>` : ''}
${panel.markedForLater ? html`<p>This work is on your <a href="${markedForLaterUrl(chrome.currentUser)}">Marked for Later</a> list.</p>` : ''}
<div class="inline-forms">
${subscribeControl(chrome, { kind: 'work', targetId: panel.workId, subscriptionId: panel.subscriptionId, name: panel.workTitle }, { separateHint: true })}
${later}
</div>
${panel.subscriptionId === null ? subscribeHint('work') : ''}
${bookmarkForm(chrome, panel, 3)}
</section>`;
}

/** The bookmark form alone, shown again with its errors when a bookmark could not be saved. */
export function bookmarkErrorView(chrome: PageChrome, panel: ReaderPanel, workUrl: string): string {
  return layout(
    chrome,
    html`<div class="bookmark-page">
<h1>Bookmark <a href="${workUrl}">${panel.workTitle}</a></h1>
${errorSummary(panel.errors, (key) => FIELD_IDS[key] ?? null)}
${bookmarkForm(chrome, panel, 2)}
</div>`,
  );
}
