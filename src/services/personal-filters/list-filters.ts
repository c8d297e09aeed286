// The owner's own lists, for the muted and saved-searches pages and GET /api/v1/me/….
import { mutedTagsOf, mutedUsersOf, type MutedTagRow, type MutedUserRow } from '../../db/repos/mutes.repo.ts';
import { savedSearchesOf, type SavedSearchRow } from '../../db/repos/saved-searches.repo.ts';
import type { ServiceContext } from '../context.ts';
import { filtersOwnerId } from './access.ts';

/** `login`: the account a page's URL names; omitted for the API's /me routes. */
export async function myMutedTags(ctx: ServiceContext, login?: string): Promise<MutedTagRow[]> {
  return mutedTagsOf(ctx.db, filtersOwnerId(ctx, 'see your muted tags', login));
}

export async function myMutedUsers(ctx: ServiceContext, login?: string): Promise<MutedUserRow[]> {
  return mutedUsersOf(ctx.db, filtersOwnerId(ctx, 'see your muted creators', login));
}

export async function mySavedSearches(ctx: ServiceContext, login?: string): Promise<SavedSearchRow[]> {
  return savedSearchesOf(ctx.db, filtersOwnerId(ctx, 'see your saved searches', login));
}
