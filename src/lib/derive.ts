/**
 * The arithmetic of hedged figures and imprecise dates: ranges, differences, people per day and the
 * days a period covers. Pure functions; which claims may go through them is decided by the rules in
 * eligibility.ts, and rates.ts is where every rate the site shows is computed.
 *
 * A figure is never treated as exact unless it was published as exact. Each qualifier maps to the
 * range of true values it allows (see figureRange), each imprecise date to the range of days it
 * allows (see dates.ts), and every result carries both ends. An open upper end is null: "at least
 * 750" bounds the count from below only.
 */
import { earliestDay, elapsedDays, latestDay } from './dates.ts';
import type { Claim, Qualifier } from './types.ts';

export interface Range {
  low: number;
  /** null when the claim sets no upper bound ("at least", "more than"). */
  high: number | null;
}

/**
 * How we read a hedged number. "Around N" and "about N" allow 10% either side; "nearly N" allows up
 * to 10% below and nothing above; "at least N" and "more than N" bound from below only. The 10% is
 * our convention (documented in data/README.md), chosen because the rounded figures in these
 * articles (3,000, 15,000, 500) are rounded to their leading digit or two.
 */
export const ABOUT_TOLERANCE_PERCENT = 10;

/**
 * The widest band the site reads "around" with when it tests a comparison (see conclusions.ts): a
 * conclusion is stated only if it survives "around 15,000" meaning anything from 12,000 to 18,000.
 */
export const ROBUST_TOLERANCE_PERCENT = 20;

/**
 * What a hedged number allows. `aroundPercent` is how far "around", "about" and "nearly" may stray:
 * the 10% convention by default, wider when a comparison is tested for robustness.
 */
export function figureRange(figure: number, qualifier: Qualifier, aroundPercent = ABOUT_TOLERANCE_PERCENT): Range {
  // Percent arithmetic in whole numbers keeps 3,000 + 10% at exactly 3,300.
  const less = (figure * (100 - aroundPercent)) / 100;
  const plus = (figure * (100 + aroundPercent)) / 100;
  switch (qualifier) {
    case 'exact':
      return { low: figure, high: figure };
    case 'about':
      return { low: less, high: plus };
    case 'nearly':
      return { low: less, high: figure };
    case 'at_least':
      return { low: figure, high: null };
    case 'more_than':
      return { low: figure + 1, high: null };
    case 'vague':
      throw new RangeError('A vague claim has no figure to bound');
  }
}

export function claimRange(claim: Claim, aroundPercent = ABOUT_TOLERANCE_PERCENT): Range {
  if (claim.figure === null) throw new RangeError(`Claim ${claim.id} has no figure`);
  return figureRange(claim.figure, claim.qualifier, aroundPercent);
}

/** The span of several ranges: the lowest low and the highest high (open if any is open). */
export function unionRanges(ranges: readonly Range[]): Range {
  if (ranges.length === 0) throw new RangeError('No ranges to join');
  return {
    low: Math.min(...ranges.map((range) => range.low)),
    high: ranges.some((range) => range.high === null) ? null : Math.max(...ranges.map((range) => range.high as number)),
  };
}

export function subtractRanges(later: Range, earlier: Range): Range {
  return {
    low: earlier.high === null ? Number.NEGATIVE_INFINITY : later.low - earlier.high,
    high: later.high === null ? null : later.high - earlier.low,
  };
}

/**
 * A count divided by a number of days, both uncertain: the slowest and the fastest reading. A span
 * that may last no day at all (two totals dated to the same month) has no fastest reading: its upper
 * end is open. A span that certainly lasts no day has no rate; callers skip it (days.max <= 0).
 */
export function perDay(count: Range, days: { min: number; max: number }): Range {
  if (days.max <= 0) throw new RangeError('A period must last at least one day');
  return {
    low: count.low / days.max,
    high: count.high === null || days.min <= 0 ? null : count.high / days.min,
  };
}

/**
 * Whether the claim's period is our inference rather than the article's: its note says so with a
 * sentence starting "Period inferred:" (data/README.md, `notes`), as for the hundreds who surrendered,
 * dated from the sentence before theirs.
 */
export function isPeriodInferred(claim: Pick<Claim, 'notes'>): boolean {
  return /(^|[.;:]\s+)Period inferred:/.test(claim.notes ?? '');
}

/** The day a cumulative total stands at: the end of its period when given, else the day it was claimed. */
export function asOfDate(claim: Claim): string {
  return claim.period_end ?? claim.claimed_on;
}

/** Whether a claim is a running total of people since the coup that a chart or sum can use. */
export function isCumulativeTotal(claim: Claim): boolean {
  return claim.scope === 'cumulative_since_coup' && claim.unit === 'people' && claim.figure !== null;
}

/**
 * How many days a period claim covers. A stated length ("in 20 days") wins. Otherwise the period
 * runs from the first day its start can mean to the last day its end can mean, both days counted
 * ("April to July" is 1 April to 31 July: a stated end month is read as whole months). An open end
 * ("since 7 Sept") runs to the claim's date, through elapsedDays, also counted inclusively: from
 * the start day to the day before the claim (7 to 23 Sept: 17) to the claim day itself (18); with a
 * start or claim known only to the month, from the latest start to the day before the earliest
 * claim date (31 Dec 2021 to 30 Nov 2023: 700) to the widest (761).
 */
export function periodDays(claim: Claim): { min: number; max: number } | null {
  if (claim.stated_days !== null) return { min: claim.stated_days, max: claim.stated_days };
  if (claim.period_start === null) return null;
  const start = earliestDay(claim.period_start);
  if (claim.period_end !== null) {
    const days = latestDay(claim.period_end) - start + 1;
    return { min: days, max: days };
  }
  // Both ends are moments known to a precision (a start "Dec 2021", a claim dated "Dec 2023"), so
  // the span runs from the shortest to the longest the two allow: one function for every such span.
  return elapsedDays(claim.period_start, claim.claimed_on);
}
