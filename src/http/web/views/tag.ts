// A tag's page (/tags/:tag), after AO3's tags/show: what kind of tag it is, whether it can be
// filtered on or was merged into another, its relatives, and the newest works that use it.
import { html } from '../html.ts';
import type { SafeHtml } from '../html.ts';
import type { PageChrome, TagLink, TagPage } from '../../present/view-models.ts';
import { TAG_DISPLAY_ORDER, TAG_TYPE_LABELS } from '../../../domain/tag-types.ts';
import type { TagType } from '../../../domain/tag-types.ts';
import { layout } from './layout.ts';
import { blurbList } from './components/blurb.ts';
import { formatNumber } from './components/date.ts';
import { tagLink, tagList } from './components/tag-list.ts';
import { feedLink } from './components/feed-link.ts';

function relatives(id: string, title: string, tags: readonly TagLink[]): SafeHtml {
  if (tags.length === 0) return html``;
  return html`<section class="${id}" aria-labelledby="${id}-heading">
<h2 id="${id}-heading">${title}</h2>
${tagList(tags)}
</section>`;
}

/** Children grouped by type, as AO3 lists them ("Characters:", "Relationships:", …). */
function children(tags: readonly TagLink[]): SafeHtml {
  if (tags.length === 0) return html``;
  const order: TagType[] = [...TAG_DISPLAY_ORDER, 'media'];
  const groups = order
    .map((type) => ({ type, tags: tags.filter((t) => t.type === type) }))
    .filter((g) => g.tags.length > 0);
  return html`<section class="children" aria-labelledby="children-heading">
<h2 id="children-heading">Child tags</h2>
${groups.map((g) => html`<h3>${TAG_TYPE_LABELS[g.type].many}</h3>${tagList(g.tags)}`)}
</section>`;
}

function status(page: TagPage): SafeHtml {
  const category = html`This tag belongs to the ${page.typeLabel} Category.`;
  if (page.mergedInto) {
    return html`${category} It has been merged into the ${tagLink(page.mergedInto)} tag, so works that use it are listed there too.`;
  }
  if (page.canonical) return html`${category} It’s a canonical tag. You can use it to filter works.`;
  return html`${category} It has not been made canonical, so it can’t be used to filter works (yet).`;
}

/** `wrangleUrl`: the tag's wrangling page, set only for viewers who may wrangle. */
export function tagView(chrome: PageChrome, page: TagPage & { wrangleUrl?: string | null }, controls: readonly SafeHtml[] = []): string {
  const works =
    page.recentWorks.length > 0
      ? blurbList(page.recentWorks, 3)
      : html`<p class="empty">No works you can see use this tag yet.</p>`;
  return layout(
    chrome,
    html`<div class="tag home profile">
<h1>${page.name}</h1>
${controls.length > 0 ? html`<div class="reader-controls">${controls}</div>` : ''}
<p class="tag-status">${status(page)}</p>
<p class="works-link"><a href="${page.worksUrl}">Works (${formatNumber(page.workCount)})<span class="visually-hidden"> tagged ${page.name}</span></a></p>
${feedLink(chrome.feedUrl, `works tagged ${page.name}`)}
${page.wrangleUrl ? html`<p class="wrangle-link"><a href="${page.wrangleUrl}">Wrangle this tag</a></p>` : ''}
${relatives('parents', 'Parent tags (more general)', page.parents)}
${relatives('synonyms', 'Tags with the same meaning', page.synonyms)}
${relatives('meta-tags', 'Metatags', page.metaTags)}
${relatives('sub-tags', 'Subtags', page.subTags)}
${children(page.children)}
<section aria-labelledby="recent-works">
<h2 id="recent-works">Recent works</h2>
${works}
</section>
</div>`,
  );
}
