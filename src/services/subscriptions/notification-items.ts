// Notifications as a reader may see them now: each with its work's card (through the policy, so
// anonymous works lose their creators and works the reader may no longer read drop out), the new
// chapter's number and title, and the series that brought it; comment notifications get their
// comment as comment-notification-items.ts allows. Used by the inbox, the immediate
// emails and the daily digest alike, so none of them can show more than the others.
import { chapterLabels, type NotificationRecord, type Recipient } from '../../db/repos/notifications.repo.ts';
import { findSeriesById } from '../../db/repos/series.repo.ts';
import type { Db } from '../../db/types.ts';
import type { Actor } from '../../domain/actor.ts';
import { loadWorkCards, type WorkCard } from '../work-cards.ts';
import { isCommentKind, loadCommentDetails, type CommentNotificationDetail } from './comment-notification-items.ts';

export interface NotificationItem {
  notification: NotificationRecord;
  card: WorkCard;
  chapter: { id: number; number: number; title: string } | null;
  series: { id: number; title: string } | null;
  /** Set for a comment notification (kind comment, held-comment or reply); chapter is then null. */
  comment?: CommentNotificationDetail | undefined;
}

/** The actor a notification's reader is, for the policy (roles play no part: hidden works never notify). */
export function recipientActor(recipient: Recipient): Actor {
  return { kind: 'user', userId: recipient.id, login: recipient.login, roles: new Set(), suspended: recipient.suspended };
}

export async function loadNotificationItems(db: Db, actor: Actor, notifications: readonly NotificationRecord[]): Promise<NotificationItem[]> {
  if (notifications.length === 0) return [];
  const workIds = [...new Set(notifications.map((n) => n.workId))];
  const chapterIds = notifications.map((n) => n.chapterId).filter((id): id is number => id !== null);
  const seriesIds = [...new Set(notifications.map((n) => n.seriesId).filter((id): id is number => id !== null))];
  const [cards, chapters] = await Promise.all([loadWorkCards(db, actor, workIds), chapterLabels(db, chapterIds)]);
  const cardOf = new Map(cards.map((c) => [c.work.id, c]));
  const comments = await loadCommentDetails(db, actor, notifications, cardOf);
  const seriesOf = new Map<number, { id: number; title: string }>();
  for (const id of seriesIds) {
    const series = await findSeriesById(db, id);
    if (series) seriesOf.set(id, { id, title: series.title });
  }
  const items: NotificationItem[] = [];
  for (const notification of notifications) {
    const card = cardOf.get(notification.workId);
    // Readers never hear of drafts or of works under moderation, admins included.
    if (!card || !card.work.posted || card.work.hiddenByAdmin) continue;
    if (isCommentKind(notification.kind)) {
      const comment = comments.get(notification.id);
      if (comment) items.push({ notification, card, chapter: null, series: null, comment });
      continue;
    }
    let chapter: NotificationItem['chapter'] = null;
    if (notification.chapterId !== null) {
      const label = chapters.get(notification.chapterId);
      if (!label?.posted) continue;
      chapter = { id: notification.chapterId, number: label.number, title: label.title };
    }
    const series = notification.seriesId !== null ? (seriesOf.get(notification.seriesId) ?? null) : null;
    // A work made anonymous after the notice was queued: "because you follow this creator" would
    // name them, so the notice stands as one about the work itself (creators still see why).
    if (notification.reason === 'creator' && card.anonymous && card.creators.length === 0) {
      items.push({ notification: { ...notification, reason: 'work' }, card, chapter, series });
      continue;
    }
    items.push({ notification, card, chapter, series });
  }
  return items;
}
