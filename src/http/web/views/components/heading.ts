// A heading whose level depends on where a component is placed (a blurb is an h2 in a listing but
// an h3 under a page's "Recent works" h2), keeping the outline correct (WCAG 1.3.1).
import { SafeHtml, html } from '../../html.ts';

export type HeadingLevel = 2 | 3 | 4 | 5;

export function heading(level: HeadingLevel, className: string, content: SafeHtml): SafeHtml {
  // `level` is a numeric literal union, so the tag name cannot carry input into the markup.
  const open = new SafeHtml(`<h${level}`);
  const close = new SafeHtml(`</h${level}>`);
  return html`${open} class="${className}">${content}${close}`;
}
