// Loading one of the acting reader's own bookmarks by id. Someone else's bookmark is "not found"
// whether or not it exists, so ids do not reveal private bookmarks.
import { findBookmarkById, tagsForBookmarks, type BookmarkRecord } from '../../db/repos/bookmarks.repo.ts';
import { NotFound } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import { readerId } from '../reader/owner.ts';
import { loadWorkCards } from '../work-cards.ts';
import type { ShownBookmark } from './list-bookmarks.ts';

export interface OwnBookmark extends BookmarkRecord {
  tags: string[];
}

export async function loadOwnBookmark(ctx: ServiceContext, bookmarkId: number, purpose: string): Promise<OwnBookmark> {
  const userId = readerId(ctx, purpose);
  const bookmark = await findBookmarkById(ctx.db, bookmarkId);
  if (!bookmark || bookmark.userId !== userId) throw new NotFound(`You have no bookmark ${bookmarkId}.`);
  return { ...bookmark, tags: (await tagsForBookmarks(ctx.db, [bookmark.id])).get(bookmark.id) ?? [] };
}

/** The reader's own bookmark with its work's card, as the API answers after a change. */
export async function showOwnBookmark(ctx: ServiceContext, bookmarkId: number): Promise<ShownBookmark> {
  const bookmark = await loadOwnBookmark(ctx, bookmarkId, 'see your bookmarks');
  const [card] = await loadWorkCards(ctx.db, ctx.actor, [bookmark.workId]);
  if (!card) throw new NotFound(`You have no bookmark ${bookmarkId}.`);
  const { tags, ...record } = bookmark;
  return { bookmark: record, tags, card };
}
