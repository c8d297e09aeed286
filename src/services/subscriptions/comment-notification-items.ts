// Comment notifications as their reader may see them now (the inbox, the immediate email and the
// digest all read them through loadNotificationItems, which calls this). Everything is decided
// again at reading time, not when the notification was made: a comment deleted, hidden or still
// held since drops out for anyone the comment rules would not show it to, a creator who left the
// work hears no more of its comments, and the author's name follows the anonymity rule of the
// comment pages (a creator of an anonymous work is "Anonymous Creator" to everyone else).
import { commentsByIds } from '../../db/repos/comments.repo.ts';
import { creatorsForWorks } from '../../db/repos/creators.repo.ts';
import { chapterLabels, type NotificationRecord } from '../../db/repos/notifications.repo.ts';
import type { NotificationKind } from '../../db/schema.ts';
import type { Db } from '../../db/types.ts';
import type { Actor } from '../../domain/actor.ts';
import { canReadComment } from '../../domain/comment-rules.ts';
import { authorAsSeen, type CommentAuthor } from '../comments/tree.ts';
import { workAccess, type WorkCard } from '../work-cards.ts';

export type CommentNotificationKind = Exclude<NotificationKind, 'posting'>;

export interface CommentNotificationDetail {
  /** The comment's id (its page is /comments/ID). */
  id: number;
  kind: CommentNotificationKind;
  /** Still awaiting the creators' approval; a held-comment notice reads as a plain one once approved. */
  held: boolean;
  /** The author as this reader may know them. */
  authorName: string;
  /** Sanitized comment HTML (comments are sanitized on write). */
  bodyHtml: string;
  /** The chapter commented on, by its number among the posted ones; null on one-chapter works. */
  chapterNumber: number | null;
}

export function isCommentKind(kind: NotificationKind): kind is CommentNotificationKind {
  return kind !== 'posting';
}

/** The names a comment page shows (http/present/comments.ts), as plain text for inbox and email. */
export function commentAuthorName(author: CommentAuthor): string {
  switch (author.kind) {
    case 'user':
      return author.pseud;
    case 'guest':
      return `${author.name} (Guest)`;
    case 'anonymous-creator':
      return 'Anonymous Creator';
    case 'deleted-account':
      return 'A deleted account';
  }
}

/**
 * Details of the comment notifications among `notifications` that `actor` may still see, by
 * notification id. `cards`: the works as the actor may read them (unreadable ones are absent).
 */
export async function loadCommentDetails(
  db: Db,
  actor: Actor,
  notifications: readonly NotificationRecord[],
  cards: ReadonlyMap<number, WorkCard>,
): Promise<Map<number, CommentNotificationDetail>> {
  const out = new Map<number, CommentNotificationDetail>();
  const wanted = notifications.filter((n) => isCommentKind(n.kind) && n.commentId !== null && cards.has(n.workId));
  if (wanted.length === 0) return out;
  const comments = await commentsByIds(db, [...new Set(wanted.map((n) => n.commentId!))]);
  // The cards hide an anonymous work's creators; the comment rules need the real ones.
  const creators = await creatorsForWorks(db, [...new Set(wanted.map((n) => n.workId))]);
  const chapters = await chapterLabels(db, [...new Set([...comments.values()].map((c) => c.chapterId))]);
  const userId = actor.kind === 'user' ? actor.userId : null;
  for (const n of wanted) {
    const comment = comments.get(n.commentId!);
    const card = cards.get(n.workId)!;
    if (!comment || comment.workId !== n.workId) continue;
    const access = workAccess(card.work, creators.get(n.workId) ?? []);
    const viewer = { userId, isCreator: userId !== null && access.creatorUserIds.includes(userId) };
    // Deleted, or held or hidden from this reader: gone from their inbox too.
    if (!canReadComment(viewer, comment)) continue;
    // "A comment on your work" is only true while the work is theirs.
    if (n.kind !== 'reply' && !viewer.isCreator) continue;
    const chapter = chapters.get(comment.chapterId);
    if (!chapter?.posted || !isCommentKind(n.kind)) continue;
    out.set(n.id, {
      id: comment.id,
      kind: n.kind,
      held: comment.status === 'held',
      authorName: commentAuthorName(authorAsSeen({ work: card.work, access, viewer, canModerate: false }, comment)),
      bodyHtml: comment.body,
      chapterNumber: card.work.chapterCount > 1 ? chapter.number : null,
    });
  }
  return out;
}
