// The wrangling audit log for admins (GET /admin/wrangling-log): who changed which tag, when, and
// what changed — the recorded before and after states, shown field by field.
import { html } from '../html.ts';
import type { SafeHtml } from '../html.ts';
import type { PageChrome, Pagination } from '../../present/view-models.ts';
import { layout } from './layout.ts';
import { formatDate } from './components/date.ts';
import { pagination } from './components/pagination.ts';

export interface LogChange {
  field: string;
  before: string;
  after: string;
}

export interface LogEntryView {
  at: string;
  actor: string;
  action: string;
  tagName: string;
  /** The tag's wrangling page. */
  tagUrl: string;
  changes: LogChange[];
}

export interface WranglingLogPage {
  entries: LogEntryView[];
  pagination: Pagination;
}

export const ACTION_LABELS: Record<string, string> = {
  canonical: 'Canonical',
  merge: 'Merge',
  unmerge: 'Unmerge',
  parent: 'Parent',
  meta: 'Meta tag',
  unwrangleable: 'Unwrangleable',
};

/** The fields of a recorded state (wrangling.repo.ts tagState), in the order they are shown. */
const FIELDS: ReadonlyArray<[key: string, label: string]> = [
  ['canonical', 'Canonical'],
  ['mergedInto', 'Synonym of'],
  ['parents', 'Parents'],
  ['metaTags', 'Meta tags'],
  ['unwrangleable', 'Unwrangleable'],
];

function show(value: unknown): string {
  if (value === true) return 'yes';
  if (value === false) return 'no';
  if (value === null || value === undefined) return 'none';
  if (Array.isArray(value)) return value.length > 0 ? value.map(String).join(', ') : 'none';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function asState(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * The fields that differ between two recorded states, as text. Both are JSON from the database,
 * so anything unexpected is shown as it is rather than trusted to have a shape.
 */
export function describeChanges(before: unknown, after: unknown): LogChange[] {
  const b = asState(before);
  const a = asState(after);
  const changes: LogChange[] = [];
  for (const [key, label] of FIELDS) {
    const was = show(b[key]);
    const now = show(a[key]);
    if (was !== now) changes.push({ field: label, before: was, after: now });
  }
  return changes;
}

/** "21 Nov 2026 12:05 UTC" inside <time datetime> with the exact instant. */
function when(iso: string): SafeHtml {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return html`${iso}`;
  return html`<time datetime="${date.toISOString()}">${formatDate(iso)} ${date.toISOString().slice(11, 16)} UTC</time>`;
}

function changeList(changes: readonly LogChange[]): SafeHtml {
  if (changes.length === 0) return html`<span class="empty">No change recorded</span>`;
  return html`<ul class="log-changes">${changes.map((c) => html`<li><span class="field">${c.field}:</span> ${c.before} <span aria-hidden="true">→</span><span class="visually-hidden"> changed to </span> ${c.after}</li>`)}</ul>`;
}

export function wranglingLogView(chrome: PageChrome, page: WranglingLogPage): string {
  const rows = page.entries.map(
    (e) => html`<tr>
<td>${when(e.at)}</td>
<td>${e.actor}</td>
<td>${ACTION_LABELS[e.action] ?? e.action}</td>
<td><a href="${e.tagUrl}">${e.tagName}</a></td>
<td>${changeList(e.changes)}</td>
</tr>`,
  );
  const table =
    page.entries.length === 0
      ? html`<p class="empty">Nothing has been wrangled yet.</p>`
      : html`<div class="table-wrap"><table class="wrangling-table wrangling-log">
<caption>Wrangling actions, newest first</caption>
<thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Tag</th><th scope="col">Changes</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`;
  return layout(
    chrome,
    html`<div class="wrangling">
<p class="breadcrumbs"><a href="/admin">Admin</a></p>
<h1>Wrangling log</h1>
${table}
${pagination(page.pagination)}
</div>`,
  );
}
