// WorkCard → FeedWork, the entry both feed formats show (formats/feeds/). Built on the blurb
// presenter, so a feed shows exactly what a listing shows: the creators of an anonymous work are
// already gone from the card (services/work-cards.ts) and the entry names "Anonymous" instead.
// Every URL is made absolute from the configured public base URL, never from the request.
import { downloadUrl } from '../../formats/export/filename.ts';
import type { ExportFormat } from '../../formats/export/types.ts';
import type { WorkCard } from '../../services/work-cards.ts';
import type { FeedFact, FeedPerson, FeedWork } from '../../formats/feeds/types.ts';
import { htmlToText } from '../../formats/feeds/plain-text.ts';
import type { TagLink } from './view-models.ts';
import { presentBlurb } from './work-blurb.ts';

export const ANONYMOUS: FeedPerson = { name: 'Anonymous' };

/** The formats e-readers are offered, in the order they are listed (the first is preferred). */
export const FEED_DOWNLOADS = [
  { format: 'epub', type: 'application/epub+zip', title: 'EPUB' },
  { format: 'html', type: 'text/html', title: 'HTML' },
] as const;

/** `base` + an absolute path; base has no trailing slash (config.ts parseBaseUrl). */
export function absoluteUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}

/** The download link of a work, as the work page's Download menu gives it. */
export function downloadPath(workId: number, title: string, format: ExportFormat): string {
  return downloadUrl(workId, title, format);
}

const formatNumber = (n: number) => n.toLocaleString('en-US');

export function presentFeedWork(card: WorkCard, base: string): FeedWork {
  const blurb = presentBlurb(card);
  const abs = (path: string) => absoluteUrl(base, path);
  const tags = (label: string, links: readonly TagLink[]): FeedFact => ({ label, values: links.map((t) => ({ text: t.name, url: abs(t.url) })) });
  const authors: FeedPerson[] =
    blurb.creators.length === 0
      ? [ANONYMOUS]
      : blurb.creators.map((c) => ({ name: c.pseud === c.login ? c.pseud : `${c.pseud} (${c.login})`, uri: abs(c.url) }));
  const allTags = [blurb.rating, ...blurb.warnings, ...blurb.categories, ...blurb.fandoms, ...blurb.relationships, ...blurb.characters, ...blurb.freeforms].filter(
    (t): t is TagLink => t !== null,
  );
  const work = card.work;
  return {
    id: abs(blurb.url),
    url: abs(blurb.url),
    title: blurb.title,
    authors,
    published: blurb.postedAt,
    updated: blurb.updatedAt ?? blurb.postedAt ?? work.updatedAt,
    language: blurb.language.code,
    summaryHtml: blurb.summaryHtml,
    summaryText: htmlToText(blurb.summaryHtml),
    facts: [
      tags('Fandoms', blurb.fandoms),
      tags('Rating', blurb.rating ? [blurb.rating] : []),
      tags('Archive Warnings', blurb.warnings),
      tags('Categories', blurb.categories),
      tags('Relationships', blurb.relationships),
      tags('Characters', blurb.characters),
      tags('Additional Tags', blurb.freeforms),
      { label: 'Series', values: blurb.series.map((s) => ({ text: `Part ${s.position} of ${s.title}`, url: abs(s.url) })) },
      { label: 'Language', values: [{ text: blurb.language.name }] },
      { label: 'Words', values: [{ text: formatNumber(blurb.wordCount) }] },
      { label: 'Chapters', values: [{ text: `${blurb.chapterCount}/${blurb.expectedChapters ?? '?'}` }] },
    ],
    categories: allTags.map((t) => ({ term: t.name, label: t.name })),
    downloads: FEED_DOWNLOADS.map((d) => ({ href: abs(downloadPath(blurb.id, blurb.title, d.format)), type: d.type, title: d.title })),
  };
}
