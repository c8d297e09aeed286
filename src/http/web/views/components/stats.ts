// A work's statistics as <dl class="stats"> pairs, shared by blurbs and the work page. Like AO3,
// zero kudos, comments and bookmarks are left out; words, chapters, hits and language always show.
import { html } from '../../html.ts';
import type { SafeHtml } from '../../html.ts';
import type { SeriesLink, WorkBlurb } from '../../../present/view-models.ts';
import { formatNumber } from './date.ts';

/** "3/10", or "3/?" when the creator has not said how many chapters there will be. */
export function chapterCount(work: Pick<WorkBlurb, 'chapterCount' | 'expectedChapters'>): string {
  return `${work.chapterCount}/${work.expectedChapters ?? '?'}`;
}

function pair(name: string, value: string | SafeHtml): SafeHtml {
  const cls = name.toLowerCase();
  return html`<dt class="${cls}">${name}:</dt><dd class="${cls}">${value}</dd>`;
}

/** The dt/dd pairs, without the surrounding <dl>, so the work page can prepend its dates. */
export function statPairs(work: WorkBlurb, { language = true } = {}): SafeHtml {
  const optional = (name: string, n: number) => (n > 0 ? pair(name, formatNumber(n)) : html``);
  return html`${language ? pair('Language', work.language.name) : ''}${pair('Words', formatNumber(work.wordCount))}${pair('Chapters', chapterCount(work))}${optional('Comments', work.stats.comments)}${optional('Kudos', work.stats.kudos)}${optional('Bookmarks', work.stats.bookmarks)}${pair('Hits', formatNumber(work.stats.hits))}`;
}

export function statsList(work: WorkBlurb): SafeHtml {
  return html`<dl class="stats">${statPairs(work)}</dl>`;
}

/** "Part 2 of <a>Series</a>". */
export function seriesPart(series: SeriesLink): SafeHtml {
  return html`Part <strong>${series.position}</strong> of <a href="${series.url}">${series.title}</a>`;
}
