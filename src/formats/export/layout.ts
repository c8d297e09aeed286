// Building blocks the EPUB and HTML downloads share: the preface's metadata list, the byline,
// a chapter's parts, and the stylesheet. They are trees (xml.ts), so every value is escaped when
// serialized.
import { bylineText, languageTag, seriesStats, seriesText, stats, tagGroups, type Book, type PreparedChapter, type SeriesBook } from './book.ts';
import type { ExportWork } from './types.ts';
import { el, type XElement, type XNode } from './xml.ts';

type Child = XNode | readonly XNode[] | null | undefined | false;

/** An element from children that may be lists or absent. */
export function h(name: string, attrs: Record<string, string> = {}, ...children: Child[]): XElement {
  const out: XNode[] = [];
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (typeof child === 'string' || !Array.isArray(child)) out.push(child as XNode);
    else out.push(...child);
  }
  return el(name, attrs, out);
}

const link = (href: string, text: string, attrs: Record<string, string> = {}) => h('a', { ...attrs, href }, text);

/** "by a, b and c" with links to the creators, or "by Anonymous". */
export function byline(work: Pick<ExportWork, 'creators'>): XElement {
  if (work.creators.length === 0) return h('p', { class: 'byline' }, `by ${bylineText(work)}`);
  const parts: XNode[] = ['by '];
  work.creators.forEach((creator, i) => {
    if (i > 0) parts.push(i === work.creators.length - 1 ? ' and ' : ', ');
    parts.push(link(creator.url, creator.name, { rel: 'author' }));
  });
  return h('p', { class: 'byline' }, parts);
}

/** "Posted on Site at URL." */
export function postedOn(work: ExportWork): XElement {
  return h('p', { class: 'posted-on' }, 'Posted on ', link(work.siteUrl, work.siteName), ' at ', link(work.url, work.url), '.');
}

/** The preface's list: tags by type, language, series, stats (AO3's "meta" block). */
export function metaList(work: ExportWork): XElement {
  const rows: XNode[] = [];
  for (const group of tagGroups(work)) {
    const tags: XNode[] = [];
    group.tags.forEach((tag, i) => {
      if (i > 0) tags.push(', ');
      tags.push(link(tag.url, tag.name, { class: 'tag' }));
    });
    rows.push(h('dt', { class: group.type }, `${group.label}:`), h('dd', { class: group.type }, tags));
  }
  rows.push(h('dt', { class: 'language' }, 'Language:'), h('dd', { class: 'language' }, work.languageName));
  if (work.series.length > 0) {
    const series: XNode[] = [];
    work.series.forEach((s, i) => {
      if (i > 0) series.push(h('br'));
      series.push(link(s.url, seriesText(s)));
    });
    rows.push(h('dt', { class: 'series' }, 'Series:'), h('dd', { class: 'series' }, series));
  }
  rows.push(h('dt', { class: 'stats' }, 'Stats:'), h('dd', { class: 'stats' }, stats(work).map(([name, value]) => `${name}: ${value}`).join(' · ')));
  return h('dl', { class: 'meta' }, rows);
}

/** A titled block of rich text (summary, notes…), or nothing when it is empty. */
export function userstuff(cls: string, heading: string, level: number, nodes: XNode[], attrs: Record<string, string> = {}): XElement | null {
  if (nodes.length === 0) return null;
  return h('div', { class: cls, ...attrs }, h(`h${level}`, { class: 'heading' }, heading), h('blockquote', { class: 'userstuff' }, nodes));
}

/** The preface's summary and notes, with a pointer to the end notes when there are some. */
export function prefaceNotes(book: Book, endNotesHref: string, headingLevel = 2): XNode[] {
  const notes = userstuff('notes', 'Notes', headingLevel, book.notes);
  const pointer = book.endNotes.length > 0 ? h('p', { class: 'jump' }, '(See the end of the work for ', link(endNotesHref, 'more notes'), '.)') : null;
  return [userstuff('summary', 'Summary', headingLevel, book.summary), notes, pointer].filter((n): n is XElement => n !== null);
}

/**
 * A series book's opening (EPUB title page, the HTML download's top): the series title, its
 * creators, where it is posted, its stats, description and notes, and the list of its works,
 * each linked to where its part begins (`hrefOf`).
 */
export function seriesOpening(book: SeriesBook, hrefOf: (index: number) => string): XNode[] {
  const { series } = book;
  const works = book.works.map(({ work }, i) =>
    h('li', langAttrs(work.language, series.works[0]!.language), link(hrefOf(i), work.title), ` by ${bylineText(work)}`, h('span', { class: 'words' }, ` (${work.wordCount.toLocaleString('en-US')} words)`)),
  );
  return [
    h('h1', { class: 'title' }, series.title),
    byline(series),
    h('p', { class: 'posted-on' }, 'A series posted on ', link(series.siteUrl, series.siteName), ' at ', link(series.url, series.url), '.'),
    h('dl', { class: 'meta' }, seriesStats(series).flatMap(([name, value]) => [h('dt', {}, `${name}:`), h('dd', {}, value)])),
    userstuff('summary', 'Description', 2, book.summary),
    userstuff('notes', 'Notes', 2, book.notes),
    h('div', { class: 'works' }, h('h2', { class: 'heading' }, 'Works in this series'), h('ol', { class: 'works' }, works)),
  ].filter((n): n is XElement => n !== null);
}

/** lang and xml:lang for something in another language than what surrounds it, else nothing. */
export function langAttrs(lang: string, surrounding: string): Record<string, string> {
  const tag = languageTag(lang);
  return tag === languageTag(surrounding) ? {} : { lang: tag, 'xml:lang': tag };
}

/** One chapter: heading, summary and notes, the text, end notes. */
export function chapterParts(chapter: PreparedChapter, headingLevel: number): XNode[] {
  const sub = headingLevel + 1;
  return [
    chapter.heading ? h(`h${headingLevel}`, { class: 'chapter-title' }, chapter.label) : null,
    userstuff('chapter-summary', 'Chapter Summary', sub, chapter.summary),
    userstuff('chapter-notes', 'Chapter Notes', sub, chapter.notes),
    h('div', { class: 'userstuff text' }, chapter.content),
    userstuff('chapter-end-notes', 'Chapter End Notes', sub, chapter.endNotes),
  ].filter((n): n is XElement => n !== null);
}

/** Styles for both downloads; classes from fragment.ts keep AO3's alignment and fonts. */
export const STYLESHEET = `body { font-family: serif; line-height: 1.5; margin: 0 1em; }
h1, h2, h3, h4 { font-family: sans-serif; line-height: 1.25; }
h1.title { text-align: center; margin-top: 2em; }
p.byline { text-align: center; font-size: 1.15em; }
.title-page p, .title-page dl { text-align: center; }
dl.meta { margin: 1em 0; }
dl.meta dt { font-weight: bold; margin-top: 0.4em; }
dl.meta dd { margin: 0 0 0 1.5em; }
blockquote { margin: 0.5em 1.5em; }
blockquote.userstuff { margin: 0.5em 0 1em 1.5em; }
.userstuff p, .text p { margin: 0 0 1em 0; }
.chapter-title { margin-top: 1.5em; }
p.jump { font-style: italic; }
hr { border: 0; border-top: 1px solid #888; margin: 1.5em 25%; }
table { border-collapse: collapse; margin: 1em 0; }
table.bordered td, table.bordered th { border: 1px solid #888; }
td, th { padding: 0.2em 0.5em; vertical-align: top; }
pre { white-space: pre-wrap; }
.align-left { text-align: left; }
.align-right { text-align: right; }
.align-center { text-align: center; }
.align-justify { text-align: justify; }
.big { font-size: larger; }
.tt { font-family: monospace; }
.image-link { font-style: italic; }
img { max-width: 100%; height: auto; }
`;
