// The work page's "Download" menu (AO3's download dropdown), as a <details> disclosure so it opens
// without JavaScript. One link per format, to /downloads/:id/:slug.:format.
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

export function downloadLinks(work: { id: number; title: string }): SafeHtml {
  const items = LABELS.map(([format, label]) => html`<li><a href="${downloadUrl(work.id, work.title, format)}">${label}</a></li>`);
  return html`<details class="download">
<summary>Download</summary>
<ul class="actions">${items}</ul>
</details>`;
}
