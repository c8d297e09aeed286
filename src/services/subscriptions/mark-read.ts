// Marking inbox notifications read: chosen ones, or all of them. Ids of other readers'
// notifications are ignored (the update is limited to the reader's own rows).
import { markNotificationsRead } from '../../db/repos/notifications.repo.ts';
import type { ServiceContext } from '../context.ts';
import { readerId } from '../reader/owner.ts';

export async function markNotificationsAsRead(ctx: ServiceContext, ids: readonly number[] | 'all'): Promise<{ marked: number }> {
  const userId = readerId(ctx, 'manage your inbox');
  return { marked: await markNotificationsRead(ctx.db, userId, ids, ctx.clock.now().toISOString()) };
}
