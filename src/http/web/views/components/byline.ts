// Creator bylines, as AO3 prints them: "pseud (login)" when the pseud is not the account's login,
// otherwise just the login; several creators read "a, b and c". Anonymous works name nobody and
// link nowhere, so the page cannot leak who wrote them.
import { html, join } from '../../html.ts';
import type { SafeHtml } from '../../html.ts';
import type { CreatorLink } from '../../../present/view-models.ts';

export function creatorName(creator: CreatorLink): string {
  return creator.pseud === creator.login ? creator.login : `${creator.pseud} (${creator.login})`;
}

/** Joins parts as English prose: "a", "a and b", "a, b and c". */
export function sentence(parts: readonly SafeHtml[]): SafeHtml {
  if (parts.length <= 1) return join(parts);
  return html`${join(parts.slice(0, -1), ', ')} and ${parts[parts.length - 1]}`;
}

export function byline(creators: readonly CreatorLink[], anonymous: boolean): SafeHtml {
  // An empty creator list (every creator orphaned away) shows the same neutral word.
  if (anonymous || creators.length === 0) return html`<span class="anonymous">Anonymous</span>`;
  return sentence(creators.map((c) => html`<a rel="author" href="${c.url}">${creatorName(c)}</a>`));
}
