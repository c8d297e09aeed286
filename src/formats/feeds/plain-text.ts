// Sanitized HTML → readable plain text, for places that may not hold markup (OPDS summaries,
// OPDS 1.2 §5.1.3). Paragraph-like elements become line breaks; everything else is its text.
import { parseDocument } from 'htmlparser2';

type Node = ReturnType<typeof parseDocument>['children'][number];

const BLOCKS = new Set(['p', 'div', 'blockquote', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'hr', 'table', 'tr', 'dl', 'dt', 'dd', 'center', 'details', 'summary', 'figure', 'figcaption', 'address']);

function walk(nodes: readonly Node[], out: string[]): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      out.push(node.data.replace(/\s+/g, ' '));
    } else if ('name' in node && 'children' in node) {
      if (node.name === 'br') {
        out.push('\n');
        continue;
      }
      const block = BLOCKS.has(node.name);
      if (block) out.push('\n\n');
      walk(node.children as Node[], out);
      if (block) out.push('\n\n');
    }
  }
}

export function htmlToText(html: string): string {
  const out: string[] = [];
  walk(parseDocument(html, { decodeEntities: true }).children, out);
  return out
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
