// Stats reports → the stats pages' view models and the API's JSON. A year of days becomes weekly
// bars (52 bars read better than 365 slivers); a month or a quarter stays daily.
import { WORK_STAT_KINDS, type DailyStats, type WorkStatKind } from '../../db/repos/work-stats.repo.ts';
import { STATS_PERIODS, type StatsPeriod } from '../../domain/stats-days.ts';
import type { WorkStatsReport } from '../../services/stats/work-stats.ts';
import type { SortOrder, UserStatsReport, UserStatsSort } from '../../services/stats/user-stats.ts';
import { userStatsUrl, workStatsUrl } from './kudos.ts';
import { workUrl } from './urls.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKLY_FROM_DAYS = 120;

export const STAT_LABELS: Record<WorkStatKind, { one: string; many: string; heading: string }> = {
  hits: { one: 'hit', many: 'hits', heading: 'Hits' },
  kudos: { one: 'kudos', many: 'kudos', heading: 'Kudos' },
  comments: { one: 'comment', many: 'comments', heading: 'Comments' },
  bookmarks: { one: 'bookmark', many: 'bookmarks', heading: 'Bookmarks' },
  subscriptions: { one: 'subscription', many: 'subscriptions', heading: 'Subscriptions' },
};

/** "21 Nov 2026" from YYYY-MM-DD. */
export function dayLabel(day: string, withYear = true): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return withYear ? `${date} ${MONTHS[month - 1]} ${year}` : `${date} ${MONTHS[month - 1]}`;
}

export interface ChartBar {
  /** First day of the bar (YYYY-MM-DD). */
  day: string;
  /** "21 Nov 2026", or "15–21 Nov 2026" for a week. */
  label: string;
  /** For the axis: "21 Nov". */
  shortLabel: string;
  value: number;
}

export interface ChartModel {
  /** Unique on the page, for ids. */
  id: string;
  kind: WorkStatKind;
  /** "Hits per day" */
  title: string;
  /** A sentence summing the chart up, for its <desc>. */
  description: string;
  unit: { one: string; many: string };
  bars: ChartBar[];
}

export interface WorkStatsPage {
  workId: number;
  title: string;
  workUrl: string;
  posted: boolean;
  period: StatsPeriod;
  periods: Array<{ days: StatsPeriod; label: string; url: string; current: boolean }>;
  /** "day" or "week": what one bar and one table row stand for. */
  step: 'day' | 'week';
  totals: Array<{ label: string; value: number; inPeriod: number | null }>;
  charts: ChartModel[];
  /** The data table behind the charts, one row per bar. */
  rows: Array<{ label: string; day: string; values: number[] }>;
  userStatsUrl: string | null;
}

function bucket(days: DailyStats[], size: number): DailyStats[][] {
  // Whole buckets end on the last day, so "this week" is complete and the oldest one is partial.
  const groups: DailyStats[][] = [];
  for (let end = days.length; end > 0; end -= size) groups.unshift(days.slice(Math.max(0, end - size), end));
  return groups;
}

function rangeLabel(first: string, last: string): string {
  if (first === last) return dayLabel(first);
  const [fy, fm] = first.split('-');
  const [ly, lm, ld] = last.split('-');
  if (fy === ly && fm === lm) return `${Number(first.split('-')[2])}–${Number(ld)} ${MONTHS[Number(lm) - 1]} ${ly}`;
  return `${dayLabel(first, fy !== ly)} – ${dayLabel(last)}`;
}

function describeChart(kind: WorkStatKind, bars: ChartBar[], step: 'day' | 'week', span: { first: string; last: string; period: number }): string {
  const label = STAT_LABELS[kind];
  const total = bars.reduce((sum, b) => sum + b.value, 0);
  const from = `From ${dayLabel(span.first)} to ${dayLabel(span.last)}`;
  if (total === 0) return `${from}: no ${label.many} in the last ${span.period} days.`;
  const best = bars.reduce((top, b) => (b.value > top.value ? b : top), bars[0]!);
  const count = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? label.one : label.many}`;
  return `${from}: ${count(total)} in all. The most in one ${step} was ${count(best.value)}, ${step === 'day' ? 'on' : 'in the week of'} ${best.label}.`;
}

export function presentWorkStats(report: WorkStatsReport, options: { login: string | null }): WorkStatsPage {
  const step = report.period >= WEEKLY_FROM_DAYS ? 'week' : 'day';
  const groups = bucket(report.days, step === 'week' ? 7 : 1);
  const barsFor = (kind: WorkStatKind): ChartBar[] =>
    groups.map((g) => ({
      day: g[0]!.day,
      label: step === 'week' ? rangeLabel(g[0]!.day, g[g.length - 1]!.day) : dayLabel(g[0]!.day),
      shortLabel: dayLabel(g[0]!.day, false),
      value: g.reduce((sum, d) => sum + d[kind], 0),
    }));
  const charts = WORK_STAT_KINDS.map((kind): ChartModel => {
    const bars = barsFor(kind);
    return {
      id: `chart-${kind}`,
      kind,
      title: `${STAT_LABELS[kind].heading} per ${step}, last ${report.period} days`,
      description: describeChart(kind, bars, step, { first: report.days[0]!.day, last: report.days[report.days.length - 1]!.day, period: report.period }),
      unit: STAT_LABELS[kind],
      bars,
    };
  });
  const base = workStatsUrl(report.work.id);
  return {
    workId: report.work.id,
    title: report.work.title,
    workUrl: workUrl(report.work.id),
    posted: report.work.posted,
    period: report.period,
    periods: STATS_PERIODS.map((days) => ({ days, label: `Last ${days} days`, url: `${base}?days=${days}`, current: days === report.period })),
    step,
    totals: [
      ...WORK_STAT_KINDS.map((kind) => ({ label: STAT_LABELS[kind].heading, value: report.totals[kind], inPeriod: report.periodTotals[kind] })),
      { label: 'Words', value: report.totals.words, inPeriod: null },
    ],
    charts,
    rows: groups.map((g, i) => ({ label: charts[0]!.bars[i]!.label, day: g[0]!.day, values: charts.map((c) => c.bars[i]!.value) })),
    userStatsUrl: options.login ? userStatsUrl(options.login) : null,
  };
}

export interface UserStatsColumn {
  sort: UserStatsSort;
  label: string;
  numeric: boolean;
  /** The link that sorts by this column (toggling the order when it is the current one). */
  url: string;
  /** aria-sort of the header. */
  ariaSort: 'ascending' | 'descending' | null;
}

export interface UserStatsPage {
  login: string;
  columns: UserStatsColumn[];
  works: Array<{ title: string; url: string; statsUrl: string; postedAt: string | null; hidden: boolean; values: Record<UserStatsSort, number | string> }>;
  totals: Array<{ label: string; value: number }>;
}

const COLUMNS: Array<{ sort: UserStatsSort; label: string; numeric: boolean }> = [
  { sort: 'title', label: 'Work', numeric: false },
  { sort: 'date', label: 'Posted', numeric: false },
  { sort: 'words', label: 'Words', numeric: true },
  { sort: 'hits', label: 'Hits', numeric: true },
  { sort: 'kudos', label: 'Kudos', numeric: true },
  { sort: 'comments', label: 'Comments', numeric: true },
  { sort: 'bookmarks', label: 'Bookmarks', numeric: true },
  { sort: 'subscriptions', label: 'Subscriptions', numeric: true },
];

export function presentUserStats(report: UserStatsReport): UserStatsPage {
  const base = userStatsUrl(report.login);
  const flip = (order: SortOrder): SortOrder => (order === 'asc' ? 'desc' : 'asc');
  return {
    login: report.login,
    columns: COLUMNS.map((c) => {
      const current = c.sort === report.sort;
      const order = current ? flip(report.order) : c.sort === 'title' ? 'asc' : 'desc';
      return { ...c, url: `${base}?sort=${c.sort}&order=${order}`, ariaSort: current ? (report.order === 'asc' ? 'ascending' : 'descending') : null };
    }),
    works: report.works.map((w) => ({
      title: w.title,
      url: workUrl(w.id),
      statsUrl: workStatsUrl(w.id),
      postedAt: w.postedAt,
      hidden: w.hiddenByAdmin,
      values: { title: w.title, date: w.postedAt ?? '', words: w.wordCount, hits: w.hits, kudos: w.kudos, comments: w.comments, bookmarks: w.bookmarks, subscriptions: w.subscriptions },
    })),
    totals: [
      { label: 'Works', value: report.works.length },
      { label: 'Words', value: report.totals.words },
      ...WORK_STAT_KINDS.map((kind) => ({ label: STAT_LABELS[kind].heading, value: report.totals[kind] })),
    ],
  };
}

export interface WorkStatsJson {
  workId: number;
  period: number;
  totals: Record<WorkStatKind | 'words', number>;
  days: DailyStats[];
}

export function workStatsJson(report: WorkStatsReport): WorkStatsJson {
  return { workId: report.work.id, period: report.period, totals: report.totals, days: report.days };
}
