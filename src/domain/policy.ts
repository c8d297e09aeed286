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
  /** Bulk import on behalf of named creators (the CLI, or an admin). */
  | { do: 'works:import' }
  | { do: 'admin:setup' };

function isCreator(actor: Actor, work: WorkAccess): boolean {
  return actor.kind === 'user' && work.creatorUserIds.includes(actor.userId);
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
