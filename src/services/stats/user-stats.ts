// A creator's statistics page (AO3's /users/:login/stats): every posted work of theirs with its
// hits, kudos, comments, bookmarks, subscriptions and words, sortable, and the sums. Only the
// account's owner may see it — not other users, not admins.
import { findUserByLogin } from '../../db/repos/users.repo.ts';
import { creatorWorkStats, subscriptionTotals, type CreatorWorkStats } from '../../db/repos/work-stats.repo.ts';
import { Forbidden, NotFound, Unauthenticated } from '../../domain/errors.ts';
import { can } from '../../domain/policy.ts';
import type { ServiceContext } from '../context.ts';
import type { StatTotals } from './work-stats.ts';

export const USER_STATS_SORTS = ['hits', 'kudos', 'comments', 'bookmarks', 'subscriptions', 'words', 'title', 'date'] as const;
export type UserStatsSort = (typeof USER_STATS_SORTS)[number];
export type SortOrder = 'asc' | 'desc';

export interface WorkStatsRow extends CreatorWorkStats {
  subscriptions: number;
}

export interface UserStatsReport {
  login: string;
  sort: UserStatsSort;
  order: SortOrder;
  works: WorkStatsRow[];
  totals: StatTotals;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function compare(sort: UserStatsSort): (a: WorkStatsRow, b: WorkStatsRow) => number {
  switch (sort) {
    case 'title':
      return (a, b) => collator.compare(a.title, b.title);
    case 'date':
      return (a, b) => (a.postedAt ?? '').localeCompare(b.postedAt ?? '');
    case 'words':
      return (a, b) => a.wordCount - b.wordCount;
    default:
      return (a, b) => a[sort] - b[sort];
  }
}

export async function userStats(ctx: ServiceContext, login: string, sort: UserStatsSort = 'hits', order?: SortOrder): Promise<UserStatsReport> {
  if (ctx.actor.kind !== 'user') throw new Unauthenticated('Log in to see the stats of your works.');
  const user = await findUserByLogin(ctx.db, login);
  if (!user) throw new NotFound(`There is no user "${login}".`);
  if (!can(ctx.actor, { do: 'user:stats', userId: user.id })) throw new Forbidden('You can only see the stats of your own works.');

  const works = await creatorWorkStats(ctx.db, user.id);
  const subscriptions = await subscriptionTotals(ctx.db, works.map((w) => w.id));
  const rows: WorkStatsRow[] = works.map((w) => ({ ...w, subscriptions: subscriptions.get(w.id) ?? 0 }));
  // Titles read A→Z by default; numbers and dates biggest and newest first.
  const direction = order ?? (sort === 'title' ? 'asc' : 'desc');
  const byKey = compare(sort);
  // Ties fall back to the title, then the id, so the order is stable between page loads.
  rows.sort((a, b) => (direction === 'asc' ? byKey(a, b) : byKey(b, a)) || collator.compare(a.title, b.title) || a.id - b.id);
  const sum = (pick: (w: WorkStatsRow) => number) => rows.reduce((total, w) => total + pick(w), 0);
  return {
    login: user.login,
    sort,
    order: direction,
    works: rows,
    totals: {
      hits: sum((w) => w.hits),
      kudos: sum((w) => w.kudos),
      comments: sum((w) => w.comments),
      bookmarks: sum((w) => w.bookmarks),
      subscriptions: sum((w) => w.subscriptions),
      words: sum((w) => w.wordCount),
    },
  };
}
