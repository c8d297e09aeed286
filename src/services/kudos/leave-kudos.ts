// Leaving kudos (AO3's "Kudos ♥"): one per user, or per guest (by a keyed hash of the address),
// per work. A second kudos changes nothing and is answered politely; creators cannot leave
// kudos on their own works, and nobody can where the work cannot be read.
import { creatorsForWorks } from '../../db/repos/creators.repo.ts';
import { bumpKudosCount, insertKudos, type KudosGiver } from '../../db/repos/kudos.repo.ts';
import { recordWorkStat } from '../../db/repos/work-stats.repo.ts';
import { Forbidden } from '../../domain/errors.ts';
import { can, type WorkAccess } from '../../domain/policy.ts';
import type { Actor } from '../../domain/actor.ts';
import type { ServiceContext } from '../context.ts';
import { spend, type Limit } from '../rate-limit.ts';
import { findReadableWork } from '../read-work.ts';
import { workAccess } from '../work-cards.ts';
import { guestKudosKey } from '../stats/visitor-keys.ts';

/** AO3's own words for a second kudos. */
export const ALREADY_LEFT_KUDOS = 'You have already left kudos here. :)';

/**
 * Kudos per address. Generous, since a school or a phone network puts many readers behind one
 * address; it stops a script from sweeping kudos across the archive.
 */
export const KUDOS_PER_IP: Limit = {
  name: 'kudos-ip',
  max: 100,
  windowMs: 60 * 60_000,
  message: 'You have left a great many kudos in the last hour. Please wait a while before leaving more.',
};

export interface KudosInput {
  workId: number;
  /** The client's address: rate limiting, and a guest's identity (hashed, never stored). */
  ip: string;
}

export interface KudosResult {
  /** 'already': this user or guest had left kudos before, and nothing changed. */
  outcome: 'left' | 'already';
}

function refusal(actor: Actor, work: WorkAccess): string {
  if (actor.kind === 'user' && work.creatorUserIds.includes(actor.userId)) return "You can't leave kudos on your own work.";
  if (work.hiddenByAdmin) return 'This work is hidden by the archive’s admins and cannot receive kudos right now.';
  if (!work.posted) return 'Kudos can be left once the work is posted.';
  return 'You cannot leave kudos on this work.';
}

export async function leaveKudos(ctx: ServiceContext, input: KudosInput): Promise<KudosResult> {
  // Not found, or "log in" for a restricted work, exactly as the work page answers.
  const card = await findReadableWork(ctx, input.workId);
  // The card hides an anonymous work's creators from others; the policy needs them all.
  const creators = (await creatorsForWorks(ctx.db, [input.workId])).get(input.workId) ?? [];
  const access = workAccess(card.work, creators);
  if (!can(ctx.actor, { do: 'work:kudos', work: access })) throw new Forbidden(refusal(ctx.actor, access));

  const now = ctx.clock.now();
  await spend(ctx.db, KUDOS_PER_IP, input.ip, now);
  const giver: KudosGiver = ctx.actor.kind === 'user' ? { userId: ctx.actor.userId } : { guestKey: await guestKudosKey(ctx.db, input.workId, input.ip, now) };
  const left = await ctx.db.transaction().execute(async (trx) => {
    if (!(await insertKudos(trx, input.workId, giver, now.toISOString()))) return false;
    await bumpKudosCount(trx, input.workId);
    await recordWorkStat(trx, input.workId, 'kudos', 1, now);
    return true;
  });
  return { outcome: left ? 'left' : 'already' };
}
