// Bookmarking a work from its page (AO3's bookmark form): one bookmark per reader and work, so
// saving again edits it. Any logged-in reader who may read a posted work may bookmark it.
import { Forbidden } from '../../domain/errors.ts';
import { can } from '../../domain/policy.ts';
import type { ServiceContext } from '../context.ts';
import { findReadableWork } from '../read-work.ts';
import { workAccess } from '../work-cards.ts';
import { readerId } from '../reader/owner.ts';
import { validateBookmark, type BookmarkInput } from './bookmark-input.ts';
import { writeBookmark } from './write-bookmark.ts';

export async function saveBookmark(ctx: ServiceContext, workId: number, input: BookmarkInput): Promise<{ id: number; created: boolean }> {
  const userId = readerId(ctx, 'bookmark works');
  const card = await findReadableWork(ctx, workId);
  if (!can(ctx.actor, { do: 'work:track', work: workAccess(card.work, card.creators) })) throw new Forbidden('This work cannot be bookmarked.');
  return writeBookmark(ctx, userId, workId, validateBookmark(input));
}
