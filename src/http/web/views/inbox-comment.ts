// A comment notification in the inbox: who commented (as the reader may know them), a link to
// the comment itself, the work and chapter, and the comment's text. The work's byline is left
// out: the reader is its creator or a commenter on it, and an anonymous work must not name one.
import { html, raw } from '../html.ts';
import type { SafeHtml } from '../html.ts';
import type { NotificationCommentView, NotificationView } from '../../present/reader.ts';

function where(n: NotificationView, c: NotificationCommentView): SafeHtml {
  const work = html`<a href="${n.work.url}">${n.work.title}</a>`;
  return c.chapterLabel ? html`${c.chapterLabel} of ${work}` : work;
}

/** The headline of a comment notification. */
export function commentWhat(n: NotificationView, c: NotificationCommentView): SafeHtml {
  const author = html`<span class="comment-author">${c.author}</span>`;
  if (c.kind === 'reply') return html`${author} <a href="${c.url}">replied to your comment</a> on ${where(n, c)}`;
  if (c.held) return html`${author} left <a href="${c.url}">a comment awaiting your approval</a> on ${where(n, c)}`;
  return html`${author} left <a href="${c.url}">a comment</a> on ${where(n, c)}`;
}

/** The comment's text, as sanitized when it was written (the same HTML its thread shows). */
export function commentQuote(c: NotificationCommentView): SafeHtml {
  return html`<blockquote class="userstuff comment-body">${raw(c.bodyHtml)}</blockquote>`;
}

/** What the item's buttons are about, for screen readers. */
export function commentContext(n: NotificationView, c: NotificationCommentView): string {
  return `about the comment by ${c.author} on ${n.work.title}`;
}
