/**
 * What the claims imply, computed rather than asserted: ranges of people per day, and the sums the
 * articles invite readers to do. Pure functions of the validated dataset; no Astro, no I/O.
 *
 * A figure is never treated as exact unless it was published as exact. Each qualifier maps to the
 * range of true values it allows (see figureRange), each imprecise date to the range of days it
 * allows (see dates.ts), and every result carries both ends. An open upper end is null: "at least
 * 750" bounds the count from below only.
 */
import { daysBetween, earliestDay, latestDay } from './dates.ts';
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

// Percent arithmetic in whole numbers keeps 3,000 + 10% at exactly 3,300.
const lessTolerance = (figure: number) => (figure * (100 - ABOUT_TOLERANCE_PERCENT)) / 100;
const plusTolerance = (figure: number) => (figure * (100 + ABOUT_TOLERANCE_PERCENT)) / 100;

export function figureRange(figure: number, qualifier: Qualifier): Range {
  switch (qualifier) {
    case 'exact':
      return { low: figure, high: figure };
    case 'about':
      return { low: lessTolerance(figure), high: plusTolerance(figure) };
    case 'nearly':
      return { low: lessTolerance(figure), high: figure };
    case 'at_least':
      return { low: figure, high: null };
    case 'more_than':
      return { low: figure + 1, high: null };
    case 'vague':
      throw new RangeError('A vague claim has no figure to bound');
  }
}

export function claimRange(claim: Claim): Range {
  if (claim.figure === null) throw new RangeError(`Claim ${claim.id} has no figure`);
  return figureRange(claim.figure, claim.qualifier);
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

/** The day a cumulative total stands at: the end of its period when given, else the day it was claimed. */
export function asOfDate(claim: Claim): string {
  return claim.period_end ?? claim.claimed_on;
}

export interface ImpliedDailyRate {
  claimantId: string;
  from: Claim;
  to: Claim;
  days: { min: number; max: number };
  increase: Range;
  perDay: Range;
}

/** Whether a claim is a running total of people since the coup that a chart or sum can use. */
export function isCumulativeTotal(claim: Claim): boolean {
  return claim.scope === 'cumulative_since_coup' && claim.unit === 'people' && claim.figure !== null;
}

/**
 * For each claimant, each pair of its consecutive totals since the coup (ordered by the day they
 * stand at): how many people a day the rise between them implies.
 */
export function impliedDailyRates(claims: Claim[]): ImpliedDailyRate[] {
  const byClaimant = new Map<string, Claim[]>();
  for (const claim of claims.filter(isCumulativeTotal)) {
    byClaimant.set(claim.claimant_id, [...(byClaimant.get(claim.claimant_id) ?? []), claim]);
  }
  const rates: ImpliedDailyRate[] = [];
  for (const [claimantId, totals] of byClaimant) {
    const ordered = [...totals].sort((a, b) => earliestDay(asOfDate(a)) - earliestDay(asOfDate(b)));
    for (let index = 1; index < ordered.length; index++) {
      const from = ordered[index - 1] as Claim;
      const to = ordered[index] as Claim;
      const days = daysBetween(asOfDate(from), asOfDate(to));
      // Two totals standing on the same day: no time passed, so the rise between them has no rate.
      if (days.max <= 0) continue;
      const increase = subtractRanges(claimRange(to), claimRange(from));
      rates.push({ claimantId, from, to, days, increase, perDay: perDay(increase, days) });
    }
  }
  return rates;
}

/**
 * How many days a period claim covers. A stated length ("in 20 days") wins. Otherwise the period
 * runs from the first day its start can mean to the last day its end can mean, both days counted
 * ("April to July" is 1 April to 31 July). An open end runs to the claim's date, which is itself a
 * range when the claim is dated only to the month.
 */
export function periodDays(claim: Claim): { min: number; max: number } | null {
  if (claim.stated_days !== null) return { min: claim.stated_days, max: claim.stated_days };
  if (claim.period_start === null) return null;
  const start = earliestDay(claim.period_start);
  if (claim.period_end !== null) {
    const days = latestDay(claim.period_end) - start + 1;
    return { min: days, max: days };
  }
  return {
    min: Math.max(1, earliestDay(claim.claimed_on) - start + 1),
    max: latestDay(claim.claimed_on) - start + 1,
  };
}

export interface PeriodDailyRate {
  claim: Claim;
  days: { min: number; max: number };
  perDay: Range;
}

/** Below this, a period claim is a report of single cases ("a soldier left his post in May"), not a flow to divide by days. */
export const MIN_COUNT_FOR_RATE = 10;

/** Actions that are not departures: a person who contacted a group or waits to leave has not left. */
const NOT_DEPARTURES = new Set(['contacted_resistance', 'waiting_to_leave']);

/**
 * People per day for every claim that counts departures over a stated or datable period. Reports of
 * single cases and counts of people who had not yet left are not rates of leaving and are skipped.
 */
export function periodDailyRates(claims: Claim[]): PeriodDailyRate[] {
  const rates: PeriodDailyRate[] = [];
  for (const claim of claims) {
    if (claim.scope !== 'period' || claim.unit !== 'people' || claim.figure === null) continue;
    if (claim.figure < MIN_COUNT_FOR_RATE || NOT_DEPARTURES.has(claim.action)) continue;
    const days = periodDays(claim);
    if (days === null) continue;
    rates.push({ claim, days, perDay: perDay(claimRange(claim), days) });
  }
  return rates;
}
