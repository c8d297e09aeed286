// Finding works: AO3's work search and filters, plus full-text search inside stories. One use case
// behind /works, /works/search, /tags/:tag/works, /users/:login/works and GET /api/v1/works:
//
//   listing parameters ─parse─▶ WorkQuery ─resolve tag names─▶ ResolvedWorkQuery
//   ─(q: full-text provider → every match, scored)─▶ discovery index (filters, sort, page, facets)
//   ─▶ cards (policy applied again per work) + snippets for the shown page
//
// Scores are wanted only for "best match" order. When a common word matches too many works to
// score each, the provider asks the discovery index which matches pass the filters, and scores
// just those when they are few enough (a search inside one fandom is ranked in full).
//
// Visibility is applied twice on purpose: the discovery index only holds posted, unhidden works
// and applies the reader's scope, and loadWorkCards re-checks `can(work:read)` for each card.
import { findTagsByNames, type TagRecord } from '../db/repos/tags.repo.ts';
import { tagKey } from '../domain/tag-name.ts';
import { workScope } from '../domain/policy.ts';
import { parseWorkQuery } from '../domain/work-query-parse.ts';
import type { ListingParams, TagRef, WorkQuery } from '../domain/work-query.ts';
import { discoveryIndexFor } from '../search/discovery-index.ts';
import { searchProviderFor } from '../search/fulltext/index.ts';
import type { FacetCount, ResolvedWorkQuery, Snippet } from '../search/types.ts';
import type { ServiceContext } from './context.ts';
import { loadWorkCards, type WorkCard } from './work-cards.ts';

export const MAX_PAGE_SIZE = 100;
/** Page-number paging stops here (AO3 stops at 5,000 pages of 20); deeper needs the cursor. */
export const MAX_OFFSET = 100_000;

export interface FindWorksRequest {
  params: ListingParams;
  limit: number;
  /** 1-based page number (web pages). */
  page?: number;
  /** Keyset cursor (API). */
  cursor?: string | null;
  facetsPerType?: number;
  /** The listing's own context: a tag page's tag (a filter-set tag id) or a creator. */
  withinTagId?: number;
  creatorUserId?: number;
  includeAnonymous?: boolean;
}

export interface FoundWorks {
  query: WorkQuery;
  cards: WorkCard[];
  total: number;
  facets: FacetCount[];
  next: string | null;
  /** Highlighted passages for the shown works, when the query had text. */
  snippets: Map<number, Snippet>;
}

export async function findWorks(ctx: ServiceContext, request: FindWorksRequest): Promise<FoundWorks> {
  const query = parseWorkQuery(request.params, ctx.clock.now());
  const resolved = await resolveWorkQuery(ctx, query, request);
  const provider = query.search ? searchProviderFor(ctx.db, ctx.caps) : null;
  if (provider && query.search && !resolved.matchesNothing) {
    resolved.textScores = await provider.match(query.search, {
      rank: query.sort === 'best',
      ...(hasFilters(resolved) ? { narrow: (matches, limit) => passingFilters(ctx, { ...resolved, textScores: matches }, limit) } : {}),
    });
  }
  const offset = request.page && request.page > 1 ? (request.page - 1) * request.limit : 0;
  const page = resolved.matchesNothing
    ? { ids: [], total: 0, facets: [], next: null }
    : await discoveryIndexFor(ctx.db, ctx.caps).query(resolved, {
        limit: request.limit,
        ...(offset > 0 ? { offset } : {}),
        ...(request.cursor ? { cursor: request.cursor } : {}),
        facetsPerType: request.facetsPerType ?? 10,
      });
  // Snippets are read alongside the cards (on PostgreSQL, on another connection), and kept only
  // for the works whose cards the policy let through.
  const [cards, passages] = await Promise.all([
    loadWorkCards(ctx.db, ctx.actor, page.ids),
    provider && query.search && page.ids.length > 0 ? provider.snippets(query.search, page.ids) : new Map<number, Snippet>(),
  ]);
  const snippets = new Map(cards.flatMap((c) => (passages.has(c.work.id) ? [[c.work.id, passages.get(c.work.id)!] as const] : [])));
  return { query, cards, total: page.total, facets: page.facets, next: page.next, snippets };
}

/**
 * Whether anything besides the reader's scope limits the works. Without filters, asking which
 * matches pass them (a pass over every match) would only confirm that too many do.
 */
function hasFilters(q: ResolvedWorkQuery): boolean {
  const ranges = [q.words, q.hits, q.kudos, q.comments, q.bookmarks, q.posted, q.updated];
  return (
    q.includeTagIds.length > 0 ||
    q.excludeTagIds.length > 0 ||
    q.creatorUserId !== undefined ||
    q.language !== undefined ||
    q.complete !== undefined ||
    q.singleChapter === true ||
    (q.crossover !== undefined && q.crossover !== 'include') ||
    ranges.some((r) => r !== undefined)
  );
}

/** The works that pass the query's filters and scope, or null when more than `limit` do. */
async function passingFilters(ctx: ServiceContext, resolved: ResolvedWorkQuery, limit: number): Promise<readonly number[] | null> {
  // Only the set is wanted, so any order does: "updated" is a plain column, which the index pages
  // without writing a sort key for every match.
  const page = await discoveryIndexFor(ctx.db, ctx.caps).query({ ...resolved, sort: 'updated', order: 'desc' }, { limit: limit + 1, facetsPerType: 0 });
  return page.total <= limit ? page.ids : null;
}

/**
 * Tag names become filter-set ids: a synonym stands for its canonical tag, an unwrangled tag for
 * itself (as in filter sets). A typed name (`fandom=…`) must be a tag of that type. An include
 * that names no such tag matches nothing; an exclude that names none excludes nothing.
 */
async function resolveWorkQuery(ctx: ServiceContext, query: WorkQuery, request: FindWorksRequest): Promise<ResolvedWorkQuery> {
  const found = await findTagsByNames(ctx.db, [...query.include, ...query.exclude].map((t) => t.name));
  const filterId = (ref: TagRef): number | null => {
    const tag: TagRecord | undefined = found.get(tagKey(ref.name));
    if (!tag || (ref.type && tag.type !== ref.type)) return null;
    return tag.mergerId ?? tag.id;
  };
  const includeIds = query.include.map(filterId);
  const { include: _include, exclude: _exclude, text: _text, search: _search, ...rest } = query;
  return {
    ...rest,
    scope: workScope(ctx.actor),
    includeTagIds: [...new Set([...includeIds.filter((id): id is number => id !== null), ...(request.withinTagId !== undefined ? [request.withinTagId] : [])])],
    excludeTagIds: [...new Set(query.exclude.map(filterId).filter((id): id is number => id !== null))],
    matchesNothing: includeIds.includes(null),
    ...(request.creatorUserId !== undefined ? { creatorUserId: request.creatorUserId, includeAnonymous: request.includeAnonymous ?? false } : {}),
  };
}
