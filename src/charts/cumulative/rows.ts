/**
 * The cumulative chart's rows: one per running total since the coup (and, for the table and CSV,
 * one per reading of it), the dates it draws at, its measures and which totals a series joins.
 */
import { asOfDate, claimRange, isCumulativeTotal, unionRanges, type Range } from '../../lib/derive.ts';
import { formatClaimants, formatFigure, formatMeasure, formatVerifications, listInWords } from '../../lib/format.ts';
import { hasReadings, periodWordings, readingsOf } from '../../lib/readings.ts';
import { ACTIONS, type Action, type Claim, type Qualifier } from '../../lib/types.ts';
import { mustGet } from '../data.ts';
import { claimLabel, dateSpan, leadClaimantId, measureWordings, readingClaimants } from '../shared.ts';
import type { ChartData } from '../types.ts';

/** The events this chart marks: the appeal that started the count and the offensive that sped it up. */
export const ANNOTATED_EVENTS = ['nug-call-2021-09-07', 'operation-1027-2023-10-27'];

export interface TotalRow {
  claimId: string;
  /** The claimant whose colour the mark takes (leadClaimantId). */
  claimantId: string;
  /** Every claimant, in full and short: "NUG and People's Embrace". */
  claimant: string;
  claimantShort: string;
  asOf: string;
  figure: number;
  published: string;
  /** Figure, hedge and measure: "around 3,000 defected". */
  measure: string;
  /** The same with who left: "around 1,500 soldiers defected", for the labels. */
  clause: string;
  /**
   * Every reading of the total's span where the article allows more than one: "a running total
   * since the coup (our inference) or over the past two years (Dec 2021 to Dec 2023)"; else empty.
   */
  readings: string;
  /**
   * Who the total counts that had not left when counted, from relations.csv: "includes about 400
   * still in their units" (the Police CDM Channel's about 400 waiting to leave, inside the 453 and
   * so inside the about 3,000); else empty.
   */
  caveat: string;
  action: Action;
  personnel: string;
  verification: string;
  low: number;
  high: number | null;
  /** The hedge under each of its readings, for a grouped mark's words (grouped-words.ts). */
  qualifiers: Qualifier[];
  /** The figure as each reading words it ("more than 20,000", "around 20,000"). */
  wordings: string[];
  /** What its readings allow together: grouped marks' ranges are built from these. */
  allowed: Range;
  start: Date;
  end: Date;
  mid: Date;
  label: string;
}

export function totals(data: ChartData): TotalRow[] {
  return data.claims.filter(isCumulativeTotal).map((claim) => {
    const asOf = asOfDate(claim);
    const range = claimRange(claim);
    const reads = readingsOf(claim, data.readings).map((read) => read.claim);
    return {
      claimId: claim.id,
      claimantId: leadClaimantId(data, claim),
      claimant: readingClaimants(data, claim),
      claimantShort: readingClaimants(data, claim, 'short_name'),
      asOf,
      figure: claim.figure as number,
      published: formatFigure(claim),
      measure: measureWordings(data, claim),
      clause: measureWordings(data, claim, true),
      readings: hasReadings(claim, data.readings) ? periodWordings(claim, data.readings, data.claimants) : '',
      caveat: stillServing(data, claim),
      action: claim.action,
      personnel: claim.personnel,
      verification: formatVerifications([claim.verification]),
      low: range.low,
      high: range.high,
      qualifiers: reads.map((read) => read.qualifier),
      wordings: reads.map((read) => formatFigure(read)),
      allowed: unionRanges(reads.map((read) => claimRange(read))),
      ...dateSpan(asOf),
      label: claimLabel(data, claim),
    };
  });
}

/** The claims inside a total (part_of, directly or through another part) of people still serving when counted. */
function stillServing(data: ChartData, total: Claim): string {
  const partsOf = (id: string): string[] =>
    data.relations
      .filter((relation) => relation.to === id && relation.relation === 'part_of')
      .flatMap((relation) => [relation.from, ...partsOf(relation.from)]);
  const waiting = [...new Set(partsOf(total.id))]
    .map((id) => mustGet(data.claimById, id, 'claim'))
    .filter((claim) => claim.action === 'waiting_to_leave' && claim.figure !== null);
  return waiting.length === 0
    ? ''
    : `includes ${listInWords(waiting.map((claim) => formatFigure(claim)))} still in their units`;
}

/** One row of the table and CSV per reading of each total, so a total read two ways is listed twice. */
export interface ReadingRow extends TotalRow {
  readingId: string;
  reading: string;
  /** The figure as this reading words it: "over 20,000 joined the CDM". */
  readingMeasure: string;
  readingClaimant: string;
  /** Whether the total runs from the coup under this reading, or counts a stated period. */
  readingSpan: string;
  readingFrom: string | null;
}

export function readingRows(data: ChartData): ReadingRow[] {
  return totals(data).flatMap((row) => {
    const claim = data.claimById.get(row.claimId);
    if (!claim) return [];
    return readingsOf(claim, data.readings).map((read) => ({
      ...row,
      readingId: read.readingId ?? '',
      reading: read.label,
      readingMeasure: formatMeasure(read.claim),
      readingClaimant: formatClaimants(read.claim, data.claimants),
      readingSpan:
        read.claim.scope === 'cumulative_since_coup' ? 'running total since the coup' : 'count over a stated period',
      readingFrom: read.claim.period_start,
    }));
  });
}

/** The dates the chart draws something at: its totals' spans and its marked events. */
export function occupiedDates(data: ChartData, rows: readonly TotalRow[]): Date[] {
  const events = data.events
    .filter((event) => ANNOTATED_EVENTS.includes(event.id))
    .map((event) => dateSpan(event.date).start);
  return [...rows.flatMap((row) => [row.start, row.end]), ...events];
}

/** The measures the totals count, in ACTIONS order: one series (shape, line style, key entry) each. */
export function measuresOf(rows: readonly TotalRow[]): Action[] {
  return ACTIONS.filter((action) => rows.some((row) => row.action === action));
}

/** Consecutive totals of one series: same measure, same claimants, same people. Only these are joined by a line. */
export function seriesLinks(rows: readonly TotalRow[]): { from: TotalRow; to: TotalRow; action: Action }[] {
  const sorted = [...rows].sort((a, b) => a.mid.getTime() - b.mid.getTime());
  return sorted.flatMap((to, index) => {
    const from = sorted
      .slice(0, index)
      .reverse()
      .find(
        (candidate) =>
          candidate.action === to.action && candidate.claimant === to.claimant && candidate.personnel === to.personnel,
      );
    return from && from.asOf !== to.asOf ? [{ from, to, action: to.action }] : [];
  });
}
