// The visible "subscribe" link beside a page's <link rel="alternate" type="application/atom+xml">
// (layout.ts renders that one from PageChrome.feedUrl), so readers without feed autodiscovery
// find the feed too. The hidden text names what the feed follows for screen-reader users.
import { html } from '../../html.ts';
import type { SafeHtml } from '../../html.ts';

export function feedLink(url: string | undefined, what: string): SafeHtml {
  if (!url) return html``;
  return html`<p class="feed"><a href="${url}" type="application/atom+xml">Subscribe to the feed<span class="visually-hidden"> of ${what}</span></a></p>`;
}
