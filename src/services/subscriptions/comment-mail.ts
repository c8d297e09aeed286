// The words of comment notifications, for the email sent at once and the digest's lines (the
// inbox page words them the same way). AO3 emails a work's creators each comment with its text,
// and a commenter each reply; a held comment asks its creators to approve it. Built from the
// CommentNotificationDetail only: the author as the recipient may know them, and no byline of
// the work, so an anonymous work's creator is never named.
import { htmlToText } from '../../formats/feeds/plain-text.ts';
import type { MailMessage } from '../../mail/outbox.ts';
import type { Site } from '../context.ts';
import type { CommentNotificationDetail } from './comment-notification-items.ts';
import type { NotificationItem } from './notification-items.ts';

type CommentItem = NotificationItem & { comment: CommentNotificationDetail };

export function isCommentItem(item: NotificationItem): item is CommentItem {
  return item.comment !== undefined;
}

function on(item: CommentItem): string {
  const title = `“${item.card.work.title}”`;
  return item.comment.chapterNumber === null ? title : `Chapter ${item.comment.chapterNumber} of ${title}`;
}

/** One line saying what happened. */
export function commentHeadline(item: CommentItem): string {
  const { comment } = item;
  if (comment.kind === 'reply') return `${comment.authorName} replied to your comment on ${on(item)}`;
  if (comment.held) return `${comment.authorName} left a comment on ${on(item)} that awaits your approval`;
  return `${comment.authorName} left a comment on ${on(item)}`;
}

/** The comment's own page: its thread, where it can be read, answered or approved. */
export function commentPath(item: CommentItem): string {
  return `/comments/${item.comment.id}`;
}

export function commentWhy(item: CommentItem): string {
  return item.comment.kind === 'reply' ? 'it answers a comment of yours' : 'you are a creator of this work';
}

function subject(site: Site, item: CommentItem): string {
  const title = `“${item.card.work.title}”`;
  if (item.comment.kind === 'reply') return `[${site.name}] Reply to your comment on ${title}`;
  if (item.comment.held) return `[${site.name}] A comment on ${title} awaits your approval`;
  return `[${site.name}] Comment on ${title}`;
}

/** The comment's text, quoted, as email clients show quotations. */
function quoted(bodyHtml: string): string {
  return htmlToText(bodyHtml)
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

export function commentMail(site: Site, recipient: { login: string; email: string }, item: CommentItem, footer: string): MailMessage {
  const link = `${site.baseUrl}${commentPath(item)}`;
  const action = item.comment.held ? `Approve or delete it: ${link}` : `Read it and reply: ${link}`;
  return {
    to: recipient.email,
    subject: subject(site, item),
    text: `Hello ${recipient.login},

${commentHeadline(item)}:

${quoted(item.comment.bodyHtml)}

${action}

You get this email because ${commentWhy(item)}.

${footer}
`,
  };
}
