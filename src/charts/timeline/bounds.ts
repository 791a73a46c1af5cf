/**
 * How the timeline holds as the data grows (src/charts/scale.ts): which lanes it draws, which of
 * them it draws grouped, and which events it marks. No pixels here. At the curated size (10 lanes,
 * at most 8 claims in one, 10 events) nothing is grouped or left out, so the chart draws what it
 * always drew.
 */
import { formatPartialDate, earliestDay, latestDay, yearOf } from '../../lib/dates.ts';
import { formatNumber } from '../../lib/format.ts';
import type { TimelineEvent } from '../../lib/types.ts';
import { LABELLED_PER_ROW, mostCited } from '../scale.ts';
import { dateSpan, type ClaimantGroup } from '../shared.ts';
import type { ChartData } from '../types.ts';
import { laneClaimants, markedEvents, SPAN_WORDS, type TimelineRow } from './rows.ts';

/** Events the timeline numbers and marks; past this, the ones with the most claims near them. */
export const MARKED_EVENTS = 10;

/** How near (days) a claim's date must lie to an event's for the event to count it as relevant. */
const EVENT_REACH_DAYS = 31;

/** The id of the shared lane of the least-cited claimants. */
export const OTHER_LANE_ID = 'other';

export interface TimelineLane {
  claimant: ClaimantGroup;
  rows: TimelineRow[];
  /** Drawn as one mark per year with its count, not a labelled mark per claim. */
  grouped: boolean;
  /** How many claimants the lane stands for (more than one only for the "other claimants" lane and joint lanes). */
  claimantCount: number;
}

/** A claim count in words, with thousands separated: "1 claim", "1,204 claims". */
export const claimCountWords = (count: number) => `${formatNumber(count)} ${count === 1 ? 'claim' : 'claims'}`;

/**
 * The lanes drawn, top to bottom: every claimant's (or joint claimants') lane while there are no
 * more than OWN_ROWS; past that the OWN_ROWS - 1 with the most claims, in their order, then one
 * "Other claimants (count)" lane for the rest. A lane of more than LABELLED_PER_ROW claims, and the
 * shared lane always, is drawn grouped.
 */
export function timelineLanes(data: ChartData, rows: readonly TimelineRow[]): TimelineLane[] {
  const lanes = laneClaimants(data).map((claimant) => {
    const laneRows = rows.filter((row) => row.claimantId === claimant.id);
    return {
      claimant,
      rows: laneRows,
      grouped: laneRows.length > LABELLED_PER_ROW,
      claimantCount: claimant.id.split(' ').length,
    };
  });
  const { own, rest } = mostCited(lanes, (lane) => lane.rows.length);
  if (rest.length === 0) return own;
  const restIds = new Set(rest.flatMap((lane) => lane.claimant.id.split(' ')));
  const name = `Other claimants (${formatNumber(restIds.size)})`;
  const restLaneIds = new Set(rest.map((lane) => lane.claimant.id));
  return [
    ...own,
    {
      claimant: { id: OTHER_LANE_ID, name, short_name: name, colorId: OTHER_LANE_ID },
      // In the order of the table, which lists lanes in claimant order.
      rows: rows.filter((row) => restLaneIds.has(row.claimantId)),
      grouped: true,
      claimantCount: restIds.size,
    },
  ];
}

/** One mark of a grouped lane: the lane's claims that count up to a date in one calendar year. */
export interface YearGroup {
  year: number;
  rows: TimelineRow[];
  /** The earliest claim of the group by its date: the one the mark links to. */
  first: TimelineRow;
  /** The group's accessible name and tooltip: count, year, kinds, dates, claimants, unverified. */
  label: string;
}

/** What a group's claims are, in a clause: "12 running totals since the coup, 3 give no number". */
function kindsClause(rows: readonly TimelineRow[]): string {
  const totals = rows.filter((row) => row.span === 'since_coup').length;
  const vague = rows.filter((row) => row.vague).length;
  const parts = [
    totals > 0
      ? `${formatNumber(totals)} ${totals === 1 ? SPAN_WORDS.since_coup : 'running totals since the coup'}`
      : '',
    vague > 0 ? `${formatNumber(vague)} ${vague === 1 ? 'gives' : 'give'} no number` : '',
  ].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}

/** A grouped lane's marks, one per year its claims count up to, in year order. */
export function yearGroups(data: ChartData, lane: TimelineLane): YearGroup[] {
  const years = [...new Set(lane.rows.map((row) => yearOf(row.end)))].sort((a, b) => a - b);
  return years.map((year) => {
    const rows = lane.rows.filter((row) => yearOf(row.end) === year);
    const byDate = [...rows].sort((a, b) => earliestDay(a.end) - earliestDay(b.end));
    const first = byDate[0] as TimelineRow;
    const last = byDate.reduce((latest, row) => (latestDay(row.end) > latestDay(latest.end) ? row : latest), first);
    const confirmed = rows.filter((row) => data.claimById.get(row.claimId)?.verification === 'corroborated').length;
    const verified =
      confirmed === 0
        ? 'none independently verified'
        : `${formatNumber(confirmed)} of them independently confirmed, the rest unverified`;
    const range =
      first.end === last.end
        ? formatPartialDate(first.end)
        : `${formatPartialDate(first.end)} to ${formatPartialDate(last.end)}`;
    return {
      year,
      rows,
      first,
      label: `${lane.claimant.name}: ${claimCountWords(rows.length)} counting up to a date in ${year}, ${range}${kindsClause(rows)}, as claimed, ${verified}. Each, with its figure and hedge, is in the claims list; this links to the earliest, ${first.published} (${formatPartialDate(first.end)}).`,
    };
  });
}

/**
 * The events the timeline marks, in date order, and how many others it leaves out. Past
 * MARKED_EVENTS, the most relevant: the one with the most claims counting up to a date within a
 * month of it in each month that has events (so ten reports of one offensive take one marker, not
 * ten), then the MARKED_EVENTS of those with the most such claims, the earlier on a tie.
 */
export function eventsToMark(
  data: ChartData,
  rows: readonly TimelineRow[],
): { events: TimelineEvent[]; leftOut: number } {
  const events = markedEvents(data);
  if (events.length <= MARKED_EVENTS) return { events, leftOut: 0 };
  const dayOf = (date: string) => dateSpan(date).mid.getTime() / 86_400_000;
  const days = rows.map((row) => dayOf(row.end));
  const ranked = events
    .map((event, order) => {
      const day = dayOf(event.date);
      const near = days.filter((claimDay) => Math.abs(claimDay - day) <= EVENT_REACH_DAYS).length;
      return { event, order, near, month: dateSpan(event.date).mid.toISOString().slice(0, 7) };
    })
    .sort((a, b) => b.near - a.near || a.order - b.order);
  const months = new Set<string>();
  const kept = new Set<TimelineEvent>();
  for (const entry of ranked) {
    if (kept.size === MARKED_EVENTS) break;
    if (months.has(entry.month)) continue;
    months.add(entry.month);
    kept.add(entry.event);
  }
  return { events: events.filter((event) => kept.has(event)), leftOut: events.length - kept.size };
}

/** The note under the event key when some events are left out, or '' when none is. */
export function eventsNote(leftOut: number): string {
  if (leftOut === 0) return '';
  return `Marked: ${MARKED_EVENTS} events, each its month's with the most claims dated within a month of it; ${formatNumber(leftOut)} other events are not marked.`;
}

/** The note saying how grouped lanes are drawn, or '' when none is. */
export function groupedNote(lanes: readonly TimelineLane[]): string {
  if (!lanes.some((lane) => lane.grouped)) return '';
  return `Lanes of more than ${LABELLED_PER_ROW} claims are grouped: one mark per year for the claims counting up to a date in it, with their count. Every claim is in the table and the claims list.`;
}
