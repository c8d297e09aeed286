// The TXT and Markdown downloads: AO3's download layout (preface, chapters, afterword) as text.
// A series (buildSeriesText) opens with the series' title, creators, stats, description, notes and
// list of works; each work follows as it would on its own — after a rule in plain text, one
// heading level down in Markdown.
import { bylineText, day, prepareBook, prepareSeriesBook, seriesStats, seriesText, stats, tagGroups, type Book, type SeriesBook } from './book.ts';
import { markdownLine, textBlocks, type TextFlavor } from './text.ts';
import type { ExportSeriesBook, ExportWork } from './types.ts';
import { xmlSafe, type XNode } from './xml.ts';

const SINGLE_FILE = { docOfWorkPart: () => '', docOfChapter: () => '' };

export function buildText(work: ExportWork, flavor: TextFlavor): string {
  const book = prepareBook(work, { images: 'keep', ...SINGLE_FILE });
  return `${(flavor === 'md' ? markdown(book, 0) : plain(book)).join('\n\n')}\n`;
}

export function buildSeriesText(series: ExportSeriesBook, flavor: TextFlavor): string {
  if (series.works.length === 0) throw new Error('A series book needs at least one work.');
  const book = prepareSeriesBook(series, '', 'keep', () => ({ images: 'keep', ...SINGLE_FILE }));
  const out = flavor === 'md' ? seriesMarkdown(book) : seriesPlain(book);
  return `${out.join('\n\n')}\n`;
}

function seriesPlain(book: SeriesBook): string[] {
  const { series } = book;
  const out: string[] = [];
  out.push(`${clean(series.title)}\nby ${clean(bylineText(series))}`);
  out.push(`A series posted on ${clean(series.siteName)} at ${series.url}`);
  out.push(seriesStats(series).map(([name, value]) => `${name}: ${value}`).join('\n'));
  for (const [heading, nodes] of [['Description', book.summary], ['Notes', book.notes]] as const) {
    const body = textBlocks(nodes, 'txt');
    if (body.length > 0) out.push(heading, ...body);
  }
  out.push('Works in this series', book.works.map(({ work }, i) => `${i + 1}. ${clean(work.title)} by ${clean(bylineText(work))}`).join('\n'));
  for (const work of book.works) out.push(`\n${'#'.repeat(72)}`, ...plain(work));
  return out;
}

function seriesMarkdown(book: SeriesBook): string[] {
  const { series } = book;
  const out: string[] = [];
  out.push(`# ${markdownLine(series.title)}`);
  out.push(`by ${markdownByline(series)}`);
  out.push(`A series posted on ${markdownLine(series.siteName)} at <${series.url}>`);
  out.push(seriesStats(series).map(([name, value]) => `- **${name}:** ${value}`).join('\n'));
  for (const [heading, nodes] of [['Description', book.summary], ['Notes', book.notes]] as const) {
    const body = textBlocks(nodes, 'md', 2);
    if (body.length > 0) out.push(`## ${heading}`, ...body);
  }
  out.push('## Works in this series', book.works.map(({ work }, i) => `${i + 1}. ${markdownLine(work.title)} by ${markdownByline(work)}`).join('\n'));
  for (const work of book.works) out.push(...markdown(work, 1));
  return out;
}

function markdownByline(who: { creators: ExportWork['creators'] }): string {
  return who.creators.length === 0 ? 'Anonymous' : who.creators.map((c) => `[${markdownLine(c.name)}](${c.url})`).join(', ');
}

/** Lines of plain text; control characters and stray whitespace removed. */
const clean = (value: string) => xmlSafe(value).replace(/\s+/g, ' ').trim();

function plain(book: Book): string[] {
  const { work } = book;
  const out: string[] = [];
  const section = (heading: string, nodes: XNode[]) => {
    const body = textBlocks(nodes, 'txt');
    if (body.length > 0) out.push(heading, ...body);
  };
  out.push(`${clean(work.title)}\nby ${clean(bylineText(work))}`);
  out.push(`Posted on ${clean(work.siteName)} at ${work.url}`);
  const meta: string[] = [];
  for (const group of tagGroups(work)) meta.push(`${group.label}: ${group.tags.map((t) => clean(t.name)).join(', ')}`);
  meta.push(`Language: ${work.languageName}`);
  for (const series of work.series) meta.push(`Series: ${clean(seriesText(series))}`);
  meta.push(`Stats: ${stats(work).map(([name, value]) => `${name}: ${value}`).join('  ')}`);
  out.push(meta.join('\n'));
  section('Summary', book.summary);
  section('Notes', book.notes);
  if (book.endNotes.length > 0) out.push('(See the end of the work for more notes.)');

  for (const chapter of book.chapters) {
    if (chapter.heading) {
      const label = clean(chapter.label);
      out.push(`\n${label}\n${'='.repeat(Math.min(72, Math.max(8, [...label].length)))}`);
    } else out.push('\n* * *');
    section('Chapter Summary', chapter.summary);
    section('Chapter Notes', chapter.notes);
    out.push(...textBlocks(chapter.content, 'txt'));
    section('Chapter End Notes', chapter.endNotes);
  }

  out.push('\n* * *');
  section('End Notes', book.endNotes);
  out.push(`Posted on ${clean(work.siteName)} at ${work.url}${day(work.updatedAt) ? ` (updated ${day(work.updatedAt)})` : ''}.`);
  return out;
}

/** A work in Markdown; `shift` moves every heading down (1 inside a series book). */
function markdown(book: Book, shift: number): string[] {
  const { work } = book;
  const out: string[] = [];
  const hashes = (level: number) => '#'.repeat(level + shift);
  const section = (heading: string, nodes: XNode[], level: number) => {
    const body = textBlocks(nodes, 'md', level + shift);
    if (body.length > 0) out.push(`${hashes(level)} ${heading}`, ...body);
  };
  out.push(`${hashes(1)} ${markdownLine(work.title)}`);
  out.push(`by ${markdownByline(work)}`);
  out.push(`Posted on ${markdownLine(work.siteName)} at <${work.url}>`);
  const meta: string[] = [];
  for (const group of tagGroups(work)) meta.push(`- **${group.label}:** ${group.tags.map((t) => markdownLine(t.name)).join(', ')}`);
  meta.push(`- **Language:** ${markdownLine(work.languageName)}`);
  for (const series of work.series) meta.push(`- **Series:** [${markdownLine(seriesText(series))}](${series.url})`);
  meta.push(`- **Stats:** ${stats(work).map(([name, value]) => `${name}: ${value}`).join(', ')}`);
  out.push(meta.join('\n'));
  section('Summary', book.summary, 2);
  section('Notes', book.notes, 2);
  if (book.endNotes.length > 0) out.push('*(See the end of the work for more notes.)*');

  for (const chapter of book.chapters) {
    out.push(chapter.heading ? `${hashes(2)} ${markdownLine(chapter.label)}` : '* * *');
    section('Chapter Summary', chapter.summary, 3);
    section('Chapter Notes', chapter.notes, 3);
    out.push(...textBlocks(chapter.content, 'md', 2 + shift));
    section('Chapter End Notes', chapter.endNotes, 3);
  }

  out.push('* * *');
  section('End Notes', book.endNotes, 2);
  out.push(`Posted on ${markdownLine(work.siteName)} at <${work.url}>.`);
  return out;
}
