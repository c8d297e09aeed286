// The structure of an EPUB 2 or 3 file (OCF 3.0 / OPF 2.0.1 / EPUB 3.3 packages):
// META-INF/container.xml names the package document (.opf); its <manifest> lists the files, its
// <spine> gives the reading order, its <metadata> the Dublin Core title, creators, language,
// subjects, description and date. Chapter labels come from the NCX (EPUB 2) or the nav document
// (EPUB 3). Everything is read from the zip itself: nothing is ever fetched, and a path that
// leaves the archive or names another site makes the file Invalid.
import path from 'node:path';
import { Invalid } from '../../domain/errors.ts';
import { attr, childElements, elements, firstElement, localName, parseXhtml, parseXml, textOf, type Element, type Node } from './dom.ts';
import { readZip, zipText } from './zip.ts';

export interface EpubMetadata {
  title: string | null;
  creators: string[];
  language: string | null;
  subjects: string[];
  description: string | null;
  date: string | null;
  series: { title: string; position: number | null } | null;
}

export interface SpineItem {
  path: string;
  mediaType: string;
  /** The EPUB 3 navigation document: a table of contents, not part of the text. */
  isNav: boolean;
  /** False for linear="no": supplementary content outside the reading order. */
  linear: boolean;
}

export interface EpubPackage {
  metadata: EpubMetadata;
  spine: SpineItem[];
  /** Table-of-contents label of each content file (the first entry pointing into it). */
  labels: Map<string, string>;
  files: Map<string, Uint8Array>;
}

const KIND = 'EPUB';
const TEXT_PART = /(?:\.(?:xml|opf|ncx|xhtml|html|htm|xht)|^mimetype)$/i;

/**
 * Resolves `href` against the directory of `from` inside the archive. Fragments are dropped;
 * an absolute URL or a path climbing above the archive root is refused.
 */
export function resolveInArchive(from: string, href: string, fileName: string): string {
  let target = href.replace(/[#?].*$/, '');
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) {
    throw new Invalid(`"${fileName}" refers to "${href}" outside the book; only files inside the EPUB can be imported.`);
  }
  try {
    target = decodeURIComponent(target);
  } catch {
    // A stray "%" is a literal character in the file name.
  }
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
  if (target.startsWith('/') || resolved === '..' || resolved.startsWith('../')) {
    throw new Invalid(`"${fileName}" refers to "${href}", which points outside the archive; the file is not a valid EPUB.`);
  }
  return resolved;
}

function readPackagePath(files: Map<string, Uint8Array>, fileName: string): string {
  const container = files.get('META-INF/container.xml');
  if (!container) throw new Invalid(`"${fileName}" has no META-INF/container.xml, so it is not a valid EPUB; export it again from your e-book tool.`);
  const rootfiles = elements(parseXml(zipText(container)).children, (el) => localName(el) === 'rootfile');
  const rootfile = rootfiles.find((el) => attr(el, 'media-type') === 'application/oebps-package+xml') ?? rootfiles[0];
  const fullPath = rootfile ? attr(rootfile, 'full-path') : undefined;
  if (!fullPath) throw new Invalid(`"${fileName}": META-INF/container.xml names no package document; the file is not a valid EPUB.`);
  // full-path is relative to the archive root (OCF 3.0 §3.5.2.1).
  return resolveInArchive('', fullPath, fileName);
}

function readMetadata(opf: Node[]): EpubMetadata {
  const meta = firstElement(opf, (el) => localName(el) === 'metadata');
  const all = meta ? elements(meta.children, () => true) : [];
  // Inside <metadata> every element but <meta> and <link> is Dublin Core, prefixed or not.
  const dc = (name: string) => all.filter((el) => localName(el) === name);
  const texts = (name: string) => dc(name).map(textOf).filter((t) => t !== '');
  // EPUB 2 may mark the dates by event; prefer publication, then the first date given.
  const dates = dc('date');
  const published = dates.find((el) => attr(el, 'event') === 'publication') ?? dates[0];
  return {
    title: texts('title')[0] ?? null,
    creators: texts('creator'),
    language: texts('language')[0] ?? null,
    subjects: texts('subject'),
    description: texts('description')[0] ?? null,
    date: published ? textOf(published) || null : null,
    series: readSeries(all),
  };
}

/** Calibre's `calibre:series` meta (AO3's EPUBs carry it), or EPUB 3's belongs-to-collection. */
function readSeries(all: Element[]): EpubMetadata['series'] {
  const named = (name: string) => all.find((el) => localName(el) === 'meta' && el.attribs.name === name)?.attribs.content;
  const calibre = named('calibre:series');
  if (calibre) {
    const index = Number(named('calibre:series_index'));
    return { title: calibre.trim(), position: Number.isInteger(index) && index > 0 ? index : null };
  }
  const collection = all.find((el) => localName(el) === 'meta' && el.attribs.property === 'belongs-to-collection');
  if (!collection || textOf(collection) === '') return null;
  const id = collection.attribs.id;
  const position = id ? all.find((el) => el.attribs.refines === `#${id}` && el.attribs.property === 'group-position') : undefined;
  const index = position ? Number(textOf(position)) : NaN;
  return { title: textOf(collection), position: Number.isInteger(index) && index > 0 ? index : null };
}

function readLabels(files: Map<string, Uint8Array>, tocPath: string | null, navPath: string | null, fileName: string): Map<string, string> {
  const labels = new Map<string, string>();
  const add = (from: string, href: string | undefined, label: string) => {
    if (!href || label === '' || /^[a-z][a-z0-9+.-]*:/i.test(href)) return;
    const target = resolveInArchive(from, href, fileName);
    if (!labels.has(target)) labels.set(target, label);
  };
  const nav = navPath ? files.get(navPath) : undefined;
  if (navPath && nav) {
    const doc = parseXhtml(zipText(nav));
    const navs = elements(doc.children, (el) => localName(el) === 'nav');
    const toc = navs.find((el) => attr(el, 'type') === 'toc') ?? navs[0];
    for (const a of toc ? elements(toc.children, (el) => localName(el) === 'a') : []) add(navPath, a.attribs.href, textOf(a));
  }
  const ncx = tocPath ? files.get(tocPath) : undefined;
  if (tocPath && ncx && labels.size === 0) {
    for (const point of elements(parseXml(zipText(ncx)).children, (el) => localName(el) === 'navpoint')) {
      const label = firstElement(point.children, (el) => localName(el) === 'navlabel');
      const content = childElements(point).find((el) => localName(el) === 'content');
      add(tocPath, content ? attr(content, 'src') : undefined, label ? textOf(label) : '');
    }
  }
  return labels;
}

/** Opens an EPUB: its metadata, reading order and content files. */
export function readEpubPackage(bytes: Uint8Array, fileName: string): EpubPackage {
  const files = readZip(bytes, fileName, KIND, (name) => TEXT_PART.test(name));
  const opfPath = readPackagePath(files, fileName);
  const opfBytes = files.get(opfPath);
  if (!opfBytes) throw new Invalid(`"${fileName}": its package document ${opfPath} is missing; the file is not a valid EPUB.`);
  const opf = parseXml(zipText(opfBytes)).children;

  const manifest = new Map<string, { path: string; mediaType: string; properties: string }>();
  for (const item of elements(opf, (el) => localName(el) === 'item')) {
    const { id, href } = item.attribs;
    if (!id || !href || /^[a-z][a-z0-9+.-]*:/i.test(href)) continue; // remote resources are never read
    manifest.set(id, { path: resolveInArchive(opfPath, href, fileName), mediaType: item.attribs['media-type'] ?? '', properties: item.attribs.properties ?? '' });
  }
  const spineElement = firstElement(opf, (el) => localName(el) === 'spine');
  const navItem = [...manifest.values()].find((m) => m.properties.split(/\s+/).includes('nav'));
  const spine: SpineItem[] = [];
  for (const ref of spineElement ? childElements(spineElement).filter((el) => localName(el) === 'itemref') : []) {
    const item = manifest.get(ref.attribs.idref ?? '');
    if (!item) continue;
    if (!files.has(item.path)) throw new Invalid(`"${fileName}" lists ${item.path} in its reading order, but the file is missing from the archive.`);
    spine.push({ path: item.path, mediaType: item.mediaType, isNav: item === navItem, linear: attr(ref, 'linear') !== 'no' });
  }
  if (spine.length === 0) throw new Invalid(`"${fileName}" has an empty reading order (no <spine> items); there is nothing to import.`);

  const tocId = spineElement?.attribs.toc;
  const tocPath = (tocId ? manifest.get(tocId)?.path : undefined) ?? [...manifest.values()].find((m) => m.mediaType === 'application/x-dtbncx+xml')?.path ?? null;
  return { metadata: readMetadata(opf), spine, labels: readLabels(files, tocPath, navItem?.path ?? null, fileName), files };
}
