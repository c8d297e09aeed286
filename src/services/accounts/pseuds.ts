// Pseuds: several names per account, one of them the default (AO3). Deleting a pseud moves its
// works to the default pseud.
import { bumpRevision, creatorshipsOfUser, moveCreatorship, moveSeriesCreatorships } from '../../db/repos/creatorships.repo.ts';
import { deletePseud, findPseudById, insertPseud, pseudsOfUser, setDefaultPseud, type PseudRecord } from '../../db/repos/users.repo.ts';
import { Conflict, Invalid, NotFound } from '../../domain/errors.ts';
import { ownUserId as ownAccountId } from './own-account.ts';
import { pseudKey, pseudProblem } from '../../domain/user-names.ts';
import type { ServiceContext } from '../context.ts';

export const MAX_PSEUDS = 100;

const ownUserId = (ctx: ServiceContext) => ownAccountId(ctx, 'manage your pseuds');

async function ownPseud(ctx: ServiceContext, pseudId: number): Promise<PseudRecord> {
  const userId = ownUserId(ctx);
  const pseud = await findPseudById(ctx.db, pseudId);
  if (!pseud || pseud.userId !== userId) throw new NotFound('You have no such pseud.');
  return pseud;
}

export async function myPseuds(ctx: ServiceContext): Promise<PseudRecord[]> {
  return pseudsOfUser(ctx.db, ownUserId(ctx));
}

export async function addPseud(ctx: ServiceContext, input: { name: string; makeDefault?: boolean }): Promise<PseudRecord> {
  const userId = ownUserId(ctx);
  const name = input.name.replace(/\s+/g, ' ').trim();
  const problem = pseudProblem(name);
  if (problem) throw new Invalid(problem, { name: problem });
  const existing = await pseudsOfUser(ctx.db, userId);
  if (existing.some((p) => pseudKey(p.name) === pseudKey(name))) throw new Conflict(`You already have a pseud named "${name}".`, { name: 'You already have this pseud.' });
  if (existing.length >= MAX_PSEUDS) throw new Invalid(`You can have at most ${MAX_PSEUDS} pseuds.`);
  return ctx.db.transaction().execute(async (trx) => {
    const pseud = await insertPseud(trx, { userId, name, isDefault: false }, ctx.clock.now().toISOString());
    if (input.makeDefault) await setDefaultPseud(trx, userId, pseud.id);
    return { ...pseud, isDefault: Boolean(input.makeDefault), login: existing[0]?.login ?? '' };
  });
}

export async function makeDefaultPseud(ctx: ServiceContext, pseudId: number): Promise<void> {
  const pseud = await ownPseud(ctx, pseudId);
  // Two updates (clear, then set): together, so the account never has no default pseud.
  await ctx.db.transaction().execute((trx) => setDefaultPseud(trx, pseud.userId, pseud.id));
}

export async function removePseud(ctx: ServiceContext, pseudId: number): Promise<void> {
  const pseud = await ownPseud(ctx, pseudId);
  if (pseud.isDefault) throw new Invalid('You cannot delete your default pseud; make another one the default first.');
  const all = await pseudsOfUser(ctx.db, pseud.userId);
  const fallback = all.find((p) => p.isDefault)!;
  await ctx.db.transaction().execute(async (trx) => {
    for (const creatorship of await creatorshipsOfUser(trx, pseud.userId)) {
      if (creatorship.pseudId !== pseud.id) continue;
      await moveCreatorship(trx, creatorship.workId, pseud.id, fallback.id);
      // The byline changed: downloads and feeds must not keep the old one.
      await bumpRevision(trx, creatorship.workId, ctx.clock.now().toISOString());
    }
    await moveSeriesCreatorships(trx, pseud.id, fallback.id);
    await deletePseud(trx, pseud.id);
  });
}
