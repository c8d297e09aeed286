// A user's bookmarks (/users/:login/bookmarks), after AO3's: each bookmarked work's blurb with
// the bookmarker's notes, their own tags (each a filter of this page), "Rec" and, for the owner
// alone, "Private" and the Edit and Delete controls.
import { html, raw } from '../html.ts';
import type { SafeHtml } from '../html.ts';
import type { PageChrome, Pagination } from '../../present/view-models.ts';
import type { BookmarkView } from '../../present/reader.ts';
import { userUrl } from '../../present/urls.ts';
import { layout } from './layout.ts';
import { blurb } from './components/blurb.ts';
import { timeTag } from './components/date.ts';
import { pagination } from './components/pagination.ts';
import { buttonForm } from './components/form.ts';

export interface BookmarksPage {
  login: string;
  own: boolean;
  bookmarks: BookmarkView[];
  /** The bookmarker's tag the page is filtered by, and the unfiltered page's URL. */
  tag: { name: string; clearUrl: string } | null;
  pagination: Pagination;
}

function bookmarkItem(chrome: PageChrome, page: BookmarksPage, b: BookmarkView): SafeHtml {
  const badges = [
    b.rec ? html`<li><span class="badge rec">Rec</span></li>` : '',
    b.private ? html`<li><span class="badge private">Private</span></li>` : '',
  ];
  const controls = page.own
    ? html`<ul class="actions"><li><a href="${b.editUrl}">Edit<span class="visually-hidden"> bookmark of ${b.work.title}</span></a></li>
<li>${buttonForm({ action: `/bookmarks/${b.id}/delete`, csrfToken: chrome.csrfToken, label: 'Delete', context: `bookmark of ${b.work.title}`, hidden: { return_to: chrome.path }, danger: true })}</li></ul>`
    : '';
  return html`<li class="bookmark" id="bookmark_${b.id}">
<ol class="work index group">${blurb(b.work, 2)}</ol>
<div class="bookmark-meta">
<p class="datetime">Bookmarked ${timeTag(b.updatedAt)}</p>
<ul class="required-tags">${badges}</ul>
${b.tags.length > 0 ? html`<div class="bookmark-tags"><span>Bookmarker’s tags:</span> <ul class="tags commas">${b.tags.map((t) => html`<li><a href="${t.url}">${t.name}</a></li>`)}</ul></div>` : ''}
${b.notesHtml ? html`<blockquote class="userstuff notes"><span class="visually-hidden">Bookmarker’s notes: </span>${raw(b.notesHtml)}</blockquote>` : ''}
${controls}
</div>
</li>`;
}

export function bookmarksView(chrome: PageChrome, page: BookmarksPage): string {
  const intro = page.own
    ? html`<p class="intro">Your public bookmarks are shown to everyone; private ones only to you.</p>`
    : '';
  return layout(
    chrome,
    html`<div class="bookmarks-page">
<h1>Bookmarks by <a href="${userUrl(page.login)}">${page.login}</a>${page.tag ? html` tagged “${page.tag.name}”` : ''}</h1>
${intro}
${page.tag ? html`<p><a href="${page.tag.clearUrl}">Show all of ${page.login}’s bookmarks</a></p>` : ''}
${
  page.bookmarks.length > 0
    ? html`<p class="list-summary">${page.pagination.summary}</p>
<ol class="bookmark index group">${page.bookmarks.map((b) => bookmarkItem(chrome, page, b))}</ol>`
    : html`<p class="empty">${page.own ? 'You have no bookmarks yet. Use the bookmark form under a work to add one.' : `${page.login} has no public bookmarks.`}</p>`
}
${pagination(page.pagination)}
</div>`,
  );
}
