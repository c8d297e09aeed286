// The TXT and Markdown downloads: AO3's download layout (preface, chapters, afterword) as text.
import { bylineText, day, prepareBook, seriesText, stats, tagGroups, type Book } from './book.ts';
import { markdownLine, textBlocks, type TextFlavor } from './text.ts';
import type { ExportWork } from './types.ts';
import { xmlSafe, type XNode } from './xml.ts';

const SINGLE_FILE = { docOfWorkPart: () => '', docOfChapter: () => '' };

export function buildText(work: ExportWork, flavor: TextFlavor): string {
  const book = prepareBook(work, { images: 'keep', ...SINGLE_FILE });
  return flavor === 'md' ? markdown(book) : plain(book);
}

/** Lines of plain text; control characters and stray whitespace removed. */
const clean = (value: string) => xmlSafe(value).replace(/\s+/g, ' ').trim();

function plain(book: Book): string {
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
  return `${out.join('\n\n')}\n`;
}

function markdown(book: Book): string {
  const { work } = book;
  const out: string[] = [];
  const section = (heading: string, nodes: XNode[], level: number) => {
    const body = textBlocks(nodes, 'md', level);
    if (body.length > 0) out.push(`${'#'.repeat(level)} ${heading}`, ...body);
  };
  out.push(`# ${markdownLine(work.title)}`);
  const byline =
    work.creators.length === 0
      ? 'Anonymous'
      : work.creators.map((c) => `[${markdownLine(c.name)}](${c.url})`).join(', ');
  out.push(`by ${byline}`);
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
    out.push(chapter.heading ? `## ${markdownLine(chapter.label)}` : '* * *');
    section('Chapter Summary', chapter.summary, 3);
    section('Chapter Notes', chapter.notes, 3);
    out.push(...textBlocks(chapter.content, 'md', 2));
    section('Chapter End Notes', chapter.endNotes, 3);
  }

  out.push('* * *');
  section('End Notes', book.endNotes, 2);
  out.push(`Posted on ${markdownLine(work.siteName)} at <${work.url}>.`);
  return `${out.join('\n\n')}\n`;
}
