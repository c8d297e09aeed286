// Subscriptions and their notifications (AO3's subscriptions): pure rules for who hears about
// what, and when the email goes out.

/** How a reader wants notification email: one message each, one a day, or none. */
export const NOTIFICATION_EMAIL_CHOICES = ['immediately', 'digest', 'never'] as const;
export type NotificationEmail = (typeof NOTIFICATION_EMAIL_CHOICES)[number];

export function isNotificationEmail(value: unknown): value is NotificationEmail {
  return typeof value === 'string' && (NOTIFICATION_EMAIL_CHOICES as readonly string[]).includes(value);
}

/** What was posted: a new work, or a new chapter of a posted work. */
export type PostingEvent = { kind: 'work'; workId: number } | { kind: 'chapter'; workId: number; chapterId: number };

export function eventKey(event: PostingEvent): string {
  return event.kind === 'work' ? `work:${event.workId}` : `chapter:${event.chapterId}`;
}

/**
 * The daily digest goes out at the next midnight UTC: one fixed time, so every reader's digest
 * is one job run and a day's notifications arrive together.
 */
export function nextDigestAt(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}

export type SubscriptionReason = 'work' | 'creator' | 'series';

/**
 * Why a reader hears about an event, when several subscriptions match: the most specific wins
 * (the work itself, then its creator, then its series), and each reader hears once.
 */
export const REASON_ORDER: readonly SubscriptionReason[] = ['work', 'creator', 'series'];

/**
 * Which subscriptions an event reaches. A new chapter goes to the work's subscribers; a new work
 * to its creators' subscribers — never for an anonymous work, whose creators must stay unknown —
 * and to the subscribers of its series.
 */
export function reasonsFor(event: PostingEvent, anonymous: boolean): SubscriptionReason[] {
  if (event.kind === 'chapter') return ['work'];
  return anonymous ? ['series'] : ['creator', 'series'];
}
