// The notification emails: one per new work or chapter for readers who want them at once, or
// one a day listing everything new for those who chose the digest. Plain text with absolute
// links (the site's configured base URL, never a request's Host). Built from NotificationItems,
// so an anonymous work's email names no creator and a hidden work is never mentioned.
import type { MailMessage } from '../../mail/outbox.ts';
import type { Site } from '../context.ts';
import type { NotificationItem } from './notification-items.ts';
import { commentHeadline, commentMail, commentPath, commentWhy, isCommentItem } from './comment-mail.ts';

function byline(item: NotificationItem): string {
  if (item.card.creators.length === 0) return 'Anonymous';
  return item.card.creators.map((c) => (c.pseud === c.login ? c.pseud : `${c.pseud} (${c.login})`)).join(', ');
}

function chapterName(chapter: NonNullable<NotificationItem['chapter']>): string {
  return chapter.title ? `Chapter ${chapter.number}: ${chapter.title}` : `Chapter ${chapter.number}`;
}

/** One line saying what is new, as the inbox says it too. */
export function notificationHeadline(item: NotificationItem): string {
  if (isCommentItem(item)) return commentHeadline(item);
  const title = `“${item.card.work.title}”`;
  if (item.chapter) return `${title} by ${byline(item)} has a new chapter: ${chapterName(item.chapter)}`;
  if (item.notification.reason === 'series' && item.series) return `New work in the series “${item.series.title}”: ${title} by ${byline(item)}`;
  return `New work by ${byline(item)}: ${title}`;
}

/** The path the notification leads to: the new chapter, or the new work. */
export function notificationPath(item: NotificationItem): string {
  if (isCommentItem(item)) return commentPath(item);
  const workId = item.card.work.id;
  return item.chapter ? `/works/${workId}/chapters/${item.chapter.id}` : `/works/${workId}`;
}

function why(item: NotificationItem): string {
  if (isCommentItem(item)) return commentWhy(item);
  switch (item.notification.reason) {
    case 'work':
      return 'you subscribed to this work';
    case 'creator':
      return `you subscribed to ${byline(item)}`;
    case 'series':
      return item.series ? `you subscribed to the series “${item.series.title}”` : 'you subscribed to its series';
  }
}

function footer(site: Site, login: string): string {
  const user = encodeURIComponent(login);
  return [
    `Your inbox: ${site.baseUrl}/users/${user}/inbox`,
    `Your subscriptions: ${site.baseUrl}/users/${user}/subscriptions`,
    `How often these emails come (at once, a daily digest, or never): ${site.baseUrl}/account`,
  ].join('\n');
}

export function immediateMail(site: Site, recipient: { login: string; email: string }, item: NotificationItem): MailMessage {
  if (isCommentItem(item)) return commentMail(site, recipient, item, footer(site, recipient.login));
  const subject = item.chapter ? `[${site.name}] New chapter of “${item.card.work.title}”` : `[${site.name}] ${notificationHeadline(item)}`;
  return {
    to: recipient.email,
    subject,
    text: `Hello ${recipient.login},

${notificationHeadline(item)}.
Read it: ${site.baseUrl}${notificationPath(item)}

You get this email because ${why(item)}.

${footer(site, recipient.login)}
`,
  };
}

export function digestMail(site: Site, recipient: { login: string; email: string }, items: readonly NotificationItem[]): MailMessage {
  const lines = items.map((item) => `- ${notificationHeadline(item)}\n  ${site.baseUrl}${notificationPath(item)}\n  (because ${why(item)})`);
  const count = items.length === 1 ? '1 update' : `${items.length} updates`;
  return {
    to: recipient.email,
    subject: `[${site.name}] Your daily subscription digest: ${count}`,
    text: `Hello ${recipient.login},

Here is what is new since your last digest:

${lines.join('\n\n')}

${footer(site, recipient.login)}
`,
  };
}
