// Small helpers the reader's pages share (bookmarks, subscriptions, inbox, history): fixed
// notices after a redirect, and the page's own address without them.
import type { FastifyRequest } from 'fastify';
import { safeReturnPath } from './forms.ts';

/** Fixed messages for ?reader= after an action on the panel; nothing from the URL is echoed. */
export const READER_NOTICES: Record<string, string> = {
  bookmarked: 'Your bookmark has been saved.',
  'bookmark-deleted': 'Your bookmark has been deleted.',
  subscribed: 'You are now subscribed: new posts will arrive in your inbox.',
  unsubscribed: 'You have unsubscribed.',
  'marked-for-later': 'This work has been marked for later.',
  'marked-read': 'This work has been taken off your Marked for Later list.',
  'notifications-read': 'Marked as read.',
  'notification-deleted': 'The notification has been deleted.',
  'history-cleared': 'Your history has been cleared.',
  'reading-deleted': 'The work has been deleted from your history.',
};

/** Where to go after an action: the form's return_to (same site only) with `?reader=KEY`. */
export function backWithNotice(returnTo: unknown, fallback: string, key: keyof typeof READER_NOTICES): string {
  const url = new URL(safeReturnPath(returnTo, fallback), 'http://owlery.invalid');
  url.searchParams.set('reader', key);
  // The work page's panel is below the text: land on it, so the notice is seen.
  const hash = url.pathname.startsWith('/works/') ? '#reader-actions' : url.hash;
  return `${url.pathname}${url.search}${hash}`;
}

/** The notice a `?reader=` parameter asks for, if it is one of the fixed ones. */
export function readerNotice(request: FastifyRequest): string | null {
  const value = (request.query as Record<string, unknown> | undefined)?.reader;
  return typeof value === 'string' ? (READER_NOTICES[value] ?? null) : null;
}

/** The request's path and query without the notice, for paging links and return_to. */
export function addressWithoutNotice(request: FastifyRequest): string {
  const url = new URL(request.url, 'http://owlery.invalid');
  url.searchParams.delete('reader');
  return `${url.pathname}${url.search}`;
}
