// The EPUB 3 download, built in-house (DESIGN.md): XHTML content documents serialized from the
// prepared trees, an OPF package document, a navigation document plus an NCX for EPUB 2 reading
// systems, zipped with fflate. It follows EPUB 3.2 (OCF §3.3: `mimetype` first, stored, no extra
// field; Packages §3.4.1: no remote images) and passes epubcheck with no errors or warnings.
//
// Layout: title.xhtml (title page: title, creators, main tags), preface.xhtml (every tag by type,
// language, series, stats, summary, notes), one chapter-NNN.xhtml per chapter, afterword.xhtml
// (end notes and where the work lives), nav.xhtml, toc.ncx, style.css. A whole series
// (epub-series.ts) is made of the same parts, each work's under a prefix of its own.
import { zipSync, type Zippable } from 'fflate';
import { bylineText, day, languageTag, prepareBook, seriesText, tagGroups, type Book, type BookLayout } from './book.ts';
import { byline, chapterParts, h, metaList, postedOn, prefaceNotes, STYLESHEET, userstuff } from './layout.ts';
import { plainText } from './text.ts';
import type { ExportWork } from './types.ts';
import { uuidV5 } from './uuid.ts';
import { escapeAttr, escapeXml, serialize, type XNode } from './xml.ts';

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

export interface Doc {
  id: string;
  href: string;
  title: string;
}

export function epubIdentifier(work: Pick<ExportWork, 'url'>): string {
  return `urn:uuid:${uuidV5(work.url)}`;
}

export function buildEpub(work: ExportWork): Uint8Array {
  const book = prepareBook(work, epubLayout(work, ''));
  const parts = workParts(book, '');
  const { lang } = parts;
  const titlePage: Doc = { id: 'title-page', href: 'title.xhtml', title: 'Title Page' };
  const contents: Doc = { id: 'nav', href: 'nav.xhtml', title: 'Contents' };
  // The contents page is in the reading order too: the landmarks point at it (epubcheck RSC-011).
  const spine = [titlePage, parts.preface, contents, ...parts.chapters, parts.afterword];
  const listed = spine.filter((doc) => doc !== contents);
  const identifier = epubIdentifier(work);

  return zipEpub(
    {
      'OEBPS/content.opf': packageDocument(book, spine, identifier, lang),
      'OEBPS/nav.xhtml': navigation(book, listed, lang, parts.chapters[0]?.href ?? parts.afterword.href),
      'OEBPS/toc.ncx': ncx(book, listed, identifier, lang),
      'OEBPS/style.css': STYLESHEET,
      [`OEBPS/${titlePage.href}`]: xhtml(lang, work.title, titlePageBody(book)),
      ...parts.files,
    },
    work.modifiedAt,
  );
}

/** Where a work's parts go in an EPUB: `PREFIXpreface.xhtml`, `PREFIXchapter-001.xhtml`, `PREFIXafterword.xhtml`. */
export function epubLayout(work: ExportWork, prefix: string): BookLayout {
  const width = Math.max(3, String(work.chapters.length).length);
  return {
    images: 'link',
    docOfWorkPart: (part) => `${prefix}${part === 'endNotes' ? 'afterword' : 'preface'}.xhtml`,
    docOfChapter: (n) => `${prefix}chapter-${String(n).padStart(width, '0')}.xhtml`,
  };
}

/** A work's own content documents in an EPUB: its preface, chapters and afterword. */
export interface WorkParts {
  lang: string;
  preface: Doc;
  chapters: Doc[];
  afterword: Doc;
  /** Their XHTML by path in the container, in reading order but for the afterword, which comes second. */
  files: Record<string, string>;
}

/** The documents of a book prepared with epubLayout(work, prefix); ids start with the prefix too. */
export function workParts(book: Book, prefix: string): WorkParts {
  const { work } = book;
  const layout = epubLayout(work, prefix);
  const lang = languageTag(work.language);
  const preface: Doc = { id: `${prefix}preface`, href: layout.docOfWorkPart('summary'), title: 'Preface' };
  const chapters: Doc[] = book.chapters.map((c) => ({ id: `${prefix}chapter-${c.chapter.number}`, href: layout.docOfChapter(c.chapter.number), title: c.label }));
  const afterword: Doc = { id: `${prefix}afterword`, href: layout.docOfWorkPart('endNotes'), title: 'Afterword' };
  const files: Record<string, string> = {
    [`OEBPS/${preface.href}`]: xhtml(lang, `${work.title}: Preface`, prefaceBody(book, `${afterword.href}#endnotes`)),
    [`OEBPS/${afterword.href}`]: xhtml(lang, `${work.title}: Afterword`, afterwordBody(book)),
  };
  book.chapters.forEach((chapter, i) => {
    files[`OEBPS/${chapters[i]!.href}`] = xhtml(lang, chapter.label, [
      h('section', { 'epub:type': 'chapter', id: 'chapter', class: 'chapter' }, chapterParts(chapter, 2)),
    ]);
  });
  return { lang, preface, chapters, afterword, files };
}

/** The container: `mimetype` first and stored, then the container file and `files`. */
export function zipEpub(files: Record<string, string>, modifiedAt: string): Uint8Array {
  const text = new TextEncoder();
  // Dates inside the zip follow the content, so the same revision always gives the same bytes.
  const mtime = zipDate(modifiedAt);
  const zippable: Zippable = { mimetype: [text.encode('application/epub+zip'), { level: 0, mtime }] };
  for (const [name, content] of Object.entries({ 'META-INF/container.xml': CONTAINER, ...files })) zippable[name] = [text.encode(content), { level: 6, mtime }];
  return zipSync(zippable);
}

function zipDate(iso: string): Date {
  const date = new Date(iso);
  // DOS dates in zip entries run from 1980 to 2107.
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1980 || date.getUTCFullYear() > 2107) return new Date(Date.UTC(1980, 0, 1));
  return date;
}

const CONTAINER = `${XML_DECLARATION}<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`;

export function xhtml(lang: string, title: string, body: XNode[]): string {
  return `${XML_DECLARATION}<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="${lang}" lang="${lang}">
<head>
<title>${escapeXml(title.trim() || 'Untitled')}</title>
<link rel="stylesheet" type="text/css" href="style.css"/>
</head>
<body>
${serialize(body)}
</body>
</html>
`;
}

function titlePageBody(book: Book): XNode[] {
  const { work } = book;
  const main = tagGroups(work).filter((g) => g.type === 'rating' || g.type === 'fandom' || g.type === 'relationship');
  return [
    h(
      'section',
      { 'epub:type': 'titlepage', class: 'title-page' },
      h('h1', { class: 'title' }, work.title),
      byline(work),
      main.map((g) => h('p', { class: `tags ${g.type}` }, g.tags.map((t) => t.name).join(', '))),
      work.series.map((s) => h('p', { class: 'series' }, seriesText(s))),
      h('p', { class: 'site' }, work.siteName),
    ),
  ];
}

function prefaceBody(book: Book, endNotesHref: string): XNode[] {
  const { work } = book;
  return [
    h(
      'section',
      { 'epub:type': 'preface', class: 'preface' },
      h('h1', { class: 'title' }, work.title),
      byline(work),
      postedOn(work),
      metaList(work),
      prefaceNotes(book, endNotesHref),
    ),
  ];
}

function afterwordBody(book: Book): XNode[] {
  return [
    h(
      'section',
      { 'epub:type': 'afterword', class: 'afterword' },
      h('h2', { class: 'heading' }, 'Afterword'),
      userstuff('end-notes', 'End Notes', 3, book.endNotes, { id: 'endnotes' }),
      postedOn(book.work),
    ),
  ];
}

function navigation(book: Book, spine: Doc[], lang: string, bodyStart: string): string {
  const toc = h(
    'nav',
    { 'epub:type': 'toc', id: 'toc' },
    h('h1', {}, 'Contents'),
    h('ol', {}, spine.map((doc) => h('li', {}, h('a', { href: doc.href }, doc.title)))),
  );
  const landmarks = h(
    'nav',
    { 'epub:type': 'landmarks', id: 'landmarks', hidden: 'hidden' },
    h('h2', {}, 'Landmarks'),
    h(
      'ol',
      {},
      h('li', {}, h('a', { 'epub:type': 'titlepage', href: 'title.xhtml' }, 'Title Page')),
      h('li', {}, h('a', { 'epub:type': 'toc', href: 'nav.xhtml#toc' }, 'Contents')),
      h('li', {}, h('a', { 'epub:type': 'preface', href: 'preface.xhtml' }, 'Preface')),
      h('li', {}, h('a', { 'epub:type': 'bodymatter', href: bodyStart }, 'Start of the work')),
    ),
  );
  return xhtml(lang, `${book.work.title}: Contents`, [toc, landmarks]);
}

function packageDocument(book: Book, spine: Doc[], identifier: string, lang: string): string {
  const { work } = book;
  const meta: string[] = [];
  meta.push(`<dc:identifier id="uid">${escapeXml(identifier)}</dc:identifier>`);
  meta.push(`<dc:title id="title">${escapeXml(work.title)}</dc:title>`);
  meta.push(`<dc:language>${lang}</dc:language>`);
  const creators = work.creators.length === 0 ? [bylineText(work)] : work.creators.map((c) => c.name);
  creators.forEach((name, i) => {
    meta.push(`<dc:creator id="creator-${i + 1}">${escapeXml(name)}</dc:creator>`);
    meta.push(`<meta refines="#creator-${i + 1}" property="role" scheme="marc:relators">aut</meta>`);
  });
  meta.push(`<dc:publisher>${escapeXml(work.siteName)}</dc:publisher>`);
  const published = day(work.publishedAt) || day(work.modifiedAt);
  if (published) meta.push(`<dc:date>${published}</dc:date>`);
  meta.push(`<dc:source>${escapeXml(work.url)}</dc:source>`);
  const description = plainText(book.summary).trim();
  if (description) meta.push(`<dc:description>${escapeXml(description)}</dc:description>`);
  for (const tag of work.tags) meta.push(`<dc:subject>${escapeXml(tag.name)}</dc:subject>`);
  meta.push(`<meta property="dcterms:modified">${modified(work.modifiedAt)}</meta>`);
  work.series.forEach((series, i) => {
    const id = `series-${i + 1}`;
    meta.push(`<meta property="belongs-to-collection" id="${id}">${escapeXml(series.title)}</meta>`);
    meta.push(`<meta refines="#${id}" property="collection-type">series</meta>`);
    if (series.position) meta.push(`<meta refines="#${id}" property="group-position">${series.position}</meta>`);
  });

  const items = [
    '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>',
    '<item id="css" href="style.css" media-type="text/css"/>',
    ...spine.map((doc) => `<item id="${doc.id}" href="${escapeAttr(doc.href)}" media-type="application/xhtml+xml"${doc.id === 'nav' ? ' properties="nav"' : ''}/>`),
  ];
  return `${XML_DECLARATION}<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="${lang}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
${meta.join('\n')}
</metadata>
<manifest>
${items.join('\n')}
</manifest>
<spine toc="ncx">
${spine.map((doc) => `<itemref idref="${doc.id}"/>`).join('\n')}
</spine>
</package>
`;
}

/** dcterms:modified must be CCYY-MM-DDThh:mm:ssZ (EPUB 3.2 Packages §4.2). */
export function modified(iso: string): string {
  const date = new Date(iso);
  return (Number.isNaN(date.getTime()) ? new Date(0) : date).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function ncx(book: Book, spine: Doc[], identifier: string, lang: string): string {
  const points = spine.map(
    (doc, i) => `<navPoint id="nav-${i + 1}" playOrder="${i + 1}"><navLabel><text>${escapeXml(doc.title)}</text></navLabel><content src="${escapeAttr(doc.href)}"/></navPoint>`,
  );
  return ncxDocument({ identifier, lang, depth: 1, title: book.work.title, author: bylineText(book.work), points });
}

/** The EPUB 2 table of contents (toc.ncx) older readers use, around already-built navPoints. */
export function ncxDocument(toc: { identifier: string; lang: string; depth: number; title: string; author: string; points: readonly string[] }): string {
  return `${XML_DECLARATION}<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="${toc.lang}">
<head>
<meta name="dtb:uid" content="${escapeAttr(toc.identifier)}"/>
<meta name="dtb:depth" content="${toc.depth}"/>
<meta name="dtb:totalPageCount" content="0"/>
<meta name="dtb:maxPageNumber" content="0"/>
</head>
<docTitle><text>${escapeXml(toc.title)}</text></docTitle>
<docAuthor><text>${escapeXml(toc.author)}</text></docAuthor>
<navMap>
${toc.points.join('\n')}
</navMap>
</ncx>
`;
}
