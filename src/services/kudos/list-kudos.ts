// Who left kudos on a work: the logins of users (most recent first) and how many guests. Guests
// are only a number; the accounts of deleted users count among them.
import { kudosCounts, kudosLogins } from '../../db/repos/kudos.repo.ts';
import { can } from '../../domain/policy.ts';
import type { ServiceContext } from '../context.ts';
import { findReadableWork } from '../read-work.ts';
import { workAccess, type WorkCard } from '../work-cards.ts';

/** Names a work page lists before "and N more users" (AO3 collapses long lists too). */
export const KUDOS_NAMES_ON_PAGE = 100;
/** Names one API answer carries. */
export const KUDOS_NAMES_IN_API = 1000;

export interface KudosList {
  total: number;
  userCount: number;
  guestCount: number;
  /** Up to the limit asked for, most recent first. */
  logins: string[];
  /** Whether the actor may press "Kudos ♥" (not the work's creators, not on hidden works). */
  canLeave: boolean;
}

/**
 * The kudos of a work the actor has already been allowed to read (the work page's card). The
 * card's creators suffice for `canLeave`: an anonymous work's creators always see themselves.
 */
export async function kudosOf(ctx: ServiceContext, card: WorkCard, limit = KUDOS_NAMES_ON_PAGE): Promise<KudosList> {
  const workId = card.work.id;
  const [counts, logins] = await Promise.all([kudosCounts(ctx.db, workId), kudosLogins(ctx.db, workId, limit)]);
  return {
    total: counts.total,
    userCount: counts.users,
    guestCount: counts.total - counts.users,
    logins,
    canLeave: can(ctx.actor, { do: 'work:kudos', work: workAccess(card.work, card.creators) }),
  };
}

/** The kudos of a work by id, for whoever may read the work (the API). */
export async function listKudos(ctx: ServiceContext, workId: number, limit = KUDOS_NAMES_IN_API): Promise<KudosList> {
  return kudosOf(ctx, await findReadableWork(ctx, workId), limit);
}
