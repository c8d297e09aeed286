// A listing of works (/works, /works/search, /tags/:tag/works, /users/:login/works): heading, the
// count, the blurbs, paging, and AO3's "Filters" sidebar. The count is repeated as plain text at
// the top; the paging <nav> appears once, at the bottom, so the page has no two navigation
// landmarks with the same name. The sidebar follows the results in source order (as on AO3), so
// screen-reader and keyboard users reach the works first; CSS places it beside them.
import { html } from '../html.ts';
import type { PageChrome, WorkListPage } from '../../present/view-models.ts';
import { layout } from './layout.ts';
import { blurbListWithMutes } from './muted-work.ts';
import { pagination } from './components/pagination.ts';
import { filterSidebar } from './components/work-filters.ts';

export function workListView(chrome: PageChrome, page: WorkListPage): string {
  const feedUrl = page.feedUrl ?? chrome.feedUrl;
  const results = html`<div class="results">
${page.searchSummary ? html`<p class="search-summary" role="status">${page.searchSummary}</p>` : ''}
${
  page.works.length > 0
    ? html`<p class="list-summary">${page.pagination.summary}</p>
${blurbListWithMutes(page.works, page.muted ?? new Map(), 2)}`
    : html`<p class="empty">No works found.</p>`
}
${pagination(page.pagination)}
</div>`;
  const body = html`<h1>${page.heading}</h1>
${page.intro ? html`<p class="intro">${page.intro}</p>` : ''}
${
  page.searchBox
    ? html`<form method="get" action="${page.searchBox.action}" role="search" class="work-search">
<label for="search_q">Search works</label>
<p class="hint" id="search_q_hint">Words, "exact phrases", -excluded words, OR, and title: summary: creator: tag: for one field. Chapter text is searched too.</p>
<input id="search_q" name="q" type="search" value="${page.searchBox.q}" maxlength="500" aria-describedby="search_q_hint">
<button type="submit">Search</button>
</form>`
    : ''
}
${feedUrl ? html`<p class="feed"><a href="${feedUrl}">Subscribe to the feed<span class="visually-hidden"> for ${page.heading}</span></a></p>` : ''}
${page.filters ? html`<div class="listing-with-filters">${results}${filterSidebar(page.filters)}</div>` : results}`;
  return layout(feedUrl && !chrome.feedUrl ? { ...chrome, feedUrl } : chrome, body);
}
