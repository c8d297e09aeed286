// Days for hits and statistics. A "day" is a UTC calendar day written YYYY-MM-DD: the same on
// every server whatever its time zone, and it sorts and compares correctly as text in both
// databases. Hits are deduplicated per visitor per such day.

const DAY_MS = 86_400_000;

/** The periods the stats pages offer, in days (AO3-like "last month, quarter, year"). */
export const STATS_PERIODS = [30, 90, 365] as const;
export type StatsPeriod = (typeof STATS_PERIODS)[number];
export const DEFAULT_STATS_PERIOD: StatsPeriod = 30;

export function isStatsPeriod(n: number): n is StatsPeriod {
  return (STATS_PERIODS as readonly number[]).includes(n);
}

export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `day` moved by `n` days (negative for earlier). */
export function addDays(day: string, n: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00.000Z`) + n * DAY_MS));
}

/** The `count` days ending with `lastDay`, oldest first. */
export function daysEnding(lastDay: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(lastDay, i - count + 1));
}

/** Whether `value` is a real YYYY-MM-DD day (not 2026-02-30). */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00.000Z`);
  return !Number.isNaN(time) && utcDay(new Date(time)) === value;
}
