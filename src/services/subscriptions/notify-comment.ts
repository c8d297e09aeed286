// The notify-comment job: a comment was posted or approved, and services/comments/notify.ts
// decided who hears of it (the work's creators, the author of the comment it answers). Each of
// them gets an inbox notification and, per their notification email preference, an email now or
// in the daily digest, through the same table, digest job and mailer as subscriptions.
//
// The job may run a while after the comment was written, so everything is checked again here,
// as the recipient stands now: a comment deleted meanwhile tells nobody; a work that became a
// draft, was hidden, or that the recipient may no longer read tells nobody; a held or hidden
// comment reaches only the work's current creators; nobody hears of their own comment. The
// email is then built from what the recipient's inbox shows (notification-items.ts), so it
// cannot name more — an anonymous work's creator is "Anonymous Creator" in both.
//
// Guests are never notified: they have no account, so no inbox and no preference to honour, and
// the address a guest typed is unverified (emailing it would let anyone send mail to anyone).
//
// Jobs run at least once: notifications are unique per reader and comment ("comment:ID"), and
// an email is marked sent right after it goes.
import { findComment } from '../../db/repos/comments.repo.ts';
import { creatorsForWorks } from '../../db/repos/creators.repo.ts';
import { insertNotifications, notificationRecipients, type NotificationInsert } from '../../db/repos/notifications.repo.ts';
import { readerPreferencesFor } from '../../db/repos/reader-preferences.repo.ts';
import { findWorkById } from '../../db/repos/works.repo.ts';
import { canReadComment } from '../../domain/comment-rules.ts';
import { nextDigestAt } from '../../domain/notifications.ts';
import { can } from '../../domain/policy.ts';
import { SEND_DIGESTS, type CommentNoticeJob } from '../../jobs/kinds.ts';
import { enqueue } from '../../jobs/queue.ts';
import type { ServiceContext } from '../context.ts';
import { workAccess } from '../work-cards.ts';
import { recipientActor } from './notification-items.ts';
import { emailDue, sendImmediateEmails } from './notify-subscribers.ts';

const KINDS = new Set(['comment', 'held-comment', 'reply']);

function parsePayload(payload: unknown): CommentNoticeJob {
  const p = payload as Partial<CommentNoticeJob> | null;
  const id = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n > 0;
  const recipients = Array.isArray(p?.recipients) ? p.recipients : null;
  if (p && id(p.commentId) && recipients?.every((r) => id(r?.userId) && KINDS.has(r?.kind))) return { commentId: p.commentId, recipients };
  throw new TypeError(`notify-comment needs {commentId, recipients:[{userId, kind}]}, not ${JSON.stringify(payload)}.`);
}

export const commentEventKey = (commentId: number) => `comment:${commentId}`;

export async function notifyComment(ctx: ServiceContext, payload: unknown): Promise<void> {
  const { commentId, recipients: wanted } = parsePayload(payload);
  const comment = await findComment(ctx.db, commentId);
  if (!comment || comment.deleted) return;
  const work = await findWorkById(ctx.db, comment.workId);
  if (!work || !work.posted || work.hiddenByAdmin) return;
  const access = workAccess(work, (await creatorsForWorks(ctx.db, [work.id])).get(work.id) ?? []);
  const kindOf = new Map(wanted.map((r) => [r.userId, r.kind]));
  const recipients = await notificationRecipients(ctx.db, [...kindOf.keys()]);
  const preferences = await readerPreferencesFor(ctx.db, recipients.map((r) => r.id));
  const key = commentEventKey(commentId);
  const rows: NotificationInsert[] = [];
  for (const recipient of recipients) {
    const kind = kindOf.get(recipient.id)!;
    const isCreator = access.creatorUserIds.includes(recipient.id);
    if (recipient.id === comment.userId) continue;
    if (kind !== 'reply' && !isCreator) continue;
    if (!canReadComment({ userId: recipient.id, isCreator }, comment)) continue;
    if (!can(recipientActor(recipient), { do: 'work:read', work: access })) continue;
    const due = emailDue(preferences.get(recipient.id)!.notificationEmail, recipient.email);
    rows.push({ userId: recipient.id, reason: 'work', kind, commentId, workId: work.id, chapterId: null, seriesId: null, eventKey: key, emailDue: due });
  }
  const now = ctx.clock.now();
  await insertNotifications(ctx.db, rows, now.toISOString());
  if (rows.some((r) => r.emailDue === 'digest')) await enqueue(ctx, SEND_DIGESTS, {}, { unique: 'daily', runAt: nextDigestAt(now) });
  await sendImmediateEmails(ctx, key);
}
