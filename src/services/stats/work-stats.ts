// A work's statistics for its creators (AO3 shows stats to creators only): totals, and the
// hits, kudos, comments, bookmarks and subscriptions of each day of a period, for the charts.
import { creatorsForWorks } from '../../db/repos/creators.repo.ts';
import { dailyStats, subscriptionTotals, WORK_STAT_KINDS, type DailyStats, type WorkStatKind } from '../../db/repos/work-stats.repo.ts';
import { findWorkById, type WorkRecord } from '../../db/repos/works.repo.ts';
import { Forbidden, NotFound, Unauthenticated } from '../../domain/errors.ts';
import { can } from '../../domain/policy.ts';
import { daysEnding, utcDay, type StatsPeriod } from '../../domain/stats-days.ts';
import type { ServiceContext } from '../context.ts';
import { workAccess } from '../work-cards.ts';

export type StatTotals = Record<WorkStatKind, number> & { words: number };

export interface WorkStatsReport {
  work: Pick<WorkRecord, 'id' | 'title' | 'wordCount' | 'chapterCount' | 'postedAt' | 'posted' | 'hiddenByAdmin'>;
  period: StatsPeriod;
  /** Every day of the period, oldest first, zeros where nothing happened. */
  days: DailyStats[];
  /** All-time totals: the work's own counters, and the subscriptions its days add up to. */
  totals: StatTotals;
  /** What the period's days add up to. */
  periodTotals: Record<WorkStatKind, number>;
}

/**
 * Loads a work whose stats the actor may see. Someone who cannot read the work gets what the
 * work page gives (not found, or "log in" for a restricted work); a guest is asked to log in;
 * any other reader is refused.
 */
async function workForStats(ctx: ServiceContext, workId: number): Promise<WorkRecord> {
  const work = await findWorkById(ctx.db, workId);
  if (!work) throw new NotFound(`There is no work ${workId}.`);
  const creators = (await creatorsForWorks(ctx.db, [workId])).get(workId) ?? [];
  const access = workAccess(work, creators);
  if (can(ctx.actor, { do: 'work:stats', work: access })) return work;
  if (!can(ctx.actor, { do: 'work:read', work: access })) {
    if (ctx.actor.kind === 'guest' && work.posted && !work.hiddenByAdmin && work.restricted) {
      throw new Unauthenticated('This work is only available to registered users of the archive. Please log in to read it.');
    }
    throw new NotFound(`There is no work ${workId}.`);
  }
  if (ctx.actor.kind === 'guest') throw new Unauthenticated('Log in to see the stats of your works.');
  throw new Forbidden('Only the creators of a work can see its stats.');
}

const zero = (day: string): DailyStats => ({ day, hits: 0, kudos: 0, comments: 0, bookmarks: 0, subscriptions: 0 });

export async function workStats(ctx: ServiceContext, workId: number, period: StatsPeriod): Promise<WorkStatsReport> {
  const work = await workForStats(ctx, workId);
  const days = daysEnding(utcDay(ctx.clock.now()), period);
  const [rows, subscriptions] = await Promise.all([dailyStats(ctx.db, workId, days[0]!, days[days.length - 1]!), subscriptionTotals(ctx.db, [workId])]);
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const dense = days.map((day) => byDay.get(day) ?? zero(day));
  const periodTotals = Object.fromEntries(WORK_STAT_KINDS.map((kind) => [kind, dense.reduce((sum, d) => sum + d[kind], 0)])) as Record<WorkStatKind, number>;
  return {
    work: { id: work.id, title: work.title, wordCount: work.wordCount, chapterCount: work.chapterCount, postedAt: work.postedAt, posted: work.posted, hiddenByAdmin: work.hiddenByAdmin },
    period,
    days: dense,
    totals: {
      hits: work.hits,
      kudos: work.kudosCount,
      comments: work.commentsCount,
      bookmarks: work.bookmarksCount,
      subscriptions: subscriptions.get(workId) ?? 0,
      words: work.wordCount,
    },
    periodTotals,
  };
}
