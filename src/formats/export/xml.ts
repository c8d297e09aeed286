// A small tree for rewriting sanitized HTML, and its serialization as XML (XHTML content documents,
// the OPF, the NCX), which is also valid HTML5 syntax: void elements self-close (`<br/>`), every
// other element gets an end tag (`<p></p>`, never `<p/>`, which HTML would read as an open tag).
// Text and attribute values are escaped, and characters XML 1.0 forbids are dropped (XML 1.0 §2.2
// Char), as are C1 controls and noncharacters, which HTML forbids in text (HTML §13.1.3).

export interface XElement {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
}

export type XNode = XElement | string;

/** Elements without content or end tag (HTML §13.1.2, "void elements") among those we emit. */
export const VOID_ELEMENTS: ReadonlySet<string> = new Set(['area', 'br', 'col', 'hr', 'img', 'link', 'meta', 'wbr']);

export function el(name: string, attrs: Record<string, string> = {}, children: XNode[] = []): XElement {
  return { name, attrs, children };
}

export function isElement(node: XNode): node is XElement {
  return typeof node !== 'string';
}

// C0 controls except tab, LF and CR; DEL and C1 controls; U+FDD0–U+FDEF and U+FFFE/U+FFFF.
// Lone surrogates need no rule: TextEncoder writes them as U+FFFD.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]/g;
const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Removes characters that may not appear in an XML document at all. */
export function xmlSafe(text: string): string {
  return text.replace(FORBIDDEN, '');
}

/** Escapes text for element content. */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/[&<>]/g, (c) => TEXT_ESCAPES[c]!);
}

/** Escapes text for a double-quoted attribute value; line breaks become spaces. */
export function escapeAttr(text: string): string {
  return xmlSafe(text)
    .replace(/[\t\n\r]/g, ' ')
    .replace(/[&<>"]/g, (c) => TEXT_ESCAPES[c]!);
}

function write(nodes: readonly XNode[], out: string[]): void {
  for (const node of nodes) {
    if (typeof node === 'string') {
      out.push(escapeXml(node));
      continue;
    }
    let open = `<${node.name}`;
    for (const [key, value] of Object.entries(node.attrs)) open += ` ${key}="${escapeAttr(value)}"`;
    if (VOID_ELEMENTS.has(node.name)) {
      out.push(`${open}/>`);
      continue;
    }
    out.push(`${open}>`);
    write(node.children, out);
    out.push(`</${node.name}>`);
  }
}

export function serialize(nodes: readonly XNode[]): string {
  const out: string[] = [];
  write(nodes, out);
  return out.join('');
}

/** The text of a tree, whitespace left as it is. */
export function textContent(nodes: readonly XNode[]): string {
  let text = '';
  for (const node of nodes) text += typeof node === 'string' ? node : textContent(node.children);
  return text;
}
