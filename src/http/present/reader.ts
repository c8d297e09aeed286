// Bookmarks, subscriptions, inbox notifications and readings → view models for the pages and
// JSON for the API. Works go through presentBlurb / presentWorkJson, so an anonymous work shows
// "Anonymous" here exactly as everywhere else.
import type { ShownBookmark } from '../../services/bookmarks/list-bookmarks.ts';
import type { ShownSubscription } from '../../services/subscriptions/list-subscriptions.ts';
import type { NotificationItem } from '../../services/subscriptions/notification-items.ts';
import type { ShownReading } from '../../services/history/list-readings.ts';
import { presentBlurb } from './work-blurb.ts';
import { presentWorkJson, type WorkJson } from './work-json.ts';
import type { CreatorLink, WorkBlurb } from './view-models.ts';
import { chapterUrl, seriesUrl, userUrl, workUrl } from './urls.ts';
import { chapterLabel } from './work-page.ts';
import { commentUrl } from './comments.ts';

const user = (login: string) => encodeURIComponent(login);
export const bookmarksUrl = (login: string) => `/users/${user(login)}/bookmarks`;
export const bookmarkTagUrl = (login: string, tag: string) => `${bookmarksUrl(login)}?tag=${encodeURIComponent(tag)}`;
export const inboxUrl = (login: string) => `/users/${user(login)}/inbox`;
export const readingsUrl = (login: string) => `/users/${user(login)}/readings`;
export const markedForLaterUrl = (login: string) => `${readingsUrl(login)}?show=to-read`;
export const subscriptionsUrl = (login: string) => `/users/${user(login)}/subscriptions`;
/** The work page's bookmark form (its anchor), where "Edit" leads. */
export const bookmarkFormUrl = (workId: number) => `${workUrl(workId)}#bookmark-form`;

export interface BookmarkView {
  id: number;
  work: WorkBlurb;
  notesHtml: string;
  tags: Array<{ name: string; url: string }>;
  private: boolean;
  rec: boolean;
  updatedAt: string;
  editUrl: string;
}

export function presentBookmark(login: string, item: ShownBookmark): BookmarkView {
  return {
    id: item.bookmark.id,
    work: presentBlurb(item.card),
    notesHtml: item.bookmark.notes,
    tags: item.tags.map((name) => ({ name, url: bookmarkTagUrl(login, name) })),
    private: item.bookmark.private,
    rec: item.bookmark.rec,
    updatedAt: item.bookmark.updatedAt,
    editUrl: bookmarkFormUrl(item.card.work.id),
  };
}

export interface BookmarkJson {
  id: number;
  work: WorkJson;
  notes: string;
  tags: string[];
  private: boolean;
  rec: boolean;
  createdAt: string;
  updatedAt: string;
}

export function bookmarkJson(item: ShownBookmark): BookmarkJson {
  const b = item.bookmark;
  return { id: b.id, work: presentWorkJson(item.card), notes: b.notes, tags: item.tags, private: b.private, rec: b.rec, createdAt: b.createdAt, updatedAt: b.updatedAt };
}

export interface SubscriptionView {
  id: number;
  kind: 'work' | 'creator' | 'series';
  /** What it follows; null when the reader may no longer see it (listed without a name). */
  title: string | null;
  url: string | null;
  createdAt: string;
}

export function presentSubscription(item: ShownSubscription): SubscriptionView {
  const s = item.subscription;
  const base = { id: s.id, kind: s.kind, createdAt: s.createdAt };
  if (s.kind === 'work') return { ...base, title: item.work?.work.title ?? null, url: item.work ? workUrl(item.work.work.id) : null };
  if (s.kind === 'creator') return { ...base, title: item.creator?.login ?? null, url: item.creator ? userUrl(item.creator.login) : null };
  return { ...base, title: item.series?.title ?? null, url: item.series ? seriesUrl(item.series.id) : null };
}

export interface SubscriptionJson extends SubscriptionView {
  targetId: number;
}

export function subscriptionJson(item: ShownSubscription): SubscriptionJson {
  return { ...presentSubscription(item), targetId: item.subscription.targetId };
}

/** What a comment notification is about (null on the subscriptions' new works and chapters). */
export interface NotificationCommentView {
  id: number;
  kind: 'comment' | 'held-comment' | 'reply';
  url: string;
  /** As the reader may know them ("Anonymous Creator" for an anonymous work's creator). */
  author: string;
  /** Still awaiting approval. */
  held: boolean;
  /** Sanitized HTML. */
  bodyHtml: string;
  /** "Chapter 2" on works of several chapters. */
  chapterLabel: string | null;
}

export interface NotificationView {
  id: number;
  kind: 'posting' | 'comment' | 'held-comment' | 'reply';
  /** Which subscription brought it ('work' on comment notifications). */
  reason: 'work' | 'creator' | 'series';
  work: { id: number; title: string; url: string; creators: CreatorLink[]; anonymous: boolean };
  chapter: { id: number; number: number; label: string; url: string } | null;
  series: { id: number; title: string; url: string } | null;
  comment: NotificationCommentView | null;
  createdAt: string;
  read: boolean;
}

export function presentNotification(item: NotificationItem): NotificationView {
  const blurb = presentBlurb(item.card);
  const n = item.notification;
  const c = item.comment;
  return {
    id: n.id,
    kind: n.kind,
    reason: n.reason,
    work: { id: blurb.id, title: blurb.title, url: blurb.url, creators: blurb.creators, anonymous: blurb.anonymous },
    chapter: item.chapter ? { id: item.chapter.id, number: item.chapter.number, label: chapterLabel(item.chapter), url: chapterUrl(blurb.id, item.chapter.id) } : null,
    series: item.series ? { id: item.series.id, title: item.series.title, url: seriesUrl(item.series.id) } : null,
    comment: c
      ? { id: c.id, kind: c.kind, url: commentUrl(c.id), author: c.authorName, held: c.held, bodyHtml: c.bodyHtml, chapterLabel: c.chapterNumber === null ? null : `Chapter ${c.chapterNumber}` }
      : null,
    createdAt: n.createdAt,
    read: n.readAt !== null,
  };
}

export interface ReadingView {
  work: WorkBlurb;
  chapter: { label: string; url: string } | null;
  lastVisitedAt: string | null;
  visitCount: number;
  markedForLater: boolean;
}

export function presentReading(item: ShownReading): ReadingView {
  const workId = item.card.work.id;
  return {
    work: presentBlurb(item.card),
    chapter: item.chapter ? { label: chapterLabel(item.chapter), url: chapterUrl(workId, item.chapter.id) } : null,
    lastVisitedAt: item.reading.lastVisitedAt,
    visitCount: item.reading.visitCount,
    markedForLater: item.reading.markedForLaterAt !== null,
  };
}

export interface ReadingJson {
  work: WorkJson;
  chapter: { id: number; number: number; title: string; url: string } | null;
  lastVisitedAt: string | null;
  visitCount: number;
  markedForLaterAt: string | null;
}

export function readingJson(item: ShownReading): ReadingJson {
  const workId = item.card.work.id;
  return {
    work: presentWorkJson(item.card),
    chapter: item.chapter ? { ...item.chapter, url: chapterUrl(workId, item.chapter.id) } : null,
    lastVisitedAt: item.reading.lastVisitedAt,
    visitCount: item.reading.visitCount,
    markedForLaterAt: item.reading.markedForLaterAt,
  };
}
