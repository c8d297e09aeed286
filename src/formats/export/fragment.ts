// Sanitized HTML → a tree that serializes to valid XHTML (EPUB 3 content documents) and valid
// HTML5 (the HTML download). The stored HTML follows AO3's allowlist (domain/sanitizer-policy.ts),
// which still admits HTML 4 leftovers and markup browsers forgive but validators do not:
//
// - obsolete elements become their HTML5 equivalents (center → div, strike → s, big/tt → span
//   with a class, acronym → abbr) and presentational attributes (align, width, border…) are
//   dropped, `align` surviving as a class the stylesheet styles;
// - `<a name>` anchors become ids (anchors.ts gives them unique, valid values);
// - relative URLs resolve against the work's page, so links work outside the archive;
// - content models are repaired (content-model.ts, nesting.ts).
//
// Parsing uses htmlparser2, the parser the sanitizer itself runs on, so the tree is the one the
// sanitizer produced.
import { Parser } from 'htmlparser2';
import { normalizeFlow } from './content-model.ts';
import { fixNesting } from './nesting.ts';
import { el, type XElement, type XNode } from './xml.ts';

export interface FragmentOptions {
  /** Absolute URL relative links resolve against (the work's page). */
  base: string;
  /**
   * EPUB 3.2 allows only audio, video and fonts as remote resources (EPUB 3.2 §3.4.1; epubcheck
   * RSC-006), and the archive fetches nothing: in an EPUB an image becomes a link to it. The HTML
   * download keeps images by URL, as the work page does.
   */
  images: 'keep' | 'link';
}

const RENAMED: Record<string, { name: string; className?: string }> = {
  center: { name: 'div', className: 'align-center' },
  strike: { name: 's' },
  acronym: { name: 'abbr' },
  big: { name: 'span', className: 'big' },
  tt: { name: 'span', className: 'tt' },
};
const ALIGNMENTS = new Set(['left', 'right', 'center', 'justify']);
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'ftp:']);

/** Parses, cleans and repairs one piece of sanitized HTML (it will sit in flow content). */
export function prepareFragment(html: string, options: FragmentOptions): XNode[] {
  if (html.trim() === '') return [];
  return fixNesting(normalizeFlow(parse(html, options)), false, false);
}

function parse(html: string, options: FragmentOptions): XNode[] {
  const root = el('#root');
  const stack: XElement[] = [root];
  const append = (node: XNode) => {
    const parent = stack[stack.length - 1]!;
    const last = parent.children[parent.children.length - 1];
    if (typeof node === 'string' && typeof last === 'string') parent.children[parent.children.length - 1] = last + node;
    else parent.children.push(node);
  };
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const element = cleanElement(name, attribs, options);
        append(element);
        stack.push(element);
      },
      ontext(text) {
        append(text);
      },
      onclosetag() {
        if (stack.length > 1) stack.pop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return root.children;
}

/** An absolute URL for a link or citation, or null when it cannot be one. */
export function absoluteUrl(value: string, base: string, schemes: ReadonlySet<string> = LINK_SCHEMES): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  try {
    const url = new URL(trimmed, base);
    return schemes.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

const positiveInt = (value: string | undefined, max: number) => (value !== undefined && /^\s*\d+\s*$/.test(value) && Number(value) >= 1 && Number(value) <= max ? String(Number(value)) : undefined);

function cleanElement(rawName: string, attribs: Record<string, string>, options: FragmentOptions): XElement {
  const renamed = RENAMED[rawName];
  const name = renamed?.name ?? rawName;
  const attrs: Record<string, string> = {};
  const classes: string[] = [];
  if (attribs.class) classes.push(...attribs.class.split(/\s+/).filter(Boolean));
  if (renamed?.className) classes.push(renamed.className);
  const align = attribs.align?.trim().toLowerCase();
  if (align && ALIGNMENTS.has(align)) classes.push(`align-${align}`);
  if (attribs.title) attrs.title = attribs.title;
  const dir = attribs.dir?.trim().toLowerCase();
  if (dir === 'ltr' || dir === 'rtl' || dir === 'auto') attrs.dir = dir;

  switch (name) {
    case 'a': {
      const href = attribs.href?.trim();
      if (href?.startsWith('#')) attrs.href = href;
      else if (href) {
        const url = absoluteUrl(href, options.base);
        if (url) attrs.href = url;
      }
      if (attribs.name?.trim()) attrs.name = attribs.name.trim();
      break;
    }
    case 'blockquote':
    case 'q': {
      const cite = attribs.cite ? absoluteUrl(attribs.cite, options.base, new Set(['http:', 'https:'])) : null;
      if (cite) attrs.cite = cite;
      break;
    }
    case 'ol': {
      if (attribs.start !== undefined && /^\s*-?\d+\s*$/.test(attribs.start)) attrs.start = String(Number(attribs.start));
      const type = attribs.type?.trim();
      if (type && ['1', 'a', 'A', 'i', 'I'].includes(type)) attrs.type = type;
      break;
    }
    case 'td':
    case 'th': {
      const colspan = positiveInt(attribs.colspan, 1000);
      if (colspan) attrs.colspan = colspan;
      const rowspan = attribs.rowspan !== undefined && /^\s*\d+\s*$/.test(attribs.rowspan) && Number(attribs.rowspan) <= 65534 ? String(Number(attribs.rowspan)) : undefined;
      if (rowspan) attrs.rowspan = rowspan;
      if (name === 'th') {
        const scope = attribs.scope?.trim().toLowerCase();
        if (scope && ['row', 'col', 'rowgroup', 'colgroup'].includes(scope)) attrs.scope = scope;
        if (attribs.abbr) attrs.abbr = attribs.abbr;
      }
      break;
    }
    case 'col':
    case 'colgroup': {
      const span = positiveInt(attribs.span, 1000);
      if (span) attrs.span = span;
      break;
    }
    case 'table':
      if (attribs.border !== undefined && attribs.border.trim() !== '0') classes.push('bordered');
      break;
    case 'details':
      if (attribs.open !== undefined) attrs.open = 'open';
      break;
    case 'img':
      return image(attribs, options, classes);
  }
  if (classes.length > 0) attrs.class = [...new Set(classes)].join(' ');
  return el(name, reorder(attrs));
}

/** Keeps `class` first, as writers see it in the source, then the rest. */
function reorder(attrs: Record<string, string>): Record<string, string> {
  if (!attrs.class) return attrs;
  const { class: cls, ...rest } = attrs;
  return { class: cls, ...rest };
}

function image(attribs: Record<string, string>, options: FragmentOptions, classes: string[]): XElement {
  const src = attribs.src ? absoluteUrl(attribs.src, options.base, new Set(['http:', 'https:'])) : null;
  const alt = (attribs.alt ?? '').trim();
  if (options.images === 'keep' && src) {
    const attrs: Record<string, string> = {};
    if (classes.length > 0) attrs.class = classes.join(' ');
    attrs.src = src;
    attrs.alt = alt;
    if (attribs.title) attrs.title = attribs.title;
    for (const dimension of ['width', 'height'] as const) {
      const value = attribs[dimension];
      if (value !== undefined && /^\s*\d+\s*$/.test(value)) attrs[dimension] = String(Number(value));
    }
    return el('img', attrs);
  }
  const label = `[Image${alt ? `: ${alt}` : ''}]`;
  return src ? el('a', { class: 'image-link', href: src }, [label]) : el('span', { class: 'image-link' }, [label]);
}
