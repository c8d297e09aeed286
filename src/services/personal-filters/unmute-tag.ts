// Unmuting a tag: its works show in full again.
import { deleteMutedTag } from '../../db/repos/mutes.repo.ts';
import { NotFound } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import { filtersOwnerId } from './access.ts';

export async function unmuteTag(ctx: ServiceContext, tagId: number): Promise<void> {
  const userId = filtersOwnerId(ctx, 'unmute tags');
  if (!(await deleteMutedTag(ctx.db, userId, tagId))) throw new NotFound('You have not muted that tag.');
}
