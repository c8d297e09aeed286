// Orphaning (AO3): a creator lets go of works; they stay on the archive credited to the
// `orphan_account` user — under its default pseud, or under a pseud of the same name on that
// account when the creator chooses to keep their pseud name on the work.
import { findPseud, findPseudById, insertPseud, type PseudRecord } from '../../db/repos/users.repo.ts';
import { bumpRevision, creatorshipsOfWork, moveCreatorship, moveOneSeriesCreatorship, removeCreatorship, seriesPseudIdsOfUser, userHasWorksInSeries } from '../../db/repos/creatorships.repo.ts';
import { seriesIdsOfWork } from '../../db/repos/series.repo.ts';
import type { Db } from '../../db/types.ts';
import { findOrCreateImportCreator, ORPHAN_ACCOUNT } from '../import-creator.ts';

async function orphanPseudFor(db: Db, pseudName: string | null, now: string): Promise<PseudRecord> {
  const account = await findOrCreateImportCreator(db, ORPHAN_ACCOUNT, now);
  if (!pseudName || pseudName === ORPHAN_ACCOUNT) return account;
  const existing = await findPseud(db, ORPHAN_ACCOUNT, pseudName);
  if (existing) return existing;
  const created = await insertPseud(db, { userId: account.userId, name: pseudName, isDefault: false }, now);
  return { ...created, login: ORPHAN_ACCOUNT };
}

async function pseudName(db: Db, names: Map<number, string>, pseudId: number): Promise<string> {
  let name = names.get(pseudId);
  if (name === undefined) {
    name = (await findPseudById(db, pseudId))?.name ?? ORPHAN_ACCOUNT;
    names.set(pseudId, name);
  }
  return name;
}

/**
 * Moves `userId`'s creatorships on these works to orphan_account. Co-creators stay credited; the
 * orphaning user no longer is. Invitations the user has not accepted are withdrawn, not moved:
 * orphan_account must not become a creator of a work it was never credited on. A series of these
 * works goes to the orphan account too once the user has no work left in it — orphaning one part
 * of a series leaves them the rest of it.
 */
export async function orphanWorksOf(db: Db, userId: number, workIds: readonly number[], keepPseudNames: boolean, now: string): Promise<void> {
  const names = new Map<number, string>();
  const series = new Set<number>();
  for (const workId of workIds) {
    for (const creatorship of await creatorshipsOfWork(db, workId)) {
      if (creatorship.userId !== userId) continue;
      if (!creatorship.approved) {
        await removeCreatorship(db, workId, creatorship.pseudId);
        continue;
      }
      const target = await orphanPseudFor(db, keepPseudNames ? await pseudName(db, names, creatorship.pseudId) : null, now);
      await moveCreatorship(db, workId, creatorship.pseudId, target.id);
    }
    for (const seriesId of await seriesIdsOfWork(db, workId)) series.add(seriesId);
    await bumpRevision(db, workId, now);
  }
  for (const seriesId of series) {
    if (await userHasWorksInSeries(db, seriesId, userId)) continue;
    for (const pseudId of await seriesPseudIdsOfUser(db, seriesId, userId)) {
      const target = await orphanPseudFor(db, keepPseudNames ? await pseudName(db, names, pseudId) : null, now);
      await moveOneSeriesCreatorship(db, seriesId, pseudId, target.id);
    }
  }
}
