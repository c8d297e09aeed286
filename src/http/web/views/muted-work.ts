// A muted work in a listing: collapsed in a native <details>, its <summary> saying why ("Hidden
// because you muted the tag Character Death"), so one click — or Enter or Space, since a summary
// is a button to keyboards and screen readers, which also announce whether it is expanded —
// reveals it. No JavaScript, as every page here works without it. The work's title is not in the
// label: a title can hold the very thing the reader muted.
import { html, SafeHtml } from '../html.ts';
import type { WorkBlurb } from '../../present/view-models.ts';
import { blurb } from './components/blurb.ts';
import type { HeadingLevel } from './components/heading.ts';

const LIST = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });

/** "Hidden because you muted the tag X and the creator Y." */
export function mutedLabel(reasons: readonly string[]): string {
  return `Hidden because you muted ${LIST.format(reasons)}.`;
}

function collapsed(reasons: readonly string[], inner: SafeHtml): SafeHtml {
  return html`<details class="muted-work">
<summary><span class="muted-reason">${mutedLabel(reasons)}</span> <span class="muted-show" aria-hidden="true">Show</span></summary>
${inner}
</details>`;
}

/** An element's opening tag (attributes escaped by the html template), content and end. */
const LIST_ITEM = /^\s*<li\b([^>]*)>([\s\S]*)<\/li>\s*$/;

/**
 * `inner` collapsed behind its reasons; unchanged when there are none. A list item (a blurb) keeps
 * its <li> — an <ol> may hold nothing else — with the <details> inside it, so the work keeps its
 * place, its id anchor and the list's count for screen readers.
 */
export function mutedWorkCard(reasons: readonly string[] | undefined, inner: SafeHtml): SafeHtml {
  if (!reasons || reasons.length === 0) return inner;
  const item = LIST_ITEM.exec(inner.value);
  if (!item) return html`<div class="muted-work-card">${collapsed(reasons, inner)}</div>`;
  const attributes = item[1]!;
  const withClass = /\bclass="/.test(attributes) ? attributes.replace(/\bclass="/, 'class="muted ') : `${attributes} class="muted"`;
  return html`${new SafeHtml(`<li${withClass}>`)}${collapsed(reasons, new SafeHtml(item[2]!))}</li>`;
}

/** One blurb, collapsed when the reader muted it: the per-card call for listing pages. */
export function blurbOrMuted(work: WorkBlurb, reasons: ReadonlyMap<number, readonly string[]>, level: HeadingLevel = 3): SafeHtml {
  return mutedWorkCard(reasons.get(work.id), blurb(work, level));
}

/** blurbList with each muted work collapsed (AO3's `ol.work.index.group`). */
export function blurbListWithMutes(works: readonly WorkBlurb[], reasons: ReadonlyMap<number, readonly string[]>, level: HeadingLevel = 3): SafeHtml {
  return html`<ol class="work index group">${works.map((w) => blurbOrMuted(w, reasons, level))}</ol>`;
}
