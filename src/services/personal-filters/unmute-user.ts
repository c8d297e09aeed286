// Unmuting a creator: their works show in full again.
import { deleteMutedUser } from '../../db/repos/mutes.repo.ts';
import { NotFound } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import { filtersOwnerId } from './access.ts';

export async function unmuteUser(ctx: ServiceContext, mutedUserId: number): Promise<void> {
  const userId = filtersOwnerId(ctx, 'unmute creators');
  if (!(await deleteMutedUser(ctx.db, userId, mutedUserId))) throw new NotFound('You have not muted that creator.');
}
