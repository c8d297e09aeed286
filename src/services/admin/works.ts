// Admins hide works that break the archive's rules (AO3's "hidden by an administrator"): a hidden
// work disappears for everyone but its creators and admins, without being deleted.
import { findWorkById } from '../../db/repos/works.repo.ts';
import { bumpRevision } from '../../db/repos/creatorships.repo.ts';
import { setHiddenByAdmin } from '../../db/repos/moderation.repo.ts';
import { NotFound } from '../../domain/errors.ts';
import { requireAdmin } from './guard.ts';
import type { ServiceContext } from '../context.ts';

export async function setWorkHidden(ctx: ServiceContext, workId: number, hidden: boolean): Promise<void> {
  requireAdmin(ctx);
  const work = await findWorkById(ctx.db, workId);
  if (!work) throw new NotFound(`There is no work ${workId}.`);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await setHiddenByAdmin(trx, workId, hidden);
    await bumpRevision(trx, workId, now);
  });
}
