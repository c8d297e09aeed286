// The "Download" menu (AO3's download dropdown) of the work and series pages, as a <details>
// disclosure so it opens without JavaScript. One link per format: /downloads/:id/:slug.:format for
// a work, /downloads/series/:id/:slug.:format for a series (pass seriesDownloadUrl).
import { html } from '../../html.ts';
import type { SafeHtml } from '../../html.ts';
import { downloadUrl, type ExportFormat } from '../../../../formats/export/index.ts';

const LABELS: Array<[ExportFormat, string]> = [
  ['epub', 'EPUB'],
  ['azw3', 'AZW3'],
  ['mobi', 'MOBI'],
  ['pdf', 'PDF'],
  ['html', 'HTML'],
  ['txt', 'Plain text'],
  ['md', 'Markdown'],
];

export function downloadLinks(target: { id: number; title: string }, urlOf: (id: number, title: string, format: ExportFormat) => string = downloadUrl): SafeHtml {
  const items = LABELS.map(([format, label]) => html`<li><a href="${urlOf(target.id, target.title, format)}">${label}</a></li>`);
  return html`<details class="download">
<summary>Download</summary>
<ul class="actions">${items}</ul>
</details>`;
}
