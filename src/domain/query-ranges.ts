// The range parameters of a listing (DESIGN.md "Listing and search parameters"): counts (`words`,
// `hits`, `kudos`, `comments`, `bookmarks`) and dates (`posted`, `updated`). Pure.
//
// Counts use AO3's range syntax (otwarchive SearchRange): "100" exactly, ">100" more than,
// "<100" fewer than, "10-50" inclusive; either end of a span may be left empty ("1000-",
// "-5000") as in our own `words=MIN-MAX`. Thousands separators are the ones AO3 strips from its
// word-count fields (",", ".", "_"), but only in groups of three digits, so "1.5" is an error
// rather than silently 15.
//
// Dates are either absolute (whole days in UTC, since an archive-wide listing has no reader time
// zone) or AO3's relative syntax, which counts back from `now`: "<2 weeks ago" is more recent
// than two weeks ago, ">1 year ago" older than a year, "1-2 years ago" between the two, and a
// bare "3 days ago" the whole calendar day (hour, ISO week from Monday, month, year) that
// instant falls in. Months and years step by the calendar, clamping the day of month
// (31 March − 1 month = 28/29 February), as ActiveSupport's `1.month.ago` does on AO3.
import { Invalid } from './errors.ts';
import type { DateRange, NumberRange } from './work-query.ts';

/** Counts are stored as 32-bit signed integers; values must stay below this. */
export const RANGE_VALUE_LIMIT = 2 ** 31;
/** Longest range text looked at; a real one is a few characters. */
export const RANGE_TEXT_MAX = 100;

/** Throws Invalid whose message names the parameter; the form shows it beside that field. */
export function invalidParam(param: string, problem: string): never {
  const message = `${param}: ${problem}`;
  throw new Invalid(message, { [param]: message });
}

/** `&gt;`/`&lt;` arrive from links AO3 escaped twice; AO3 itself undoes that too. */
function normalize(param: string, value: string): string {
  const text = value.replace(/&gt;/gi, '>').replace(/&lt;/gi, '<').replace(/\s+/g, ' ').trim().toLowerCase();
  if (text.length > RANGE_TEXT_MAX) invalidParam(param, `is longer than ${RANGE_TEXT_MAX} characters`);
  return text;
}

// ---- counts ----

const NUM = String.raw`\d{1,3}(?:[,._]\d{3})+|\d+`;
const EXACT_RE = new RegExp(`^(${NUM})$`);
const COMPARE_RE = new RegExp(`^([<>]) ?(${NUM})$`);
const AT_LEAST_RE = new RegExp(`^(${NUM})\\+$`);
const SPAN_RE = new RegExp(`^(${NUM})? ?(?:-|–|—|\\.\\.|to) ?(${NUM})?$`);

function count(param: string, value: string, digits: string): number {
  const n = Number(digits.replace(/[,._]/g, ''));
  if (!(n < RANGE_VALUE_LIMIT)) invalidParam(param, `"${value}" is too large; counts stop at ${RANGE_VALUE_LIMIT - 1}`);
  return n;
}

function checkedRange(param: string, value: string, range: NumberRange): NumberRange {
  const { min, max } = range;
  if (max !== undefined && max < 0) invalidParam(param, `nothing is fewer than 0, so "${value}" matches no work`);
  if (min !== undefined && min >= RANGE_VALUE_LIMIT) invalidParam(param, `"${value}" is too large; counts stop at ${RANGE_VALUE_LIMIT - 1}`);
  if (min !== undefined && max !== undefined && min > max) invalidParam(param, `"${value}" runs backwards; write the smaller number first ("${max}-${min}")`);
  return range;
}

/** Parses a count range ("100", ">100", "<100", "10-50", "1,000-", "-5000", "1000+"). */
export function parseNumberRange(param: string, value: string): NumberRange {
  const text = normalize(param, value);
  let m = EXACT_RE.exec(text);
  if (m) {
    const n = count(param, value, m[1] ?? '');
    return { min: n, max: n };
  }
  m = COMPARE_RE.exec(text);
  if (m) {
    // AO3's ">" and "<" are strict; our bounds are inclusive integers.
    const n = count(param, value, m[2] ?? '');
    return checkedRange(param, value, m[1] === '>' ? { min: n + 1 } : { max: n - 1 });
  }
  m = AT_LEAST_RE.exec(text);
  if (m) return { min: count(param, value, m[1] ?? '') };
  m = SPAN_RE.exec(text);
  if (m && (m[1] !== undefined || m[2] !== undefined)) {
    const range: NumberRange = {};
    if (m[1] !== undefined) range.min = count(param, value, m[1]);
    if (m[2] !== undefined) range.max = count(param, value, m[2]);
    return checkedRange(param, value, range);
  }
  return invalidParam(param, `"${value}" is not a number or a range such as "100", "10-50", ">100" or "<100"`);
}

/** The canonical text of a count range ("100", "10-50", "10-", "-50"); undefined when open at both ends. */
export function formatNumberRange(range: NumberRange): string | undefined {
  const { min, max } = range;
  if (min === undefined && max === undefined) return undefined;
  if (min === max) return String(min);
  return `${min ?? ''}-${max ?? ''}`;
}

// ---- dates ----

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const UNITS = ['hour', 'day', 'week', 'month', 'year'] as const;
type Unit = (typeof UNITS)[number];

function utc(year: number, month: number, day: number): number {
  // Date.UTC reads years 0-99 as 1900-1999; setUTCFullYear takes them as written.
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  return date.getTime();
}

/** The earliest instant a range may name: ISO strings before year 1 stop sorting as text. */
const MIN_MS = utc(1, 0, 1);

function daysInMonth(year: number, month: number): number {
  return new Date(utc(year, month + 1, 1) - DAY).getUTCDate();
}

/** `now` minus `amount` units, by the calendar for months and years; never before MIN_MS. */
function ago(now: number, amount: number, unit: Unit): number {
  let ms: number;
  if (unit === 'month' || unit === 'year') {
    const date = new Date(now);
    const monthIndex = date.getUTCFullYear() * 12 + date.getUTCMonth() - amount * (unit === 'year' ? 12 : 1);
    if (monthIndex < 12) return MIN_MS;
    const year = Math.floor(monthIndex / 12);
    const month = monthIndex % 12;
    const day = Math.min(date.getUTCDate(), daysInMonth(year, month));
    ms = utc(year, month, day) + (now - utc(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  } else {
    ms = now - amount * (unit === 'hour' ? HOUR : unit === 'day' ? DAY : 7 * DAY);
  }
  return ms < MIN_MS ? MIN_MS : ms;
}

/** The calendar hour, day, week (Monday first), month or year holding `ms`, as inclusive bounds. */
function period(ms: number, unit: Unit): [number, number] {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  let start: number;
  let end: number;
  if (unit === 'hour') {
    start = Math.floor(ms / HOUR) * HOUR;
    end = start + HOUR;
  } else if (unit === 'day' || unit === 'week') {
    start = utc(year, month, date.getUTCDate());
    if (unit === 'week') start -= ((date.getUTCDay() + 6) % 7) * DAY;
    end = start + (unit === 'week' ? 7 : 1) * DAY;
  } else if (unit === 'month') {
    start = utc(year, month, 1);
    end = utc(year, month + 1, 1);
  } else {
    start = utc(year, 0, 1);
    end = utc(year + 1, 0, 1);
  }
  return [Math.max(start, MIN_MS), end - 1];
}

const RELATIVE_RE = new RegExp(`^([<>])? ?(\\d+)(?: ?- ?(\\d+))? ?(${UNITS.join('|')})s?(?: ago)?$`);
const DATE = String.raw`\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?`;
const INSTANT = String.raw`\d{4}-\d{2}-\d{2}t\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:z|[+-]\d{2}:\d{2})`;
const DATE_RE = new RegExp(`^${DATE}$`);
const INSTANT_RE = new RegExp(`^${INSTANT}$`);
const DATE_COMPARE_RE = new RegExp(`^([<>]) ?(${DATE})$`);
const DATE_SPAN_RE = new RegExp(`^(${DATE})? ?(?:-|–|—|to) ?(${DATE})?$`);

export interface ParsedDates {
  range: DateRange;
  /** Canonical text: parsing it again at the same `now` gives the same range. */
  text: string;
}

function amountOf(param: string, value: string, digits: string): number {
  const n = Number(digits);
  if (!(n < RANGE_VALUE_LIMIT)) invalidParam(param, `"${value}" counts back too far`);
  return n;
}

function parseRelative(param: string, value: string, m: RegExpExecArray, now: number): ParsedDates {
  const [, op, first = '', second, unitText = ''] = m;
  const unit = unitText as Unit;
  const a = amountOf(param, value, first);
  const b = second === undefined ? undefined : amountOf(param, value, second);
  if (op !== undefined && b !== undefined) invalidParam(param, `"${value}" mixes "${op}" with a span; write "${a}-${b} ${unit}s ago" or "${op}${b} ${unit}s ago"`);
  if (b !== undefined && a > b) invalidParam(param, `"${value}" runs backwards; write "${b}-${a} ${unit}s ago"`);
  const last = b ?? a;
  const text = `${op ?? ''}${a}${b === undefined ? '' : `-${b}`} ${unit}${last === 1 ? '' : 's'} ago`;
  const iso = (ms: number): string => new Date(ms).toISOString();
  if (op === '<') return { range: { from: iso(ago(now, a, unit)) }, text };
  if (op === '>') return { range: { to: iso(ago(now, a, unit)) }, text };
  if (b !== undefined) return { range: { from: iso(ago(now, b, unit)), to: iso(ago(now, a, unit)) }, text };
  const [start, end] = period(ago(now, a, unit), unit);
  return { range: { from: iso(start), to: iso(end) }, text };
}

/** The first and last instant of a written date: a day, a month ("2024-03") or a year ("2024"). */
function dateBounds(param: string, value: string, written: string): [number, number] {
  const [year = 0, month, day] = written.split('-').map(Number);
  const bad = (): never => invalidParam(param, `"${written}" in "${value}" is not a date on the calendar`);
  if (year < 1) bad();
  if (month === undefined) return [utc(year, 0, 1), utc(year + 1, 0, 1) - 1];
  if (month < 1 || month > 12) bad();
  if (day === undefined) return [utc(year, month - 1, 1), utc(year, month, 1) - 1];
  if (day < 1 || day > daysInMonth(year, month - 1)) bad();
  const start = utc(year, month - 1, day);
  return [start, start + DAY - 1];
}

function endPoint(param: string, value: string, written: string, side: 0 | 1): number | undefined {
  if (written === '') return undefined;
  if (DATE_RE.test(written)) return dateBounds(param, value, written)[side];
  if (INSTANT_RE.test(written)) {
    const ms = Date.parse(written.toUpperCase());
    if (!Number.isNaN(ms)) return ms;
  }
  return invalidParam(param, `"${written}" in "${value}" is not a date such as 2024-01-31`);
}

function absolute(param: string, value: string, from: number | undefined, to: number | undefined): ParsedDates {
  if (from !== undefined && to !== undefined && from > to) invalidParam(param, `"${value}" runs backwards; write the earlier date first`);
  const range: DateRange = {};
  if (from !== undefined) range.from = new Date(from).toISOString();
  if (to !== undefined) range.to = new Date(to).toISOString();
  return { range, text: formatDateRange(range) };
}

/**
 * Parses `posted`/`updated`: a date ("2024-01-31", "2024-03", "2024"), a span
 * ("2024-01-01..2024-06-30", "2024-01-01 - 2024-06-30", open at either end), "<DATE" (before),
 * ">DATE" (after), or the relative forms above.
 */
export function parseDateRange(param: string, value: string, now: Date): ParsedDates {
  const text = normalize(param, value);
  const relative = RELATIVE_RE.exec(text);
  if (relative) return parseRelative(param, value, relative, now.getTime());
  if (DATE_RE.test(text)) {
    const [from, to] = dateBounds(param, value, text);
    return absolute(param, value, from, to);
  }
  const compare = DATE_COMPARE_RE.exec(text);
  if (compare) {
    const [start, end] = dateBounds(param, value, compare[2] ?? '');
    return compare[1] === '<' ? absolute(param, value, undefined, start - 1) : absolute(param, value, end + 1, undefined);
  }
  const dots = text.split('..');
  const span = dots.length === 2 ? dots.map((side) => side.trim()) : DATE_SPAN_RE.exec(text)?.slice(1).map((side) => side ?? '');
  if (span && (span[0] !== '' || span[1] !== '')) {
    return absolute(param, value, endPoint(param, value, span[0] ?? '', 0), endPoint(param, value, span[1] ?? '', 1));
  }
  return invalidParam(param, `"${value}" is not a date or a range such as "2024-01-31", "2024-01-01..2024-06-30", "<2 weeks ago" or "1-2 years ago"`);
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The canonical text of a date range: whole days as dates, other instants as ISO-8601,
 * "FROM..TO" with either side empty when open, one date for a single day.
 */
export function formatDateRange(range: DateRange): string {
  const side = (iso: string | undefined, dayEdge: (ms: number) => boolean): string => {
    if (iso === undefined) return '';
    const ms = Date.parse(iso);
    if (Number.isNaN(ms)) return iso;
    return dayEdge(ms) ? isoDay(ms) : new Date(ms).toISOString();
  };
  const from = side(range.from, (ms) => ms % DAY === 0);
  const to = side(range.to, (ms) => (ms + 1) % DAY === 0);
  if (from !== '' && from === to && from.length === 10) return from;
  return `${from}..${to}`;
}
