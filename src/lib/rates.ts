/**
 * Every people-a-day figure the site shows, computed through the written rules (eligibility.ts)
 * under every admissible reading (readings.ts). Nothing else in the project divides a count by days:
 * charts, sentences, alt text and CSVs all read these results, so a claim added to data/ cannot
 * reach a page as a rate without passing the same rules.
 */
import { daysBetween, earliestDay, type DayRange } from './dates.ts';
import {
  ABOUT_TOLERANCE_PERCENT,
  asOfDate,
  claimRange,
  isCumulativeTotal,
  perDay,
  periodDays,
  subtractRanges,
  unionRanges,
  type Range,
} from './derive.ts';
import { rateEligibility, riseEligibility, type Verdict } from './eligibility.ts';
import { readingsOf } from './readings.ts';
import type { Claim, Reading } from './types.ts';

export interface RateOptions {
  /** How far "around" may stray, in percent (10 by default; conclusions.ts tests wider bands). */
  aroundPercent?: number;
}

/** A rate under one reading of its claim(s). */
export interface ReadingRate {
  /** "over two weeks (14 days)"; joined with " / " when a pair of totals is read. */
  label: string;
  days: DayRange;
  perDay: Range;
}

export interface PeriodDailyRate {
  claim: Claim;
  /** Every reading under which the rules allow a rate, in readings.csv order. */
  readings: ReadingRate[];
  /** The days and the rate across all those readings. */
  days: DayRange;
  perDay: Range;
}

export interface ImpliedDailyRate {
  claimantId: string;
  from: Claim;
  to: Claim;
  readings: ReadingRate[];
  days: DayRange;
  increase: Range;
  perDay: Range;
}

/** A claim with a number that gets no rate, with the reason under each reading. */
export interface AbsentRate {
  claim: Claim;
  /** "over the past two years (…)": why not; one entry per distinct reason. */
  reasons: { label: string; verdict: Verdict }[];
}

/** A pair of consecutive totals of one claimant that may not be subtracted, and why. */
export interface BlockedPair {
  from: Claim;
  to: Claim;
  verdict: Verdict;
}

const spanDays = (days: readonly DayRange[]): DayRange => ({
  min: Math.min(...days.map((day) => day.min)),
  max: Math.max(...days.map((day) => day.max)),
});

function bySource(claims: readonly Claim[]): Map<string, Claim[]> {
  const groups = new Map<string, Claim[]>();
  for (const claim of claims) groups.set(claim.source_id, [...(groups.get(claim.source_id) ?? []), claim]);
  return groups;
}

/** Each claim that counts people over a period, under each reading, through the rules. */
function periodVerdicts(claims: readonly Claim[], readings: readonly Reading[]) {
  const articles = bySource(claims);
  return claims
    .filter((claim) => claim.figure !== null && claim.unit === 'people')
    .map((claim) => ({
      claim,
      read: readingsOf(claim, readings).map((read) => ({
        ...read,
        verdict: rateEligibility(read.claim, articles.get(claim.source_id) ?? []),
      })),
    }));
}

/** People per day for every claim the rules allow, under every reading they allow it. */
export function periodDailyRates(
  claims: readonly Claim[],
  readings: readonly Reading[] = [],
  { aroundPercent = ABOUT_TOLERANCE_PERCENT }: RateOptions = {},
): PeriodDailyRate[] {
  const rates: PeriodDailyRate[] = [];
  for (const { claim, read } of periodVerdicts(claims, readings)) {
    const allowed = read.filter((reading) => reading.verdict.eligible);
    if (allowed.length === 0) continue;
    const perReading = allowed.map((reading) => {
      const days = periodDays(reading.claim) as DayRange;
      return { label: reading.label, days, perDay: perDay(claimRange(reading.claim, aroundPercent), days) };
    });
    rates.push({
      claim,
      readings: perReading,
      days: spanDays(perReading.map((reading) => reading.days)),
      perDay: unionRanges(perReading.map((reading) => reading.perDay)),
    });
  }
  return rates;
}

/**
 * Claims with a number of people that get no period rate under some reading, with the rule that
 * excludes each. Running totals are left out: they are dealt with in pairs (blockedPairs).
 */
export function absentRates(claims: readonly Claim[], readings: readonly Reading[] = []): AbsentRate[] {
  return periodVerdicts(claims, readings)
    .map(({ claim, read }) => ({
      claim,
      reasons: read
        .filter((reading) => !reading.verdict.eligible && reading.verdict.rule !== 'running-total')
        .map((reading) => ({ label: reading.label, verdict: reading.verdict })),
    }))
    .filter((absent) => absent.reasons.length > 0);
}

/** Why a figure has no rate, in words: each distinct reason once, in reading order. */
export function absentReason(absent: AbsentRate): string {
  return [...new Set(absent.reasons.map((reason) => reason.verdict.reason))].join(' ');
}

/**
 * Figures without a rate gathered by their reason, the most common first (ties in data order), each
 * group's figures in data order: how a list too long to give one by one is summarised.
 */
export function absentRatesByReason(absent: readonly AbsentRate[]): { reason: string; absent: AbsentRate[] }[] {
  const groups = new Map<string, AbsentRate[]>();
  for (const entry of absent) groups.set(absentReason(entry), [...(groups.get(absentReason(entry)) ?? []), entry]);
  return [...groups]
    .map(([reason, entries]) => ({ reason, absent: entries }))
    .sort((a, b) => b.absent.length - a.absent.length);
}

/** Each claimant's running totals under every reading that makes them running totals, oldest first. */
function totalsByClaimant(claims: readonly Claim[], readings: readonly Reading[]) {
  const groups = new Map<string, { claim: Claim; read: ReturnType<typeof readingsOf> }[]>();
  for (const claim of claims) {
    const read = readingsOf(claim, readings).filter((reading) => isCumulativeTotal(reading.claim));
    if (read.length === 0) continue;
    groups.set(claim.claimant_id, [...(groups.get(claim.claimant_id) ?? []), { claim, read }]);
  }
  for (const totals of groups.values()) {
    totals.sort((a, b) => earliestDay(asOfDate(a.claim)) - earliestDay(asOfDate(b.claim)));
  }
  return groups;
}

function consecutivePairs(claims: readonly Claim[], readings: readonly Reading[]) {
  const pairs = [];
  for (const totals of totalsByClaimant(claims, readings).values()) {
    for (let index = 1; index < totals.length; index++) {
      const from = totals[index - 1]!;
      const to = totals[index]!;
      pairs.push({ from, to, verdict: riseEligibility(from.claim, to.claim) });
    }
  }
  return pairs;
}

/**
 * For each claimant, each pair of its consecutive running totals that measure the same thing: the
 * people a day the rise between them implies, under every reading that keeps both as totals.
 */
export function impliedDailyRates(
  claims: readonly Claim[],
  readings: readonly Reading[] = [],
  { aroundPercent = ABOUT_TOLERANCE_PERCENT }: RateOptions = {},
): ImpliedDailyRate[] {
  return consecutivePairs(claims, readings)
    .filter((pair) => pair.verdict.eligible)
    .flatMap(({ from, to }) => {
      const perReading = from.read.flatMap((early) =>
        to.read.flatMap((late) => {
          const days = daysBetween(asOfDate(early.claim), asOfDate(late.claim));
          // Each reading of the pair passes the rules the pair as coded passed: an earlier total left
          // open ("over 20,000"), totals that may stand under a week apart or a rise that
          // may be nothing give no rate under that reading either.
          if (!riseEligibility(early.claim, late.claim).eligible) return [];
          const rise = subtractRanges(claimRange(late.claim, aroundPercent), claimRange(early.claim, aroundPercent));
          // Read more loosely than usual ("around" as ±20%), a rise may reach down to nothing: its floor
          // is then 0 a day, never a fall.
          const increase = { ...rise, low: Math.max(0, rise.low) };
          // Both ends read the same way ("a running total since the coup") name that reading once.
          const labels = [...new Set([early.label, late.label])].filter((label) => label !== 'as coded');
          return [{ label: labels.join(' / ') || 'as coded', days, increase, perDay: perDay(increase, days) }];
        }),
      );
      if (perReading.length === 0) return [];
      return {
        claimantId: from.claim.claimant_id,
        from: from.claim,
        to: to.claim,
        readings: perReading.map(({ label, days, perDay }) => ({ label, days, perDay })),
        days: spanDays(perReading.map((reading) => reading.days)),
        increase: unionRanges(perReading.map((reading) => reading.increase)),
        perDay: unionRanges(perReading.map((reading) => reading.perDay)),
      };
    });
}

/** Consecutive totals of one claimant that measure different things: no rate, and why. */
export function blockedPairs(claims: readonly Claim[], readings: readonly Reading[] = []): BlockedPair[] {
  return consecutivePairs(claims, readings)
    .filter((pair) => !pair.verdict.eligible)
    .map(({ from, to, verdict }) => ({ from: from.claim, to: to.claim, verdict }));
}
