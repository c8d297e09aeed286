// Listings of works an actor may see: newest first, optionally by tag or by creator.
import { countWorks, listWorkIds, type ListCursor, type WorkListFilter } from '../db/repos/work-listing.repo.ts';
import { workScope } from '../domain/policy.ts';
import type { ServiceContext } from './context.ts';
import { loadWorkCards, type WorkCard } from './work-cards.ts';

export interface ListWorksQuery {
  filterTagId?: number;
  creatorUserId?: number;
  seriesId?: number;
  /** For creator listings: whether the actor may see that creator's anonymous works. */
  includeAnonymous?: boolean;
  limit: number;
  /** Keyset pagination (API). */
  after?: ListCursor | null;
  /** Page number pagination (web pages), 1-based. */
  page?: number;
  withTotal?: boolean;
}

export interface WorkListResult {
  cards: WorkCard[];
  next: ListCursor | null;
  total: number | null;
}

export async function listWorks(ctx: ServiceContext, query: ListWorksQuery): Promise<WorkListResult> {
  const filter: WorkListFilter = {
    scope: workScope(ctx.actor),
    ...(query.filterTagId !== undefined ? { filterTagId: query.filterTagId } : {}),
    ...(query.creatorUserId !== undefined ? { creatorUserId: query.creatorUserId, includeAnonymous: query.includeAnonymous ?? false } : {}),
    ...(query.seriesId !== undefined ? { seriesId: query.seriesId } : {}),
  };
  const offset = query.page && query.page > 1 ? (query.page - 1) * query.limit : 0;
  const [page, total] = await Promise.all([
    listWorkIds(ctx.db, filter, { limit: query.limit, after: query.after ?? null, offset }),
    query.withTotal ? countWorks(ctx.db, filter) : Promise.resolve(null),
  ]);
  return { cards: await loadWorkCards(ctx.db, ctx.actor, page.ids), next: page.next, total };
}
