// Deleting an account (AO3): the user chooses to orphan their works — they stay, credited to
// orphan_account — or to delete them. Co-created works survive either way, credited to the other
// creators. Needs the current password.
import { bumpRevision, creatorshipsOfUser, creatorshipsOfWork, removeCreatorship, removePendingCreatorshipsOfUser } from '../../db/repos/creatorships.repo.ts';
import { deleteWorkIn } from '../works/remove.ts';
import { deleteUser } from '../../db/repos/users.repo.ts';
import { Invalid } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import { orphanWorksOf } from '../works/orphan.ts';
import { forgetReader } from '../reader/forget-reader.ts';
import { ownAccountWithPassword } from './settings.ts';

export type WorksChoice = 'orphan' | 'delete';

export async function deleteAccount(ctx: ServiceContext, input: { currentPassword: string; works: WorksChoice; keepPseudNames?: boolean }): Promise<void> {
  if (input.works !== 'orphan' && input.works !== 'delete') throw new Invalid('Choose whether to orphan or delete your works.', { works: 'Choose one.' });
  const user = await ownAccountWithPassword(ctx, input.currentPassword);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    // Invitations the user never accepted are withdrawn: they credit nothing.
    await removePendingCreatorshipsOfUser(trx, user.id);
    const mine = await creatorshipsOfUser(trx, user.id);
    const workIds = [...new Set(mine.map((c) => c.workId))];
    if (input.works === 'orphan') {
      await orphanWorksOf(trx, user.id, workIds, input.keepPseudNames ?? false, now);
    } else {
      for (const workId of workIds) {
        const others = (await creatorshipsOfWork(trx, workId)).filter((c) => c.userId !== user.id && c.approved);
        if (others.length === 0) {
          await deleteWorkIn(trx, workId);
        } else {
          for (const c of mine.filter((m) => m.workId === workId)) await removeCreatorship(trx, workId, c.pseudId);
          await bumpRevision(trx, workId, now);
        }
      }
    }
    // Their bookmarks and subscriptions go too, and the works' counts and stats follow.
    await forgetReader(trx, user.id, ctx.clock.now());
    // Sessions, pseuds, roles and tokens go with the account (foreign keys cascade).
    await deleteUser(trx, user.id);
  });
}
