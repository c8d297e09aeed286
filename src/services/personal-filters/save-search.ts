// Saving a search: a name and the listing query it stands for. The query must parse as listing
// parameters (DESIGN.md "Listing and search parameters"), and is stored in its canonical form so
// the same search saved from /works, a tag's works or the API reads the same.
import { countSavedSearches, insertSavedSearch, savedSearchesOf, type SavedSearchRow } from '../../db/repos/saved-searches.repo.ts';
import { Conflict, Invalid } from '../../domain/errors.ts';
import { MAX_SAVED_SEARCH_NAME, MAX_SAVED_SEARCH_QUERY, MAX_SAVED_SEARCHES, savedSearchName } from '../../domain/mutes.ts';
import { parseWorkQuery, workQueryToParams } from '../../domain/work-query-parse.ts';
import type { ListingParams } from '../../domain/work-query.ts';
import type { ServiceContext } from '../context.ts';
import { filtersOwnerId } from './access.ts';

/** Where a listing stands, not what it asks: a saved search always opens at its first page. */
const POSITION_PARAMS = new Set(['page', 'cursor', '_csrf']);

/**
 * The canonical query string of a listing query: `raw` may be a query string (with or without
 * "?") or a pasted listing URL. Throws Invalid, naming the problem, when it does not parse.
 */
export function canonicalListingQuery(raw: string, now: Date): string {
  const trimmed = raw.trim();
  if (trimmed.length > MAX_SAVED_SEARCH_QUERY) throw new Invalid('That search is too long to save.', { query: `At most ${MAX_SAVED_SEARCH_QUERY} characters.` });
  const questionMark = trimmed.indexOf('?');
  const search = new URLSearchParams(questionMark >= 0 ? trimmed.slice(questionMark + 1) : trimmed);
  const params: ListingParams = {};
  for (const key of new Set(search.keys())) {
    if (POSITION_PARAMS.has(key)) continue;
    const values = search.getAll(key);
    params[key] = values.length === 1 ? values[0] : values;
  }
  let canonical: string;
  try {
    canonical = new URLSearchParams(workQueryToParams(parseWorkQuery(params, now))).toString();
  } catch (error) {
    if (error instanceof Invalid) throw new Invalid(`That search cannot be saved: ${error.message}`, { query: error.message });
    throw error;
  }
  if (canonical === '') throw new Invalid('That search has no filters or sort order to save: choose some first.', { query: 'Nothing to save.' });
  return canonical;
}

export async function saveSearch(ctx: ServiceContext, input: { name: string; query: string }): Promise<SavedSearchRow> {
  const userId = filtersOwnerId(ctx, 'save searches');
  const name = savedSearchName(input.name);
  if (!name) throw new Invalid(`Give the search a name of 1 to ${MAX_SAVED_SEARCH_NAME} characters.`, { name: `Required, at most ${MAX_SAVED_SEARCH_NAME} characters.` });
  const query = canonicalListingQuery(input.query, ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    if ((await countSavedSearches(trx, userId)) >= MAX_SAVED_SEARCHES) {
      throw new Invalid(`You can keep at most ${MAX_SAVED_SEARCHES} saved searches. Delete one before saving another.`, { name: `At most ${MAX_SAVED_SEARCHES} saved searches.` });
    }
    const key = name.toLowerCase();
    // Names tell searches apart in the list, so two may not share one.
    if ((await savedSearchesOf(trx, userId)).some((s) => s.name.toLowerCase() === key)) {
      throw new Conflict(`You already have a saved search named "${name}". Choose another name, or delete that one first.`, { name: `You already have a saved search named "${name}".` });
    }
    return insertSavedSearch(trx, { userId, name, query }, ctx.clock.now().toISOString());
  });
}
