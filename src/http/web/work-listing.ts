// The shared shape of every filterable work listing page (/works, /works/search, a tag's works,
// a creator's works): the listing parameters of DESIGN.md are read from the query string, run
// through findWorks, and shown with the filter sidebar that writes them back.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { findWorks, MAX_OFFSET, type FindWorksRequest, type FoundWorks } from '../../services/find-works.ts';
import type { ListingParams } from '../../domain/work-query.ts';
import { Invalid } from '../../domain/errors.ts';
import { chapterUrl } from '../present/urls.ts';
import { presentBlurb } from '../present/work-blurb.ts';
import { presentFilterSidebar, queryString } from '../present/work-filters.ts';
import type { WorkBlurb } from '../present/view-models.ts';
import { workListView } from './views/work-list.ts';
import { muteReasonsFor } from '../../services/personal-filters/load-mutes.ts';
import { chromeFor, sendPage } from './render.ts';
import { paginate } from './pagination.ts';

export const PAGE_SIZE = 20;

export interface ListingSpec {
  title: string;
  heading: string;
  description?: string;
  /** The listing's own path: the filter form submits to it. */
  path: string;
  /** The listing's fixed context (a tag page's tag, a creator). */
  within?: Pick<FindWorksRequest, 'withinTagId' | 'creatorUserId' | 'includeAnonymous'>;
  /** The listing's Atom feed, linked visibly and as <link rel="alternate">. */
  feedUrl?: string;
  /** A search page: say what was searched for. */
  search?: boolean;
}

/** The listing parameters of a request: everything but paging. */
export function listingParams(query: unknown): { params: ListingParams; page: number } {
  const { page, cursor: _cursor, limit: _limit, ...params } = (query ?? {}) as Record<string, string | string[] | undefined>;
  const pageNumber = page === undefined ? 1 : Number(page);
  if (!Number.isInteger(pageNumber) || pageNumber < 1) throw new Invalid('page must be a whole number from 1.', { page: 'must be a whole number from 1' });
  if ((pageNumber - 1) * PAGE_SIZE > MAX_OFFSET) throw new Invalid(`page can be at most ${MAX_OFFSET / PAGE_SIZE + 1}; narrow the filters to see older works.`, { page: 'too deep' });
  return { params, page: pageNumber };
}

export async function sendWorkListing(request: FastifyRequest, reply: FastifyReply, spec: ListingSpec): Promise<FastifyReply> {
  const { params, page } = listingParams(request.query);
  const found = await findWorks(request.ctx, { params, limit: PAGE_SIZE, page, facetsPerType: 10, ...spec.within });
  // The filter form submits every field, empty or default; answer with the canonical URL, so
  // the address a reader bookmarks or shares says exactly what they chose and nothing else.
  const canonical = canonicalListingUrl(spec.path, found, page);
  if (!sameQuery(request.url, canonical)) return reply.redirect(canonical, 303);
  const muted = await muteReasonsFor(request.ctx, found.cards);
  const chrome = chromeFor(request, { title: spec.title, ...(spec.description ? { description: spec.description } : {}) });
  const actor = request.ctx.actor;
  const save = actor.kind === 'user' && request.csrf ? { action: `/users/${encodeURIComponent(actor.login)}/saved-searches`, query: queryString(found.query), csrfToken: request.csrf } : null;
  return sendPage(
    reply,
    workListView(chrome, {
      heading: spec.heading,
      works: blurbsWithSnippets(found),
      muted,
      pagination: paginate(request.url, page, PAGE_SIZE, found.cards.length, found.total),
      filters: presentFilterSidebar(found.query, found.facets, { action: spec.path, save }),
      ...(spec.search ? { searchBox: { action: spec.path, q: found.query.text ?? '' } } : {}),
      ...(spec.search && found.query.text ? { searchSummary: `${found.total.toLocaleString('en-US')} ${found.total === 1 ? 'work' : 'works'} found for ${found.query.text}` } : {}),
      ...(spec.feedUrl ? { feedUrl: spec.feedUrl } : {}),
    }),
  );
}

function canonicalListingUrl(path: string, found: FoundWorks, page: number): string {
  const query = queryString(found.query);
  const paging = page > 1 ? `page=${page}` : '';
  const search = [query, paging].filter(Boolean).join('&');
  return search ? `${path}?${search}` : path;
}

/** Whether two URLs carry the same parameters in the same order, however they are encoded. */
function sameQuery(a: string, b: string): boolean {
  const entries = (url: string) => JSON.stringify([...new URLSearchParams(url.split('?')[1] ?? '')]);
  return entries(a) === entries(b);
}

function blurbsWithSnippets(found: FoundWorks): WorkBlurb[] {
  return found.cards.map((card) => {
    const blurb = presentBlurb(card);
    const snippet = found.snippets.get(card.work.id);
    if (!snippet) return blurb;
    if (snippet.chapterId === 0) return { ...blurb, snippet: { html: snippet.html, label: 'In the summary', url: blurb.url } };
    const label = card.work.chapterCount > 1 || snippet.chapterPosition > 1 ? `Chapter ${snippet.chapterPosition}` : 'In the text';
    return { ...blurb, snippet: { html: snippet.html, label, url: chapterUrl(card.work.id, snippet.chapterId) } };
  });
}
