// What every download format shares: the work's rich text prepared once (cleaned, repaired,
// footnotes linked — fragment.ts, anchors.ts), and the wording of its metadata, laid out after
// AO3's downloads: a preface with the tags by type, language, series and stats, the summary and
// notes; the chapters, each with its title, summary, notes and end notes; an afterword with the
// work's end notes and where it was posted.
import { TAG_DISPLAY_ORDER, TAG_TYPE_LABELS, type TagType } from '../../domain/tag-types.ts';
import { AnchorMap } from './anchors.ts';
import { prepareFragment, type FragmentOptions } from './fragment.ts';
import type { ExportChapter, ExportSeries, ExportSeriesBook, ExportTag, ExportWork } from './types.ts';
import type { XNode } from './xml.ts';

export interface PreparedChapter {
  chapter: ExportChapter;
  /** "Chapter 2: The Lantern", or the title alone for a one-chapter work. */
  label: string;
  /** Whether the chapter text gets a visible heading (chaptered works, or a titled chapter). */
  heading: boolean;
  summary: XNode[];
  notes: XNode[];
  endNotes: XNode[];
  content: XNode[];
}

export interface Book {
  work: ExportWork;
  summary: XNode[];
  notes: XNode[];
  endNotes: XNode[];
  chapters: PreparedChapter[];
}

export interface BookLayout {
  images: FragmentOptions['images'];
  /** The file each part lands in (EPUB), or '' everywhere for a single file. */
  docOfWorkPart(part: 'summary' | 'notes' | 'endNotes'): string;
  docOfChapter(number: number): string;
  /**
   * Put before the anchor groups ("w", "c3"), so that several works can share one file (a series
   * in the single-file HTML) without their footnote ids meeting. None for a work on its own.
   */
  anchorPrefix?: string;
}

export function prepareBook(work: ExportWork, layout: BookLayout): Book {
  const options: FragmentOptions = { base: work.url, images: layout.images };
  const anchors = new AnchorMap();
  const prefix = layout.anchorPrefix ?? '';
  const parts: Array<{ nodes: XNode[]; group: string; doc: string }> = [];
  const part = (html: string, group: string, doc: string): XNode[] => {
    const nodes = prepareFragment(html, options);
    anchors.add(nodes, group, doc);
    parts.push({ nodes, group, doc });
    return nodes;
  };
  const summary = part(work.summaryHtml, `${prefix}w`, layout.docOfWorkPart('summary'));
  const notes = part(work.notesHtml, `${prefix}w`, layout.docOfWorkPart('notes'));
  const chapters = work.chapters.map((chapter): PreparedChapter => {
    const doc = layout.docOfChapter(chapter.number);
    const group = `${prefix}c${chapter.number}`;
    return {
      chapter,
      label: chapterLabel(work, chapter),
      heading: work.chaptered || chapter.title.trim() !== '',
      summary: part(chapter.summaryHtml, group, doc),
      notes: part(chapter.notesHtml, group, doc),
      content: part(chapter.contentHtml, group, doc),
      endNotes: part(chapter.endNotesHtml, group, doc),
    };
  });
  const endNotes = part(work.endNotesHtml, `${prefix}w`, layout.docOfWorkPart('endNotes'));
  for (const { nodes, group, doc } of parts) anchors.link(nodes, group, doc);
  return { work, summary, notes, endNotes, chapters };
}

export interface SeriesBook {
  series: ExportSeriesBook;
  summary: XNode[];
  notes: XNode[];
  /** One prepared book per included work, in series order. */
  works: Book[];
}

/**
 * A series prepared for a download: its own description and notes (links resolved against the
 * series page, anchors kept among themselves in `seriesDoc`), and each work prepared as it would be
 * on its own, laid out where `layoutOf` puts it.
 */
export function prepareSeriesBook(
  series: ExportSeriesBook,
  seriesDoc: string,
  images: FragmentOptions['images'],
  layoutOf: (work: ExportWork, index: number) => BookLayout,
): SeriesBook {
  const anchors = new AnchorMap();
  const options: FragmentOptions = { base: series.url, images };
  const summary = prepareFragment(series.summaryHtml, options);
  const notes = prepareFragment(series.notesHtml, options);
  for (const nodes of [summary, notes]) anchors.add(nodes, 'series', seriesDoc);
  for (const nodes of [summary, notes]) anchors.link(nodes, 'series', seriesDoc);
  return { series, summary, notes, works: series.works.map((work, i) => prepareBook(work, layoutOf(work, i))) };
}

/** The series title page's stats: [["Works", "3"], ["Words", "12,345"], ["Complete", "Yes"], …]. */
export function seriesStats(series: ExportSeriesBook): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const began = day(series.publishedAt);
  if (began) out.push(['Series Begun', began]);
  const updated = day(latest(series.works.map((w) => w.updatedAt ?? w.publishedAt)));
  if (updated && updated !== began) out.push(['Series Updated', updated]);
  out.push(['Works', series.works.length.toLocaleString('en-US')]);
  out.push(['Words', series.works.reduce((sum, w) => sum + w.wordCount, 0).toLocaleString('en-US')]);
  out.push(['Complete', series.complete ? 'Yes' : 'No']);
  return out;
}

/** The latest of some ISO timestamps (null when there is none). */
export function latest(isos: ReadonlyArray<string | null>): string | null {
  let best: string | null = null;
  for (const iso of isos) if (iso && !Number.isNaN(Date.parse(iso)) && (best === null || Date.parse(iso) > Date.parse(best))) best = iso;
  return best;
}

/** The BCP 47 tags of a series' works, the first work's first, each once. */
export function seriesLanguages(series: Pick<ExportSeriesBook, 'works'>): string[] {
  return [...new Set(series.works.map((w) => languageTag(w.language)))];
}

/** A valid BCP 47 tag for xml:lang, lang and dc:language ("und" when unknown). */
export function languageTag(code: string): string {
  return /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(code) ? code : 'und';
}

export function chapterLabel(work: Pick<ExportWork, 'chaptered' | 'title'>, chapter: Pick<ExportChapter, 'number' | 'title'>): string {
  const title = chapter.title.trim();
  if (!work.chaptered) return title || work.title;
  return title ? `Chapter ${chapter.number}: ${title}` : `Chapter ${chapter.number}`;
}

export interface TagGroup {
  type: TagType;
  /** "Fandom" or "Fandoms", as AO3 labels the row. */
  label: string;
  tags: ExportTag[];
}

export function tagGroups(work: Pick<ExportWork, 'tags'>): TagGroup[] {
  const groups: TagGroup[] = [];
  for (const type of TAG_DISPLAY_ORDER) {
    const tags = work.tags.filter((tag) => tag.type === type);
    if (tags.length === 0) continue;
    groups.push({ type, label: tags.length === 1 ? TAG_TYPE_LABELS[type].one : TAG_TYPE_LABELS[type].many, tags });
  }
  return groups;
}

/** "a", "a and b", "a, b and c". */
export function sentence(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * The byline's text: the creators, or "Anonymous" when the reader may not know them (the service
 * leaves them out of anonymous works for everyone but their creators) or nobody is left.
 */
export function bylineText(work: Pick<ExportWork, 'creators'>): string {
  return work.creators.length === 0 ? 'Anonymous' : sentence(work.creators.map((c) => c.name));
}

/** "Part 2 of The Lantern Series", or the series title when the position is unknown. */
export function seriesText(series: ExportSeries): string {
  return series.position ? `Part ${series.position} of ${series.title}` : series.title;
}

/** "2026-11-21" (UTC), as AO3's downloads print dates. */
export function day(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

/** "3/10", or "3/?" while the total is unknown. */
export function chapterCount(work: Pick<ExportWork, 'chapterCount' | 'expectedChapters'>): string {
  return `${work.chapterCount}/${work.expectedChapters ?? '?'}`;
}

/** The stats line's parts, e.g. [["Published", "2026-11-21"], ["Words", "1,234"], …]. */
export function stats(work: ExportWork): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const published = day(work.publishedAt);
  const updated = day(work.updatedAt);
  if (published) out.push(['Published', published]);
  if (updated && updated !== published) out.push([work.complete && work.chapterCount > 1 ? 'Completed' : 'Updated', updated]);
  out.push(['Words', work.wordCount.toLocaleString('en-US')]);
  out.push(['Chapters', chapterCount(work)]);
  return out;
}
