// Content-model repair for the export tree (fragment.ts): HTML forgives markup its content models
// forbid, validators do not. Blocks inside phrasing elements (`<em><p>…</p></em>`) push the inline
// element down into the block; a paragraph holding a block is split around it; list items, terms
// and definitions outside their lists get one; tables get their parts in the XHTML order (stray
// content is moved before the table, as the HTML parser's "foster parenting" does); details get
// their summary first, figures one caption first or last.
import { el, isElement, type XElement, type XNode } from './xml.ts';

/** Phrasing elements among those the sanitizer allows (after fragment.ts renamed the obsolete ones). */
export const PHRASING = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'del', 'dfn', 'em', 'i', 'img', 'ins', 'kbd', 'mark', 'q',
  'rp', 'rt', 'ruby', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'u', 'var', 'wbr',
]);
/** Blocks whose content is phrasing only. */
const PHRASING_BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre']);
/** Table and list structure: their children are specific elements, not free content. */
const STRUCTURE = new Set(['ul', 'ol', 'dl', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'colgroup']);
const isPhrasing = (node: XNode) => typeof node === 'string' || PHRASING.has(node.name);
export const isWhitespace = (node: XNode) => typeof node === 'string' && !/[^\t\n\f\r ]/.test(node);

const blockCache = new WeakMap<XElement, boolean>();

/** Whether an element has a block (non-phrasing) element anywhere inside. */
function hasBlock(node: XElement): boolean {
  const cached = blockCache.get(node);
  if (cached !== undefined) return cached;
  let found = false;
  for (const child of node.children) {
    if (typeof child === 'string') continue;
    if (!PHRASING.has(child.name) || hasBlock(child)) {
      found = true;
      break;
    }
  }
  blockCache.set(node, found);
  return found;
}

/** A copy of an inline element around other children; only the first copy keeps an anchor. */
function cloneAround(inline: XElement, children: XNode[], state: { first: boolean }): XElement {
  const attrs = { ...inline.attrs };
  if (!state.first) delete attrs.name;
  state.first = false;
  return el(inline.name, attrs, children);
}

/** Flow content: blocks and phrasing mixed (inside div, blockquote, li, td…). */
export function normalizeFlow(nodes: readonly XNode[]): XNode[] {
  const out: XNode[] = [];
  for (const node of nodes) {
    if (typeof node === 'string') out.push(node);
    else if (PHRASING.has(node.name)) {
      if (hasBlock(node)) out.push(...splitInline(node));
      else out.push(node);
    } else out.push(...normalizeBlock(node));
  }
  return groupStrays(out);
}

/**
 * Splits a list of flow nodes into runs of phrasing content and blocks, mapping each.
 * Whitespace-only runs stay as they are (inter-element whitespace).
 */
function splitRuns(nodes: readonly XNode[], run: (phrasing: XNode[]) => XNode[], block: (element: XElement) => XNode): XNode[] {
  const out: XNode[] = [];
  let pending: XNode[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    if (pending.every(isWhitespace)) out.push(...pending);
    else out.push(...run(pending));
    pending = [];
  };
  for (const node of nodes) {
    if (isPhrasing(node)) pending.push(node);
    else {
      flush();
      out.push(block(node as XElement));
    }
  }
  flush();
  return out;
}

/** `<em>a<p>b</p>c</em>` → `<em>a</em><p><em>b</em></p><em>c</em>`. */
function splitInline(inline: XElement): XNode[] {
  const state = { first: true };
  return splitRuns(
    normalizeFlow(inline.children),
    (run) => [cloneAround(inline, run, state)],
    (block) => pushDown(inline, block, state),
  );
}

/** Applies an inline element to everything inside a block, keeping the block's structure. */
function pushDown(inline: XElement, block: XElement, state: { first: boolean }): XElement {
  const wrap = (children: XNode[]): XNode[] => (children.length === 0 || children.every(isWhitespace) ? children : [cloneAround(inline, children, state)]);
  if (PHRASING_BLOCKS.has(block.name) || block.name === 'summary') return { ...block, children: wrap(block.children) };
  if (block.name === 'hr' || block.name === 'col' || block.name === 'colgroup') return block;
  if (STRUCTURE.has(block.name)) {
    return { ...block, children: block.children.map((child) => (typeof child === 'string' ? child : pushDown(inline, child, state))) };
  }
  return { ...block, children: splitRuns(block.children, wrap, (inner) => pushDown(inline, inner, state)) };
}

/** A paragraph (or heading, pre) holding blocks is split around them. */
function phrasingBlock(block: XElement): XNode[] {
  if (!block.children.some((child) => typeof child !== 'string' && (!PHRASING.has(child.name) || hasBlock(child)))) return [block];
  let first = true;
  return splitRuns(
    normalizeFlow(block.children),
    (run) => {
      const attrs = { ...block.attrs };
      if (!first) delete attrs.id;
      first = false;
      return [el(block.name, attrs, run)];
    },
    (inner) => inner,
  );
}

function normalizeBlock(block: XElement): XNode[] {
  switch (block.name) {
    case 'p': case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': case 'pre':
      return phrasingBlock(block);
    case 'summary':
      // A summary outside <details> is just a paragraph.
      return phrasingBlock({ ...block, name: 'p' });
    case 'ul':
    case 'ol':
      return [list(block)];
    case 'dl':
      return [definitionList(block)];
    case 'table':
      return table(block);
    case 'hr':
      return [el('hr', block.attrs.class ? { class: block.attrs.class } : {})];
    case 'details':
      return [details(block)];
    case 'figure':
      return [figure(block)];
    case 'col':
    case 'colgroup':
      return [];
    case 'tr': case 'td': case 'th': case 'thead': case 'tbody': case 'tfoot': case 'caption': case 'figcaption':
      // Table and figure parts out of place keep their content as a plain block.
      return [el('div', tidyAttrs(block.attrs), normalizeFlow(block.children))];
    default:
      // div, blockquote, address, li/dt/dd (grouped by the caller), and anything unexpected.
      return [{ ...block, children: normalizeFlow(block.children) }];
  }
}

/** Attributes that only belong to the original element are dropped when it changes. */
export function tidyAttrs(attrs: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['class', 'title', 'dir']) if (attrs[key] !== undefined) out[key] = attrs[key];
  return out;
}

/** List items, terms and definitions outside a list get one (HTML's content models need it). */
function groupStrays(nodes: XNode[]): XNode[] {
  if (!nodes.some((node) => isElement(node) && (node.name === 'li' || node.name === 'dt' || node.name === 'dd'))) return nodes;
  const out: XNode[] = [];
  const made = new Set<XElement>();
  let group: XElement | null = null;
  for (const node of nodes) {
    const kind = isElement(node) ? (node.name === 'li' ? 'ul' : node.name === 'dt' || node.name === 'dd' ? 'dl' : null) : null;
    if (kind) {
      if (!group || group.name !== kind) {
        group = el(kind);
        made.add(group);
        out.push(group);
      }
      group.children.push(node);
    } else if (group && isWhitespace(node)) {
      continue;
    } else {
      group = null;
      out.push(node);
    }
  }
  return out.map((node) => (isElement(node) && made.has(node) && node.name === 'dl' ? { ...node, children: termGroups(node.children) } : node));
}

function list(block: XElement): XElement {
  const items: XNode[] = [];
  let pending: XNode[] = [];
  const flush = () => {
    if (pending.some((node) => !isWhitespace(node))) items.push(el('li', {}, normalizeFlow(pending)));
    pending = [];
  };
  for (const child of block.children) {
    if (isElement(child) && child.name === 'li') {
      flush();
      items.push({ ...child, children: normalizeFlow(child.children) });
    } else pending.push(child);
  }
  flush();
  const attrs = block.name === 'ol' ? block.attrs : tidyAttrs(block.attrs);
  return { ...block, attrs, children: items };
}

/** `dl` holds groups of one or more `dt` followed by one or more `dd` (HTML §4.4.9). */
function definitionList(block: XElement): XElement {
  const entries: XElement[] = [];
  let pending: XNode[] = [];
  const flush = () => {
    if (pending.some((node) => !isWhitespace(node))) entries.push(el('dd', {}, normalizeFlow(pending)));
    pending = [];
  };
  for (const child of block.children) {
    if (isElement(child) && (child.name === 'dt' || child.name === 'dd')) {
      flush();
      entries.push({ ...child, children: normalizeFlow(child.children) });
    } else pending.push(child);
  }
  flush();
  return { ...block, children: termGroups(entries) };
}

/** Completes term groups: a definition before any term gets an empty term, a last term an empty definition. */
function termGroups(entries: readonly XNode[]): XElement[] {
  const children: XElement[] = [];
  let last: 'none' | 'dt' | 'dd' = 'none';
  for (const entry of entries) {
    if (!isElement(entry)) continue;
    if (entry.name === 'dd' && last === 'none') children.push(el('dt'));
    children.push(entry);
    last = entry.name === 'dt' ? 'dt' : 'dd';
  }
  if (last === 'dt') children.push(el('dd'));
  return children;
}

/** caption?, colgroup*, thead?, (tbody* | tr+), tfoot? — the XHTML table (HTML §4.9.1). */
function table(block: XElement): XNode[] {
  const fostered: XNode[] = [];
  let caption: XElement | null = null;
  const colgroups: XElement[] = [];
  let thead: XElement | null = null;
  let tfoot: XElement | null = null;
  const body: XElement[] = [];
  let cells: XElement[] = [];
  const flushCells = () => {
    if (cells.length > 0) body.push(row(el('tr', {}, cells)));
    cells = [];
  };
  for (const child of block.children) {
    if (typeof child === 'string') {
      if (!isWhitespace(child)) fostered.push(child);
      continue;
    }
    if (child.name !== 'td' && child.name !== 'th') flushCells();
    switch (child.name) {
      case 'caption':
        if (caption) fostered.push(...normalizeFlow(child.children));
        else caption = { ...child, children: normalizeFlow(child.children) };
        break;
      case 'colgroup':
        colgroups.push(colgroup(child));
        break;
      case 'col':
        colgroups.push(el('colgroup', {}, [child]));
        break;
      case 'thead':
        if (thead) body.push(section({ ...child, name: 'tbody' }));
        else thead = section(child);
        break;
      case 'tfoot':
        if (tfoot) body.push(section({ ...child, name: 'tbody' }));
        else tfoot = section(child);
        break;
      case 'tbody':
        body.push(section(child));
        break;
      case 'tr':
        body.push(row(child));
        break;
      case 'td':
      case 'th':
        cells.push(child);
        break;
      default:
        fostered.push(...normalizeFlow([child]));
    }
  }
  flushCells();
  // A table has either row groups or bare rows, not both.
  const mixed = body.some((b) => b.name === 'tbody') && body.some((b) => b.name === 'tr');
  const rows: XElement[] = [];
  if (mixed) {
    let open: XElement | null = null;
    for (const part of body) {
      if (part.name === 'tr') {
        if (!open) {
          open = el('tbody');
          rows.push(open);
        }
        open.children.push(part);
      } else {
        open = null;
        rows.push(part);
      }
    }
  } else rows.push(...body);
  const children = [...(caption ? [caption] : []), ...colgroups, ...(thead ? [thead] : []), ...rows, ...(tfoot ? [tfoot] : [])];
  return [...fostered, { ...block, children }];
}

function colgroup(group: XElement): XElement {
  const cols = group.children.filter((child): child is XElement => isElement(child) && child.name === 'col');
  // `span` on a colgroup is only allowed when it has no col children.
  const attrs = cols.length > 0 ? tidyAttrs(group.attrs) : group.attrs;
  return { ...group, attrs, children: cols };
}

function section(group: XElement): XElement {
  const rows: XElement[] = [];
  let loose: XNode[] = [];
  const flush = () => {
    if (loose.some((node) => !isWhitespace(node))) rows.push(row(el('tr', {}, loose)));
    loose = [];
  };
  for (const child of group.children) {
    if (isElement(child) && child.name === 'tr') {
      flush();
      rows.push(row(child));
    } else loose.push(child);
  }
  flush();
  return { ...group, children: rows };
}

function row(tr: XElement): XElement {
  const cells: XElement[] = [];
  let loose: XNode[] = [];
  const flush = () => {
    if (loose.some((node) => !isWhitespace(node))) cells.push(el('td', {}, normalizeFlow(loose)));
    loose = [];
  };
  for (const child of tr.children) {
    if (isElement(child) && (child.name === 'td' || child.name === 'th')) {
      flush();
      cells.push({ ...child, children: normalizeFlow(child.children) });
    } else loose.push(child);
  }
  flush();
  return { ...tr, children: cells };
}

/** `details`: its summary first (HTML §4.11.1); other summaries become paragraphs. */
function details(block: XElement): XElement {
  let summary: XElement | null = null;
  const rest: XNode[] = [];
  for (const child of block.children) {
    if (!summary && isElement(child) && child.name === 'summary') {
      summary = hasBlock(child) ? { ...child, children: [flatText(child)] } : child;
    } else rest.push(child);
  }
  // The summary is required (HTML §4.11.1); browsers show "Details" when there is none.
  return { ...block, children: [summary ?? el('summary', {}, ['Details']), ...normalizeFlow(rest)] };
}

/** `figure`: one figcaption, first or last (HTML §4.4.12); others become plain blocks. */
function figure(block: XElement): XElement {
  const children = normalizeFlow(block.children.map((child) => (isElement(child) && child.name === 'figcaption' ? { ...child, name: '#figcaption' } : child)));
  const elements = children.filter(isElement);
  const captions = elements.filter((child) => child.name === '#figcaption');
  const keep = captions.length > 0 && (captions[0] === elements[0] || captions[0] === elements[elements.length - 1]) ? captions[0] : null;
  return {
    ...block,
    children: children.map((child) => {
      if (!isElement(child) || child.name !== '#figcaption') return child;
      return child === keep ? { ...child, name: 'figcaption' } : el('div', tidyAttrs(child.attrs), child.children);
    }),
  };
}

export function flatText(node: XElement): string {
  let text = '';
  for (const child of node.children) text += typeof child === 'string' ? child : ` ${flatText(child)} `;
  return text.replace(/\s+/g, ' ');
}
