// The page shell every server-rendered page shares. Landmarks (banner, navigation, main,
// contentinfo), a skip link and a real <title> are what screen-reader and keyboard users navigate
// by (WCAG 2.4.1, 2.4.2, 1.3.1). The notice sits inside <main> so the skip link does not skip it.
// No JavaScript: AO3 readers rely on pages that work without it.
import { html } from '../html.ts';
import type { SafeHtml } from '../html.ts';
import type { PageChrome } from '../../present/view-models.ts';
import { buttonForm } from './components/form.ts';

interface NavLink {
  label: string;
  href: string;
  className?: string;
}

/** Guests see how to get in; a logged-in user sees their own things (AO3's header, simplified). */
function navLinks(chrome: PageChrome): NavLink[] {
  const login = chrome.currentUser;
  if (!login) {
    return [
      { label: 'Works', href: '/works' },
      { label: 'Search', href: '/works/search' },
      { label: 'API', href: '/api' },
      { label: 'Log in', href: '/login' },
      { label: 'Sign up', href: '/signup' },
    ];
  }
  return [
    { label: 'Works', href: '/works' },
    { label: 'Search', href: '/works/search' },
    { label: 'Post New Work', href: '/works/new' },
    { label: login, href: `/users/${encodeURIComponent(login)}`, className: 'user' },
    { label: 'Inbox', href: `/users/${encodeURIComponent(login)}/inbox` },
    { label: 'Account', href: '/account' },
    ...(chrome.canWrangle ? [{ label: 'Tag Wrangling', href: '/tags/wrangle' }] : []),
    ...(chrome.isAdmin ? [{ label: 'Admin', href: '/admin' }] : []),
  ];
}

/**
 * aria-current="page" on the page itself; "true" on the section the page is inside. Only the most
 * specific link is marked, so /works/new marks "Post New Work" and not "Works" as well.
 */
function currentLink(path: string, links: readonly NavLink[]): { href: string; state: 'page' | 'true' } | null {
  const bare = path.split(/[?#]/)[0] ?? path;
  let best: { href: string; state: 'page' | 'true' } | null = null;
  for (const { href } of links) {
    const state = bare === href ? 'page' : bare.startsWith(`${href}/`) ? 'true' : null;
    if (state && (!best || href.length > best.href.length)) best = { href, state };
  }
  return best;
}

function navItems(chrome: PageChrome): SafeHtml {
  const links = navLinks(chrome);
  const current = currentLink(chrome.path, links);
  const items = links.map((item) => {
    const cls = item.className ? html` class="${item.className}"` : '';
    return current?.href === item.href
      ? html`<li${cls}><a href="${item.href}" aria-current="${current.state}">${item.label}</a></li>`
      : html`<li${cls}><a href="${item.href}">${item.label}</a></li>`;
  });
  // Logging out changes state, so it is a POST with the CSRF token, not a link; a plain form
  // works without JavaScript.
  const logout = chrome.currentUser
    ? html`<li class="logout">${buttonForm({ action: '/logout', csrfToken: chrome.csrfToken, label: 'Log out', className: 'logout-form' })}</li>`
    : '';
  return html`${items}${logout}`;
}

export function layout(chrome: PageChrome, body: SafeHtml): string {
  const title = chrome.title ? `${chrome.title} | ${chrome.siteName}` : chrome.siteName;
  const description = chrome.description ?? `${chrome.siteName}: an archive of fan works.`;
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
<nav aria-label="Main" class="site-nav"><ul>${navItems(chrome)}</ul></nav>
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
