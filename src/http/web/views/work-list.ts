// A listing of works (/works, /tags/:tag/works, /users/:login/works): heading, the count, the
// blurbs and paging. The count is repeated as plain text at the top; the paging <nav> appears once,
// at the bottom, so the page has no two navigation landmarks with the same name.
import { html } from '../html.ts';
import type { PageChrome, WorkListPage } from '../../present/view-models.ts';
import { layout } from './layout.ts';
import { blurbList } from './components/blurb.ts';
import { pagination } from './components/pagination.ts';

export function workListView(chrome: PageChrome, page: WorkListPage): string {
  const feedUrl = page.feedUrl ?? chrome.feedUrl;
  const body = html`<h1>${page.heading}</h1>
${page.intro ? html`<p class="intro">${page.intro}</p>` : ''}
${feedUrl ? html`<p class="feed"><a href="${feedUrl}">Subscribe to the feed<span class="visually-hidden"> for ${page.heading}</span></a></p>` : ''}
${
  page.works.length > 0
    ? html`<p class="list-summary">${page.pagination.summary}</p>
${blurbList(page.works, 2)}`
    : html`<p class="empty">No works found.</p>`
}
${pagination(page.pagination)}`;
  return layout(feedUrl && !chrome.feedUrl ? { ...chrome, feedUrl } : chrome, body);
}
