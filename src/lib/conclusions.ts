/**
 * The comparisons the site states in words ("more", "faster"), and the one function that decides
 * whether each may be stated. A comparison holds only if it holds under every admissible reading
 * of every figure in it AND with "around" read as loosely as ROBUST_TOLERANCE_PERCENT (±20%): a
 * conclusion that needs "around 15,000" to mean 13,500 rather than 12,000 is not one we assert.
 *
 * The methodology page prints how each conclusion fares from ±5% to ±25% (bandTable), and the
 * explainer words each one from holdsRobustly, so the text cannot claim more than the numbers.
 */
import { claimRange, ROBUST_TOLERANCE_PERCENT, type Range } from './derive.ts';
import { comparable } from './eligibility.ts';
import { periodDailyRates } from './rates.ts';
import type { Claim, Reading } from './types.ts';

export { ROBUST_TOLERANCE_PERCENT };

export type Direction = 'greater' | 'less' | 'undecided';

/**
 * Whether every value any reading allows on the left is above (or below) every value any reading
 * allows on the right. An open end ("or more") can never be shown to be below anything.
 */
export function compareRanges(left: readonly Range[], right: readonly Range[]): Direction {
  if (left.length === 0 || right.length === 0) return 'undecided';
  const leftLow = Math.min(...left.map((range) => range.low));
  const rightLow = Math.min(...right.map((range) => range.low));
  const highest = (ranges: readonly Range[]) =>
    ranges.some((range) => range.high === null) ? null : Math.max(...ranges.map((range) => range.high as number));
  const leftHigh = highest(left);
  const rightHigh = highest(right);
  if (rightHigh !== null && leftLow > rightHigh) return 'greater';
  if (leftHigh !== null && leftHigh < rightLow) return 'less';
  return 'undecided';
}

export interface Conclusion {
  id: string;
  /** The sentence the site would state, as it would state it. */
  statement: string;
  /** The direction the statement asserts. */
  asserts: Exclude<Direction, 'undecided'>;
  /**
   * For a comparison of two paces, the two claims compared. If they fail the comparable rule
   * (different act or different people), the site states only what the claims imply: claimsStatement.
   */
  compares?: [string, string];
  /** The comparison worded as one between the parties' claims, never as fact. */
  claimsStatement?: string;
  /** The claims it rests on, for the build test and the methodology page. */
  claimIds: string[];
  /** Every range each side can take, one per reading, with "around" read as ±aroundPercent. */
  sides: (claims: readonly Claim[], readings: readonly Reading[], aroundPercent: number) => [Range[], Range[]];
}

const findClaim = (claims: readonly Claim[], id: string): Claim => {
  const claim = claims.find((candidate) => candidate.id === id);
  if (!claim) throw new Error(`The conclusions need claim "${id}", which is not in the data`);
  return claim;
};

/** The rate of one period claim under each reading the rules allow; none if the rules allow none. */
function periodRates(id: string, claims: readonly Claim[], readings: readonly Reading[], aroundPercent: number) {
  const rate = periodDailyRates(claims, readings, { aroundPercent }).find((candidate) => candidate.claim.id === id);
  return rate ? rate.readings.map((reading) => reading.perDay) : [];
}

export const CONCLUSIONS: readonly Conclusion[] = [
  {
    id: 'offensive-faster-than-april-july',
    statement:
      'More people a day are said to have deserted in the first three weeks of Operation 1027 than the NUG says defected from April to July 2023.',
    // Security forces who deserted against soldiers who defected: not the same measure, so this
    // can only ever be a comparison of what the two claims imply.
    compares: ['anti-junta-alliance-deserted-750-2023-11', 'nug-defected-500-2023-08'],
    claimsStatement:
      'EFE’s figure for Operation 1027 (at least 750 by the anti-junta alliance’s account, around 750 by unnamed opposition sources’) implies a faster pace than the NUG’s claim for April to July 2023; the two are coded as different acts by different people (though The Irrawaddy’s opening line calls the 500 deserters too), so this compares the claims, not the flows.',
    asserts: 'greater',
    claimIds: ['anti-junta-alliance-deserted-750-2023-11', 'nug-defected-500-2023-08'],
    sides: (claims, readings, band) => [
      periodRates('anti-junta-alliance-deserted-750-2023-11', claims, readings, band),
      periodRates('nug-defected-500-2023-08', claims, readings, band),
    ],
  },
  {
    id: 'most-of-453-waiting',
    statement:
      'By the police channel’s breakdown, most of the 453 had not left: the about 400 still waiting are more than half of 453.',
    asserts: 'greater',
    claimIds: ['police-cdm-channel-waiting-400-2021-09', 'nug-defected-453-2021-09'],
    sides: (claims, _readings, band) => {
      const answered = claimRange(findClaim(claims, 'nug-defected-453-2021-09'), band);
      return [
        [claimRange(findClaim(claims, 'police-cdm-channel-waiting-400-2021-09'), band)],
        [{ low: answered.low / 2, high: answered.high === null ? null : answered.high / 2 }],
      ];
    },
  },
  {
    id: 'twenty-percent-too-high',
    statement:
      'The 20% rise the NUG defence ministry’s permanent secretary gave is more than 453 on top of the earlier counts of about 1,500 soldiers and about 1,000 police makes.',
    asserts: 'greater',
    claimIds: [
      'nug-defected-20-percent-2021-09',
      'nug-defected-453-2021-09',
      'peoples-embrace-defected-1500-2021-09',
      'police-cdm-channel-defected-1000-2021-09',
    ],
    sides: (claims, _readings, band) => {
      const answered = claimRange(findClaim(claims, 'nug-defected-453-2021-09'), band);
      const soldiers = claimRange(findClaim(claims, 'peoples-embrace-defected-1500-2021-09'), band);
      const police = claimRange(findClaim(claims, 'police-cdm-channel-defected-1000-2021-09'), band);
      const beforeHigh = soldiers.high === null || police.high === null ? null : soldiers.high + police.high;
      const rise: Range = {
        low: beforeHigh === null ? 0 : (answered.low / beforeHigh) * 100,
        high: answered.high === null ? null : (answered.high / (soldiers.low + police.low)) * 100,
      };
      return [[claimRange(findClaim(claims, 'nug-defected-20-percent-2021-09'), band)], [rise]];
    },
  },
];

/**
 * The words the site may use for a conclusion: the plain statement only when the paces compared
 * pass the comparable rule; otherwise the wording that compares the parties' claims. A cross-measure
 * comparison with no such wording cannot be stated at all.
 */
export function statementFor(conclusion: Conclusion, claims: readonly Claim[]): string {
  if (!conclusion.compares) return conclusion.statement;
  const [a, b] = conclusion.compares.map((id) => findClaim(claims, id));
  if (comparable(a!, b!).eligible) return conclusion.statement;
  if (!conclusion.claimsStatement)
    throw new Error(
      `Conclusion "${conclusion.id}" compares different measures and has no wording as a comparison of claims`,
    );
  return conclusion.claimsStatement;
}

export interface ConclusionResult {
  conclusion: Conclusion;
  aroundPercent: number;
  holds: boolean;
}

export function evaluateConclusion(
  conclusion: Conclusion,
  claims: readonly Claim[],
  readings: readonly Reading[],
  aroundPercent: number,
): ConclusionResult {
  const [left, right] = conclusion.sides(claims, readings, aroundPercent);
  return { conclusion, aroundPercent, holds: compareRanges(left, right) === conclusion.asserts };
}

/** Whether the site may state the conclusion: under every reading, with "around" as loose as ±20%. */
export function holdsRobustly(id: string, claims: readonly Claim[], readings: readonly Reading[]): boolean {
  const conclusion = CONCLUSIONS.find((candidate) => candidate.id === id);
  if (!conclusion) throw new Error(`No conclusion "${id}"`);
  return evaluateConclusion(conclusion, claims, readings, ROBUST_TOLERANCE_PERCENT).holds;
}

export const BANDS = [5, 10, 15, 20, 25] as const;

/** Each conclusion under each band, for the methodology page's table. */
export function bandTable(claims: readonly Claim[], readings: readonly Reading[]) {
  return CONCLUSIONS.map((conclusion) => ({
    conclusion,
    results: BANDS.map((band) => evaluateConclusion(conclusion, claims, readings, band)),
    robust: evaluateConclusion(conclusion, claims, readings, ROBUST_TOLERANCE_PERCENT).holds,
  }));
}
