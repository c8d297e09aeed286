// The posting workflow's smaller pages: the preview's notice and actions (shown above the work as
// readers will see it), a writer's drafts, the delete and orphan confirmations, and co-creator
// invitations with Accept / Decline. Every state change is a POST form with the CSRF field.
import { html } from '../html.ts';
import type { SafeHtml } from '../html.ts';
import type { PageChrome } from '../../present/view-models.ts';
import { layout } from './layout.ts';
import { timeTag } from './components/date.ts';
import { buttonForm, checkbox, csrfField, hiddenField, submitButton } from './components/form.ts';

export interface PreviewActions {
  /** What is being previewed, for the notice. */
  kind: 'work' | 'chapter';
  /** Whether readers can already see it (a posted work's posted chapter). */
  posted: boolean;
  editUrl: string;
  /** Where "Save as Draft" leaves it: the drafts list or the chapter list. */
  draftUrl: string;
  /** POST here to post it; null when it is posted already. */
  postAction: string | null;
  /** Titles of chapters that are still drafts. */
  draftChapters: string[];
}

export function previewTop(chrome: PageChrome, p: PreviewActions): SafeHtml {
  const what = p.kind === 'work' ? 'work' : 'chapter';
  const status = p.posted
    ? html`<p>Readers can already see this ${what}.</p>`
    : html`<p>This is a preview of your draft: only you can see it until you post it. This is how it will look to readers.</p>`;
  const drafts =
    p.posted && p.draftChapters.length > 0
      ? html`<p>Draft chapters (not visible to readers yet): ${p.draftChapters.join(', ')}.</p>`
      : '';
  return html`<section class="preview-notice notice" aria-label="Preview">
<p class="preview-label"><strong>Preview</strong></p>
${status}
${drafts}
<ul class="actions">
<li><a href="${p.editUrl}">Edit</a></li>
${p.postAction ? html`<li><a href="${p.draftUrl}">Save as Draft</a></li>` : ''}
${p.postAction ? html`<li>${buttonForm({ action: p.postAction, csrfToken: chrome.csrfToken, label: 'Post', context: `this ${what}`, className: 'preview-post-form' })}</li>` : ''}
</ul>
</section>`;
}

export interface DraftItem {
  title: string;
  previewUrl: string;
  editUrl: string;
  postAction: string;
  deleteUrl: string;
  updatedAt: string;
}

export function draftsView(chrome: PageChrome, page: { login: string; drafts: DraftItem[] }): string {
  const items = page.drafts.map(
    (d, i) => html`<li class="draft">
<h2 class="heading" id="draft-${i}"><a href="${d.previewUrl}">${d.title}</a></h2>
<p class="datetime">Last saved ${timeTag(d.updatedAt)}</p>
<ul class="actions" aria-labelledby="draft-${i}">
<li><a href="${d.previewUrl}">Preview<span class="visually-hidden"> ${d.title}</span></a></li>
<li><a href="${d.editUrl}">Edit<span class="visually-hidden"> ${d.title}</span></a></li>
<li>${buttonForm({ action: d.postAction, csrfToken: chrome.csrfToken, label: 'Post', context: d.title })}</li>
<li><a href="${d.deleteUrl}">Delete<span class="visually-hidden"> ${d.title}</span></a></li>
</ul>
</li>`,
  );
  return layout(
    chrome,
    html`<div class="posting drafts">
<h1>Drafts</h1>
<p>Drafts are visible only to you. Post one to make it public.</p>
${page.drafts.length > 0 ? html`<ol class="draft-list">${items}</ol>` : html`<p class="empty">You have no drafts. <a href="/works/new">Post a new work</a>.</p>`}
</div>`,
  );
}

export function deleteWorkView(chrome: PageChrome, page: { title: string; action: string; cancelUrl: string }): string {
  return layout(
    chrome,
    html`<div class="posting confirm">
<h1>Delete work</h1>
<p>Are you sure you want to delete <strong>${page.title}</strong>? Its chapters, tags, comments and kudos go with it. This cannot be undone.</p>
<form method="post" action="${page.action}">
${csrfField(chrome.csrfToken)}
${submitButton('Yes, delete this work', { danger: true })}
</form>
<p><a href="${page.cancelUrl}">No, keep it</a></p>
</div>`,
  );
}

export function orphanWorkView(chrome: PageChrome, page: { title: string; action: string; cancelUrl: string }): string {
  return layout(
    chrome,
    html`<div class="posting confirm">
<h1>Orphan work</h1>
<p>Orphaning <strong>${page.title}</strong> takes your name off it for good: it stays on the archive, credited to <em>orphan_account</em>, and you can no longer edit or delete it. Co-creators stay credited.</p>
<form method="post" action="${page.action}">
${csrfField(chrome.csrfToken)}
${checkbox({ id: 'orphan_keep_pseud', name: 'keep_pseud_name', label: 'Keep my pseud name on the work', checked: false, hint: 'The work will read "your pseud (orphan_account)" instead of just orphan_account; it is no longer linked to your account either way.' })}
${submitButton('Yes, orphan this work', { danger: true })}
</form>
<p><a href="${page.cancelUrl}">No, keep it</a></p>
</div>`,
  );
}

export interface InvitationItem {
  workTitle: string;
  /** "by a and b", or '' for anonymous works. */
  invitedBy: string;
  pseud: string;
  workId: number;
  pseudId: number;
}

export function creatorshipsView(chrome: PageChrome, page: { action: string; invitations: InvitationItem[] }): string {
  const items = page.invitations.map(
    (inv, i) => html`<li class="invitation">
<h2 class="heading" id="invitation-${i}">${inv.workTitle}</h2>
<p>${inv.invitedBy ? html`${inv.invitedBy} invited` : 'You are invited'} your pseud <strong>${inv.pseud}</strong> to be listed as a co-creator.</p>
<form method="post" action="${page.action}" class="inline-form">
${csrfField(chrome.csrfToken)}
${hiddenField('work_id', String(inv.workId))}
${hiddenField('pseud_id', String(inv.pseudId))}
<button type="submit" name="decision" value="accept" aria-describedby="invitation-${i}">Accept</button>
<button type="submit" name="decision" value="decline" aria-describedby="invitation-${i}">Decline</button>
</form>
</li>`,
  );
  return layout(
    chrome,
    html`<div class="posting creatorships">
<h1>Co-creator invitations</h1>
${page.invitations.length > 0 ? html`<ul class="invitation-list">${items}</ul>` : html`<p class="empty">You have no invitations waiting.</p>`}
</div>`,
  );
}

/** The creators' actions above their own posted work (AO3's "Edit / Add Chapter / Delete" row). */
export function creatorActions(workId: number): SafeHtml {
  return html`<nav class="creator-actions" aria-label="Your work">
<ul class="actions">
<li><a href="/works/${workId}/edit">Edit Work</a></li>
<li><a href="/works/${workId}/chapters/new">Add Chapter</a></li>
<li><a href="/works/${workId}/chapters/manage">Manage Chapters</a></li>
<li><a href="/works/${workId}/orphan">Orphan Work</a></li>
<li><a href="/works/${workId}/delete">Delete Work</a></li>
</ul>
</nav>`;
}
