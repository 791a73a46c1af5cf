/**
 * Partial ISO dates ("2021", "2021-09", "2021-09-24") and the arithmetic on them.
 *
 * A date known only to the month is not a point but an interval: "2023-08" is any day from
 * 1 to 31 August 2023. Every computation here therefore works with the earliest and latest
 * day a partial date can stand for, and a number of days between two partial dates is a range.
 * Days are counted as whole UTC days since 1970-01-01, so no time zone can shift them.
 */

export type Precision = 'year' | 'month' | 'day';

export interface ParsedDate {
  year: number;
  month: number | null;
  day: number | null;
  precision: Precision;
}

export interface DayRange {
  min: number;
  max: number;
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const MS_PER_DAY = 86_400_000;

/** Parses a partial ISO date, or returns null when it is malformed or names a day that does not exist. */
export function parsePartialDate(text: string): ParsedDate | null {
  const match = PARTIAL_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? null : Number(match[2]);
  const day = match[3] === undefined ? null : Number(match[3]);
  if (month !== null && (month < 1 || month > 12)) return null;
  if (month !== null && day !== null && (day < 1 || day > daysInMonth(year, month))) return null;
  const precision: Precision = day !== null ? 'day' : month !== null ? 'month' : 'year';
  return { year, month, day, precision };
}

export function isPartialDate(text: string): boolean {
  return parsePartialDate(text) !== null;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function mustParse(text: string): ParsedDate {
  const parsed = parsePartialDate(text);
  if (!parsed) throw new RangeError(`Not a partial ISO date (YYYY, YYYY-MM or YYYY-MM-DD): "${text}"`);
  return parsed;
}

function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** The first day a partial date can stand for, as a day number. */
export function earliestDay(text: string): number {
  const { year, month, day } = mustParse(text);
  return dayNumber(year, month ?? 1, day ?? 1);
}

/** The last day a partial date can stand for, as a day number. */
export function latestDay(text: string): number {
  const { year, month, day } = mustParse(text);
  const lastMonth = month ?? 12;
  return dayNumber(year, lastMonth, day ?? daysInMonth(year, lastMonth));
}

/**
 * The days between two moments each known only to its precision ("Dec 2021", "7 Sept 2021"),
 * counted inclusively like every period on the site ("April to July" is 122 days, both ends
 * counted): the start day always counts. The end is the moment of a claim, part way through its
 * day, so the shortest span stops the day before the earliest day the end can mean and the longest
 * runs through the latest, claim day included. Dec 2021 to Dec 2023 is 700 (31 Dec 2021 to 30 Nov
 * 2023, both counted) to 761 days (1 Dec 2021 to 31 Dec 2023, both counted); 7 to 24 Sept is 17
 * (7 to 23 Sept) to 18. Never less than one day.
 */
export function elapsedDays(start: string, end: string): { min: number; max: number } {
  return {
    min: Math.max(1, earliestDay(end) - latestDay(start)),
    max: Math.max(1, latestDay(end) - earliestDay(start) + 1),
  };
}

/** The day a partial date stands for at its midpoint: where a chart places an imprecise date. */
export function midpointDay(text: string): number {
  return (earliestDay(text) + latestDay(text)) / 2;
}

export function dayToDate(dayNumberValue: number): Date {
  return new Date(dayNumberValue * MS_PER_DAY);
}

export function dayToIso(dayNumberValue: number): string {
  return dayToDate(dayNumberValue).toISOString().slice(0, 10);
}

/**
 * Whether `a` can fall on or before `b`. Two partial dates that overlap (2023-08 and 2023-08-17)
 * are compatible in either order, so a check built on this never rejects a claim for its precision.
 */
export function canPrecedeOrEqual(a: string, b: string): boolean {
  return earliestDay(a) <= latestDay(b);
}

/** How many days lie between two partial dates: from the tightest to the loosest reading. */
export function daysBetween(from: string, to: string): DayRange {
  const min = Math.max(0, earliestDay(to) - latestDay(from));
  const max = latestDay(to) - earliestDay(from);
  return { min, max };
}

/** Month names as formatPartialDate writes them in the short style: what chart labels say. */
export const MONTHS = ['Jan', 'Feb', 'March', 'April', 'May', 'June', 'July', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A partial date as a reader expects it, at exactly the precision we have: "24 Sept 2021", "Aug 2023", "2023". */
export function formatPartialDate(text: string, style: 'short' | 'long' = 'short'): string {
  const { year, month, day } = mustParse(text);
  if (month === null) return String(year);
  const monthName = (style === 'long' ? MONTHS_LONG : MONTHS)[month - 1];
  return day === null ? `${monthName} ${year}` : `${day} ${monthName} ${year}`;
}

/** A period as words: "7 Sept 2021 to 21 Sept 2021", "since Aug 2023", or null when there is no start. */
export function formatPeriod(start: string | null, end: string | null): string | null {
  if (start === null && end === null) return null;
  if (start !== null && end === null) return `since ${formatPartialDate(start)}`;
  if (start === null && end !== null) return `until ${formatPartialDate(end)}`;
  // "on 12 Nov 2023", but "in May 2022": a month is a span, not a day.
  if (start === end)
    return `${parsePartialDate(start as string)?.precision === 'day' ? 'on' : 'in'} ${formatPartialDate(start as string)}`;
  return `${formatPartialDate(start as string)} to ${formatPartialDate(end as string)}`;
}

/** The year a partial date falls in. */
export function yearOf(text: string): number {
  return mustParse(text).year;
}
