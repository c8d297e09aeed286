// EPUB → chapters. AO3's own EPUB downloads are recognized by their preface (ao3.ts) and keep all
// their metadata; any other EPUB becomes one chapter per content file in reading order that has
// text, titled from the table of contents or the file's opening heading, with the package's
// Dublin Core metadata.
import { DomUtils } from 'htmlparser2';
import { Invalid } from '../../domain/errors.ts';
import { tagNameProblem } from '../../domain/tag-name.ts';
import { countWords } from '../../domain/word-count.ts';
import { sanitizeHtml } from '../sanitize.ts';
import { parseAo3 } from './ao3.ts';
import { attr, bodyNodes, elements, isElement, localName, parseXhtml, textOf, type Document, type Node } from './dom.ts';
import { readEpubPackage, type EpubMetadata, type EpubPackage } from './epub-package.ts';
import { htmlChapterBody, splitHtml } from './html.ts';
import { textToHtml } from './text.ts';
import { emptyMetadata, type ImportedChapter, type ImportedDocument, type ImportedMetadata, type ImportOptions } from './types.ts';
import { zipText } from './zip.ts';

const PICTURE_HOLDERS = new Set(['p', 'div', 'figure', 'a', 'span', 'center']);
const CONTENT_TYPES = new Set(['application/xhtml+xml', 'text/html', 'application/xml', '']);

/**
 * Makes a content file's markup fit for import: Calibre's generated class names (`calibre12`)
 * carry no meaning outside its stylesheet, and images are dropped unless they are on the web —
 * the archive stores no files from inside the book, so their relative paths would only break.
 */
function tidy(doc: Document): Document {
  for (const el of elements(doc.children, () => true)) {
    const classes = (el.attribs.class ?? '').split(/\s+/).filter((c) => c !== '' && !/^calibre\d*$/.test(c));
    if (classes.length > 0) el.attribs.class = classes.join(' ');
    else delete el.attribs.class;
    if (localName(el) === 'img' && !/^https?:\/\//i.test(el.attribs.src ?? '')) {
      const parent = el.parent;
      DomUtils.removeElement(el);
      // A paragraph that only held the picture would be left as an empty gap.
      if (parent && isElement(parent) && PICTURE_HOLDERS.has(localName(parent)) && parent.children.every((c) => !isElement(c) && DomUtils.textContent(c).trim() === '')) DomUtils.removeElement(parent);
    }
  }
  return doc;
}

/** Pages that frame the book rather than tell it (EPUB 3 Structural Semantics epub:type). */
const FRAME_TYPES = /\b(?:cover|titlepage|toc|landmarks|loi|lot|copyright-page)\b/;

function isFramePage(doc: Document): boolean {
  const body = elements(doc.children, (el) => localName(el) === 'body')[0];
  const outer = body ? [body, ...body.children.filter(isElement)] : [];
  return outer.some((el) => FRAME_TYPES.test(attr(el, 'type') ?? ''));
}

/** The readable spine documents, parsed: the nav document, non-linear and framing pages left out. */
function contentDocuments(pkg: EpubPackage): Array<{ path: string; doc: Document }> {
  return pkg.spine
    .filter((item) => !item.isNav && item.linear && CONTENT_TYPES.has(item.mediaType))
    .map((item) => ({ path: item.path, doc: tidy(parseXhtml(zipText(pkg.files.get(item.path) as Uint8Array))) }))
    .filter((f) => !isFramePage(f.doc));
}

function hasWords(nodes: Node[]): boolean {
  return countWords(sanitizeHtml(DomUtils.getOuterHTML(nodes))) > 0;
}

/** Dates as YYYY-MM-DD; Calibre writes year 0101 for "unknown", which is dropped. */
function isoDate(value: string | null): string | null {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  if (!m || Number(m[1]) < 1000) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

function genericMetadata(opf: EpubMetadata): ImportedMetadata {
  const metadata = emptyMetadata('epub');
  metadata.creators = opf.creators;
  metadata.language = opf.language;
  // Subjects become additional tags; ones no tag could be named (too long, commas) are skipped.
  metadata.freeforms = opf.subjects.filter((s) => tagNameProblem(s) === null);
  if (opf.description) {
    // The description may be HTML (Calibre stores summaries that way) or plain text.
    metadata.summaryHtml = /<[a-z][^>]*>/i.test(opf.description) ? sanitizeHtml(opf.description) : textToHtml(opf.description);
  }
  metadata.publishedAt = isoDate(opf.date);
  if (opf.series) metadata.series = [opf.series];
  return metadata;
}

/** The nodes before `target` in document order, leaving out its ancestors. */
function nodesBefore(nodes: Node[], target: Node, out: Node[] = []): Node[] {
  for (const node of nodes) {
    if (node === target) break;
    if (isElement(node) && DomUtils.findOne((el) => el === target, node.children)) return nodesBefore(node.children, target, out);
    out.push(node);
  }
  return out;
}

/** One content file as a chapter: an opening heading, if any, gives the title and leaves the body. */
function fileChapter(doc: Document, label: string | undefined): ImportedChapter {
  const heading = elements(bodyNodes(doc), (el) => /^h[1-6]$/.test(localName(el)))[0];
  let title = label ?? '';
  if (heading && !hasWords(nodesBefore(bodyNodes(doc), heading))) {
    title ||= textOf(heading);
    DomUtils.removeElement(heading);
  }
  return { title, html: htmlChapterBody(DomUtils.getOuterHTML(bodyNodes(doc))) };
}

function genericChapters(files: Array<{ path: string; doc: Document }>, pkg: EpubPackage, options: ImportOptions): { title: string | null; chapters: ImportedChapter[] } {
  const withText = files.filter((f) => hasWords(bodyNodes(f.doc)));
  // A book in a single file, or a writer's own chapter pattern: split the text as HTML is split.
  if (withText.length === 1 || options.chapterSplit) {
    const html = withText.map((f) => DomUtils.getOuterHTML(bodyNodes(f.doc))).join('\n');
    return splitHtml(`<body>${html}</body>`, options);
  }
  return { title: null, chapters: withText.map((f) => fileChapter(f.doc, pkg.labels.get(f.path))) };
}

export function epubToDocument(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): ImportedDocument {
  const pkg = readEpubPackage(bytes, fileName);
  const files = contentDocuments(pkg);
  if (files.length === 0) throw new Invalid(`"${fileName}" has no readable text documents in its reading order.`);

  // An AO3 download's chapters are marked up, so --chapter-split does not apply to it.
  const ao3 = parseAo3(files.map((f) => f.doc));
  if (ao3) {
    // The preface is richer than the package metadata; the package fills what it lacks.
    const { metadata } = ao3;
    if (metadata.creators.length === 0 && !/^anonymous$/i.test(pkg.metadata.creators[0] ?? '')) metadata.creators = pkg.metadata.creators;
    metadata.language ??= pkg.metadata.language;
    if (metadata.series.length === 0 && pkg.metadata.series) metadata.series = [pkg.metadata.series];
    return { title: ao3.title ?? pkg.metadata.title, chapters: ao3.chapters, format: 'epub', metadata };
  }
  const { title, chapters } = genericChapters(files, pkg, options);
  return { title: pkg.metadata.title ?? title, chapters, format: 'epub', metadata: genericMetadata(pkg.metadata) };
}
