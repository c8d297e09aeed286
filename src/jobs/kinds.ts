// The job kinds of the application and their payloads. Services import kinds from here to
// enqueue; handlers.ts pairs each kind with its handler. Names are stored in the jobs table.
import { jobKind } from './registry.ts';
import type { PostingEvent } from '../domain/notifications.ts';

/** Deletes finished jobs older than `keepDays` (default 7), done and failed alike. */
export const PRUNE_JOBS = jobKind<{ keepDays?: number }>('prune-jobs');

/** Recomputes the filter sets of every work tagged with, or filtered under, these tags. */
export const RECOMPUTE_FILTERS = jobKind<{ tagIds: number[] }>('recompute-filters');

/** Notifies the subscribers of a work, its creators or its series that something was posted. */
export const NOTIFY_SUBSCRIBERS = jobKind<PostingEvent>('notify-subscribers');

/** Sends each reader who chose the daily digest one email of their waiting notifications. */
export const SEND_DIGESTS = jobKind<Record<string, never>>('send-digests');

/** Who a comment event tells, and as what (services/comments/notify.ts decides; checked again when it runs). */
export interface CommentNoticeJob {
  commentId: number;
  recipients: Array<{ userId: number; kind: 'comment' | 'held-comment' | 'reply' }>;
}

/** Delivers a posted or approved comment's notices: inbox items, and email per each reader's choice. */
export const NOTIFY_COMMENT = jobKind<CommentNoticeJob>('notify-comment');
