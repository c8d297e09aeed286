// Muting a creator (AO3's "mute user", issue 6): their works are hidden from this reader, except
// anonymous ones — hiding those would tell the reader who wrote them (domain/mutes.ts).
import { countMutedUsers, insertMutedUser, isUserMuted } from '../../db/repos/mutes.repo.ts';
import { findUserByLogin } from '../../db/repos/users.repo.ts';
import { Invalid, NotFound } from '../../domain/errors.ts';
import { MAX_MUTED_USERS } from '../../domain/mutes.ts';
import type { ServiceContext } from '../context.ts';
import { filtersOwnerId } from './access.ts';

export interface MutedUser {
  id: number;
  login: string;
  /** false when they were muted already. */
  added: boolean;
}

const CAP = MAX_MUTED_USERS.toLocaleString('en-US');

export async function muteUser(ctx: ServiceContext, input: { login: string }): Promise<MutedUser> {
  const userId = filtersOwnerId(ctx, 'mute creators');
  const login = input.login.trim();
  if (login === '') throw new Invalid('Enter the login of the creator to mute.', { login: 'Enter a login.' });
  // Creator pages are public, so "no such user" tells nothing a reader could not find out.
  const target = await findUserByLogin(ctx.db, login);
  if (!target) throw new NotFound(`There is no user "${login}".`);
  if (target.id === userId) throw new Invalid('You cannot mute yourself.', { login: 'You cannot mute yourself.' });
  const added = await ctx.db.transaction().execute(async (trx) => {
    if (await isUserMuted(trx, userId, target.id)) return false;
    if ((await countMutedUsers(trx, userId)) >= MAX_MUTED_USERS) {
      throw new Invalid(`You can mute at most ${CAP} creators. Unmute some before muting more.`, { login: `At most ${CAP} muted creators.` });
    }
    return insertMutedUser(trx, userId, target.id, ctx.clock.now().toISOString());
  });
  return { id: target.id, login: target.login, added };
}
