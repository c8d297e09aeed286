// AO3's work blurb: the summary card used in every listing. Structure follows otwarchive's
// works/_work_blurb (header, required tags, date, tags, summary, series, stats) so readers find
// things where they expect them; class names match AO3's so site skins feel familiar.
import { html, raw } from '../../html.ts';
import type { SafeHtml } from '../../html.ts';
import type { WorkBlurb } from '../../../present/view-models.ts';
import { byline } from './byline.ts';
import { timeTag } from './date.ts';
import { heading } from './heading.ts';
import type { HeadingLevel } from './heading.ts';
import { requiredTags, restrictedMarker } from './required-tags.ts';
import { seriesPart, statsList } from './stats.ts';
import { inlineTags, tagList } from './tag-list.ts';

export function blurb(work: WorkBlurb, level: HeadingLevel = 3): SafeHtml {
  const title = html`<a href="${work.url}">${work.title}</a> <span class="by">by</span> ${byline(work.creators, work.anonymous)}${restrictedMarker(work.restricted)}`;
  // Warnings first, as AO3 orders them, so readers see them before anything else.
  const tags = [...work.warnings, ...work.relationships, ...work.characters, ...work.freeforms];
  const date = work.updatedAt ?? work.postedAt;
  // An <article> inside the <li>: role="article" on the <li> itself (as AO3 does) would hide the
  // list item from assistive technology.
  return html`<li id="work_${work.id}" class="work blurb group"><article>
<div class="header module">
${heading(level, 'heading', title)}
${work.fandoms.length > 0 ? html`<p class="fandoms heading"><span class="visually-hidden">Fandoms: </span>${inlineTags(work.fandoms)}</p>` : ''}
${requiredTags(work)}
${date ? html`<p class="datetime">${timeTag(date)}</p>` : ''}
</div>
${tagList(tags)}
${work.summaryHtml ? html`<blockquote class="userstuff summary"><span class="visually-hidden">Summary: </span>${raw(work.summaryHtml)}</blockquote>` : ''}
${work.snippet ? html`<blockquote class="snippet"><p><a href="${work.snippet.url}">${work.snippet.label}</a>: ${raw(work.snippet.html)}</p></blockquote>` : ''}
${work.series.length > 0 ? html`<ul class="series">${work.series.map((s) => html`<li>${seriesPart(s)}</li>`)}</ul>` : ''}
${statsList(work)}
</article></li>`;
}

/** An ordered list of blurbs, AO3's `ol.work.index.group`. */
export function blurbList(works: readonly WorkBlurb[], level: HeadingLevel = 3): SafeHtml {
  return html`<ol class="work index group">${works.map((w) => blurb(w, level))}</ol>`;
}
