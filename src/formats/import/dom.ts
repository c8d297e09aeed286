// Small DOM helpers for the EPUB and AO3 readers, over htmlparser2's tree. Node types are derived
// from htmlparser2's own signatures, so domhandler need not be imported directly.
import { DomUtils, parseDocument } from 'htmlparser2';
import { collapseWhitespace } from './common.ts';

export type Document = ReturnType<typeof parseDocument>;
export type Node = Document['children'][number];
export type Element = Extract<Node, { attribs: Record<string, string> }>;

export function isElement(node: Node): node is Element {
  return 'attribs' in node;
}

/** Parses XML (container.xml, OPF, NCX): names keep their case and prefixes; see localName. */
export function parseXml(source: string): Document {
  return parseDocument(source, { xmlMode: true });
}

/**
 * Parses an XHTML content document. HTML mode (with XML's self-closing tags and CDATA
 * recognized) rather than xmlMode: XHTML written by word processors and converters often uses
 * HTML's named entities such as &nbsp;, which an XML parser leaves undecoded.
 */
export function parseXhtml(source: string): Document {
  return parseDocument(source, { decodeEntities: true, recognizeSelfClosing: true, recognizeCDATA: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
}

/** The element name without a namespace prefix, lower-cased: `dc:Title` → `title`. */
export function localName(el: Element): string {
  const name = el.name.toLowerCase();
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** An attribute by local name, ignoring any prefix (`opf:role` and `role` alike). */
export function attr(el: Element, name: string): string | undefined {
  for (const [key, value] of Object.entries(el.attribs)) {
    if (key.toLowerCase() === name || key.toLowerCase().endsWith(`:${name}`)) return value;
  }
  return undefined;
}

export function elements(nodes: Node[], test: (el: Element) => boolean): Element[] {
  return DomUtils.findAll(test, nodes);
}

export function firstElement(nodes: Node[], test: (el: Element) => boolean): Element | null {
  return DomUtils.findOne(test, nodes);
}

export function childElements(node: Element | Document): Element[] {
  return node.children.filter(isElement);
}

/** Collapsed text content. */
export function textOf(node: Node | Node[]): string {
  return collapseWhitespace(DomUtils.textContent(node));
}

export function innerHtml(el: Element): string {
  return DomUtils.getInnerHTML(el);
}

/**
 * The first class name without trailing digits. Calibre, which makes AO3's EPUBs, renames classes
 * to the first original name plus a counter (`userstuff` → `userstuff1`, `meta group` → `meta2`),
 * so this is the part of a class that survives both AO3's HTML and its EPUB.
 */
export function classBase(el: Element): string {
  const first = (el.attribs.class ?? '').trim().split(/\s+/)[0] ?? '';
  return first.replace(/\d+$/, '').toLowerCase();
}

/** The <body> element's children, or the whole document's when there is no <body>. */
export function bodyNodes(doc: Document): Node[] {
  const body = firstElement(doc.children, (el) => localName(el) === 'body');
  return body ? body.children : doc.children;
}
