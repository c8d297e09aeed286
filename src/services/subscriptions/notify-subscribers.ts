// The notify-subscribers job: something was posted, so each subscriber who may read it gets an
// inbox notification and, per their preference, an email now or in the next daily digest.
//
// Who hears (domain/notifications.ts): a new chapter reaches the work's subscribers; a new work
// reaches its creators' subscribers (never for an anonymous work) and its series' subscribers.
// The work's own creators are left out, and so is anyone the policy would not let read it — a
// restricted work reaches logged-in readers only, and drafts and hidden works reach nobody.
//
// Jobs run at least once: notifications are unique per reader and event, and an email is marked
// sent right after it goes, so a repeated run sends nothing twice (at worst one email, if the
// process died between sending it and marking it).
import { findChapter } from '../../db/repos/chapters.repo.ts';
import { creatorsForWorks } from '../../db/repos/creators.repo.ts';
import { dueNowForEvent, insertNotifications, notificationRecipients, settleEmails, type EmailDue, type NotificationInsert } from '../../db/repos/notifications.repo.ts';
import { readerPreferencesFor } from '../../db/repos/reader-preferences.repo.ts';
import { seriesIdsOfWork } from '../../db/repos/series.repo.ts';
import { subscribersOf } from '../../db/repos/subscriptions.repo.ts';
import { findWorkById } from '../../db/repos/works.repo.ts';
import type { SubscriptionKind } from '../../db/schema.ts';
import { can } from '../../domain/policy.ts';
import { eventKey, nextDigestAt, reasonsFor, REASON_ORDER, type NotificationEmail, type PostingEvent } from '../../domain/notifications.ts';
import { SEND_DIGESTS } from '../../jobs/kinds.ts';
import { enqueue } from '../../jobs/queue.ts';
import type { ServiceContext } from '../context.ts';
import { workAccess } from '../work-cards.ts';
import { immediateMail } from './notification-mail.ts';
import { loadNotificationItems, recipientActor } from './notification-items.ts';

function parseEvent(payload: unknown): PostingEvent {
  const p = payload as Partial<{ kind: string; workId: number; chapterId: number }> | null;
  const id = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n > 0;
  if (p?.kind === 'work' && id(p.workId)) return { kind: 'work', workId: p.workId! };
  if (p?.kind === 'chapter' && id(p.workId) && id(p.chapterId)) return { kind: 'chapter', workId: p.workId!, chapterId: p.chapterId! };
  throw new TypeError(`notify-subscribers needs {kind:"work",workId} or {kind:"chapter",workId,chapterId}, not ${JSON.stringify(payload)}.`);
}

/** Which email a notification owes, by the reader's choice (notify-comment.ts shares it). */
export function emailDue(choice: NotificationEmail, email: string | null): EmailDue | null {
  if (!email || choice === 'never') return null;
  return choice === 'digest' ? 'digest' : 'now';
}

export async function notifySubscribers(ctx: ServiceContext, payload: unknown): Promise<void> {
  const event = parseEvent(payload);
  const work = await findWorkById(ctx.db, event.workId);
  if (!work || !work.posted || work.hiddenByAdmin) return;
  if (event.kind === 'chapter' && !(await findChapter(ctx.db, work.id, event.chapterId))?.posted) return;
  const creators = (await creatorsForWorks(ctx.db, [work.id])).get(work.id) ?? [];
  const creatorIds = [...new Set(creators.map((c) => c.userId))];
  const reasons = reasonsFor(event, work.anonymous);
  const subscribers = await subscribersOf(ctx.db, {
    workIds: reasons.includes('work') ? [work.id] : [],
    creatorIds: reasons.includes('creator') ? creatorIds : [],
    seriesIds: reasons.includes('series') ? await seriesIdsOfWork(ctx.db, work.id) : [],
  });

  // One notification per reader, for the most specific of their subscriptions that matched.
  const best = new Map<number, { reason: SubscriptionKind; seriesId: number | null }>();
  for (const s of subscribers) {
    if (creatorIds.includes(s.userId)) continue;
    const current = best.get(s.userId);
    if (!current || REASON_ORDER.indexOf(s.kind) < REASON_ORDER.indexOf(current.reason)) best.set(s.userId, { reason: s.kind, seriesId: s.seriesId });
  }
  const recipients = await notificationRecipients(ctx.db, [...best.keys()]);
  const preferences = await readerPreferencesFor(ctx.db, recipients.map((r) => r.id));
  const access = workAccess(work, creators);
  const key = eventKey(event);
  const rows: NotificationInsert[] = [];
  for (const recipient of recipients) {
    if (!can(recipientActor(recipient), { do: 'work:read', work: access })) continue;
    const { reason, seriesId } = best.get(recipient.id)!;
    const due = emailDue(preferences.get(recipient.id)!.notificationEmail, recipient.email);
    rows.push({ userId: recipient.id, reason, workId: work.id, chapterId: event.kind === 'chapter' ? event.chapterId : null, seriesId, eventKey: key, emailDue: due });
  }
  const now = ctx.clock.now();
  await insertNotifications(ctx.db, rows, now.toISOString());
  if (rows.some((r) => r.emailDue === 'digest')) {
    // One digest job for everyone, at the next digest time; `unique` keeps it to one while queued.
    await enqueue(ctx, SEND_DIGESTS, {}, { unique: 'daily', runAt: nextDigestAt(now) });
  }
  await sendImmediateEmails(ctx, key);
}

/** Sends the event's emails that are due now, each as its reader's inbox shows it (notify-comment.ts shares it). */
export async function sendImmediateEmails(ctx: ServiceContext, key: string): Promise<void> {
  const due = await dueNowForEvent(ctx.db, key);
  const recipients = new Map((await notificationRecipients(ctx.db, [...new Set(due.map((n) => n.userId))])).map((r) => [r.id, r]));
  for (const notification of due) {
    const recipient = recipients.get(notification.userId);
    // Loaded as this reader sees it: what the email says is what their inbox shows.
    const [item] = recipient?.email ? await loadNotificationItems(ctx.db, recipientActor(recipient), [notification]) : [];
    if (recipient?.email && item) await ctx.mailer.send(immediateMail(ctx.site, { login: recipient.login, email: recipient.email }, item));
    await settleEmails(ctx.db, [notification.id], item ? ctx.clock.now().toISOString() : null);
  }
}
