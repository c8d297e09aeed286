// The last repairs of the export tree (fragment.ts), which need to know an element's ancestors:
// links do not nest, ruby takes the shape HTML requires, and elements that may not contain
// certain others anywhere inside lose them.
import { flatText, isWhitespace, tidyAttrs } from './content-model.ts';
import { el, isElement, type XElement, type XNode } from './xml.ts';

/**
 * Final pass: links inside links are unwrapped (interactive content may not nest, HTML §4.5.1),
 * ruby is put in the shape HTML requires, and ruby text outside ruby becomes a span.
 */
export function fixNesting(nodes: readonly XNode[], inLink: boolean, inRuby: boolean, parentIsRuby = false): XNode[] {
  const out: XNode[] = [];
  for (const node of nodes) {
    if (typeof node === 'string') {
      out.push(node);
      continue;
    }
    if (node.name === 'a' && inLink) {
      out.push(...fixNesting(node.children, true, inRuby, parentIsRuby));
      continue;
    }
    if (node.name === 'ruby') {
      // A ruby inside a ruby joins the outer one's base text and annotations.
      const children = fixNesting(node.children, inLink, true, true);
      if (inRuby) out.push(...children);
      else out.push(...rubyParts({ ...node, children }));
      continue;
    }
    if (node.name === 'rt' || node.name === 'rp') {
      // Annotations hold text only here; they are only allowed directly in a ruby.
      const text = textOf(node);
      out.push(el(parentIsRuby ? node.name : 'span', tidyAttrs(node.attrs), text ? [text] : []));
      continue;
    }
    if (node.name in SELF_EXCLUDING && hasDescendant(node, SELF_EXCLUDING[node.name]!)) {
      node.children = demote(node.children, SELF_EXCLUDING[node.name]!);
    }
    node.children = fixNesting(node.children, inLink || node.name === 'a', inRuby, false);
    out.push(node);
  }
  return out;
}

/**
 * Elements that may not contain certain others anywhere inside (HTML §4.4.10 address, §4.5.8 dfn,
 * §4.9.2 caption, §4.9.10 th, §4.4.9 dt): the offending descendants become plain elements.
 */
const SELF_EXCLUDING: Record<string, ReadonlySet<string>> = {
  dfn: new Set(['dfn']),
  address: new Set(['address', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']),
  caption: new Set(['table']),
  th: new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']),
  dt: new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']),
  summary: new Set(['details']),
};

function hasDescendant(node: XElement, names: ReadonlySet<string>): boolean {
  return node.children.some((child) => isElement(child) && (names.has(child.name) || hasDescendant(child, names)));
}

/** Replaces the named elements inside: headings and addresses become divs (or spans in phrasing), tables their text. */
function demote(nodes: readonly XNode[], names: ReadonlySet<string>): XNode[] {
  return nodes.flatMap((child): XNode[] => {
    if (!isElement(child)) return [child];
    const children = demote(child.children, names);
    if (!names.has(child.name)) return [{ ...child, children }];
    if (child.name === 'dfn') return children;
    if (child.name === 'table' || child.name === 'details') return [flatText({ ...child, children })];
    return [el(/^h[1-6]$/.test(child.name) ? 'p' : 'div', tidyAttrs(child.attrs), children)];
  });
}

function textOf(node: XElement): string {
  let text = '';
  for (const child of node.children) text += typeof child === 'string' ? child : textOf(child);
  return text;
}

/**
 * Ruby as HTML §4.5.10 allows it: runs of base text each followed by its annotation (`rt`), with
 * fallback parentheses (`rp`) kept only where they wrap an `rt`. An annotation with no base text
 * becomes text; base text after the last annotation moves out of the ruby; a ruby with no
 * annotation at all is just its text.
 */
function rubyParts(ruby: XElement): XNode[] {
  const items = ruby.children;
  const nextIndex = (from: number) => {
    for (let j = from + 1; j < items.length; j++) if (!isWhitespace(items[j]!)) return j;
    return -1;
  };
  const isA = (node: XNode | undefined, name: string): node is XElement => node !== undefined && isElement(node) && node.name === name;
  const children: XNode[] = [];
  let base: XNode[] = [];
  let opening: XElement | null = null;
  let annotated = false;
  for (let i = 0; i < items.length; i++) {
    const node = items[i]!;
    if (isA(node, 'rp')) {
      if (isA(items[nextIndex(i)], 'rt')) opening = node;
      continue;
    }
    if (isA(node, 'rt')) {
      if (base.every(isWhitespace)) {
        base.push(...node.children);
        opening = null;
        continue;
      }
      const after = nextIndex(i);
      const closing = isA(items[after], 'rp') ? (items[after] as XElement) : null;
      children.push(...base, ...(opening && closing ? [opening, node, closing] : [node]));
      if (closing) i = after;
      base = [];
      opening = null;
      annotated = true;
      continue;
    }
    base.push(node);
  }
  if (!annotated) return base;
  return [{ ...ruby, children }, ...base];
}
