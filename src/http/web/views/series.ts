// A series page (/series/:id), laid out like AO3's: title, a meta list (creators, dates,
// description, notes, stats), then the works in series order.
import { html, raw } from '../html.ts';
import type { SafeHtml } from '../html.ts';
import type { PageChrome, SeriesPage } from '../../present/view-models.ts';
import { layout } from './layout.ts';
import { blurbList } from './components/blurb.ts';
import { byline } from './components/byline.ts';
import { formatNumber, timeTag } from './components/date.ts';
import { feedLink } from './components/feed-link.ts';
import { downloadLinks } from './components/download-links.ts';
import { seriesDownloadUrl } from '../../../formats/export/index.ts';

/** `controls`: the reader's buttons about this series (subscribe), rendered under the title. */
export function seriesView(chrome: PageChrome, page: SeriesPage, controls: readonly SafeHtml[] = []): string {
  const optional = (label: string, value: unknown, dd: () => ReturnType<typeof html>) =>
    value ? html`<dt>${label}:</dt><dd>${dd()}</dd>` : '';
  return layout(
    chrome,
    html`<div class="series">
<h1>${page.title}</h1>
${page.editUrl ? html`<ul class="actions"><li><a href="${page.editUrl}">Edit Series</a></li></ul>` : ''}
${controls.length > 0 ? html`<div class="reader-controls">${controls}</div>` : ''}
${downloadLinks(page, seriesDownloadUrl)}
<dl class="series meta group">
<dt>Creators:</dt><dd>${byline(page.creators, page.anonymous)}</dd>
${optional('Series Begun', page.beganAt, () => timeTag(page.beganAt))}
${optional('Series Updated', page.updatedAt, () => timeTag(page.updatedAt))}
${optional('Description', page.summaryHtml, () => html`<blockquote class="userstuff">${raw(page.summaryHtml)}</blockquote>`)}
${optional('Notes', page.notesHtml, () => html`<blockquote class="userstuff">${raw(page.notesHtml)}</blockquote>`)}
<dt>Stats:</dt>
<dd><dl class="stats">
<dt>Words:</dt><dd>${formatNumber(page.wordCount)}</dd>
<dt>Works:</dt><dd>${formatNumber(page.works.length)}</dd>
<dt>Complete:</dt><dd>${page.complete ? 'Yes' : 'No'}</dd>
</dl></dd>
</dl>
<section aria-labelledby="series-works">
<h2 id="series-works">Works in this series</h2>
${feedLink(chrome.feedUrl, `works in ${page.title}`)}
${page.works.length > 0 ? blurbList(page.works, 3) : html`<p class="empty">This series has no works you can see.</p>`}
</section>
</div>`,
  );
}
