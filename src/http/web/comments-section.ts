// The comments section of a work or chapter page, loaded for the route with one call that
// workView's `extra` spreads in: `...(await commentsExtra(request, reading))`.
// It reads its own query parameters (comments_page, show_comment, comment_notice), so the work
// routes' schemas need not know about them, and returns the rendered section.
import type { FastifyRequest } from 'fastify';
import type { WorkReading } from '../../services/read-work.ts';
import { listComments } from '../../services/comments/list-comments.ts';
import { presentComment } from '../present/comments.ts';
import { chromeFor } from './render.ts';
import { commentsSection } from './views/comments.ts';
import type { SafeHtml } from './html.ts';

/** Fixed messages for ?comment_notice= after a comment action; nothing from the URL is echoed. */
export const COMMENT_NOTICES: Record<string, string> = {
  posted: 'Comment created!',
  held: 'Your comment was received! It will appear publicly after the work’s creator has approved it.',
  edited: 'Comment updated.',
  deleted: 'Comment deleted.',
  frozen: 'Thread frozen: no new replies can be added to it.',
  unfrozen: 'Thread unfrozen: replies are open again.',
  hidden: 'Comment hidden: only you and its author can see it now.',
  unhidden: 'Comment visible to everyone again.',
  approved: 'Comment approved: everyone can see it now.',
};

export function noticeFrom(query: unknown): string | null {
  const code = (query as Record<string, unknown> | undefined)?.comment_notice;
  return typeof code === 'string' ? (COMMENT_NOTICES[code] ?? null) : null;
}

/** A path with the notice code added and the page scrolled to `anchor`. */
export function withNotice(path: string, code: string, anchor: string): string {
  const url = new URL(path, 'http://owlery.invalid');
  url.searchParams.set('comment_notice', code);
  url.hash = anchor;
  return `${url.pathname}${url.search}${url.hash}`;
}

function positiveInt(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{1,9}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 ? n : undefined;
}

/** The page's path with only the query that selects what it shows (no notices). */
function pageTarget(request: FastifyRequest, keep: readonly string[]): string {
  const url = new URL(request.url, 'http://owlery.invalid');
  const out = new URLSearchParams();
  for (const key of keep) {
    const value = url.searchParams.get(key);
    if (value !== null) out.set(key, value);
  }
  const query = out.toString();
  return `${url.pathname}${query ? `?${query}` : ''}`;
}

export async function commentsExtra(request: FastifyRequest, reading: WorkReading): Promise<{ comments: SafeHtml }> {
  return { comments: await loadCommentsSection(request, reading) };
}

async function loadCommentsSection(request: FastifyRequest, reading: WorkReading): Promise<SafeHtml> {
  const query = request.query as Record<string, unknown> | undefined;
  const workId = reading.card.work.id;
  const full = reading.mode === 'full' || reading.chapters.length <= 1;
  const chapterIds = reading.shown.map((c) => c.id);
  const showComment = positiveInt(query?.show_comment);
  const listing = await listComments(request.ctx, workId, { chapterIds, card: reading.card, page: positiveInt(query?.comments_page) ?? 1, ...(showComment ? { focusId: showComment } : {}) });
  const chrome = chromeFor(request, { title: '' });
  const here = pageTarget(request, ['view_full_work']);
  const pageUrl = (page: number) => `${here}${here.includes('?') ? '&' : '?'}comments_page=${page}#comments`;
  const guestMayLogIn = listing.form.guest && reading.card.work.commentPermission === 'users';
  return commentsSection(chrome, {
    count: listing.count,
    heldCount: listing.heldCount,
    threads: listing.threads.map((t) => presentComment(t, listing.chapterNumbers)),
    form: {
      action: full ? `/works/${workId}/comments` : `/works/${workId}/chapters/${chapterIds[0]}/comments`,
      prefix: 'comment',
      legend: 'Post Comment',
      submitLabel: 'Comment',
      problem: listing.form.problem,
      loginUrl: guestMayLogIn ? `/login?return_to=${encodeURIComponent(here)}` : null,
      guest: listing.form.guest,
      moderated: listing.form.moderated,
      pseuds: listing.form.pseuds,
      values: {},
      errors: {},
      returnTo: here,
    },
    pagination:
      listing.pages > 1
        ? {
            previousUrl: listing.page > 1 ? pageUrl(listing.page - 1) : null,
            nextUrl: listing.page < listing.pages ? pageUrl(listing.page + 1) : null,
            summary: `Page ${listing.page} of ${listing.pages} of comment threads`,
          }
        : null,
    notice: noticeFrom(query),
    returnTo: listing.page > 1 ? pageUrl(listing.page).replace('#comments', '') : here,
  });
}
