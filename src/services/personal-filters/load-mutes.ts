// Applying a reader's mutes to the works a page, feed or recommendation is about to show. Works
// stay in listings (counts, paging and facets are the listing's own), each muted one collapsed
// behind a control that reveals it (views/muted-work.ts); feeds, which cannot collapse anything,
// drop them instead.
import { effectiveMutedTags, filterTagIdsOf, isTagMuted, isUserMuted, mutedUsersOf } from '../../db/repos/mutes.repo.ts';
import { can } from '../../domain/policy.ts';
import { describeMuteReason, muteReasons, type MuteReason, type MuteSet } from '../../domain/mutes.ts';
import type { ServiceContext } from '../context.ts';
import type { WorkCard } from '../work-cards.ts';

/** The acting reader's mutes; null for guests (and anyone else with no filters of their own). */
export async function loadMuteSet(ctx: ServiceContext): Promise<MuteSet | null> {
  const actor = ctx.actor;
  if (actor.kind !== 'user' || !can(actor, { do: 'filters:manage', userId: actor.userId })) return null;
  const [tags, users] = await Promise.all([effectiveMutedTags(ctx.db, actor.userId), mutedUsersOf(ctx.db, actor.userId)]);
  return { tags, users: new Map(users.map((u) => [u.userId, u.login])) };
}

/**
 * Why each card is muted for this reader, as structured reasons; cards that are not muted are
 * absent. Creators are taken from the cards, which the policy has already emptied for anonymous
 * works (services/work-cards.ts), never from the database.
 */
export async function muteReasonDetailsFor(ctx: ServiceContext, cards: readonly WorkCard[], mutes?: MuteSet | null): Promise<Map<number, MuteReason[]>> {
  const set = mutes === undefined ? await loadMuteSet(ctx) : mutes;
  if (!set || (set.tags.size === 0 && set.users.size === 0) || cards.length === 0) return new Map();
  const filters = set.tags.size > 0 ? await filterTagIdsOf(ctx.db, cards.map((c) => c.work.id)) : new Map<number, number[]>();
  return muteReasons(
    set,
    cards.map((card) => ({
      workId: card.work.id,
      filterTagIds: filters.get(card.work.id) ?? [],
      visibleCreatorUserIds: card.creators.map((c) => c.userId),
      anonymous: card.anonymous,
    })),
  );
}

/**
 * Why each card is muted, as phrases for the collapsed card ("the tag Character Death", "the
 * creator wren"); cards that are not muted are absent. Pass a set from loadMuteSet to reuse it.
 */
export async function muteReasonsFor(ctx: ServiceContext, cards: readonly WorkCard[], mutes?: MuteSet | null): Promise<Map<number, string[]>> {
  const details = await muteReasonDetailsFor(ctx, cards, mutes);
  return new Map([...details].map(([workId, reasons]) => [workId, reasons.map(describeMuteReason)]));
}

/**
 * The cards without the muted ones, for feeds and recommendations, where nothing can be revealed
 * on click. Only a request that carries the reader's session has mutes to apply: feed readers
 * and e-reader apps fetch without one and get the feed everyone gets (a per-reader secret feed
 * URL would be needed to do better, and would be a credential in the clear).
 */
export async function filterMutedForFeed<T extends WorkCard>(ctx: ServiceContext, cards: readonly T[]): Promise<T[]> {
  const muted = await muteReasonDetailsFor(ctx, cards);
  return muted.size === 0 ? [...cards] : cards.filter((card) => !muted.has(card.work.id));
}

/** Whether the reader has muted this tag and this user, for the Mute/Unmute buttons on their pages. */
export async function muteStateFor(ctx: ServiceContext, of: { tagId?: number; userId?: number }): Promise<{ tag: boolean; user: boolean }> {
  const actor = ctx.actor;
  if (actor.kind !== 'user') return { tag: false, user: false };
  const [tag, user] = await Promise.all([
    of.tagId !== undefined ? isTagMuted(ctx.db, actor.userId, of.tagId) : false,
    of.userId !== undefined ? isUserMuted(ctx.db, actor.userId, of.userId) : false,
  ]);
  return { tag, user };
}
