// Who hears about a comment, and the single hook that tells them.
//
// `deliverCommentNotices` is called once per posted or approved comment, after its transaction
// commits, with the notices below; it queues the notify-comment job, which fills the inboxes and
// sends email the way subscriptions do (services/subscriptions/notify-comment.ts). Each notice
// says what kind of event it is, and its text (author name, body) is what that recipient may see:
// - a held comment reaches the work's creators only, as "held-comment" (they approve it);
// - a published comment reaches the creators ("comment") and the author of the comment it
//   answers ("reply"); a reply that is held reaches that author only once it is approved;
// - on anonymous works a creator's comment is signed "Anonymous Creator" for everyone else;
// - nobody hears about their own comment, and a creator hears once even when also the one answered;
// - guests are never notified (they have no account: answeredUserId is null for them).
import type { CommentStatus } from '../../domain/comment-rules.ts';
import { NOTIFY_COMMENT } from '../../jobs/kinds.ts';
import { enqueue } from '../../jobs/queue.ts';
import type { ServiceContext } from '../context.ts';

export type CommentNoticeKind = 'comment' | 'held-comment' | 'reply';

export interface CommentNotice {
  recipientUserId: number;
  kind: CommentNoticeKind;
  workId: number;
  workTitle: string;
  chapterId: number;
  commentId: number;
  /** The comment's own page, a path (prefix ctx.site.baseUrl for emails). */
  url: string;
  /** The author as this recipient may see them. */
  authorName: string;
  /** The comment's sanitized HTML. */
  bodyHtml: string;
}

export interface NoticeFacts {
  event: 'posted' | 'approved';
  work: { id: number; title: string; anonymous: boolean; creatorUserIds: readonly number[] };
  comment: { id: number; chapterId: number; userId: number | null; status: CommentStatus; hidden: boolean; bodyHtml: string };
  /** The commenter's pseud, or the guest's name. */
  authorName: string;
  isGuest: boolean;
  /** The author of the comment answered (the reply's target), when a reply from an account. */
  answeredUserId: number | null;
}

function nameFor(facts: NoticeFacts, recipient: number): string {
  const byCreator = facts.comment.userId !== null && facts.work.creatorUserIds.includes(facts.comment.userId);
  if (byCreator && facts.work.anonymous && !facts.work.creatorUserIds.includes(recipient)) return 'Anonymous Creator';
  return facts.isGuest ? `${facts.authorName} (Guest)` : facts.authorName;
}

/** The notices a comment event sends, one per recipient. Pure: unit-tested without a database. */
export function commentNoticesFor(facts: NoticeFacts): CommentNotice[] {
  const { work, comment } = facts;
  const out = new Map<number, CommentNoticeKind>();
  const author = comment.userId;
  if (facts.event === 'posted') {
    for (const id of work.creatorUserIds) if (id !== author) out.set(id, comment.status === 'held' ? 'held-comment' : 'comment');
  }
  const visibleToOthers = comment.status === 'published' && !comment.hidden;
  const answered = facts.answeredUserId;
  if (visibleToOthers && answered !== null && answered !== author && !out.has(answered)) out.set(answered, 'reply');
  return [...out].map(([recipientUserId, kind]) => ({
    recipientUserId,
    kind,
    workId: work.id,
    workTitle: work.title,
    chapterId: comment.chapterId,
    commentId: comment.id,
    url: `/comments/${comment.id}`,
    authorName: nameFor(facts, recipientUserId),
    bodyHtml: comment.bodyHtml,
  }));
}

/**
 * Delivers comment notices (inbox items and email) through the job queue. Called after the
 * comment's transaction has committed; a failure here must not undo the comment, so callers
 * catch it. The job carries only who hears and as what: it loads the comment again when it runs
 * and checks each recipient then (the comment may be deleted, hidden or its work hidden by
 * then), and no comment text waits in the jobs table.
 */
export async function deliverCommentNotices(ctx: ServiceContext, notices: readonly CommentNotice[]): Promise<void> {
  const byComment = new Map<number, CommentNotice[]>();
  for (const n of notices) byComment.set(n.commentId, [...(byComment.get(n.commentId) ?? []), n]);
  for (const [commentId, list] of byComment) {
    await enqueue(ctx, NOTIFY_COMMENT, { commentId, recipients: list.map((n) => ({ userId: n.recipientUserId, kind: n.kind })) });
  }
}
