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
 * Moves label positions apart so that no two are closer than `gap` (in the same units), keeping
 * their order and staying as close as possible to where they want to be. Returns new positions in
 * the input order.
 */
export function spreadLabels(wanted: number[], gap: number): number[] {
  const order = wanted.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const placed = order.map(({ value }) => value);
  for (let i = 1; i < placed.length; i++) {
    placed[i] = Math.max(placed[i] as number, (placed[i - 1] as number) + gap);
  }
  // Shift the whole stack back down by half its overshoot, so labels straddle their marks.
  const overshoot = placed.reduce((sum, value, i) => sum + (value - (order[i] as { value: number }).value), 0) / Math.max(1, placed.length);
  const result = new Array<number>(wanted.length);
  order.forEach(({ index }, i) => {
    result[index] = (placed[i] as number) - overshoot / 2;
  });
  return result;
}
