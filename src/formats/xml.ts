// Escape-by-default XML templates for the feeds (Atom, OPDS, OpenSearch). The same idea as the
// page templates in http/web/html.ts, with XML's rules: every interpolated value is escaped for
// element content and quoted attribute values, and characters XML 1.0 cannot carry at all are
// dropped, so a stray control character in a title cannot make a whole feed unreadable. Only
// `xml` itself produces an XmlFragment; there is no way to mark outside text as markup.

export class XmlFragment {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

export type XmlValue = XmlFragment | string | number | boolean | null | undefined | readonly XmlValue[];

// XML 1.0 §2.2, production [2] Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
// [#x10000-#x10FFFF]. With the `u` flag a lone surrogate is one code point in D800–DFFF, which
// the class leaves out, so it is dropped too.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text made safe for XML element content and quoted attribute values. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

function render(value: XmlValue): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (value instanceof XmlFragment) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeXml(String(value));
}

/** Builds markup from a template; interpolated values are escaped unless they are XmlFragments. */
export function xml(strings: TemplateStringsArray, ...values: XmlValue[]): XmlFragment {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '');
  return new XmlFragment(out);
}

/** A complete document: the XML declaration, then the root element. */
export function xmlDocument(root: XmlFragment): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root.value}\n`;
}
