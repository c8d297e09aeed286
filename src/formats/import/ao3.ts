// AO3 downloads → title, metadata and chapters with their summaries and notes.
//
// The layout followed is otwarchive's app/views/downloads/: show.html.erb puts the preface, then
// <div id="chapters" class="userstuff">, then the afterword.
// - _download_preface: <h2 class="toc-heading">Preface</h2>, <p class="message"> (title and
//   "Posted originally on…"), then <div class="meta"> with the <dl class="tags"> (read by
//   ao3-preface.ts), <h1> title, <div class="byline">, and "Summary" / "Notes" each as a <p> label
//   followed by <blockquote class="userstuff">.
// - _download_chapter (works with several chapters): <div class="meta group"> with
//   <h2 class="heading"> (the chapter title, or "Chapter N" when untitled; newer versions print
//   "Chapter N: Title"), optional "Chapter Summary" / "Chapter Notes" labels and blockquotes, then
//   <div class="userstuff"> with the text, then an optional <div class="meta" id="endnotesN"> with
//   "Chapter End Notes". A one-chapter work has only <div class="userstuff"> inside #chapters.
// - _download_afterword: <h2 class="toc-heading">Afterword</h2>, "End Notes" label + blockquote.
//
// AO3's EPUB is the same HTML converted by Calibre (app/models/download_writer.rb), which splits
// it into one file per chapter (at those headings) and renames classes to their first name plus
// a counter (dom.ts classBase). So nothing here relies on ids, nesting across files or full class
// names: the files are walked in order and the landmarks above are recognized by element, class
// base and label text.
import { sanitizeHtml } from '../sanitize.ts';
import { isAo3TagList, readAo3Byline, readAo3TagList } from './ao3-preface.ts';
import { bodyNodes, childElements, classBase, firstElement, innerHtml, isElement, localName, textOf, type Document, type Element, type Node } from './dom.ts';
import { htmlChapterBody } from './html.ts';
import { emptyMetadata, type ImportedChapter, type ImportedMetadata } from './types.ts';

const LABELS = new Map<string, Label>([
  ['summary', 'summary'],
  ['notes', 'notes'],
  ['end notes', 'endNotes'],
  ['chapter summary', 'chapterSummary'],
  ['chapter notes', 'chapterNotes'],
  ['chapter end notes', 'chapterEndNotes'],
]);
type Label = 'summary' | 'notes' | 'endNotes' | 'chapterSummary' | 'chapterNotes' | 'chapterEndNotes';

type Landmark =
  | { kind: 'tags'; el: Element }
  | { kind: 'title'; text: string }
  | { kind: 'byline'; el: Element }
  | { kind: 'label'; label: Label; content: Element | null }
  | { kind: 'heading'; text: string }
  | { kind: 'body'; el: Element };

export interface Ao3Work {
  title: string | null;
  chapters: ImportedChapter[];
  metadata: ImportedMetadata;
}

/** True when the documents hold AO3's preface tag list. */
export function isAo3Download(docs: Document[]): boolean {
  return docs.some((doc) => firstElement(bodyNodes(doc), isAo3TagList) !== null);
}

/** The next element sibling, skipping whitespace and comments. */
function nextElement(nodes: Node[], index: number): { el: Element; at: number } | null {
  for (let i = index + 1; i < nodes.length; i++) {
    const node = nodes[i] as Node;
    if (isElement(node)) return { el: node, at: i };
    if ('data' in node && node.type === 'text' && node.data.trim() !== '') return null;
  }
  return null;
}

/** #chapters (by id, or because it holds chapter blocks), as opposed to one chapter's text. */
function isChaptersWrapper(el: Element): boolean {
  if (el.attribs.id === 'chapters') return true;
  return childElements(el).some((c) => localName(c) === 'div' && (classBase(c) === 'meta' || classBase(c) === 'userstuff'));
}

/** Collects the landmarks in document order, without looking inside text, summaries or notes. */
function walk(nodes: Node[], out: Landmark[]): void {
  for (let i = 0; i < nodes.length; i++) {
    const el = nodes[i] as Node;
    if (!isElement(el)) continue;
    const name = localName(el);
    const base = classBase(el);
    if (name === 'dl' && isAo3TagList(el)) out.push({ kind: 'tags', el });
    else if (name === 'h1') out.push({ kind: 'title', text: textOf(el) });
    else if (base === 'byline') out.push({ kind: 'byline', el });
    else if (name === 'h2') {
      const text = textOf(el);
      // The preface and afterword headings only mark sections (and Calibre's split points); a
      // chapter's own heading has class "heading" even when the writer titled it "Preface".
      if (base === 'heading' || !/^(preface|afterword)$/i.test(text)) out.push({ kind: 'heading', text });
    } else if (name === 'p' && LABELS.has(textOf(el).replace(/:$/, '').toLowerCase())) {
      const label = LABELS.get(textOf(el).replace(/:$/, '').toLowerCase()) as Label;
      const next = nextElement(nodes, i);
      const content = next && localName(next.el) === 'blockquote' ? next.el : null;
      out.push({ kind: 'label', label, content });
      if (content && next) i = next.at;
    } else if (name === 'div' && base === 'userstuff' && !isChaptersWrapper(el)) out.push({ kind: 'body', el });
    else if (name === 'blockquote' || base === 'message' || base === 'endnote-link') continue;
    else walk(el.children, out);
  }
}

/**
 * "Chapter 3" is AO3's stand-in for an untitled chapter, and "Chapter 3: Title" its newer full
 * form; both reduce to the writer's own title. The number must match, so a writer's own
 * "Chapter 12: …" title on chapter 3 is kept whole.
 */
function chapterTitle(heading: string, position: number): string {
  const m = /^Chapter\s+(\d+)(?::\s*(.*))?$/i.exec(heading);
  if (m && Number(m[1]) === position) return (m[2] ?? '').trim();
  return heading;
}

interface Draft {
  heading: string | null;
  body: string | null;
  summaryHtml: string;
  notesHtml: string;
  endNotesHtml: string;
}

function draft(heading: string | null): Draft {
  return { heading, body: null, summaryHtml: '', notesHtml: '', endNotesHtml: '' };
}

/** Parses AO3's download layout; null when the documents are not an AO3 download. */
export function parseAo3(docs: Document[]): Ao3Work | null {
  const landmarks: Landmark[] = [];
  for (const doc of docs) walk(bodyNodes(doc), landmarks);
  const tags = landmarks.find((l) => l.kind === 'tags');
  if (!tags) return null;

  const metadata = emptyMetadata('ao3');
  readAo3TagList(tags.el, metadata);
  let title: string | null = null;
  let bylineRead = false;
  const drafts: Draft[] = [];
  // The chapter that meta before a text (heading, summary, notes) belongs to.
  const open = (): Draft => {
    const last = drafts.at(-1);
    if (last && last.body === null) return last;
    const next = draft(null);
    drafts.push(next);
    return next;
  };
  for (const mark of landmarks) {
    if (mark.kind === 'title') title ??= mark.text || null;
    else if (mark.kind === 'byline' && !bylineRead && drafts.length === 0) {
      metadata.creators = readAo3Byline(mark.el);
      bylineRead = true;
    } else if (mark.kind === 'heading') {
      drafts.push(draft(mark.text));
    } else if (mark.kind === 'body') {
      const html = htmlChapterBody(innerHtml(mark.el));
      // Text right after text is the same chapter: Calibre also splits long chapters by size,
      // repeating the text's <div> in the next file.
      const last = drafts.at(-1);
      if (last && last.body !== null) last.body = `${last.body}\n${html}`;
      else open().body = html;
    } else if (mark.kind === 'label' && mark.content) {
      const html = sanitizeHtml(innerHtml(mark.content));
      if (mark.label === 'summary') metadata.summaryHtml ||= html;
      else if (mark.label === 'notes') metadata.notesHtml ||= html;
      else if (mark.label === 'endNotes') metadata.endNotesHtml ||= html;
      else if (mark.label === 'chapterSummary') open().summaryHtml = html;
      else if (mark.label === 'chapterNotes') open().notesHtml = html;
      // End notes follow the chapter's text (_download_chapter's #endnotesN block).
      else if (mark.label === 'chapterEndNotes') {
        const last = drafts.at(-1);
        if (last) last.endNotesHtml = html;
      }
    }
  }

  const chapters = drafts
    .filter((d): d is Draft & { body: string } => d.body !== null)
    .map((d, index): ImportedChapter => {
      const chapter: ImportedChapter = { title: d.heading === null ? '' : chapterTitle(d.heading, index + 1), html: d.body };
      if (d.summaryHtml) chapter.summaryHtml = d.summaryHtml;
      if (d.notesHtml) chapter.notesHtml = d.notesHtml;
      if (d.endNotesHtml) chapter.endNotesHtml = d.endNotesHtml;
      return chapter;
    });
  return { title, chapters, metadata };
}
