// Tags as links. AO3 renders tag lists as <ul class="tags commas"> and draws the commas with CSS,
// so screen readers announce a list with its length while sighted readers see a comma run.
import { html, join } from '../../html.ts';
import type { SafeHtml } from '../../html.ts';
import type { TagLink } from '../../../present/view-models.ts';

export function tagLink(tag: TagLink): SafeHtml {
  return html`<a class="tag" href="${tag.url}">${tag.name}</a>`;
}

/** <ul class="tags commas"> with one <li> per tag; empty output for no tags. */
export function tagList(tags: readonly TagLink[], className = ''): SafeHtml {
  if (tags.length === 0) return html``;
  const items = tags.map((tag) => html`<li class="${tag.type}">${tagLink(tag)}</li>`);
  return html`<ul class="${className ? `tags commas ${className}` : 'tags commas'}">${items}</ul>`;
}

/** Inline, comma-separated links, for places where a list would be too heavy (a blurb's fandoms). */
export function inlineTags(tags: readonly TagLink[]): SafeHtml {
  return join(tags.map(tagLink), ', ');
}
