// "Block" / "Unblock" on a user's page (AO3's blocking): a one-button POST form that works without
// JavaScript and comes back to the page. Nothing for guests, nor on one's own page. Placed on the
// profile with `${blockControl(chrome, …)}`.
import { html } from '../html.ts';
import type { SafeHtml } from '../html.ts';
import type { PageChrome } from '../../present/view-models.ts';
import { buttonForm } from './components/form.ts';

export const blockedUrl = (login: string) => `/users/${encodeURIComponent(login)}/blocked`;

export interface BlockControl {
  userId: number;
  login: string;
  /** null: nothing to offer (a guest, or one's own page). */
  state: { blocked: boolean } | null;
}

export function blockControl(chrome: PageChrome, target: BlockControl): SafeHtml {
  const me = chrome.currentUser;
  if (!me || !target.state) return html``;
  const base = blockedUrl(me);
  if (target.state.blocked) {
    return html`<div class="block-control">${buttonForm({ action: `${base}/${target.userId}/delete`, csrfToken: chrome.csrfToken, label: 'Unblock', context: target.login, hidden: { return_to: chrome.path } })}<p class="hint">You have blocked ${target.login}: they cannot comment on your works or reply to your comments. <a href="${base}">Your blocked users</a></p></div>`;
  }
  return html`<div class="block-control">${buttonForm({ action: base, csrfToken: chrome.csrfToken, label: 'Block', context: target.login, hidden: { login: target.login, return_to: chrome.path }, describedBy: 'block-user-note' })}<p class="hint" id="block-user-note">Blocking stops them commenting on your works and replying to your comments. They are not told.</p></div>`;
}
