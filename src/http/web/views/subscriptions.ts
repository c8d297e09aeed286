// A reader's subscriptions (/users/:login/subscriptions): the works, creators and series they
// follow, each with Unsubscribe. Something they may no longer see is listed without its name.
import { html } from '../html.ts';
import type { SafeHtml } from '../html.ts';
import type { PageChrome } from '../../present/view-models.ts';
import type { SubscriptionView } from '../../present/reader.ts';
import { layout } from './layout.ts';
import { timeTag } from './components/date.ts';
import { buttonForm } from './components/form.ts';

export interface SubscriptionsPage {
  inboxUrl: string;
  subscriptions: SubscriptionView[];
}

const SECTIONS: Array<{ kind: SubscriptionView['kind']; heading: string; gone: string }> = [
  { kind: 'work', heading: 'Works', gone: 'A work you can no longer see' },
  { kind: 'creator', heading: 'Creators', gone: 'An account that no longer exists' },
  { kind: 'series', heading: 'Series', gone: 'A series you can no longer see' },
];

function item(chrome: PageChrome, s: SubscriptionView, gone: string): SafeHtml {
  const name = s.title ?? gone;
  return html`<li><span class="subscription-name">${s.url ? html`<a href="${s.url}">${name}</a>` : name}</span>
<span class="datetime">since ${timeTag(s.createdAt)}</span>
${buttonForm({ action: `/subscriptions/${s.id}/delete`, csrfToken: chrome.csrfToken, label: 'Unsubscribe', context: `from ${name}`, hidden: { return_to: chrome.path } })}</li>`;
}

export function subscriptionsView(chrome: PageChrome, page: SubscriptionsPage): string {
  const sections = SECTIONS.map(({ kind, heading, gone }) => {
    const list = page.subscriptions.filter((s) => s.kind === kind);
    return html`<section class="account-section" aria-labelledby="subscriptions-${kind}">
<h2 id="subscriptions-${kind}">${heading}</h2>
${list.length > 0 ? html`<ul class="subscription-list">${list.map((s) => item(chrome, s, gone))}</ul>` : html`<p class="empty">None.</p>`}
</section>`;
  });
  return layout(
    chrome,
    html`<div class="subscriptions-page">
<h1>Subscriptions</h1>
<p class="intro">New chapters of these works, new works by these creators and new works in these series arrive in your <a href="${page.inboxUrl}">inbox</a>, and by email as your <a href="/account#account-reading">preferences</a> say.</p>
${sections}
</div>`,
  );
}
