// Blocking a user (AO3's blocking): they can no longer comment on your works or reply to your
// comments. What they already wrote stays; you can delete it from your works as any comment.
import { countBlocks, insertBlock, isBlocked } from '../../db/repos/blocks.repo.ts';
import { findUserByLogin } from '../../db/repos/users.repo.ts';
import { Invalid, NotFound } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import { MAX_BLOCKED_USERS, blocksOwnerId } from './access.ts';

export interface BlockedUser {
  id: number;
  login: string;
  /** false when they were blocked already. */
  added: boolean;
}

const CAP = MAX_BLOCKED_USERS.toLocaleString('en-US');

export async function blockUser(ctx: ServiceContext, input: { login: string }): Promise<BlockedUser> {
  const userId = blocksOwnerId(ctx, 'block users');
  const login = input.login.trim();
  if (login === '') throw new Invalid('Enter the login of the user to block.', { login: 'Enter a login.' });
  // User pages are public, so "no such user" tells nothing a reader could not find out.
  const target = await findUserByLogin(ctx.db, login);
  if (!target) throw new NotFound(`There is no user "${login}".`);
  if (target.id === userId) throw new Invalid('You cannot block yourself.', { login: 'You cannot block yourself.' });
  const added = await ctx.db.transaction().execute(async (trx) => {
    if (await isBlocked(trx, userId, target.id)) return false;
    if ((await countBlocks(trx, userId)) >= MAX_BLOCKED_USERS) {
      throw new Invalid(`You can block at most ${CAP} users. Unblock some before blocking more.`, { login: `At most ${CAP} blocked users.` });
    }
    return insertBlock(trx, userId, target.id, ctx.clock.now().toISOString());
  });
  return { id: target.id, login: target.login, added };
}
