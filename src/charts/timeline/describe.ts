/** The timeline's text description, for alt text and the chart's summary. */
import { earliestDay, formatPartialDate, yearOf } from '../../lib/dates.ts';
import { capitalise, formatEventDate, formatNumber, numberWord } from '../../lib/format.ts';
import { groupKeyOf } from '../shared.ts';
import type { ChartData } from '../types.ts';
import { LABELLED_PER_ROW, OWN_ROWS } from '../scale.ts';
import { claimCountWords, eventsToMark, MARKED_EVENTS, OTHER_LANE_ID, timelineLanes } from './bounds.ts';
import { COUP_DATE, laneClaimants, timelineRows } from './rows.ts';

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

/**
 * What the bound (bounds.ts) does to the lanes, when it does anything: which claimants share the
 * "Other claimants" lane and which lanes are drawn grouped. Empty at the curated size.
 */
function lanesSentence(data: ChartData): string {
  const lanes = timelineLanes(data, timelineRows(data));
  const other = lanes.find((lane) => lane.claimant.id === OTHER_LANE_ID);
  const grouped = lanes.filter((lane) => lane.grouped && lane !== other);
  const parts = [
    other
      ? `The ${OWN_ROWS - 1} claimants or joint claimants with the most claims have a lane each; the other ${formatNumber(other.claimantCount)} share the last, “${other.claimant.name}”, with ${claimCountWords(other.rows.length)}, drawn grouped.`
      : '',
    grouped.length > 0
      ? `${grouped.length === 1 ? 'One lane has' : `${capitalise(numberWord(grouped.length))} lanes have`} more than ${LABELLED_PER_ROW} claims and ${grouped.length === 1 ? 'is' : 'are'} drawn grouped: one mark per year for the claims counting up to a date in it, with their count; every claim is in the table and the claims list.`
      : '',
  ];
  return parts.filter(Boolean).join(' ');
}

export function describeTimeline(data: ChartData): string {
  const claims = data.claims;
  const lanes = laneClaimants(data);
  const byDate = [...claims].sort((a, b) => earliestDay(a.claimed_on) - earliestDay(b.claimed_on));
  const first = byDate[0];
  const last = byDate.at(-1);
  // One pass over the claims, not one per lane: at 100x the data that was 81 × 2,900 formatted names.
  const perLane = new Map<string, number>();
  for (const claim of claims) {
    const id = groupKeyOf(claim, data);
    perLane.set(id, (perLane.get(id) ?? 0) + 1);
  }
  const counts = lanes.map((claimant) => ({ claimant, count: perLane.get(claimant.id) ?? 0 }));
  const most = Math.max(...counts.map((entry) => entry.count));
  const busiest = counts.filter((entry) => entry.count === most).map((entry) => laneWords(data, entry.claimant));
  const vague = claims.filter((claim) => claim.figure === null).length;
  const totals = claims.filter((claim) => claim.scope === 'cumulative_since_coup').length;
  const marked = eventsToMark(data, timelineRows(data));
  const events = marked.events.map((event) => `${event.title} (${formatEventDate(event)})`);
  const independent = claims.filter((claim) => claim.verification === 'corroborated').length;
  const sentences = [
    `${claimCountWords(claims.length)} from ${data.claimants.filter((claimant) => lanes.some((lane) => lane.id.split(' ').includes(claimant.id))).length} claimants, made between ${formatPartialDate(first?.claimed_on ?? COUP_DATE)} and ${formatPartialDate(last?.claimed_on ?? COUP_DATE)}, each drawn across the time it counts in the lane of its claimant, or of its claimants together where a report credits them jointly, on an axis from the February 2021 coup to the end of ${yearOf(last?.claimed_on ?? COUP_DATE)}.`,
    busiest.length === 1
      ? `${capitalise(busiest[0] as string)}${busiest[0]?.startsWith('the outlets') ? ', make' : ' makes'} the most claims (${formatNumber(most)}).`
      : `${capitalise(busiest.join(' and '))} make the most claims, ${formatNumber(most)} each.`,
    totals > 0
      ? `${claimCountWords(totals)} ${totals === 1 ? 'is a running total' : 'are running totals'} since the coup.`
      : '',
    vague > 0 ? `${claimCountWords(vague)} give${vague === 1 ? 's' : ''} no number.` : '',
    lanesSentence(data),
    events.length === 0
      ? ''
      : marked.leftOut === 0
        ? `Events marked: ${events.join('; ')}.`
        : `Events marked: ${MARKED_EVENTS}, each its month's with the most claims dated within a month of it: ${events.join('; ')}; ${formatNumber(marked.leftOut)} other events are not marked.`,
    independent === 0
      ? 'None of these claims has been independently verified.'
      : `Only ${independent} of the ${claims.length} claims ${independent === 1 ? 'has' : 'have'} been independently confirmed.`,
  ];
  return sentences.filter(Boolean).join(' ');
}
