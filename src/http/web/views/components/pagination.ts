// Previous/next paging for listings. Missing directions render as plain text, not links, so the
// layout stays put and nobody tabs to a dead link.
import { html } from '../../html.ts';
import type { SafeHtml } from '../../html.ts';
import type { Pagination } from '../../../present/view-models.ts';

export function pagination(page: Pagination): SafeHtml {
  const previous = page.previousUrl
    ? html`<a rel="prev" href="${page.previousUrl}"><span aria-hidden="true">← </span>Previous<span class="visually-hidden"> page</span></a>`
    : html`<span class="disabled" aria-hidden="true">← Previous</span>`;
  const next = page.nextUrl
    ? html`<a rel="next" href="${page.nextUrl}">Next<span class="visually-hidden"> page</span><span aria-hidden="true"> →</span></a>`
    : html`<span class="disabled" aria-hidden="true">Next →</span>`;
  return html`<nav class="pagination" aria-label="Pagination">
<p class="summary">${page.summary}</p>
<ul class="actions"><li class="previous">${previous}</li><li class="next">${next}</li></ul>
</nav>`;
}
