// Pages of their own for comments (AO3's comments/show and comments/edit): a comment with its
// replies and the reply form; the edit form; and the comment form again when a comment on a
// work could not be posted (its error summary first, the typed text kept).
import { html } from '../html.ts';
import type { SafeHtml } from '../html.ts';
import type { PageChrome } from '../../present/view-models.ts';
import type { CommentView } from '../../present/comments.ts';
import { layout } from './layout.ts';
import { errorSummary } from './components/form.ts';
import { commentFieldId, commentForm, commentItem, type CommentFormView } from './comments.ts';

export interface CommentPageContext {
  workTitle: string;
  workUrl: string;
  /** "Chapter 2" on multi-chapter works. */
  chapterLabel: string | null;
}

function about(ctx: CommentPageContext): SafeHtml {
  return html`<p class="comment-context">On <a href="${ctx.workUrl}">${ctx.workTitle}</a>${ctx.chapterLabel ? html`, ${ctx.chapterLabel}` : ''}</p>`;
}

export interface ThreadPage extends CommentPageContext {
  comment: CommentView;
  parentUrl: string | null;
  form: CommentFormView;
  notice: string | null;
  returnTo: string;
}

export function commentThreadView(chrome: PageChrome, page: ThreadPage): string {
  return layout(
    chrome,
    html`<div class="comment-page">
<h1>Comment thread</h1>
${about(page)}
${page.notice ? html`<p class="notice" role="status">${page.notice}</p>` : ''}
${errorSummary(page.form.errors, (key) => commentFieldId(page.form.prefix, key))}
${page.parentUrl ? html`<p><a href="${page.parentUrl}">Parent thread</a></p>` : ''}
<section class="comments" aria-labelledby="thread_heading">
<h2 id="thread_heading" class="visually-hidden">The comment and its replies</h2>
<ol class="thread">${commentItem(chrome, page.comment, page.returnTo)}</ol>
</section>
<section class="reply" id="add_reply" aria-labelledby="reply_heading">
<h2 id="reply_heading">Reply</h2>
${commentForm(chrome, page.form)}
</section>
</div>`,
  );
}

export interface EditCommentPage extends CommentPageContext {
  form: CommentFormView;
  threadUrl: string;
}

export function editCommentView(chrome: PageChrome, page: EditCommentPage): string {
  return layout(
    chrome,
    html`<div class="comment-page">
<h1>Edit comment</h1>
${about(page)}
${errorSummary(page.form.errors, (key) => commentFieldId(page.form.prefix, key))}
${commentForm(chrome, page.form)}
<p><a href="${page.threadUrl}">Cancel</a></p>
</div>`,
  );
}

export function newCommentView(chrome: PageChrome, page: CommentPageContext & { form: CommentFormView }): string {
  return layout(
    chrome,
    html`<div class="comment-page">
<h1>Comment on ${page.workTitle}</h1>
${about(page)}
${errorSummary(page.form.errors, (key) => commentFieldId(page.form.prefix, key))}
${commentForm(chrome, page.form)}
</div>`,
  );
}
