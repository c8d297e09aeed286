// Deleting one's own bookmark. Allowed even when the work has since been hidden or restricted:
// a reader can always take their own note back.
import type { ServiceContext } from '../context.ts';
import { loadOwnBookmark } from './own-bookmark.ts';
import { removeBookmark } from './write-bookmark.ts';

export async function deleteBookmark(ctx: ServiceContext, bookmarkId: number): Promise<{ workId: number }> {
  const bookmark = await loadOwnBookmark(ctx, bookmarkId, 'delete bookmarks');
  await removeBookmark(ctx, bookmark.id, bookmark.workId);
  return { workId: bookmark.workId };
}
