// The page shell every server-rendered page shares. Landmarks (banner, navigation, main,
// contentinfo), a skip link and a real <title> are what screen-reader and keyboard users navigate
// by (WCAG 2.4.1, 2.4.2, 1.3.1). The notice sits inside <main> so the skip link does not skip it.
// No JavaScript: AO3 readers rely on pages that work without it.
import { html } from '../html.ts';
import type { SafeHtml } from '../html.ts';
import type { PageChrome } from '../../present/view-models.ts';

const NAV: ReadonlyArray<{ label: string; href: string }> = [
  { label: 'Works', href: '/works' },
  { label: 'API', href: '/api' },
];

/** aria-current="page" on the page itself; "true" on the section the page is inside. */
function current(path: string, href: string): string | null {
  const bare = path.split(/[?#]/)[0] ?? path;
  if (bare === href) return 'page';
  if (bare.startsWith(`${href}/`)) return 'true';
  return null;
}

function navItem(path: string, item: { label: string; href: string }): SafeHtml {
  const state = current(path, item.href);
  return state
    ? html`<li><a href="${item.href}" aria-current="${state}">${item.label}</a></li>`
    : html`<li><a href="${item.href}">${item.label}</a></li>`;
}

export function layout(chrome: PageChrome, body: SafeHtml): string {
  const title = chrome.title ? `${chrome.title} | ${chrome.siteName}` : chrome.siteName;
  const description = chrome.description ?? `${chrome.siteName}: an archive of fan works.`;
  const user = chrome.currentUser
    ? html`<li class="user"><a href="/users/${encodeURIComponent(chrome.currentUser)}">${chrome.currentUser}</a></li>`
    : '';
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="description" content="${description}">
<meta name="color-scheme" content="light dark">
<link rel="stylesheet" href="/static/css/owlery.css">
${chrome.feedUrl ? html`<link rel="alternate" type="application/atom+xml" title="${`${chrome.title || chrome.siteName} feed`}" href="${chrome.feedUrl}">` : ''}
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header role="banner" class="site-header">
<p class="site-name"><a href="/" rel="home">${chrome.siteName}</a></p>
<nav aria-label="Main" class="site-nav"><ul>${NAV.map((item) => navItem(chrome.path, item))}${user}</ul></nav>
</header>
<main id="main" tabindex="-1">
${chrome.notice ? html`<div class="notice" role="status">${chrome.notice}</div>` : ''}
${body}
</main>
<footer class="site-footer">
<p>Powered by Owlery · <a href="/api">API documentation</a></p>
</footer>
</body>
</html>
`;
  return page.value;
}
