// A reader's inbox (/users/:login/inbox): what their subscriptions brought, newest first, unread
// ones marked. Each notification can be marked read or deleted; "Mark all as read" clears them.
import { html } from '../html.ts';
import type { SafeHtml } from '../html.ts';
import type { PageChrome, Pagination } from '../../present/view-models.ts';
import type { NotificationView } from '../../present/reader.ts';
import { layout } from './layout.ts';
import { byline } from './components/byline.ts';
import { timeTag } from './components/date.ts';
import { pagination } from './components/pagination.ts';
import { buttonForm } from './components/form.ts';
import { commentContext, commentQuote, commentWhat } from './inbox-comment.ts';

export interface InboxPage {
  /** Where the page's forms post: /users/:login/inbox. */
  action: string;
  items: NotificationView[];
  unread: number;
  unreadOnly: boolean;
  allUrl: string;
  subscriptionsUrl: string;
  unreadUrl: string;
  pagination: Pagination;
}

function what(n: NotificationView): SafeHtml {
  if (n.comment) return commentWhat(n, n.comment);
  const work = html`<a href="${n.work.url}">${n.work.title}</a> by ${byline(n.work.creators, n.work.anonymous)}`;
  if (n.chapter) return html`New chapter <a href="${n.chapter.url}">${n.chapter.label}</a> of ${work}`;
  if (n.reason === 'series' && n.series) return html`New work in the series <a href="${n.series.url}">${n.series.title}</a>: ${work}`;
  return html`New work: ${work}`;
}

function item(chrome: PageChrome, page: InboxPage, n: NotificationView): SafeHtml {
  const context = n.comment ? commentContext(n, n.comment) : n.chapter ? `about ${n.chapter.label} of ${n.work.title}` : `about ${n.work.title}`;
  return html`<li class="notification${n.read ? ' read' : ' unread'}" id="notification_${n.id}">
<p class="what">${n.read ? '' : html`<span class="badge unread-badge">Unread</span> `}${what(n)}</p>
${n.comment ? commentQuote(n.comment) : ''}
<p class="datetime">${timeTag(n.createdAt)}</p>
<div class="inline-forms">
${n.read ? '' : buttonForm({ action: `${page.action}/read`, csrfToken: chrome.csrfToken, label: 'Mark read', context, hidden: { id: String(n.id), return_to: chrome.path } })}
${buttonForm({ action: `${page.action}/${n.id}/delete`, csrfToken: chrome.csrfToken, label: 'Delete', context, hidden: { return_to: chrome.path } })}
</div>
</li>`;
}

export function inboxView(chrome: PageChrome, page: InboxPage): string {
  const filter = page.unreadOnly
    ? html`<p>Showing unread notifications. <a href="${page.allUrl}">Show all</a></p>`
    : html`<p><a href="${page.unreadUrl}">Show unread only</a></p>`;
  return layout(
    chrome,
    html`<div class="inbox-page">
<h1>Inbox</h1>
<p class="intro">New chapters and works from your <a href="${page.subscriptionsUrl}">subscriptions</a>, comments on your works and replies to your comments. You have ${page.unread === 1 ? '1 unread notification' : `${page.unread} unread notifications`}.</p>
${filter}
${page.unread > 0 ? buttonForm({ action: `${page.action}/read`, csrfToken: chrome.csrfToken, label: 'Mark all as read', hidden: { all: 'true', return_to: chrome.path } }) : ''}
${
  page.items.length > 0
    ? html`<p class="list-summary">${page.pagination.summary}</p>
<ol class="notifications">${page.items.map((n) => item(chrome, page, n))}</ol>`
    : html`<p class="empty">${page.unreadOnly ? 'No unread notifications.' : 'Your inbox is empty. Subscribe to works, creators or series to hear when something new is posted.'}</p>`
}
${pagination(page.pagination)}
</div>`,
  );
}
