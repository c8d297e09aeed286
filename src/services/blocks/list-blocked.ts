// One's own blocked users (the /users/:login/blocked page and the API), and whether one has
// blocked a given user (the button on their profile).
import { blockedUsersOf, isBlocked, type BlockedUserRow } from '../../db/repos/blocks.repo.ts';
import type { ServiceContext } from '../context.ts';
import { blocksOwnerId } from './access.ts';

export async function myBlockedUsers(ctx: ServiceContext, login?: string): Promise<BlockedUserRow[]> {
  return blockedUsersOf(ctx.db, blocksOwnerId(ctx, 'see your blocked users', login));
}

/** null when there is nothing to offer: a guest, or one's own page. */
export async function blockStateFor(ctx: ServiceContext, userId: number): Promise<{ blocked: boolean } | null> {
  if (ctx.actor.kind !== 'user' || ctx.actor.userId === userId) return null;
  return { blocked: await isBlocked(ctx.db, ctx.actor.userId, userId) };
}
