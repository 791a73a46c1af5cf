/**
 * Pieces several chart modules use: the claim label every mark carries, the link to its row in the
 * claims table, the time domain of the story and label spreading.
 */
import { dayToDate, earliestDay, formatPartialDate, latestDay, midpointDay } from '../lib/dates.ts';
import { ACTION_LABELS, formatFigure, PERSONNEL_LABELS } from '../lib/format.ts';
import type { Claim } from '../lib/types.ts';
import { mustGet } from './data.ts';
import type { ChartData } from './types.ts';

/** Where a chart mark leads: the claim's row in the claims table on the home page. */
export function claimAnchor(claimId: string): string {
  return `#claim-${claimId}`;
}

/** The text a focused mark announces: figure with qualifier, action, claimant, date and the quote. */
export function claimLabel(data: ChartData, claim: Claim): string {
  const claimant = mustGet(data.claimantById, claim.claimant_id, 'claimant');
  const who = claim.unit === 'people' ? ` ${PERSONNEL_LABELS[claim.personnel]}` : '';
  return `${formatFigure(claim)}${who} ${ACTION_LABELS[claim.action]}, claimed by ${claimant.name}, ${formatPartialDate(claim.claimed_on)}: “${stripOuterQuotes(claim.quote)}”`;
}

function stripOuterQuotes(quote: string): string {
  return quote.replace(/^[“"]+|[”"]+$/g, '');
}

/** The story runs from the coup to the end of the last year a claim falls in. */
export const STORY_START = dayToDate(earliestDay('2021-02-01'));

export function storyEnd(data: ChartData): Date {
  const lastDay = Math.max(...data.claims.map((claim) => latestDay(claim.claimed_on)));
  return dayToDate(lastDay + 1);
}

/** The interval a partial date stands for, as Dates for a time scale: [first day, day after last]. */
export function dateSpan(partialDate: string): { start: Date; end: Date; mid: Date } {
  return {
    start: dayToDate(earliestDay(partialDate)),
    end: dayToDate(latestDay(partialDate) + 1),
    mid: dayToDate(midpointDay(partialDate) + 0.5),
  };
}

/**
 * Moves label positions apart so that no two are closer than `gap` and none is below `floor` (all in
 * the same units), keeping their order. Labels only ever move up, away from the axis, so each stays
 * at or above its mark and a leader line can join them. Returns positions in the input order.
 */
export function spreadLabels(wanted: number[], gap: number, floor = Number.NEGATIVE_INFINITY): number[] {
  const order = wanted.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const result = new Array<number>(wanted.length);
  let previous = Number.NEGATIVE_INFINITY;
  for (const { value, index } of order) {
    previous = Math.max(value, floor, previous + gap);
    result[index] = previous;
  }
  return result;
}
