// A whole series as one EPUB 3 book, built from the same pieces as a work's (epub.ts) and held to
// the same bar: epubcheck with no errors and no warnings.
//
// Layout: series.xhtml (the title page: series title, creators, stats, description, notes, the
// list of works), nav.xhtml, then each work as a part under its own prefix — w01-preface.xhtml,
// w01-chapter-001.xhtml…, w01-afterword.xhtml — in series order; toc.ncx, style.css. The contents
// nest series → work → chapters. Each work's documents carry the work's language (xml:lang); the
// package's is the first work's, and every work's language is listed as a dc:language (EPUB 3.2
// Packages §4.2.2 allows several). The book belongs to the series as a collection
// (`belongs-to-collection`, EPUB 3.2 Packages §4.2.6.4.1).
import { bylineText, day, latest, prepareSeriesBook, seriesLanguages, type SeriesBook } from './book.ts';
import { epubLayout, modified, ncxDocument, workParts, xhtml, XML_DECLARATION, zipEpub, type Doc, type WorkParts } from './epub.ts';
import { h, langAttrs, seriesOpening, STYLESHEET } from './layout.ts';
import { plainText } from './text.ts';
import type { ExportSeriesBook } from './types.ts';
import { uuidV5 } from './uuid.ts';
import { escapeAttr, escapeXml } from './xml.ts';

const TITLE_PAGE: Doc = { id: 'series', href: 'series.xhtml', title: 'Title Page' };
const CONTENTS: Doc = { id: 'nav', href: 'nav.xhtml', title: 'Contents' };

/** Stable per series, like a work's: a UUID v5 of the series page's URL. */
export function seriesEpubIdentifier(series: Pick<ExportSeriesBook, 'url'>): string {
  return `urn:uuid:${uuidV5(series.url)}`;
}

/** `w01-`, `w02-`…: the file and id prefix of the n-th work (0-based), wide enough for them all. */
function prefixer(count: number): (index: number) => string {
  const width = Math.max(2, String(count).length);
  return (index) => `w${String(index + 1).padStart(width, '0')}-`;
}

export function buildSeriesEpub(series: ExportSeriesBook): Uint8Array {
  if (series.works.length === 0) throw new Error('A series book needs at least one work.');
  const prefix = prefixer(series.works.length);
  const book = prepareSeriesBook(series, TITLE_PAGE.href, 'link', (work, i) => epubLayout(work, prefix(i)));
  const parts = book.works.map((work, i) => workParts(work, prefix(i)));
  const lang = parts[0]!.lang;
  const spine = [TITLE_PAGE, CONTENTS, ...parts.flatMap((p) => [p.preface, ...p.chapters, p.afterword])];
  const identifier = seriesEpubIdentifier(series);
  const modifiedAt = latest([series.modifiedAt, ...series.works.map((w) => w.modifiedAt)]) ?? series.modifiedAt;

  const files: Record<string, string> = {
    'OEBPS/content.opf': packageDocument(book, spine, identifier, modifiedAt),
    'OEBPS/nav.xhtml': navigation(book, parts, lang),
    'OEBPS/toc.ncx': ncx(book, parts, identifier, lang),
    'OEBPS/style.css': STYLESHEET,
    [`OEBPS/${TITLE_PAGE.href}`]: xhtml(lang, series.title, [
      h('section', { 'epub:type': 'titlepage', class: 'title-page series' }, seriesOpening(book, (i) => parts[i]!.preface.href), h('p', { class: 'site' }, series.siteName)),
    ]),
  };
  for (const part of parts) Object.assign(files, part.files);
  return zipEpub(files, modifiedAt);
}

/** The contents: the title page, then each work (at its preface) with its chapters and afterword. */
function navigation(book: SeriesBook, parts: WorkParts[], lang: string): string {
  const entry = (doc: Doc) => h('li', {}, h('a', { href: doc.href }, doc.title));
  const works = parts.map((part, i) => {
    const { work } = book.works[i]!;
    return h(
      'li',
      langAttrs(work.language, lang),
      h('a', { href: part.preface.href }, work.title.trim() || 'Untitled'),
      h('ol', {}, [...part.chapters, part.afterword].map(entry)),
    );
  });
  const toc = h('nav', { 'epub:type': 'toc', id: 'toc' }, h('h1', {}, 'Contents'), h('ol', {}, h('li', {}, h('a', { href: TITLE_PAGE.href }, book.series.title)), works));
  const landmarks = h(
    'nav',
    { 'epub:type': 'landmarks', id: 'landmarks', hidden: 'hidden' },
    h('h2', {}, 'Landmarks'),
    h(
      'ol',
      {},
      h('li', {}, h('a', { 'epub:type': 'titlepage', href: TITLE_PAGE.href }, 'Title Page')),
      h('li', {}, h('a', { 'epub:type': 'toc', href: `${CONTENTS.href}#toc` }, 'Contents')),
      h('li', {}, h('a', { 'epub:type': 'bodymatter', href: parts[0]!.preface.href }, 'Start of the series')),
    ),
  );
  return xhtml(lang, `${book.series.title}: Contents`, [toc, landmarks]);
}

function packageDocument(book: SeriesBook, spine: Doc[], identifier: string, modifiedAt: string): string {
  const { series } = book;
  const languages = seriesLanguages(series);
  const meta: string[] = [];
  meta.push(`<dc:identifier id="uid">${escapeXml(identifier)}</dc:identifier>`);
  meta.push(`<dc:title id="title">${escapeXml(series.title)}</dc:title>`);
  for (const language of languages) meta.push(`<dc:language>${language}</dc:language>`);
  const creators = series.creators.length === 0 ? [bylineText(series)] : series.creators.map((c) => c.name);
  creators.forEach((name, i) => {
    meta.push(`<dc:creator id="creator-${i + 1}">${escapeXml(name)}</dc:creator>`);
    meta.push(`<meta refines="#creator-${i + 1}" property="role" scheme="marc:relators">aut</meta>`);
  });
  meta.push(`<dc:publisher>${escapeXml(series.siteName)}</dc:publisher>`);
  const published = day(series.publishedAt) || day(modifiedAt);
  if (published) meta.push(`<dc:date>${published}</dc:date>`);
  meta.push(`<dc:source>${escapeXml(series.url)}</dc:source>`);
  const description = plainText(book.summary).trim();
  if (description) meta.push(`<dc:description>${escapeXml(description)}</dc:description>`);
  const subjects = new Set(series.works.flatMap((w) => w.tags.map((t) => t.name)));
  for (const subject of subjects) meta.push(`<dc:subject>${escapeXml(subject)}</dc:subject>`);
  meta.push(`<meta property="dcterms:modified">${modified(modifiedAt)}</meta>`);
  meta.push(`<meta property="belongs-to-collection" id="series-1">${escapeXml(series.title)}</meta>`);
  meta.push('<meta refines="#series-1" property="collection-type">series</meta>');

  const items = [
    '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>',
    '<item id="css" href="style.css" media-type="text/css"/>',
    ...spine.map((doc) => `<item id="${doc.id}" href="${escapeAttr(doc.href)}" media-type="application/xhtml+xml"${doc.id === CONTENTS.id ? ' properties="nav"' : ''}/>`),
  ];
  return `${XML_DECLARATION}<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="${languages[0]}">
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

/** The EPUB 2 table of contents, nested like the navigation document (NCX §2.4.1, navPoint). */
function ncx(book: SeriesBook, parts: WorkParts[], identifier: string, lang: string): string {
  let order = 0;
  const point = (label: string, href: string, children: string[] = []) => {
    order++;
    return `<navPoint id="nav-${order}" playOrder="${order}"><navLabel><text>${escapeXml(label)}</text></navLabel><content src="${escapeAttr(href)}"/>${children.join('')}</navPoint>`;
  };
  const points = [point(book.series.title, TITLE_PAGE.href)];
  parts.forEach((part, i) => {
    const title = book.works[i]!.work.title.trim() || 'Untitled';
    // The parent's number comes before its children's, as in reading order.
    const parentOrder = ++order;
    const children = [...part.chapters, part.afterword].map((doc) => point(doc.title, doc.href));
    points.push(
      `<navPoint id="nav-${parentOrder}" playOrder="${parentOrder}"><navLabel><text>${escapeXml(title)}</text></navLabel><content src="${escapeAttr(part.preface.href)}"/>\n${children.join('\n')}\n</navPoint>`,
    );
  });
  return ncxDocument({ identifier, lang, depth: 2, title: book.series.title, author: bylineText(book.series), points });
}
