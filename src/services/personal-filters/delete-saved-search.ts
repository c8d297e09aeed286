// Deleting one of one's saved searches.
import { deleteSavedSearch } from '../../db/repos/saved-searches.repo.ts';
import { NotFound } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import { filtersOwnerId } from './access.ts';

export async function deleteMySavedSearch(ctx: ServiceContext, id: number): Promise<void> {
  const userId = filtersOwnerId(ctx, 'delete saved searches');
  // Another reader's search answers the same as none: ids must not reveal what others saved.
  if (!(await deleteSavedSearch(ctx.db, id, userId))) throw new NotFound('You have no such saved search.');
}
