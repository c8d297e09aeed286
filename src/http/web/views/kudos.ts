// The kudos block under a work (AO3's "Kudos ♥" button and "… left kudos on this work!"). The
// button is a plain POST form with the CSRF token, so it works without JavaScript; the notice
// after it sits beside the button, where the redirect's #kudos brings the reader.
import { html, join } from '../html.ts';
import type { SafeHtml } from '../html.ts';
import type { KudosBlock } from '../../present/kudos.ts';
import { csrfField, hiddenField } from './components/form.ts';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "ash, birch and 2 guests left kudos on this work!" */
function givers(block: KudosBlock): SafeHtml {
  if (block.total === 0) return html`<p class="kudos empty">No kudos yet.</p>`;
  const parts: SafeHtml[] = block.users.map((u) => html`<a href="${u.url}">${u.login}</a>`);
  if (block.moreUsers > 0) parts.push(html`${plural(block.moreUsers, 'more user', 'more users')}`);
  if (block.guests > 0) parts.push(html`${plural(block.guests, 'guest', 'guests')}`);
  const list = parts.length > 1 ? html`${join(parts.slice(0, -1), ', ')} and ${parts[parts.length - 1]!}` : parts[0]!;
  return html`<p class="kudos">${list} left kudos on this work!</p>`;
}

export function kudosSection(block: KudosBlock): SafeHtml {
  const form = block.action
    ? html`<form class="kudos-form" method="post" action="${block.action}">
${csrfField(block.csrfToken)}
${hiddenField('return_to', block.returnTo)}
<button type="submit" class="kudos-button">Kudos <span aria-hidden="true">♥</span></button>
</form>`
    : html``;
  return html`<section class="kudos-section" id="kudos" aria-labelledby="kudos-heading">
<h2 class="heading" id="kudos-heading">Kudos</h2>
${block.notice ? html`<p class="notice kudos-notice" role="status">${block.notice}</p>` : ''}
${form}
${givers(block)}
${block.statsUrl ? html`<p class="work-stats-link"><a href="${block.statsUrl}">Stats for this work</a></p>` : ''}
</section>`;
}
