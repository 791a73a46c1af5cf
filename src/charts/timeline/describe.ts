/** The timeline's text description, for alt text and the chart's summary. */
import { earliestDay, formatPartialDate, yearOf } from '../../lib/dates.ts';
import { capitalise, formatClaimCount, formatEventDate, numberWord } from '../../lib/format.ts';
import { claimantGroup } from '../shared.ts';
import type { ChartData } from '../types.ts';
import { COUP_DATE, laneClaimants, markedEvents } from './rows.ts';

/**
 * A lane as running text. The unattributed lane is not one voice: it holds each outlet's own
 * statements, so it is named by its outlets and reports ("the outlets' own statements (no source
 * named), across four reports"), never as one claimant making the most claims.
 */
function laneWords(data: ChartData, lane: { id: string; name: string }): string {
  const ids = lane.id.split(' ');
  const unattributed = ids.every((id) => data.claimantById.get(id)?.kind === 'unattributed');
  if (!unattributed) return lane.name;
  const sourceIds = [
    ...new Set(data.claims.filter((claim) => ids.includes(claim.claimant_id)).map((claim) => claim.source_id)),
  ];
  const outlets = [...new Set(sourceIds.map((id) => data.sourceById.get(id)?.outlet ?? id))];
  if (outlets.length === 1) return `${outlets[0]}'s own statements (no source named)`;
  return `the outlets' own statements, across ${numberWord(sourceIds.length)} reports`;
}

export function describeTimeline(data: ChartData): string {
  const claims = data.claims;
  const lanes = laneClaimants(data);
  const byDate = [...claims].sort((a, b) => earliestDay(a.claimed_on) - earliestDay(b.claimed_on));
  const first = byDate[0];
  const last = byDate.at(-1);
  const counts = lanes.map((claimant) => ({
    claimant,
    count: claims.filter((claim) => claimantGroup(data, claim).id === claimant.id).length,
  }));
  const most = Math.max(...counts.map((entry) => entry.count));
  const busiest = counts.filter((entry) => entry.count === most).map((entry) => laneWords(data, entry.claimant));
  const vague = claims.filter((claim) => claim.figure === null).length;
  const totals = claims.filter((claim) => claim.scope === 'cumulative_since_coup').length;
  const events = markedEvents(data).map((event) => `${event.title} (${formatEventDate(event)})`);
  const independent = claims.filter((claim) => claim.verification === 'corroborated').length;
  const sentences = [
    `${formatClaimCount(claims.length)} from ${data.claimants.filter((claimant) => lanes.some((lane) => lane.id.split(' ').includes(claimant.id))).length} claimants, made between ${formatPartialDate(first?.claimed_on ?? COUP_DATE)} and ${formatPartialDate(last?.claimed_on ?? COUP_DATE)}, each drawn across the time it counts in the lane of its claimant, or of its claimants together where a report credits them jointly, on an axis from the February 2021 coup to the end of ${yearOf(last?.claimed_on ?? COUP_DATE)}.`,
    busiest.length === 1
      ? `${capitalise(busiest[0] as string)}${busiest[0]?.startsWith('the outlets') ? ', make' : ' makes'} the most claims (${most}).`
      : `${capitalise(busiest.join(' and '))} make the most claims, ${most} each.`,
    totals > 0
      ? `${formatClaimCount(totals)} ${totals === 1 ? 'is a running total' : 'are running totals'} since the coup.`
      : '',
    vague > 0 ? `${formatClaimCount(vague)} give${vague === 1 ? 's' : ''} no number.` : '',
    events.length > 0 ? `Events marked: ${events.join('; ')}.` : '',
    independent === 0
      ? 'None of these claims has been independently verified.'
      : `Only ${independent} of the ${claims.length} claims ${independent === 1 ? 'has' : 'have'} been independently confirmed.`,
  ];
  return sentences.filter(Boolean).join(' ');
}
