// Editing one's bookmark by id (the API's PATCH): fields left out keep their values. The work
// must still be one the reader may bookmark (not hidden since, not restricted for a suspended
// account).
import { Forbidden } from '../../domain/errors.ts';
import { can } from '../../domain/policy.ts';
import type { ServiceContext } from '../context.ts';
import { findReadableWork } from '../read-work.ts';
import { workAccess } from '../work-cards.ts';
import { validateBookmark, type BookmarkInput } from './bookmark-input.ts';
import { loadOwnBookmark } from './own-bookmark.ts';
import { writeBookmark } from './write-bookmark.ts';

export async function editBookmark(ctx: ServiceContext, bookmarkId: number, input: BookmarkInput): Promise<{ id: number; workId: number }> {
  const bookmark = await loadOwnBookmark(ctx, bookmarkId, 'edit bookmarks');
  const card = await findReadableWork(ctx, bookmark.workId);
  if (!can(ctx.actor, { do: 'work:track', work: workAccess(card.work, card.creators) })) throw new Forbidden('This work cannot be bookmarked.');
  const valid = validateBookmark({
    notes: input.notes ?? bookmark.notes,
    tags: input.tags ?? bookmark.tags,
    private: input.private ?? bookmark.private,
    rec: input.rec ?? bookmark.rec,
  });
  await writeBookmark(ctx, bookmark.userId, bookmark.workId, valid);
  return { id: bookmark.id, workId: bookmark.workId };
}
