// The comments section under a work or chapter (AO3's #comments: the "Post Comment" form, then
// the threads), and the pieces the comment pages reuse: one comment with its replies, and the
// comment form. Threads are nested ordered lists, each comment headed by its author, so screen
// readers can move through them by heading or by list. Every action is a plain POST form or a
// link, so all of it works without JavaScript.
import { html, raw } from '../html.ts';
import type { SafeHtml } from '../html.ts';
import type { PageChrome, Pagination } from '../../present/view-models.ts';
import type { CommentView } from '../../present/comments.ts';
import { COMMENT_ELEMENTS } from '../../../formats/sanitize-comment.ts';
import { MAX_COMMENT_LENGTH, MAX_GUEST_EMAIL, MAX_GUEST_NAME } from '../../../domain/comment-rules.ts';
import { timeTag } from './components/date.ts';
import { buttonForm, csrfField, hiddenField, selectField, textArea, textField } from './components/form.ts';
import { pagination } from './components/pagination.ts';

export interface CommentFormView {
  action: string;
  /** Ids of this form's fields start with it: "comment", "reply" or "edit". */
  prefix: string;
  legend: string;
  submitLabel: string;
  problem: string | null;
  /** Where to send a guest to log in, when logging in would let them comment. */
  loginUrl: string | null;
  guest: boolean;
  moderated: boolean;
  pseuds: Array<{ id: number; name: string }>;
  values: { body?: string; guestName?: string; guestEmail?: string; pseudId?: string };
  errors: Record<string, string>;
  returnTo?: string;
}

const ALLOWED_HINT = `Plain text with limited HTML: ${COMMENT_ELEMENTS.join(', ')}. A blank line starts a new paragraph. At most ${MAX_COMMENT_LENGTH.toLocaleString('en-US')} characters.`;

/** The ids a form's error keys point at, for the error summary. */
export function commentFieldId(prefix: string, key: string): string | null {
  const ids: Record<string, string> = { body: `${prefix}_body`, guestName: `${prefix}_name`, guestEmail: `${prefix}_email`, pseudId: `${prefix}_pseud` };
  return ids[key] ?? null;
}

export function commentForm(chrome: PageChrome, f: CommentFormView): SafeHtml {
  if (f.problem) {
    return html`<p class="comment-closed" id="${f.prefix}_closed">${f.problem}${f.loginUrl ? html` <a href="${f.loginUrl}">Log in</a>` : ''}</p>`;
  }
  const guestFields = f.guest
    ? html`${textField({ id: `${f.prefix}_name`, name: 'name', label: 'Name', type: 'text', required: true, maxlength: MAX_GUEST_NAME, autocomplete: 'name', value: f.values.guestName, error: f.errors.guestName })}
${textField({ id: `${f.prefix}_email`, name: 'email', label: 'Email', type: 'email', required: true, maxlength: MAX_GUEST_EMAIL, autocomplete: 'email', hint: 'Never shown to anyone.', value: f.values.guestEmail, error: f.errors.guestEmail })}`
    : '';
  const pseud =
    f.pseuds.length > 1
      ? selectField({ id: `${f.prefix}_pseud`, name: 'pseud_id', label: 'Comment as', options: f.pseuds.map((p) => ({ value: String(p.id), label: p.name })), selected: f.values.pseudId ?? String(f.pseuds[0]!.id), error: f.errors.pseudId })
      : '';
  const formError = f.errors._ ? html`<p class="error-message"><span class="visually-hidden">Error: </span>${f.errors._}</p>` : '';
  return html`<form class="comment-form" method="post" action="${f.action}" id="${f.prefix}_form">
${csrfField(chrome.csrfToken)}${f.returnTo ? hiddenField('return_to', f.returnTo) : ''}
<fieldset>
<legend>${f.legend}</legend>
${formError}
${guestFields}
${pseud}
${textArea({ id: `${f.prefix}_body`, name: 'body', label: 'Comment', rows: 6, required: true, maxlength: MAX_COMMENT_LENGTH, hint: ALLOWED_HINT, value: f.values.body, error: f.errors.body })}
${f.moderated ? html`<p class="hint">Comments on this work are moderated: yours will appear once the creator approves it.</p>` : ''}
<p class="submit"><button type="submit">${f.submitLabel}</button></p>
</fieldset>
</form>`;
}

function byline(c: CommentView): SafeHtml {
  const a = c.author!;
  const name = a.url ? html`<a href="${a.url}">${a.name}</a>` : html`<span class="name">${a.name}</span>`;
  return html`${name}${a.guest ? html` <span class="role">(Guest)</span>` : ''}${c.chapterLabel ? html` <span class="parent">on ${c.chapterLabel}</span>` : ''}`;
}

function markers(c: CommentView): SafeHtml {
  const notes: SafeHtml[] = [];
  if (c.held) notes.push(html`<p class="comment-status held">${c.mine ? 'Your comment is awaiting the creator’s approval; only you and the creator can see it.' : 'Awaiting your approval: only you and its author can see it.'}</p>`);
  if (c.hidden) notes.push(html`<p class="comment-status hidden">Hidden by the work’s creator: only the creator and the comment’s author can see it.</p>`);
  if (c.frozen) notes.push(html`<p class="comment-status frozen">This thread is frozen: no new replies can be added.</p>`);
  return html`${notes}`;
}

function actions(chrome: PageChrome, c: CommentView, returnTo: string): SafeHtml {
  const about = `comment by ${c.author?.name ?? 'a deleted account'}`;
  const a = c.actions;
  const hidden = { return_to: returnTo };
  const items: SafeHtml[] = [];
  if (a.replyUrl) items.push(html`<li><a href="${a.replyUrl}">Reply<span class="visually-hidden"> to ${about}</span></a></li>`);
  if (a.approveAction) items.push(html`<li>${buttonForm({ action: a.approveAction, csrfToken: chrome.csrfToken, label: 'Approve', context: about, hidden })}</li>`);
  if (a.editUrl) items.push(html`<li><a href="${a.editUrl}">Edit<span class="visually-hidden"> ${about}</span></a></li>`);
  if (a.freezeAction) {
    items.push(html`<li>${buttonForm({ action: a.freezeAction, csrfToken: chrome.csrfToken, label: c.frozen ? 'Unfreeze Thread' : 'Freeze Thread', context: `of ${about}`, hidden: { ...hidden, frozen: c.frozen ? 'false' : 'true' } })}</li>`);
  }
  if (a.hideAction) {
    items.push(html`<li>${buttonForm({ action: a.hideAction, csrfToken: chrome.csrfToken, label: c.hidden ? 'Make Comment Visible' : 'Hide Comment', context: c.hidden ? `(${about})` : about, hidden: { ...hidden, hidden: c.hidden ? 'false' : 'true' } })}</li>`);
  }
  if (a.deleteAction) items.push(html`<li>${buttonForm({ action: a.deleteAction, csrfToken: chrome.csrfToken, label: 'Delete', context: about, hidden, danger: true })}</li>`);
  return items.length > 0 ? html`<ul class="actions comment-actions">${items}</ul>` : html``;
}

/** One comment and, nested, its replies. `returnTo`: where its action buttons come back to. */
export function commentItem(chrome: PageChrome, c: CommentView, returnTo: string): SafeHtml {
  const replies = c.replies.length > 0 ? html`<ol class="thread">${c.replies.map((r) => commentItem(chrome, r, returnTo))}</ol>` : '';
  if (c.placeholder !== null) {
    return html`<li class="comment placeholder" id="${c.anchor}"><p class="placeholder">${c.placeholder}</p>${replies}</li>`;
  }
  const classes = ['comment', c.held ? 'held' : '', c.hidden ? 'hidden-comment' : '', c.frozen ? 'frozen' : ''].filter(Boolean).join(' ');
  return html`<li class="${classes}" id="${c.anchor}">
<h3 class="heading byline">${byline(c)}</h3>
<p class="datetime">Posted ${timeTag(c.postedAt)}${c.editedAt ? html` · <span class="edited">Last edited ${timeTag(c.editedAt)}</span>` : ''}${c.replyTo ? html` · in reply to <a href="${c.replyTo.url}">${c.replyTo.name}</a>` : ''} · <a href="${c.url}" class="permalink">Thread<span class="visually-hidden"> of this comment</span></a></p>
${markers(c)}
<blockquote class="userstuff comment-body">${raw(c.bodyHtml)}</blockquote>
${actions(chrome, c, returnTo)}
${replies}
</li>`;
}

export interface CommentsSectionView {
  count: number;
  heldCount: number;
  threads: CommentView[];
  form: CommentFormView;
  pagination: Pagination | null;
  /** A fixed message after an action (?comment_notice=…). */
  notice: string | null;
  /** The page the section is on, for the action buttons to come back to. */
  returnTo: string;
}

/** The section under a work or chapter: `${commentsSection(…)}` in views/work.ts. */
export function commentsSection(chrome: PageChrome, s: CommentsSectionView): SafeHtml {
  const held = s.heldCount > 0 ? html`<p class="comment-status held">${s.heldCount === 1 ? '1 comment is' : `${s.heldCount} comments are`} awaiting your approval.</p>` : '';
  const threads = s.threads.length > 0 ? html`<ol class="thread">${s.threads.map((c) => commentItem(chrome, c, s.returnTo))}</ol>` : html`<p class="empty">No comments yet.</p>`;
  return html`<section id="comments" class="comments" aria-labelledby="comments_heading">
<h2 id="comments_heading">Comments (${s.count.toLocaleString('en-US')})</h2>
${s.notice ? html`<p class="notice" role="status">${s.notice}</p>` : ''}
${held}
${commentForm(chrome, s.form)}
${threads}
${s.pagination ? pagination(s.pagination) : ''}
</section>`;
}
