// "Mute this creator" on a creator's page and "Mute this tag" on a tag's page: one-button POST
// forms (CSRF field included) that work without JavaScript and come back to the page they were
// pressed on. Nothing is shown to guests, nor on one's own creator page (muting oneself is
// refused). Whether the reader has muted it already comes from services/personal-filters
// (muteStateFor), so the button offers the opposite.
import { html } from '../html.ts';
import type { SafeHtml } from '../html.ts';
import type { PageChrome } from '../../present/view-models.ts';
import { mutedUrl } from '../../present/personal-filters.ts';
import { buttonForm } from './components/form.ts';

export interface MuteCreatorControl {
  /** The creator whose page this is. */
  userId: number;
  login: string;
  /** Whether the reader has muted them (muteStateFor(…).user). */
  muted: boolean;
}

export function muteCreatorControl(chrome: PageChrome, creator: MuteCreatorControl): SafeHtml {
  const me = chrome.currentUser;
  if (!me || me.toLowerCase() === creator.login.toLowerCase()) return html``;
  const base = `${mutedUrl(me)}/users`;
  const form = creator.muted
    ? buttonForm({ action: `${base}/${creator.userId}/delete`, csrfToken: chrome.csrfToken, label: 'Unmute this creator', hidden: { return_to: chrome.path } })
    : buttonForm({ action: base, csrfToken: chrome.csrfToken, label: 'Mute this creator', hidden: { login: creator.login, return_to: chrome.path }, describedBy: 'mute-creator-note' });
  return html`<div class="mute-control">${form}${creator.muted ? html`<p class="hint">You have muted ${creator.login}: their works are collapsed in your listings.</p>` : html`<p class="hint" id="mute-creator-note">Muting collapses their works in your listings and searches. Only you see it.</p>`}</div>`;
}

export interface MuteTagControl {
  /** The tag muting acts on: the canonical tag for a synonym (TagView.filterTag). */
  tagId: number;
  name: string;
  muted: boolean;
}

export function muteTagControl(chrome: PageChrome, tag: MuteTagControl): SafeHtml {
  const me = chrome.currentUser;
  if (!me) return html``;
  const base = `${mutedUrl(me)}/tags`;
  const form = tag.muted
    ? buttonForm({ action: `${base}/${tag.tagId}/delete`, csrfToken: chrome.csrfToken, label: 'Unmute this tag', hidden: { return_to: chrome.path } })
    : buttonForm({ action: base, csrfToken: chrome.csrfToken, label: 'Mute this tag', hidden: { tag: tag.name, return_to: chrome.path }, describedBy: 'mute-tag-note' });
  return html`<div class="mute-control">${form}${tag.muted ? html`<p class="hint">You have muted ${tag.name}: works with it are collapsed in your listings.</p>` : html`<p class="hint" id="mute-tag-note">Muting collapses works with this tag, its synonyms and sub-tags in your listings and searches. Only you see it.</p>`}</div>`;
}
