// Co-creators (AO3's "invite co-creators"): naming another user's pseud on a work creates an
// unapproved creatorship. The work does not list them — nor may they edit it — until they accept
// on their creatorships page; declining removes the invitation.
import { approveCreatorship, bumpRevision, pendingCreatorshipsOfUser, removeCreatorship, type PendingCreatorship } from '../../db/repos/creatorships.repo.ts';
import { findWorksByIds } from '../../db/repos/works.repo.ts';
import { creatorsForWorks, type CreatorRecord } from '../../db/repos/creators.repo.ts';
import { findPseud, findPseudsByName, findUserByLogin, type PseudRecord } from '../../db/repos/users.repo.ts';
import type { Db } from '../../db/types.ts';
import { Forbidden, Invalid, NotFound, Unauthenticated } from '../../domain/errors.ts';
import { can } from '../../domain/policy.ts';
import { parseByline } from '../../domain/user-names.ts';
import type { ServiceContext } from '../context.ts';
import { ORPHAN_ACCOUNT } from '../import-creator.ts';

/**
 * The pseuds a list of co-creator names stands for. A bare name must belong to exactly one user
 * (their default pseud wins when it matches a login); otherwise the writer is asked for
 * "pseud (login)". Every unknown or ambiguous name is reported at once, under `coCreators`.
 */
export async function resolveCoCreators(db: Db, names: readonly string[]): Promise<PseudRecord[]> {
  const problems: string[] = [];
  const found = new Map<number, PseudRecord>();
  for (const name of names) {
    const { pseud, login } = parseByline(name);
    let match: PseudRecord | null | undefined;
    if (login) {
      match = await findPseud(db, login, pseud);
      if (!match) problems.push((await findUserByLogin(db, login)) ? `${login} has no pseud named "${pseud}".` : `There is no user "${login}".`);
    } else {
      const matches = await findPseudsByName(db, pseud);
      match = matches.find((p) => p.isDefault && p.login.toLowerCase() === pseud.toLowerCase()) ?? (matches.length === 1 ? matches[0] : undefined);
      if (!match && matches.length > 1) problems.push(`Several users have a pseud named "${pseud}"; write it as ${matches.map((p) => `"${p.name} (${p.login})"`).join(' or ')}.`);
      else if (!match) problems.push(`There is no pseud named "${pseud}"; check the spelling, or write it as "pseud (login)".`);
    }
    // Nobody can answer for the orphan account, so it cannot be invited.
    if (match && match.login === ORPHAN_ACCOUNT) {
      problems.push(`"${name}" cannot be invited as a co-creator.`);
      continue;
    }
    if (match) found.set(match.id, match);
  }
  if (problems.length > 0) throw new Invalid(problems.join(' '), { coCreators: problems.join(' ') });
  return [...found.values()];
}

export interface CreatorshipInvitation extends PendingCreatorship {
  /** The work's approved creators (empty when the work is anonymous: the invitee learns who on accepting). */
  invitedBy: CreatorRecord[];
  anonymous: boolean;
}

function invitedUser(ctx: ServiceContext, userId: number): void {
  if (ctx.actor.kind !== 'user') throw new Unauthenticated('Log in to see your co-creator invitations.');
  if (!can(ctx.actor, { do: 'creatorship:respond', invitedUserId: userId })) throw new Forbidden('These invitations belong to another user.');
}

/** The invitations a user has not answered, for their creatorships page (only they may see it). */
export async function pendingInvitations(ctx: ServiceContext, login: string): Promise<CreatorshipInvitation[]> {
  const user = await findUserByLogin(ctx.db, login);
  if (!user) throw new NotFound(`There is no user "${login}".`);
  invitedUser(ctx, user.id);
  const pending = await pendingCreatorshipsOfUser(ctx.db, user.id);
  const creators = await creatorsForWorks(ctx.db, pending.map((p) => p.workId));
  const works = await findWorksByIds(ctx.db, pending.map((p) => p.workId));
  const anonymous = new Set(works.filter((w) => w.anonymous).map((w) => w.id));
  return pending.map((p) => ({ ...p, anonymous: anonymous.has(p.workId), invitedBy: anonymous.has(p.workId) ? [] : (creators.get(p.workId) ?? []) }));
}

/** Accepts or declines the invitation of one of the actor's pseuds to a work. */
export async function respondToInvitation(ctx: ServiceContext, input: { workId: number; pseudId: number; accept: boolean }): Promise<{ posted: boolean }> {
  if (ctx.actor.kind !== 'user') throw new Unauthenticated('Log in to answer co-creator invitations.');
  const pending = await pendingCreatorshipsOfUser(ctx.db, ctx.actor.userId);
  const invitation = pending.find((p) => p.workId === input.workId && p.pseudId === input.pseudId);
  if (!invitation) throw new NotFound('There is no such invitation (it may have been answered already).');
  invitedUser(ctx, ctx.actor.userId);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (input.accept) {
      await approveCreatorship(trx, input.workId, input.pseudId);
      // The byline changes what readers (and downloads) see.
      await bumpRevision(trx, input.workId, now);
    } else {
      await removeCreatorship(trx, input.workId, input.pseudId);
    }
  });
  const [work] = await findWorksByIds(ctx.db, [input.workId]);
  return { posted: work?.posted ?? false };
}
