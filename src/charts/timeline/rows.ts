/**
 * The timeline's rows: what it draws, one per claim (and, for the table and CSV, one per reading of
 * a claim), with the span of days each claim's dates can mean. No pixels here.
 */
import { asOfDate, isPeriodInferred } from '../../lib/derive.ts';
import { earliestDay, parsePartialDate, yearOf } from '../../lib/dates.ts';
import { ACTION_LABELS, formatClaimants, formatMeasure } from '../../lib/format.ts';
import { figureWordings, readingsOf } from '../../lib/readings.ts';
import type { Claim, TimelineEvent } from '../../lib/types.ts';
import {
  claimantGroup,
  claimantGroups,
  groupKeyOf,
  claimLabel,
  dateSpan,
  markLabels,
  STORY_START,
  type ClaimantGroup,
  shortFigureLabel,
} from '../shared.ts';
import type { ChartData } from '../types.ts';

/** How a claim's time is drawn, which is also how the table explains its dates. */
export type SpanKind = 'since_coup' | 'period' | 'inferred_period' | 'open_period' | 'open_start' | 'no_period';

export const SPAN_WORDS: Record<SpanKind, string> = {
  since_coup: 'running total since the coup',
  period: 'stated period',
  inferred_period: 'inferred period',
  open_period: 'open end, up to the claim',
  open_start: 'start not given',
  no_period: 'no period given',
};

export const COUP_DATE = '2021-02-01';

export interface TimelineRow {
  claimId: string;
  claimantId: string;
  claimant: string;
  /** Partial date the drawn span starts at; null when the claim gives no start. */
  start: string | null;
  /**
   * For a running total that another reading counts from a later date (the 20,000 "over the past
   * two years" rather than since the coup), that date: the line before it is drawn dotted, since
   * only one reading puts the count there. Null when every reading starts at `start`.
   */
  laterStart: string | null;
  /** The reading the row stands for, in the table and CSV ("as coded" for a claim with one). */
  reading: string;
  /** Who the reading is credited to (the 750's lede: the unnamed opposition sources), for the table and CSV. */
  readingClaimants?: string;
  /** Partial date the drawn span ends at (for a point, the claim's own date). */
  end: string;
  span: SpanKind;
  published: string;
  /** The figure and act without the people, drawn only where the full label fits on neither side. */
  drawnShort: string;
  /** Where drawnShort does not fit either: a percent's rise without its count ("a 20% rise"). */
  drawnShortest: string;
  /** Where none of those fits: the figure alone, in every wording its readings give ("33 a day"). */
  drawnFigure: string;
  action: string;
  vague: boolean;
  label: string;
}

function spanOf(claim: Claim): { start: string | null; end: string; span: SpanKind } {
  if (claim.scope === 'cumulative_since_coup')
    return { start: claim.period_start ?? COUP_DATE, end: asOfDate(claim), span: 'since_coup' };
  if (claim.period_start !== null && claim.period_end !== null)
    return {
      start: claim.period_start,
      end: claim.period_end,
      span: isPeriodInferred(claim) ? 'inferred_period' : 'period',
    };
  if (claim.period_start !== null) return { start: claim.period_start, end: claim.claimed_on, span: 'open_period' };
  if (claim.period_end !== null) return { start: null, end: claim.period_end, span: 'open_start' };
  return { start: null, end: claim.claimed_on, span: 'no_period' };
}

/**
 * The lanes, top to bottom: one per claimant, or per group of claimants credited jointly (see
 * claimantGroups), so that the joint 1,500 soldiers and 1,000 police share a lane.
 */
export function laneClaimants(data: ChartData): ClaimantGroup[] {
  return claimantGroups(data);
}

export function timelineRows(data: ChartData): TimelineRow[] {
  const lanes = laneClaimants(data);
  const laneIndex = new Map(lanes.map((lane, index) => [lane.id, index]));
  // Each claim's lane once, not in every comparison of the sort.
  const laneOf = new Map(data.claims.map((claim) => [claim, groupKeyOf(claim, data)]));
  const labels = markLabels(data);
  return (
    data.claims
      .map((claim, index) => ({ claim, index }))
      // Lanes in claimant order, claims in data order inside a lane: the table reads like the chart.
      .sort(
        (a, b) =>
          (laneIndex.get(laneOf.get(a.claim)!) ?? 0) - (laneIndex.get(laneOf.get(b.claim)!) ?? 0) || a.index - b.index,
      )
      .map(({ claim }) => {
        const group = claimantGroup(data, claim);
        const own = spanOf(claim);
        const starts = readingsOf(claim, data.readings)
          .map((read) => spanOf(read.claim).start)
          .filter((start): start is string => start !== null && start !== own.start)
          .sort((a, b) => earliestDay(b) - earliestDay(a));
        return {
          claimId: claim.id,
          claimantId: group.id,
          claimant: group.name,
          ...own,
          laterStart: own.span === 'since_coup' ? (starts[0] ?? null) : null,
          reading: '',
          published: labels.get(claim.id) ?? formatMeasure(claim),
          drawnShort: shortFigureLabel(data, claim),
          drawnShortest: shortFigureLabel(data, claim, true),
          drawnFigure:
            claim.unit === 'percent'
              ? shortFigureLabel(data, claim, true)
              : figureWordings(claim, data.readings, data.claimants, 'none'),
          action: ACTION_LABELS[claim.action],
          vague: claim.figure === null,
          label: claimLabel(data, claim),
        };
      })
  );
}

/**
 * The table's and CSV's rows: one per reading of each claim, with the span and wording that reading
 * gives, so a claim the article allows to be read two ways is listed both ways.
 */
export function timelineReadingRows(data: ChartData): TimelineRow[] {
  return timelineRows(data).flatMap((row) => {
    const claim = data.claimById.get(row.claimId);
    if (!claim) return [];
    return readingsOf(claim, data.readings).map((read) => ({
      ...row,
      ...spanOf(read.claim),
      reading: read.label,
      readingClaimants: formatClaimants(read.claim, data.claimants),
      published: row.vague ? row.published : formatMeasure(read.claim),
    }));
  });
}

/** The axis runs from the coup to the end of the year of the last claim. */
export function timelineEnd(data: ChartData): Date {
  const lastYear = Math.max(...data.claims.map((claim) => yearOf(claim.claimed_on)));
  return new Date(Date.UTC(lastYear + 1, 0, 1));
}

/** The events inside the axis, in date order: the order they are numbered in. */
export function markedEvents(data: ChartData): TimelineEvent[] {
  const end = timelineEnd(data).getTime();
  return data.events
    .filter((event) => {
      const span = dateSpan(event.date);
      return span.end.getTime() > STORY_START.getTime() && span.start.getTime() < end;
    })
    .sort((a, b) => earliestDay(a.date) - earliestDay(b.date));
}

export const isDayPrecise = (date: string) => parsePartialDate(date)?.precision === 'day';
