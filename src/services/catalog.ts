// The e-reader catalog's look-ups (OPDS, http/web/routes/opds.ts): tags to browse by, with the
// number of works the actor may see, and title search. Visibility comes from the policy's
// WorkScope in SQL, and every work passes loadWorkCards' `can(work:read)` again, as listings do.
import { countVisibleTags, visibleTagCounts, type TagCount } from '../db/repos/tag-counts.repo.ts';
import { searchWorkTitles } from '../db/repos/title-search.repo.ts';
import { NotFound } from '../domain/errors.ts';
import { workScope } from '../domain/policy.ts';
import type { TagType } from '../domain/tag-types.ts';
import { findTag, type TagView } from './browse.ts';
import type { ServiceContext } from './context.ts';
import { loadWorkCards, type WorkCard } from './work-cards.ts';

export interface TagCountPage {
  tags: TagCount[];
  total: number;
}

/** Tags of `type` in the filter sets of visible works (canonical or not yet wrangled), alphabetically. */
export async function browseTags(ctx: ServiceContext, type: TagType, page: { limit: number; page: number }): Promise<TagCountPage> {
  const filter = { scope: workScope(ctx.actor) };
  const offset = (page.page - 1) * page.limit;
  const [tags, total] = await Promise.all([visibleTagCounts(ctx.db, filter, type, { limit: page.limit, offset }), countVisibleTags(ctx.db, filter, type)]);
  return { tags, total };
}

/** A tag of the given type by name (synonyms lead to their canonical tag); NotFound otherwise. */
export async function findTagOfType(ctx: ServiceContext, name: string, type: TagType): Promise<TagView> {
  const view = await findTag(ctx, name);
  if (view.filterTag.type !== type) throw new NotFound(`There is no ${type} tag "${name}".`);
  return view;
}

export interface TitleSearchResult {
  cards: WorkCard[];
  total: number;
}

export const MAX_TITLE_QUERY = 200;

/** Works whose title contains `query` (trimmed, whitespace collapsed); nothing for an empty query. */
export async function searchTitles(ctx: ServiceContext, query: string, page: { limit: number; page: number }): Promise<TitleSearchResult> {
  const text = query.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE_QUERY);
  if (text === '') return { cards: [], total: 0 };
  const found = await searchWorkTitles(ctx.db, { scope: workScope(ctx.actor) }, text, { limit: page.limit, offset: (page.page - 1) * page.limit });
  return { cards: await loadWorkCards(ctx.db, ctx.actor, found.ids), total: found.total };
}
