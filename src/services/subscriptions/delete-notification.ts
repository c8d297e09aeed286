// Deleting one notification from one's inbox; someone else's is "not found".
import { deleteNotificationOf } from '../../db/repos/notifications.repo.ts';
import { NotFound } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import { readerId } from '../reader/owner.ts';

export async function deleteNotification(ctx: ServiceContext, id: number): Promise<void> {
  const userId = readerId(ctx, 'manage your inbox');
  if (!(await deleteNotificationOf(ctx.db, userId, id))) throw new NotFound(`Your inbox has no notification ${id}.`);
}
