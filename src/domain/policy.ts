// The one policy module: what each actor may see and do. Routes and services ask `can()`;
// listing queries ask `workScope()` so that hidden works are filtered in SQL, never after.
import { hasRole, type Actor } from './actor.ts';

/** The facts about a work that decide who may see it. */
export interface WorkAccess {
  posted: boolean;
  hiddenByAdmin: boolean;
  restricted: boolean;
  anonymous: boolean;
  /** Users whose approved pseuds created the work. */
  creatorUserIds: readonly number[];
}

export type Action =
  | { do: 'work:read'; work: WorkAccess }
  /** Whether the actor may learn who created the work (anonymous works hide it). */
  | { do: 'work:see-creators'; work: WorkAccess }
  /** Post a new work (and upload files for it). */
  | { do: 'work:create' }
  /** Edit a work, its chapters, tags and series membership; delete or orphan it. */
  | { do: 'work:edit'; work: WorkAccess }
  /** Accept or decline an invitation to be listed as a co-creator. */
  | { do: 'creatorship:respond'; invitedUserId: number }
  /** Edit a series' own details (title, summary, notes, complete). */
  | { do: 'series:edit'; creatorUserIds: readonly number[] }
  /** Manage one's own account: settings, pseuds, API tokens, deletion. */
  | { do: 'account:manage'; userId: number }
  /** One's own personal filters: muted tags, muted creators, saved searches. */
  | { do: 'filters:manage'; userId: number }
  /** Site administration: settings, invitations, roles, suspensions. */
  | { do: 'admin:manage' }
  /** Tag wrangling: canonical tags, synonyms, parents, meta tags (wranglers and admins). */
  | { do: 'tags:wrangle' }
  /** Reading the wrangling audit log (admins). */
  | { do: 'tags:audit' }
  /** Leave kudos: anyone who may read a posted, visible work, except its creators (as on AO3). */
  | { do: 'work:kudos'; work: WorkAccess }
  /** A work's statistics over time: its creators only (AO3 shows stats to creators alone). */
  | { do: 'work:stats'; work: WorkAccess }
  /** The statistics page of all of one's works: its owner only. */
  | { do: 'user:stats'; userId: number }
  /** One's own bookmarks, subscriptions, inbox and reading history (API tokens too). */
  | { do: 'reading:manage'; userId: number }
  /** Bookmark, subscribe to or mark for later a work one may read. */
  | { do: 'work:track'; work: WorkAccess }
  /** See someone's bookmark: private ones are the bookmarker's alone, and only of readable works. */
  | { do: 'bookmark:see'; bookmark: { userId: number; private: boolean }; work: WorkAccess }
  /** Bulk import on behalf of named creators (the CLI, or an admin). */
  /** Moderate a work's comments: delete any, freeze threads, hide, approve held ones (its creators). */
  | { do: 'comment:moderate'; work: WorkAccess }
  /** One's own list of blocked users (API tokens too, like filters). */
  | { do: 'blocks:manage'; userId: number }
  | { do: 'works:import' }
  | { do: 'admin:setup' };

function isCreator(actor: Actor, work: WorkAccess): boolean {
  return actor.kind === 'user' && work.creatorUserIds.includes(actor.userId);
}

/** A logged-in account in good standing. */
function isActiveUser(actor: Actor): actor is Extract<Actor, { kind: 'user' }> {
  return actor.kind === 'user' && !actor.suspended;
}

function canReadWork(actor: Actor, work: WorkAccess): boolean {
  if (actor.kind === 'system') return true;
  if (isCreator(actor, work)) return true;
  if (!work.posted) return false;
  if (work.hiddenByAdmin) return hasRole(actor, 'admin');
  if (work.restricted) return actor.kind === 'user' && !actor.suspended;
  return true;
}

export function can(actor: Actor, action: Action): boolean {
  switch (action.do) {
    case 'work:read':
      return canReadWork(actor, action.work);
    case 'work:see-creators':
      if (!canReadWork(actor, action.work)) return false;
      return !action.work.anonymous || isCreator(actor, action.work) || actor.kind === 'system';
    case 'work:create':
      return isActiveUser(actor);
    case 'work:edit':
      // Only creators edit their works; admins hide works instead of rewriting them (as on AO3).
      return isActiveUser(actor) && isCreator(actor, action.work);
    case 'creatorship:respond':
      return isActiveUser(actor) && actor.userId === action.invitedUserId;
    case 'series:edit':
      return isActiveUser(actor) && action.creatorUserIds.includes(actor.userId);
    case 'account:manage':
      // Account settings need the browser session: an API token handed to an app must not be
      // able to mint more tokens, change the email or delete the account.
      return isActiveUser(actor) && !actor.viaToken && actor.userId === action.userId;
    case 'filters:manage':
      // Unlike account settings, API tokens may manage filters: a reading app keeps the same
      // mutes as the site, and a token that leaks can change nothing but what its owner sees.
      return isActiveUser(actor) && actor.userId === action.userId;
    case 'admin:manage':
      return actor.kind === 'system' || (hasRole(actor, 'admin') && !(actor.kind === 'user' && actor.viaToken));
    case 'tags:wrangle':
      return actor.kind === 'system' || ((hasRole(actor, 'wrangler') || hasRole(actor, 'admin')) && !(actor.kind === 'user' && actor.viaToken));
    case 'tags:audit':
      return actor.kind === 'system' || (hasRole(actor, 'admin') && !(actor.kind === 'user' && actor.viaToken));
    case 'work:kudos':
      // Hidden works are under moderation: readable by admins, but not for feedback. Suspended
      // accounts have no session, so they arrive here as guests.
      if (actor.kind !== 'guest' && !isActiveUser(actor)) return false;
      return action.work.posted && !action.work.hiddenByAdmin && canReadWork(actor, action.work) && !isCreator(actor, action.work);
    case 'work:stats':
      return isActiveUser(actor) && isCreator(actor, action.work);
    case 'user:stats':
      return isActiveUser(actor) && actor.userId === action.userId;
    case 'reading:manage':
      // Like filters, a reading app with a token keeps the reader's bookmarks and history.
      return isActiveUser(actor) && actor.userId === action.userId;
    case 'work:track':
      // Not drafts, and not works under moderation, even for the admins who may read them.
      return isActiveUser(actor) && action.work.posted && !action.work.hiddenByAdmin && canReadWork(actor, action.work);
    case 'bookmark:see':
      if (action.bookmark.private && actor.kind !== 'system' && !(actor.kind === 'user' && actor.userId === action.bookmark.userId)) return false;
      return canReadWork(actor, action.work);
    case 'comment:moderate':
      return isActiveUser(actor) && isCreator(actor, action.work);
    case 'blocks:manage':
      return isActiveUser(actor) && actor.userId === action.userId;
    case 'works:import':
      return actor.kind === 'system' || hasRole(actor, 'admin');
    case 'admin:setup':
      return actor.kind === 'guest' || actor.kind === 'system';
  }
}

/**
 * The slice of works an actor may see in listings, expressed as flags a repository turns into
 * SQL. Listings never show drafts (a creator's own drafts have their own page) nor works an
 * admin hid.
 */
export interface WorkScope {
  includeRestricted: boolean;
}

export function workScope(actor: Actor): WorkScope {
  return { includeRestricted: actor.kind === 'system' || (actor.kind === 'user' && !actor.suspended) };
}

/**
 * Whether listings may attribute anonymous works to a creator. Only the creators themselves may
 * ever see that; listings by creator leave anonymous works out for everyone else.
 */
export function showsAnonymousWorksOf(actor: Actor, userId: number): boolean {
  return actor.kind === 'system' || (actor.kind === 'user' && actor.userId === userId);
}
