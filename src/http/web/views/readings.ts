// A reader's history (/users/:login/readings) and, with ?show=to-read, their Marked for Later
// list — AO3's "History" page with its filter. Each work shows when it was last visited and the
// chapter last opened; history items can be deleted one by one or all at once.
import { html } from '../html.ts';
import type { SafeHtml } from '../html.ts';
import type { PageChrome, Pagination } from '../../present/view-models.ts';
import type { ReadingView } from '../../present/reader.ts';
import { layout } from './layout.ts';
import { blurb } from './components/blurb.ts';
import { formatNumber, timeTag } from './components/date.ts';
import { pagination } from './components/pagination.ts';
import { buttonForm } from './components/form.ts';

export interface ReadingsPage {
  list: 'history' | 'later';
  /** Where the page's forms post: /users/:login/readings. */
  action: string;
  historyUrl: string;
  laterUrl: string;
  items: ReadingView[];
  historyEnabled: boolean;
  pagination: Pagination;
}

function readingItem(chrome: PageChrome, page: ReadingsPage, r: ReadingView): SafeHtml {
  const visits = r.visitCount === 1 ? 'once' : `${formatNumber(r.visitCount)} times`;
  const remove =
    page.list === 'later'
      ? buttonForm({ action: `/works/${r.work.id}/mark-as-read`, csrfToken: chrome.csrfToken, label: 'Mark as read', context: `(${r.work.title})`, hidden: { return_to: chrome.path } })
      : buttonForm({ action: `${page.action}/${r.work.id}/delete`, csrfToken: chrome.csrfToken, label: 'Delete from history', context: `(${r.work.title})`, hidden: { return_to: chrome.path } });
  return html`<li class="reading" id="reading_${r.work.id}">
<ol class="work index group">${blurb(r.work, 2)}</ol>
<div class="reading-meta">
${r.lastVisitedAt ? html`<p>Last visited ${timeTag(r.lastVisitedAt)}${r.chapter ? html` (<a href="${r.chapter.url}">${r.chapter.label}</a>)` : ''}, ${visits}.</p>` : ''}
${r.markedForLater && page.list === 'history' ? html`<p><span class="badge">Marked for Later</span></p>` : ''}
<div class="inline-forms">${remove}</div>
</div>
</li>`;
}

export function readingsView(chrome: PageChrome, page: ReadingsPage): string {
  const later = page.list === 'later';
  const tabs = html`<ul class="actions reading-lists">
<li>${later ? html`<a href="${page.historyUrl}">History</a>` : html`<a href="${page.historyUrl}" aria-current="page">History</a>`}</li>
<li>${later ? html`<a href="${page.laterUrl}" aria-current="page">Marked for Later</a>` : html`<a href="${page.laterUrl}">Marked for Later</a>`}</li>
</ul>`;
  const empty = later
    ? 'Nothing is marked for later. Use “Mark for Later” under a work to keep it here.'
    : page.historyEnabled
      ? 'Your history is empty. Works you open while logged in appear here.'
      : 'Your history is empty, and it is turned off in your account preferences.';
  return layout(
    chrome,
    html`<div class="readings-page">
<h1>${later ? 'Marked for Later' : 'History'}</h1>
<nav aria-label="Reading lists">${tabs}</nav>
${!later && !page.historyEnabled ? html`<p class="intro">History is turned off: works you open are not recorded. Turn it on in your <a href="/account#account-reading">account preferences</a>.</p>` : ''}
${!later && page.items.length > 0 ? buttonForm({ action: `${page.action}/clear`, csrfToken: chrome.csrfToken, label: 'Clear history', danger: true, describedBy: 'clear-history-note', hidden: { return_to: chrome.path } }) : ''}
${!later && page.items.length > 0 ? html`<p class="hint" id="clear-history-note">Works marked for later stay on that list.</p>` : ''}
${
  page.items.length > 0
    ? html`<p class="list-summary">${page.pagination.summary}</p>
<ol class="reading index group">${page.items.map((r) => readingItem(chrome, page, r))}</ol>`
    : html`<p class="empty">${empty}</p>`
}
${pagination(page.pagination)}
</div>`,
  );
}
