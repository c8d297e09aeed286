// Dates in views. AO3 shows dates as "21 Nov 2026"; we format them in UTC so a page reads the same
// wherever the server runs, and wrap them in <time datetime> so machines (and screen readers that
// expose it) get the exact value.
import { html } from '../../html.ts';
import type { SafeHtml } from '../../html.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "21 Nov 2026" (UTC), or '' for a missing or unparseable date. */
export function formatDate(iso: string | null | undefined): string {
  const date = parse(iso);
  if (!date) return '';
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "2026-11-21": a valid date string for <time datetime>, at the precision we display. */
export function isoDay(iso: string | null | undefined): string {
  const date = parse(iso);
  return date ? date.toISOString().slice(0, 10) : '';
}

/** <time datetime="2026-11-21">21 Nov 2026</time>, or nothing when there is no date. */
export function timeTag(iso: string | null | undefined): SafeHtml {
  const text = formatDate(iso);
  if (!text) return html``;
  return html`<time datetime="${isoDay(iso)}">${text}</time>`;
}

/** Numbers with en-US thousands separators, as AO3 prints them ("12,345"). */
export function formatNumber(n: number): string {
  return n.toLocaleString('en-US');
}
