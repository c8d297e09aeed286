// Plain text and Markdown from the prepared tree (fragment.ts). Both are for reading as they are:
// paragraphs separated by a blank line and not wrapped (readers reflow them), headings, lists,
// quotes, scene breaks as "* * *", links as "text (URL)" in plain text and as CommonMark links in
// Markdown, emphasis as *…* and **…** in Markdown. Markdown output escapes what CommonMark would
// otherwise read as markup (CommonMark 0.31 §2.4, backslash escapes), so the text renders as
// written.
import { isElement, xmlSafe, type XElement, type XNode } from './xml.ts';

export type TextFlavor = 'txt' | 'md';

interface Ctx {
  md: boolean;
  /** Heading levels inside the text start below the chapter heading. */
  headingBase: number;
}

const HEADINGS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
const BLOCK = new Set([
  'p', 'div', 'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th',
  'caption', 'colgroup', 'col', 'hr', 'pre', 'figure', 'figcaption', 'details', 'summary', 'address', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
]);

/** Text blocks (paragraphs, headings, lists…) from flow content; join them with blank lines. */
export function textBlocks(nodes: readonly XNode[], flavor: TextFlavor, headingBase = 2): string[] {
  return blocks(nodes, { md: flavor === 'md', headingBase });
}

/** A fragment as plain text: its blocks separated by blank lines. */
export function plainText(nodes: readonly XNode[]): string {
  return textBlocks(nodes, 'txt').join('\n\n');
}

function blocks(nodes: readonly XNode[], ctx: Ctx): string[] {
  const out: string[] = [];
  let inline: XNode[] = [];
  const flush = () => {
    if (inline.length === 0) return;
    const text = paragraph(inlineText(inline, ctx), ctx);
    if (text) out.push(text);
    inline = [];
  };
  for (const node of nodes) {
    if (isElement(node) && BLOCK.has(node.name)) {
      flush();
      out.push(...block(node, ctx));
    } else inline.push(node);
  }
  flush();
  return out;
}

function block(node: XElement, ctx: Ctx): string[] {
  const level = HEADINGS[node.name];
  if (level) {
    const text = paragraph(inlineText(node.children, ctx), ctx).replace(/\n+/g, ' ');
    if (!text) return [];
    return [ctx.md ? `${'#'.repeat(Math.min(6, level + ctx.headingBase))} ${text}` : text];
  }
  switch (node.name) {
    case 'hr':
      return ['* * *'];
    case 'pre': {
      const text = preText(node.children).replace(/^\n/, '').replace(/\s+$/, '');
      if (!text) return [];
      if (!ctx.md) return [text];
      const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
      return [`${fence}\n${text}\n${fence}`];
    }
    case 'blockquote': {
      const inner = blocks(node.children, ctx).join('\n\n');
      if (!inner) return [];
      return [prefixLines(inner, ctx.md ? '> ' : '    ', ctx.md ? '>' : '')];
    }
    case 'ul':
    case 'ol':
      return list(node, ctx);
    case 'dl': {
      const out: string[] = [];
      for (const child of node.children) {
        if (!isElement(child)) continue;
        const text = blocks(child.children, ctx).join('\n\n');
        if (!text) continue;
        if (child.name === 'dt') out.push(ctx.md ? `**${text.replace(/\n+/g, ' ')}**` : text);
        else out.push(prefixLines(text, '    ', ''));
      }
      return out;
    }
    case 'table':
      return table(node, ctx);
    default:
      return blocks(node.children, ctx);
  }
}

function list(node: XElement, ctx: Ctx): string[] {
  const items: string[] = [];
  let number = node.name === 'ol' && node.attrs.start ? Number(node.attrs.start) : 1;
  for (const child of node.children) {
    if (!isElement(child)) continue;
    const marker = node.name === 'ol' ? `${number++}. ` : ctx.md ? '- ' : '• ';
    const text = blocks(child.children, ctx).join('\n\n');
    const indent = ' '.repeat(marker.length);
    items.push(marker + text.split('\n').map((line, i) => (i === 0 || line === '' ? line : indent + line)).join('\n'));
  }
  return items.length > 0 ? [items.join('\n')] : [];
}

function table(node: XElement, ctx: Ctx): string[] {
  const rows: XElement[] = [];
  const collect = (parent: XElement) => {
    for (const child of parent.children) {
      if (!isElement(child)) continue;
      if (child.name === 'tr') rows.push(child);
      else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') collect(child);
    }
  };
  collect(node);
  const caption = node.children.find((c): c is XElement => isElement(c) && c.name === 'caption');
  const out: string[] = [];
  if (caption) out.push(...blocks(caption.children, ctx));
  const cells = rows.map((tr) =>
    tr.children.filter(isElement).map((cell) => ({
      text: blocks(cell.children, ctx).join(' ').replace(/\s*\n\s*/g, ' ').trim(),
      spans: Boolean(cell.attrs.colspan && cell.attrs.colspan !== '1') || Boolean(cell.attrs.rowspan && cell.attrs.rowspan !== '1'),
    })),
  );
  if (cells.length === 0) return out;
  const width = Math.max(...cells.map((r) => r.length));
  // A GitHub-flavoured table when the grid is regular; otherwise one line per row.
  if (ctx.md && width > 0 && !cells.some((r) => r.some((c) => c.spans))) {
    const line = (r: Array<{ text: string }>) => `| ${Array.from({ length: width }, (_, i) => (r[i]?.text ?? '').replace(/\|/g, '\\|')).join(' | ')} |`;
    out.push([line(cells[0]!), `|${' --- |'.repeat(width)}`, ...cells.slice(1).map(line)].join('\n'));
  } else {
    out.push(cells.map((r) => r.map((c) => c.text).join(' | ')).join('\n'));
  }
  return out;
}

function prefixLines(text: string, prefix: string, emptyPrefix: string): string {
  return text.split('\n').map((line) => (line === '' ? emptyPrefix : prefix + line)).join('\n');
}

function longestRun(text: string, char: string): number {
  let best = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

function preText(nodes: readonly XNode[]): string {
  let text = '';
  for (const node of nodes) {
    if (typeof node === 'string') text += node;
    else if (node.name === 'br') text += '\n';
    else text += preText(node.children);
  }
  return text;
}

// Inline content is rendered with "\n" for line breaks and the whitespace of the source collapsed.
const BREAK = '\u0000';

function inlineText(nodes: readonly XNode[], ctx: Ctx): string {
  let out = '';
  for (const node of nodes) out += typeof node === 'string' ? text(node, ctx) : inlineElement(node, ctx);
  return out;
}

function text(value: string, ctx: Ctx): string {
  const collapsed = xmlSafe(value).replace(/[\t\n\f\r ]+/g, ' ');
  return ctx.md ? escapeMarkdown(collapsed) : collapsed;
}

/** Wraps text in a delimiter, keeping surrounding spaces outside it (CommonMark flanking rules). */
function delimit(inner: string, open: string, close = open): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
  if (!match[2]) return inner;
  return `${match[1]}${open}${match[2]}${close}${match[3]}`;
}

function inlineElement(node: XElement, ctx: Ctx): string {
  switch (node.name) {
    case 'br':
      return BREAK;
    case 'img': {
      const alt = node.attrs.alt ?? '';
      if (ctx.md) return `![${escapeMarkdown(alt)}](${markdownUrl(node.attrs.src ?? '')})`;
      return `[Image${alt ? `: ${alt}` : ''}] (${node.attrs.src ?? ''})`;
    }
    case 'em': case 'i': case 'cite': case 'dfn': case 'var':
      return ctx.md ? delimit(inlineText(node.children, ctx), '*') : inlineText(node.children, ctx);
    case 'strong': case 'b':
      return ctx.md ? delimit(inlineText(node.children, ctx), '**') : inlineText(node.children, ctx);
    case 's': case 'del':
      return ctx.md ? delimit(inlineText(node.children, ctx), '~~') : inlineText(node.children, ctx);
    case 'code': case 'kbd': case 'samp': {
      if (!ctx.md) return inlineText(node.children, { ...ctx, md: false });
      const raw = preText(node.children).replace(/\s+/g, ' ');
      if (!raw.trim()) return raw;
      const ticks = '`'.repeat(longestRun(raw, '`') + 1);
      const pad = raw.startsWith('`') || raw.endsWith('`') ? ' ' : '';
      return `${ticks}${pad}${raw}${pad}${ticks}`;
    }
    case 'q':
      return `“${inlineText(node.children, ctx)}”`;
    case 'rt':
      return `(${inlineText(node.children, ctx)})`;
    case 'rp':
      return '';
    case 'a':
      return link(node, ctx);
    default:
      return inlineText(node.children, ctx);
  }
}

function link(node: XElement, ctx: Ctx): string {
  const label = inlineText(node.children, ctx);
  const href = node.attrs.href;
  // In-text anchors (footnotes) have no address outside the book: their text is enough.
  if (!href || href.includes('#') && !/^[a-z]+:/i.test(href)) return label;
  const shown = href.replace(/^mailto:/, '');
  if (ctx.md) {
    if (!label.trim()) return `<${href}>`;
    return `[${label}](${markdownUrl(href)})`;
  }
  const plainLabel = label.trim();
  if (!plainLabel || plainLabel === href || plainLabel === shown) return href === shown ? href : shown;
  return `${label} (${href})`;
}

function markdownUrl(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
}

/** Trims the lines of a paragraph; in Markdown, line breaks become hard breaks. */
function paragraph(value: string, ctx: Ctx): string {
  const lines = value
    .split(BREAK)
    .map((line) => line.replace(/ +/g, ' ').trim());
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) return '';
  if (!ctx.md) return lines.join('\n');
  // A hard line break is two trailing spaces (CommonMark §6.7); an empty line would end the
  // paragraph, so empty lines keep a non-breaking space.
  return lines.map((line, i) => escapeLineStart(line || '\u00a0') + (i < lines.length - 1 ? '  ' : '')).join('\n');
}

/** Characters that start markup anywhere in a line. */
function escapeMarkdown(value: string): string {
  return value.replace(/[\\`*_[\]<>~]/g, '\\$&').replace(/&(?=#?[a-zA-Z0-9]+;)/g, '\\&');
}

/** Characters that start a block only at the beginning of a line: headings, quotes, lists, rules. */
function escapeLineStart(line: string): string {
  return line
    .replace(/^(#{1,6}(?:\s|$))/, '\\$1')
    .replace(/^([>])/, '\\$1')
    .replace(/^([+-](?:\s|$))/, '\\$1')
    .replace(/^([=-])(?=[\s=-]*$)/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** Plain text (a title, a tag) made safe to place in a line of Markdown. */
export function markdownLine(value: string): string {
  return escapeLineStart(escapeMarkdown(xmlSafe(value).replace(/\s+/g, ' ').trim()));
}
