// HTML → chapters. Only the <body> counts; each chapter body goes through sanitizeHtml, which
// removes scripts, styles and everything else outside the allowlist.
//
// Chapter rule (shared with the Markdown importer, which renders to HTML and comes here):
// - headings are looked for among the top-level blocks (after unwrapping a lone wrapper such as
//   <div class="WordSection1">, which word processors put around everything);
// - the top level is the smallest heading level used. When its first heading opens the document
//   (no words before it) and is either the only one or is followed by no text before the next one,
//   it is the work's title, and chapters split at the next heading level used;
// - otherwise chapters split at the top level. The heading's text becomes the chapter title and the
//   heading leaves the body. Text before the first chapter heading is kept (as an untitled chapter)
//   only when it has words; with no headings, the whole body is one chapter.
// With `chapterSplit`, a top-level block whose text matches starts a chapter instead.
import { DomUtils, ElementType, parseDocument } from 'htmlparser2';
import { countWords } from '../../domain/word-count.ts';
import { sanitizeHtml } from '../sanitize.ts';
import { collapseWhitespace, dropEmptyPreamble, isSceneBreak, statelessPattern } from './common.ts';
import type { ImportedChapter, ImportedDocument, ImportOptions } from './types.ts';

// Node types derived from htmlparser2's own signatures, so domhandler need not be imported here.
type Document = ReturnType<typeof parseDocument>;
type Node = Document['children'][number];
type Element = Extract<Node, { attribs: Record<string, string> }>;

const WRAPPERS = new Set(['div', 'section', 'article', 'main', 'body', 'html', 'center']);
const SCENE_BREAK_CONTAINERS = new Set(['p', 'div', 'center']);
const SPLIT_BLOCKS = new Set(['p', 'div', 'center', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre']);

function isElement(node: Node): node is Element {
  return 'attribs' in node;
}

function headingLevel(node: Node): number | null {
  if (!isElement(node)) return null;
  const m = /^h([1-6])$/.exec(node.name);
  return m ? Number(m[1]) : null;
}

function text(node: Node): string {
  return collapseWhitespace(DomUtils.textContent(node));
}

function isBlank(node: Node): boolean {
  if (node.type === ElementType.Comment) return true;
  return node.type === ElementType.Text && 'data' in node && node.data.trim() === '';
}

/** The nodes that hold the document's content: body's children, minus lone wrappers and <head>. */
function contentNodes(doc: Document): Node[] {
  const body = DomUtils.findOne((el) => el.name === 'body', doc.children);
  let nodes: Node[] = (body ? body.children : doc.children).filter((n) => !(isElement(n) && n.name === 'head'));
  for (;;) {
    const meaningful = nodes.filter((n) => !isBlank(n) && !(isElement(n) && n.name === 'head'));
    const only = meaningful[0];
    if (meaningful.length !== 1 || !only || !isElement(only) || !WRAPPERS.has(only.name)) return nodes;
    nodes = only.children;
  }
}

/** Turns paragraphs that hold only a scene-break mark (`<p>* * *</p>`) into <hr>, in place. */
function markSceneBreaks(nodes: Node[]): void {
  for (const node of nodes) {
    if (!isElement(node)) continue;
    const hasImage = DomUtils.findOne((el) => el.name === 'img', node.children) !== null;
    if (SCENE_BREAK_CONTAINERS.has(node.name) && !hasImage && isSceneBreak(DomUtils.textContent(node))) {
      node.name = 'hr';
      node.attribs = {};
      node.children = [];
    } else {
      markSceneBreaks(node.children);
    }
  }
}

function renderNodes(nodes: Node[]): string {
  return sanitizeHtml(DomUtils.getOuterHTML(nodes));
}

function hasWords(nodes: Node[]): boolean {
  return countWords(renderNodes(nodes)) > 0;
}

interface Section {
  title: string | null;
  nodes: Node[];
}

/** Cuts the node list at the nodes `isStart` picks; each starting node gives its section's title. */
function cut(nodes: Node[], isStart: (node: Node) => boolean): Section[] {
  const sections: Section[] = [{ title: null, nodes: [] }];
  for (const node of nodes) {
    if (isStart(node)) sections.push({ title: text(node), nodes: [] });
    else sections.at(-1)?.nodes.push(node);
  }
  // The untitled first section exists only to collect a preface; without any start it is the body.
  if (sections.length > 1) return dropEmptyPreamble(sections, (s) => hasWords(s.nodes));
  return sections;
}

/** Splits at headings by the rule at the top of this file. */
function splitAtHeadings(nodes: Node[]): { title: string | null; sections: Section[] } {
  const levels = nodes.map(headingLevel).filter((l): l is number => l !== null);
  if (levels.length === 0) return { title: null, sections: [{ title: null, nodes }] };
  const top = Math.min(...levels);
  const tops = nodes.filter((n) => headingLevel(n) === top);
  const first = tops[0] as Node;
  const firstAt = nodes.indexOf(first);
  const nextAt = tops[1] ? nodes.indexOf(tops[1]) : nodes.length;
  const opensDocument = !hasWords(nodes.slice(0, firstAt));
  if (opensDocument && (tops.length === 1 || !hasWords(nodes.slice(firstAt + 1, nextAt)))) {
    const rest = nodes.filter((n) => n !== first);
    const lower = levels.filter((l) => l > top);
    // More headings at the title's level: those are the chapters. Otherwise the next level down.
    const splitLevel = tops.length > 1 ? top : lower.length > 0 ? Math.min(...lower) : null;
    const sections = splitLevel === null ? [{ title: null, nodes: rest }] : cut(rest, (n) => headingLevel(n) === splitLevel);
    return { title: text(first) || null, sections };
  }
  return { title: null, sections: cut(nodes, (n) => headingLevel(n) === top) };
}

/**
 * Splits an HTML document or fragment into a work title (or null) and sanitized chapters.
 * Used for .html files and for rendered Markdown.
 */
export function splitHtml(html: string | Document, options: ImportOptions = {}): { title: string | null; chapters: ImportedChapter[] } {
  const doc = typeof html === 'string' ? parseDocument(html, { decodeEntities: true }) : html;
  const nodes = contentNodes(doc);
  markSceneBreaks(nodes);
  let title: string | null = null;
  let sections: Section[];
  if (options.chapterSplit) {
    const re = statelessPattern(options.chapterSplit);
    sections = cut(nodes, (n) => isElement(n) && SPLIT_BLOCKS.has(n.name) && re.test(text(n)));
  } else {
    ({ title, sections } = splitAtHeadings(nodes));
  }
  return { title, chapters: sections.map((s) => ({ title: s.title ?? '', html: renderNodes(s.nodes) })) };
}

/** Renders one HTML fragment as a chapter body: scene breaks marked, then sanitized. */
export function htmlChapterBody(html: string): string {
  const nodes = parseDocument(html, { decodeEntities: true }).children;
  markSceneBreaks(nodes);
  return renderNodes(nodes);
}

export function htmlToDocument(source: string, options: ImportOptions = {}): ImportedDocument {
  const doc = parseDocument(source, { decodeEntities: true });
  // Only the <title> in <head>: an <svg> in the body has <title> elements of its own.
  const head = DomUtils.findOne((el) => el.name === 'head', doc.children);
  const titleElement = head ? DomUtils.findOne((el) => el.name === 'title', head.children) : null;
  const documentTitle = titleElement ? text(titleElement) : '';
  const { title, chapters } = splitHtml(doc, options);
  // A heading that opens the body is what readers saw as the title; <title> is the fallback
  // (word processors often fill it with a file name).
  return { title: title ?? (documentTitle || null), chapters, format: 'html' };
}
