// Who may change a comment: its author edits it; its author or the work's creators delete it;
// only the creators freeze, hide and approve. Guests are asked to log in (a guest's comment
// cannot be edited by anyone, as on AO3); anyone else is refused.
import { Forbidden, Unauthenticated } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import type { LoadedComment } from './load.ts';

export function isAuthor(ctx: ServiceContext, loaded: LoadedComment): boolean {
  return ctx.actor.kind === 'user' && loaded.comment.userId === ctx.actor.userId;
}

export function requireAuthor(ctx: ServiceContext, loaded: LoadedComment): void {
  if (ctx.actor.kind !== 'user') throw new Unauthenticated('Log in to edit your comments.');
  if (!isAuthor(ctx, loaded)) throw new Forbidden('Only the person who wrote a comment can edit it.');
}

export function requireAuthorOrModerator(ctx: ServiceContext, loaded: LoadedComment): void {
  if (ctx.actor.kind !== 'user') throw new Unauthenticated('Log in to delete comments.');
  if (!isAuthor(ctx, loaded) && !loaded.canModerate) throw new Forbidden('Only the comment’s author or the work’s creators can delete it.');
}

export function requireModerator(ctx: ServiceContext, loaded: LoadedComment, what: string): void {
  if (ctx.actor.kind !== 'user') throw new Unauthenticated(`Log in to ${what}.`);
  if (!loaded.canModerate) throw new Forbidden(`Only the work’s creators can ${what}.`);
}
