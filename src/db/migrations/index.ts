// The one ordered migration set for both databases. Add a file, then list it here; names sort.
import type { OwleryMigration } from './types.ts';
import * as core from './001-core.ts';
import * as accounts from './002-accounts.ts';
import * as jobs from './003-jobs.ts';
import * as wrangling from './004-wrangling.ts';
import * as tagSearch from './005-tag-search.ts';
import * as workChanges from './006-work-changes.ts';
import * as fulltext from './007-fulltext.ts';
import * as personalFilters from './008-personal-filters.ts';
import * as kudosHits from './009-kudos-hits.ts';
import * as comments from './010-comments.ts';
import * as bookmarksSubscriptions from './011-bookmarks-subscriptions.ts';
import * as commentNotifications from './012-comment-notifications.ts';
import * as pageChanges from './013-page-changes.ts';

export const MIGRATIONS: Record<string, OwleryMigration> = {
  '001-core': core,
  '002-accounts': accounts,
  '003-jobs': jobs,
  '004-wrangling': wrangling,
  '005-tag-search': tagSearch,
  '006-work-changes': workChanges,
  '007-fulltext': fulltext,
  '008-personal-filters': personalFilters,
  '009-kudos-hits': kudosHits,
  '010-comments': comments,
  '011-bookmarks-subscriptions': bookmarksSubscriptions,
  '012-comment-notifications': commentNotifications,
  '013-page-changes': pageChanges,
};
