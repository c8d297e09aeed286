// A user's bookmarks page (/users/:login/bookmarks) and the API's list: public bookmarks for
// everyone, private ones for their owner alone, and only of works the viewer may see — a
// bookmark of a draft, a hidden work, or (for guests) a restricted work is not there at all.
// Anonymous works lose their creators in loadWorkCards, as everywhere.
import { findBookmarksByIds, listUserBookmarkIds, tagsForBookmarks, type BookmarkRecord } from '../../db/repos/bookmarks.repo.ts';
import { findUserByLogin, type UserRecord } from '../../db/repos/users.repo.ts';
import { tagKey } from '../../domain/tag-name.ts';
import { NotFound } from '../../domain/errors.ts';
import { can, workScope } from '../../domain/policy.ts';
import type { ServiceContext } from '../context.ts';
import { loadWorkCards, workAccess, type WorkCard } from '../work-cards.ts';

export const BOOKMARKS_PER_PAGE = 20;

export interface ShownBookmark {
  bookmark: BookmarkRecord;
  tags: string[];
  card: WorkCard;
}

export interface BookmarkList {
  user: UserRecord;
  /** Whether the viewer is the bookmarker (and so sees private bookmarks). */
  own: boolean;
  items: ShownBookmark[];
  total: number;
  page: number;
  perPage: number;
}

export async function listUserBookmarks(ctx: ServiceContext, login: string, options: { page?: number; tag?: string | undefined } = {}): Promise<BookmarkList> {
  const user = await findUserByLogin(ctx.db, login);
  if (!user) throw new NotFound(`There is no user "${login}".`);
  const own = ctx.actor.kind === 'user' && ctx.actor.userId === user.id;
  const page = Math.max(1, options.page ?? 1);
  const tag = options.tag?.trim();
  const { ids, total } = await listUserBookmarkIds(
    ctx.db,
    { userId: user.id, includePrivate: own, scope: workScope(ctx.actor), tagKey: tag ? tagKey(tag) : undefined },
    { limit: BOOKMARKS_PER_PAGE, offset: (page - 1) * BOOKMARKS_PER_PAGE },
  );
  const bookmarks = await findBookmarksByIds(ctx.db, ids);
  const [cards, tags] = await Promise.all([loadWorkCards(ctx.db, ctx.actor, bookmarks.map((b) => b.workId)), tagsForBookmarks(ctx.db, ids)]);
  const cardOf = new Map(cards.map((c) => [c.work.id, c]));
  const items: ShownBookmark[] = [];
  for (const bookmark of bookmarks) {
    const card = cardOf.get(bookmark.workId);
    // The SQL already left these out; the policy is asked again so no listing can disagree with it.
    if (!card || !can(ctx.actor, { do: 'bookmark:see', bookmark, work: workAccess(card.work, card.creators) })) continue;
    items.push({ bookmark, tags: tags.get(bookmark.id) ?? [], card });
  }
  return { user, own, items, total, page, perPage: BOOKMARKS_PER_PAGE };
}
