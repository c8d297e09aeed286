// A user's profile (/users/:login): login, pseuds, join date, and their newest works.
import { html } from '../html.ts';
import type { SafeHtml } from '../html.ts';
import type { PageChrome, UserPage } from '../../present/view-models.ts';
import { layout } from './layout.ts';
import { blurbList } from './components/blurb.ts';
import { formatNumber, timeTag } from './components/date.ts';
import { feedLink } from './components/feed-link.ts';

/** `controls`: the reader's buttons about this creator (mute, block, subscribe), rendered under the name. */
export function userView(chrome: PageChrome, page: UserPage, controls: readonly SafeHtml[] = []): string {
  const pseuds = page.pseuds.map(
    (p) => html`<li><a href="${p.url}">${p.name}</a>${p.isDefault ? html` <span class="default">(default)</span>` : ''}</li>`,
  );
  const works =
    page.recentWorks.length > 0
      ? html`${blurbList(page.recentWorks, 3)}
<p class="more"><a href="${page.worksUrl}">All works by ${page.login} (${formatNumber(page.workCount)})</a></p>`
      : html`<p class="empty">${page.login} has not posted any works yet.</p>`;
  return layout(
    chrome,
    html`<div class="user home profile">
<h1>${page.login}</h1>
${controls.length > 0 ? html`<div class="reader-controls">${controls}</div>` : ''}
<dl class="meta">
<dt>Joined:</dt><dd>${timeTag(page.joinedAt)}</dd>
<dt>Works:</dt><dd>${formatNumber(page.workCount)}</dd>
</dl>
${page.pseuds.length > 0 ? html`<section aria-labelledby="pseuds"><h2 id="pseuds">Pseuds</h2><ul class="pseuds commas">${pseuds}</ul></section>` : ''}
<section aria-labelledby="recent-works">
<h2 id="recent-works">Recent works</h2>
${works}
${feedLink(chrome.feedUrl, `works by ${page.login}`)}
</section>
</div>`,
  );
}
