// The work page (/works/:id, /works/:id/chapters/:cid, ?view_full_work=true), after otwarchive's
// works/show: chapter navigation, the preface (tags, stats), title and byline, summary and notes,
// the chapter(s), end notes, and navigation again at the bottom. AO3 makes the work title an h2;
// we make it the page's h1 so the heading outline is correct (WCAG 1.3.1, 2.4.6).
import { html, raw } from '../html.ts';
import type { SafeHtml } from '../html.ts';
import type { PageChrome, TagLink, WorkBlurb, WorkPage } from '../../present/view-models.ts';
import { TAG_TYPE_LABELS } from '../../../domain/tag-types.ts';
import type { TagType } from '../../../domain/tag-types.ts';
import { layout } from './layout.ts';
import { byline } from './components/byline.ts';
import { chapterSection } from './components/chapter.ts';
import { formatDate, timeTag } from './components/date.ts';
import { restrictedMarker } from './components/required-tags.ts';
import { seriesPart, statPairs } from './components/stats.ts';
import { tagList } from './components/tag-list.ts';
import { downloadLinks } from './components/download-links.ts';

/** The preface's tag rows, in AO3's order (TAG_DISPLAY_ORDER). */
function tagsByType(work: WorkBlurb): Array<[TagType, TagLink[]]> {
  return [
    ['rating', work.rating ? [work.rating] : []],
    ['warning', work.warnings],
    ['category', work.categories],
    ['fandom', work.fandoms],
    ['relationship', work.relationships],
    ['character', work.characters],
    ['freeform', work.freeforms],
  ];
}

function meta(work: WorkBlurb): SafeHtml {
  const tagRows = tagsByType(work).map(([type, tags]) => {
    if (tags.length === 0) return '';
    const label = tags.length === 1 ? TAG_TYPE_LABELS[type].one : TAG_TYPE_LABELS[type].many;
    return html`<dt class="${type} tags">${label}:</dt><dd class="${type} tags">${tagList(tags)}</dd>`;
  });
  const series = work.series.map((s) => html`<span class="position">${seriesPart(s)}</span>`);
  // AO3 shows "Completed" for finished multi-chapter works and "Updated" otherwise, and only when
  // the date differs from the publication date.
  const updated =
    work.updatedAt && formatDate(work.updatedAt) !== formatDate(work.postedAt)
      ? html`<dt class="status">${work.complete ? 'Completed' : 'Updated'}:</dt><dd class="status">${timeTag(work.updatedAt)}</dd>`
      : '';
  return html`<dl class="work meta group">
${tagRows}
<dt class="language">Language:</dt><dd class="language">${work.language.name}</dd>
${series.length > 0 ? html`<dt class="series">Series:</dt><dd class="series">${series}</dd>` : ''}
<dt class="stats">Stats:</dt>
<dd class="stats"><dl class="stats">
${work.postedAt ? html`<dt class="published">Published:</dt><dd class="published">${timeTag(work.postedAt)}</dd>` : ''}
${updated}
${statPairs(work, { language: false })}
</dl></dd>
</dl>`;
}

function chapterSelect(page: WorkPage): SafeHtml {
  const selected = page.mode === 'chapter' ? page.shown[0]?.id : undefined;
  const options = page.chapters.map((c) =>
    c.id === selected
      ? html`<option value="${c.id}" selected>${c.label}</option>`
      : html`<option value="${c.id}">${c.label}</option>`,
  );
  // A plain GET form, so choosing a chapter works without JavaScript: the work route redirects
  // `?selected_id=CHAPTER_ID` to that chapter's URL (AO3 uses the same parameter name).
  return html`<form class="chapter-index" method="get" action="${page.work.url}">
<label for="selected_id">Chapter Index</label>
<select id="selected_id" name="selected_id">${options}</select>
<button type="submit">Go<span class="visually-hidden"> to chapter</span></button>
</form>`;
}

function previousNext(page: WorkPage): SafeHtml[] {
  if (page.mode !== 'chapter') return [];
  const items: SafeHtml[] = [];
  if (page.previous) {
    items.push(html`<li class="previous"><a rel="prev" href="${page.previous.url}"><span aria-hidden="true">← </span>Previous Chapter</a></li>`);
  }
  if (page.next) {
    items.push(html`<li class="next"><a rel="next" href="${page.next.url}">Next Chapter<span aria-hidden="true"> →</span></a></li>`);
  }
  return items;
}

function topNavigation(page: WorkPage): SafeHtml {
  if (page.chapters.length <= 1) return html``;
  const toggle =
    page.mode === 'chapter'
      ? html`<li class="toggle"><a href="${page.fullWorkUrl}">Entire Work</a></li>`
      : html`<li class="toggle"><a href="${page.chapterByChapterUrl}">Chapter by Chapter</a></li>`;
  return html`<nav class="work navigation" aria-label="Chapters">
<ul class="actions">${toggle}${previousNext(page)}</ul>
${chapterSelect(page)}
</nav>`;
}

function bottomNavigation(page: WorkPage): SafeHtml {
  const top = html`<li class="top"><a href="#main"><span aria-hidden="true">↑ </span>Top<span class="visually-hidden"> of page</span></a></li>`;
  if (page.chapters.length <= 1) return html`<ul class="actions work-bottom">${top}</ul>`;
  return html`<nav class="work navigation bottom" aria-label="Chapters, end of page">
<ul class="actions">${previousNext(page)}${top}</ul>
</nav>`;
}

function workModule(cls: string, title: SafeHtml | string, body: SafeHtml, id = ''): SafeHtml {
  return html`<div class="${cls} module"${id ? html` id="${id}"` : ''}>
<h2 class="heading">${title}</h2>
${body}
</div>`;
}

/** `top`: a block shown above the work (the posting preview's notice and actions); `kudos`: the kudos block below it; `reader`: the reader's bookmark and subscribe panel; `comments`: the comments section. */
export function workView(chrome: PageChrome, page: WorkPage, extra: { top?: SafeHtml; kudos?: SafeHtml; reader?: SafeHtml; comments?: SafeHtml } = {}): string {
  const { work } = page;
  const last = page.chapters[page.chapters.length - 1];
  const atStart = page.mode === 'full' || page.previous === null;
  const atEnd = page.mode === 'full' || page.next === null;
  const endNotesUrl = atEnd ? '#work_endnotes' : `${last?.url ?? work.url}#work_endnotes`;
  // Like AO3, the work's summary and notes open the first chapter; later chapters go straight on.
  const summary =
    atStart && work.summaryHtml
      ? workModule('summary', 'Summary:', html`<blockquote class="userstuff">${raw(work.summaryHtml)}</blockquote>`)
      : '';
  const notes =
    atStart && (page.notesHtml || page.endNotesHtml)
      ? workModule(
          'notes',
          'Notes:',
          html`${page.notesHtml ? html`<blockquote class="userstuff">${raw(page.notesHtml)}</blockquote>` : ''}
${page.endNotesHtml ? html`<p class="jump">(See the end of the work for <a href="${endNotesUrl}">more notes</a>.)</p>` : ''}`,
        )
      : '';
  const endNotes =
    atEnd && page.endNotesHtml
      ? workModule('end notes', 'Notes:', html`<blockquote class="userstuff">${raw(page.endNotesHtml)}</blockquote>`, 'work_endnotes')
      : '';
  const chapterOptions = { linkHeading: page.mode === 'full', single: !page.chaptered };
  return layout(
    chrome,
    html`${extra.top ?? ''}<div class="work">
${topNavigation(page)}
${downloadLinks(work)}
${meta(work)}
<div class="preface group">
<h1 class="title heading">${work.title}${restrictedMarker(work.restricted)}</h1>
<p class="byline heading">by ${byline(work.creators, work.anonymous)}</p>
${summary}
${notes}
</div>
<div id="chapters">
${page.shown.map((chapter) => chapterSection(chapter, chapterOptions))}
</div>
${endNotes}
${bottomNavigation(page)}
${extra.kudos ?? ''}
${extra.reader ?? ''}
${extra.comments ?? ''}
</div>`,
  );
}
