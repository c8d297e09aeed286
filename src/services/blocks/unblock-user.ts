// Unblocking a user: they may comment on your works and reply to your comments again.
import { deleteBlock } from '../../db/repos/blocks.repo.ts';
import { NotFound } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import { blocksOwnerId } from './access.ts';

export async function unblockUser(ctx: ServiceContext, blockedUserId: number): Promise<void> {
  const userId = blocksOwnerId(ctx, 'unblock users');
  if (!(await deleteBlock(ctx.db, userId, blockedUserId))) throw new NotFound('You have not blocked that user.');
}
