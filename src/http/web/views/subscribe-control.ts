// The Subscribe / Unsubscribe button on work, creator and series pages: a one-button POST form
// that works without JavaScript and returns to the page it was pressed on. Nothing for guests,
// suspended accounts, or on one's own creator page (routes pass null then).
import { html } from '../html.ts';
import type { SafeHtml } from '../html.ts';
import type { PageChrome } from '../../present/view-models.ts';
import { buttonForm } from './components/form.ts';

export interface SubscribeControl {
  kind: 'work' | 'creator' | 'series';
  targetId: number;
  /** The reader's subscription, when they have one. */
  subscriptionId: number | null;
  /** Said to screen readers after the label: "Subscribe" + " to Moonlit Harbour". */
  name: string;
}

const WHAT: Record<SubscribeControl['kind'], string> = {
  work: 'You will hear of new chapters in your inbox',
  creator: 'You will hear of their new works in your inbox',
  series: 'You will hear of new works in this series in your inbox',
};

/** What subscribing does, for the Subscribe button's aria-describedby. */
export function subscribeHint(kind: SubscribeControl['kind']): SafeHtml {
  return html`<p class="hint" id="subscribe-${kind}-hint">${WHAT[kind]}, and by email as your <a href="/account#account-reading">preferences</a> say.</p>`;
}

/** `separateHint`: the caller places subscribeHint() itself (beside other buttons, below them). */
export function subscribeControl(chrome: PageChrome, control: SubscribeControl | null, options: { separateHint?: boolean } = {}): SafeHtml {
  if (!control || !chrome.currentUser) return html``;
  const hintId = `subscribe-${control.kind}-hint`;
  if (control.subscriptionId !== null) {
    return html`<div class="subscribe-control">${buttonForm({
      action: `/subscriptions/${control.subscriptionId}/delete`,
      csrfToken: chrome.csrfToken,
      label: 'Unsubscribe',
      context: `from ${control.name}`,
      hidden: { return_to: chrome.path },
    })}</div>`;
  }
  return html`<div class="subscribe-control">${buttonForm({
    action: '/subscriptions',
    csrfToken: chrome.csrfToken,
    label: 'Subscribe',
    context: `to ${control.name}`,
    hidden: { kind: control.kind, id: String(control.targetId), return_to: chrome.path },
    describedBy: hintId,
  })}${options.separateHint ? '' : subscribeHint(control.kind)}</div>`;
}
