/**
 * Chart: what the totals imply per day. The rise between two running totals of one claimant and
 * one measure, divided by the days between them, is set beside counts of people who left over a
 * stated span, also per day. Which claims may become a rate is decided by the written rules
 * (src/lib/eligibility.ts) and computed in src/lib/rates.ts; this module only lays the rates out,
 * and says in its description which figures have no rate and why.
 *
 * Every value is a range: hedged figures, month-precise dates and the article's admissible
 * readings all widen it. An open range ("at least 750") is drawn as a dot with an arrow to the
 * right. The x scale is logarithmic because the rates run from one person a month to hundreds a day.
 *
 * As the data grows (src/charts/scale.ts): a kind of rate with more than ROWS_PER_SECTION rows draws
 * only the ROWS_PER_SECTION covering the longest spans (the steadiest rates), in their usual order,
 * and a note under them counts the rest; the description does the same. The table and CSV keep
 * every rate. At the curated size no kind of rate reaches the limit, so every rate is drawn.
 */
import * as Plot from '@observablehq/plot';
import { earliestDay, formatPartialDate } from '../lib/dates.ts';
import { asOfDate, type Range } from '../lib/derive.ts';
import { MIN_DAYS_FOR_RATE, statedRateEligibility } from '../lib/eligibility.ts';
import { absentRates, blockedPairs, impliedDailyRates, periodDailyRates, type ReadingRate } from '../lib/rates.ts';
import { AS_CODED, figureWordings } from '../lib/readings.ts';
import {
  formatClaimants,
  formatClaimPeriod,
  formatDailyRate,
  formatFigure,
  formatMeasure,
  formatNumber,
  formatSpan,
} from '../lib/format.ts';
import type { Claim } from '../lib/types.ts';
import { mustGet } from './data.ts';
import { claimantSeries, cssVar } from './palette.ts';
import { CHART_FONT_SIZE, drawPlot } from './render.ts';
import {
  claimAnchor,
  claimLabel,
  HALO_TEXT,
  keepTogether,
  LINE_HEIGHT,
  LINE_HEIGHT_EM,
  logScalePx,
  measureWordings,
  rowHeadings,
  rowsFrame,
} from './shared.ts';
import { LISTED_IN_SENTENCE, ROWS_PER_SECTION } from './scale.ts';
import { textWidth, wrapText } from './text-metrics.ts';
import { defineChart, type ChartData } from './types.ts';

// ---------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------

export type RateGroup = 'totals' | 'periods' | 'stated';

const GROUP_TITLES: Record<RateGroup, string> = {
  totals: 'Implied by two running totals',
  periods: 'Counted over a stated span',
  stated: 'Stated as a daily rate',
};

export interface RateRow {
  /** Unique within the chart. */
  key: string;
  group: RateGroup;
  claimantId: string;
  claimant: string;
  /** The claimant's name as the chart labels it: "NUG". */
  claimantShort: string;
  /** What was counted, with each figure as published: "around 50 joined the CDM". */
  what: string;
  /** What the chart writes after the claimant's name: what was counted and when. */
  description: string;
  /** The span the rate covers, in words. */
  period: string;
  /** How many days the span lasts, as a range when its dates are imprecise. */
  days: { min: number; max: number } | null;
  perDay: Range;
  claimIds: string[];
  /** Where the row sorts within its group: the first day it covers. */
  sortDay: number;
  /** What a focused mark announces. */
  ariaLabel: string;
  /** The rate under each admissible reading, when the article allows more than one: "over two weeks: 32 a day". */
  readings: string;
}

function what(claim: Claim, data?: ChartData): string {
  // Who and what, in every wording the readings give: "around 15,000 soldiers and police joined the CDM".
  const measure = formatMeasure(claim);
  return data ? measure.replace(formatFigure(claim), figureWordings(claim, data.readings, data.claimants)) : measure;
}

/** "around 750 in the past 20 days: 33 to 42 a day; at least 750 since 27 Oct: 34 or more a day". */
function readingsText(readings: readonly ReadingRate[]): string {
  if (readings.length < 2) return '';
  return readings.map((reading) => `${reading.label}: ${formatDailyRate(reading.perDay)}`).join('; ');
}

/** Which reading a rate between totals rests on, when an article allows another: ", reading it as …". */
function readingNote(readings: readonly ReadingRate[]): string {
  const labels = [...new Set(readings.map((reading) => reading.label))].filter((label) => label !== AS_CODED);
  return labels.length === 0 ? '' : `, reading the later figure as ${labels.join(' or ')}`;
}

/** How wide "around" is read for the sensitivity a rate between totals states (derive.ts reads it as ±10%). */
const WIDE_AROUND_PERCENT = 20;

/**
 * What a rate between two totals rests on, for its "Under each reading" cell: the reading it needs
 * when that is our inference ("over 20,000 ... over the past two years" read as a running total
 * since the coup), and, when a figure is "around", how far the floor moves if "around" is read as
 * ±20% rather than ±10%. The floor of 23 a day is 13 at ±20%, so the cell says so.
 */
function totalsBasis(rate: { readings: readonly ReadingRate[]; from: Claim; to: Claim }, wide: Range | null): string {
  if (rate.readings.length >= 2) return readingsText(rate.readings);
  const labels = [...new Set(rate.readings.map((reading) => reading.label))].filter((label) => label !== AS_CODED);
  const parts = labels.map((label) => `rests on reading the later figure as ${label}`);
  if (wide && [rate.from, rate.to].some((claim) => claim.qualifier === 'about'))
    parts.push(`reads "around" as ±10%; at ±${WIDE_AROUND_PERCENT}%: ${formatDailyRate(wide)}`);
  return parts.join('; ');
}

/** Where the article allows two readings, the period names both. */
function readingsPeriod(readings: readonly ReadingRate[], fallback: string): string {
  const labels = readings.map((reading) => reading.label).filter((label) => label !== AS_CODED);
  return labels.length === 0 ? fallback : labels.join(' or ');
}

/** A sentence with exactly one full stop at its end, whether or not the text it is built from has one. */
function fullStop(text: string): string {
  return /[.!?]["”’)]?$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

function dayCount(days: { min: number; max: number }): string {
  return days.min === days.max ? formatNumber(days.min) : `${formatNumber(days.min)} to ${formatNumber(days.max)}`;
}

function daysText(days: { min: number; max: number }): string {
  return `${dayCount(days)} ${days.max === 1 ? 'day' : 'days'}`;
}

export function rateRows(data: ChartData): RateRow[] {
  const claimant = (id: string) => {
    const { name, short_name } = mustGet(data.claimantById, id, 'claimant');
    return { claimantId: id, claimant: name, claimantShort: short_name };
  };
  // A claim's row names every claimant it is filed under (the 750: the alliance and the unnamed
  // opposition sources, one wording each), coloured as its first.
  const claimantsOfClaim = (claim: Claim) => ({
    claimantId: claim.claimant_id,
    claimant: formatClaimants(claim, data.claimants),
    claimantShort: formatClaimants(claim, data.claimants, 'short_name'),
  });

  const wideRates = impliedDailyRates(data.claims, data.readings, { aroundPercent: WIDE_AROUND_PERCENT });
  const wideRate = (from: Claim, to: Claim) =>
    wideRates.find((wide) => wide.from.id === from.id && wide.to.id === to.id)?.perDay ?? null;
  const fromTotals: RateRow[] = impliedDailyRates(data.claims, data.readings).map((rate) => ({
    key: `${rate.from.id}--${rate.to.id}`,
    group: 'totals',
    ...claimant(rate.claimantId),
    what: `${what(rate.from)}, then ${what(rate.to)}`,
    description: `${what(rate.from)} by ${formatPartialDate(asOfDate(rate.from))}, ${what(rate.to)} by ${formatPartialDate(asOfDate(rate.to))}${readingNote(rate.readings)}`,
    period: formatSpan(asOfDate(rate.from), asOfDate(rate.to)),
    days: rate.days,
    perDay: rate.perDay,
    claimIds: [rate.from.id, rate.to.id],
    sortDay: 0,
    ariaLabel: `${formatDailyRate(rate.perDay)} implied by the rise between two totals over ${daysText(rate.days)}${rate.readings.length > 1 ? ` (${readingsText(rate.readings)})` : ''}. From: ${claimLabel(data, rate.from)} To: ${claimLabel(data, rate.to)}`,
    readings: totalsBasis(rate, wideRate(rate.from, rate.to)),
  }));

  const fromPeriods: RateRow[] = periodDailyRates(data.claims, data.readings).map((rate) => ({
    key: rate.claim.id,
    group: 'periods',
    ...claimantsOfClaim(rate.claim),
    what: what(rate.claim, data),
    description: `${what(rate.claim, data)}, ${readingsPeriod(rate.readings, formatClaimPeriod(rate.claim))}`,
    period: readingsPeriod(rate.readings, formatClaimPeriod(rate.claim)),
    days: rate.days,
    perDay: rate.perDay,
    claimIds: [rate.claim.id],
    sortDay: periodStartDay(rate.claim),
    ariaLabel: `${formatDailyRate(rate.perDay)} over ${daysText(rate.days)}${rate.readings.length > 1 ? ` (${readingsText(rate.readings)})` : ''}: ${claimLabel(data, rate.claim)}`,
    readings: readingsText(rate.readings),
  }));

  const stated: RateRow[] = data.claims
    .filter((claim) => claim.unit === 'people_per_day' && statedRateEligibility(claim).eligible)
    .map((claim) => {
      const perDay = { low: claim.figure as number, high: claim.figure as number };
      return {
        key: claim.id,
        group: 'stated',
        ...claimantsOfClaim(claim),
        what: what(claim),
        description: `${what(claim)}, ${formatClaimPeriod(claim)}`,
        period: formatClaimPeriod(claim),
        days: null,
        perDay,
        claimIds: [claim.id],
        sortDay: periodStartDay(claim),
        ariaLabel: claimLabel(data, claim),
        readings: '',
      };
    });

  const byStart = (a: RateRow, b: RateRow) => a.sortDay - b.sortDay;
  return [...fromTotals, ...fromPeriods.sort(byStart), ...stated.sort(byStart)];
}

/** The first day a claim's period can mean, to sort by. */
function periodStartDay(claim: Claim): number {
  return earliestDay(claim.period_start ?? claim.period_end ?? claim.claimed_on);
}

/** How many days a rate covers at most, to rank rates by the span they rest on; a stated rate has none. */
const longestDays = (row: RateRow) => row.days?.max ?? 0;

/**
 * The rates the chart draws: every one, except that a kind of rate with more than ROWS_PER_SECTION
 * keeps those over the longest spans (ties: the first in order), and `left` counts the others.
 */
export function drawnRates(rows: readonly RateRow[]): { rows: RateRow[]; left: Map<RateGroup, number> } {
  const kept = new Set<RateRow>();
  const left = new Map<RateGroup, number>();
  for (const group of Object.keys(GROUP_TITLES) as RateGroup[]) {
    const members = rows.filter((row) => row.group === group);
    const longest = [...members].sort((a, b) => longestDays(b) - longestDays(a)).slice(0, ROWS_PER_SECTION);
    for (const row of longest) kept.add(row);
    if (members.length > longest.length) left.set(group, members.length - longest.length);
  }
  return { rows: rows.filter((row) => kept.has(row)), left };
}

/** "400 because …; 300 because …", most frequent first, each reason once. */
function countsByReason(reasons: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([reason, count]) => `${formatNumber(count)}: ${reason.replace(/\.$/, '')}`)
    .join('; ');
}

/** The note under a kind of rate the chart does not draw whole: "… and 182 more over shorter spans …". */
function leftNote(count: number): string {
  return `…and ${formatNumber(count)} more ${count === 1 ? 'rate' : 'rates'}, not drawn: every one is in the table and CSV.`;
}

// ---------------------------------------------------------------------------------------------
// Drawing
// ---------------------------------------------------------------------------------------------

/**
 * The rates' extent in whole decades, with room on the right for the arrows of open ranges, so the
 * axis follows the data when a claim is added or corrected.
 */
function decadeDomain(rows: RateRow[]): [number, number] {
  // A log scale has no place for 0 or less: a floor of 0 (a rise that may be nothing) sits at the axis start.
  const values = rows
    .flatMap((row) => [row.perDay.low, row.perDay.high ?? row.perDay.low * 3])
    .filter((value) => value > 0);
  if (values.length === 0) return [1, 10];
  return [10 ** Math.floor(Math.log10(Math.min(...values))), 10 ** Math.ceil(Math.log10(Math.max(...values)))];
}
/** Pairs of totals with no rate that the description explains one by one (a sentence each); past this, it counts them. */
const BLOCKED_PAIRS_LISTED = 3;

/** How far the arrow of an open range reaches to the right, in px. */
const OPEN_ARROW_PX = 26;

interface PlacedRow extends RateRow {
  /** Top of the label, in px from the top of the plot area. */
  labelTop: number;
  labelText: string;
  /** The line the mark sits on, in px. */
  markY: number;
  /** Where the arrow of an open range ends, in data units. */
  arrowEnd: number | null;
  valueText: string;
  valueX: number;
  /** Top of the value's own line under the label, in px, when values cannot all sit right of their marks. */
  valueTop: number | null;
}

interface Heading {
  y: number;
  text: string;
}

/** A note counting the rates of a kind that are not drawn, its top in px from the top of the plot area. */
interface LeftNote {
  top: number;
  text: string;
}

function layout(data: ChartData, width: number) {
  const narrow = width < 480;
  // Wide enough for half of the outermost tick labels ("0.01", "1,000").
  const marginLeft = narrow ? 16 : 18;
  const marginRight = narrow ? 14 : 22;
  const marginTop = 34;
  const marginBottom = 40;
  const plotWidth = width - marginLeft - marginRight;
  const { rows, left } = drawnRates(rateRows(data));
  const xDomain = decadeDomain(rows);
  const { toPx, fromPx } = logScalePx(xDomain, plotWidth);

  // Every value sits in the same place relative to its mark: right of it when all of them fit there,
  // otherwise on a line of its own under its label. Values that switch sides from row to row make
  // the reader hunt for each one.
  const arrowEndOf = (row: RateRow) => (row.perDay.high === null ? fromPx(toPx(row.perDay.low) + OPEN_ARROW_PX) : null);
  const valuesRight = rows.every(
    (row) =>
      toPx(arrowEndOf(row) ?? row.perDay.high ?? row.perDay.low) +
        10 +
        textWidth(formatDailyRate(row.perDay), CHART_FONT_SIZE, 'bold') <=
      plotWidth,
  );
  const placed: PlacedRow[] = [];
  const headings: Heading[] = [];
  const notes: LeftNote[] = [];
  let y = 8;
  let group: RateGroup | null = null;
  // Closes a kind of rate with its note, when some of its rates are not drawn.
  const endGroup = () => {
    const count = group === null ? 0 : (left.get(group) ?? 0);
    if (count === 0) return;
    const lines = wrapText(leftNote(count), plotWidth, CHART_FONT_SIZE);
    notes.push({ top: y, text: lines.join('\n') });
    y += lines.length * LINE_HEIGHT;
  };
  for (const row of rows) {
    if (row.group !== group) {
      endGroup();
      if (group !== null) y += 14;
      headings.push({ y, text: GROUP_TITLES[row.group] });
      y += LINE_HEIGHT + 6;
      group = row.group;
    }
    const lines = wrapText(keepTogether(`${row.claimantShort}: ${row.description}`), plotWidth, CHART_FONT_SIZE);
    const labelTop = y;
    const valueTop = valuesRight ? null : labelTop + lines.length * LINE_HEIGHT;
    const markY = labelTop + (lines.length + (valuesRight ? 0 : 1)) * LINE_HEIGHT + 8;
    const arrowEnd = arrowEndOf(row);
    placed.push({
      ...row,
      labelTop,
      labelText: lines.join('\n'),
      markY,
      arrowEnd,
      valueText: formatDailyRate(row.perDay),
      valueX: arrowEnd ?? row.perDay.high ?? row.perDay.low,
      valueTop,
    });
    y = markY + 18;
  }
  endGroup();
  const innerHeight = y;
  // The first bounded rate implied by totals is carried down the chart as a band, so every count
  // for a shorter period can be read against it.
  const reference = placed.find((row) => row.group === 'totals' && row.perDay.high !== null);
  // The band is drawn row by row, around each mark below it, never behind a label.
  const band = reference
    ? placed
        .filter((row) => row.markY >= reference.markY)
        .map((row) => ({ ...reference, top: row.markY - 10, bottom: row.markY + 10 }))
    : [];
  return {
    band,
    narrow,
    marginLeft,
    marginRight,
    marginTop,
    marginBottom,
    innerHeight,
    height: innerHeight + marginTop + marginBottom,
    rows: placed,
    headings,
    notes,
    xDomain,
  };
}

export default defineChart<RateRow>({
  id: 'implied-daily-rates',
  title: 'What the totals imply per day',
  subtitle: `People a day implied by the rise between two running totals of the same measure, beside counts of people who left over a span of at least ${MIN_DAYS_FOR_RATE} days however its dates are read. Where an article allows two readings, the range spans both; floors are rounded down, ceilings up. Log scale.`,
  engine: 'plot',
  atScale: {
    bounded: true,
    policy:
      'A kind of rate with more than ROWS_PER_SECTION rows draws the ROWS_PER_SECTION over the longest spans, the rest counted in a note under them and in the description; figures with no rate are counted by reason past LISTED_IN_SENTENCE. Every rate stays in the table and CSV.',
  },
  rows: rateRows,
  columns: [
    { key: 'what', label: 'What', value: (row) => row.what },
    { key: 'claimant', label: 'Claimant', value: (row) => row.claimant },
    { key: 'period', label: 'Period', value: (row) => row.period },
    {
      key: 'days',
      label: 'Days',
      value: (row) => (row.days === null ? null : dayCount(row.days)),
      numeric: true,
      csv: [
        { key: 'days_low', value: (row) => row.days?.min ?? null, numeric: true },
        { key: 'days_high', value: (row) => row.days?.max ?? null, numeric: true },
      ],
    },
    {
      key: 'per_day_low',
      label: 'People per day (low)',
      value: (row) => Number(row.perDay.low.toFixed(3)),
      numeric: true,
    },
    {
      key: 'per_day_high',
      label: 'People per day (high)',
      value: (row) => (row.perDay.high === null ? null : Number(row.perDay.high.toFixed(3))),
      numeric: true,
    },
    { key: 'readings', label: 'Under each reading', value: (row) => row.readings },
    { key: 'claim_ids', label: 'Claim ids', value: (row) => row.claimIds.join(' ') },
  ],
  claimIds: (row) => row.claimIds,
  describe(data) {
    const every = rateRows(data);
    const { rows, left } = drawnRates(every);
    const absentEntries = absentRates(data.claims, data.readings).filter(
      (entry) => !every.some((row) => row.claimIds.includes(entry.claim.id)),
    );
    const blockedEntries = blockedPairs(data.claims, data.readings);
    // Past LISTED_IN_SENTENCE, figures without a rate are counted by reason, not listed one by one.
    const absent =
      absentEntries.length > LISTED_IN_SENTENCE
        ? [
            `${formatNumber(absentEntries.length)} other figures: ${countsByReason(absentEntries.map((entry) => entry.reasons[0]!.verdict.reason!))}`,
          ]
        : absentEntries.map(
            (entry) => `${measureWordings(data, entry.claim, true)} (${entry.reasons[0]!.verdict.reason})`,
          );
    // A reason is a sentence of its own (rates.ts ends it with a full stop), so it follows one.
    const blocked =
      blockedEntries.length > BLOCKED_PAIRS_LISTED
        ? [
            `No rate is drawn between ${formatNumber(blockedEntries.length)} pairs of consecutive totals: ${countsByReason(blockedEntries.map((pair) => pair.verdict.reason!))}`,
          ]
        : blockedEntries.map((pair) =>
            fullStop(`No rate is drawn between ${what(pair.from)} and ${what(pair.to)}. ${pair.verdict.reason}`),
          );
    const sentence = (row: RateRow) => `${row.claimant}, ${row.description}: ${formatDailyRate(row.perDay)}`;
    // When a kind of rate is not drawn whole, its rates are named briefly and the rest counted.
    const brief = (row: RateRow) => `${row.claimantShort}, ${row.period}: ${formatDailyRate(row.perDay)}`;
    const listed = (group: RateGroup, list: RateRow[], each: (row: RateRow) => string) => {
      const count = left.get(group);
      return count === undefined
        ? list.map(each).join('; ')
        : `${list.map(brief).join('; ')}; and ${formatNumber(count)} more, in the table and CSV`;
    };
    const totals = rows.filter((row) => row.group === 'totals');
    const periods = rows.filter((row) => row.group === 'periods');
    const stated = rows.filter((row) => row.group === 'stated');
    const parts = [
      `People a day leaving Myanmar's forces, as implied by the claims that the site's rules allow to be turned into a rate, on a logarithmic scale.`,
      left.size > 0
        ? `Where there are more than ${ROWS_PER_SECTION} rates of a kind, the chart draws the ${ROWS_PER_SECTION} over the longest spans and counts the rest.`
        : '',
      totals.length > 0
        ? `The rise between consecutive running totals of the same claimant implies: ${listed('totals', totals, sentence)}.`
        : '',
      // Not "shorter periods": a stated span may be as long as two years.
      periods.length > 0
        ? `Counts given for a stated period work out as: ${listed('periods', periods, sentence)}.`
        : '',
      stated.length > 0
        ? `Given directly as a rate: ${listed('stated', stated, (row) => `${row.claimant}, ${row.description}`)}.`
        : '',
      ...blocked,
      absent.length > 0 ? `No rate is drawn for ${absent.join('; ')}.` : '',
      'Hedged figures and dates known only to the month are shown as ranges, floors rounded down and ceilings up; "or more" marks a count with no upper bound. Where an article allows two readings, the range spans both. None of these figures has been independently verified.',
    ];
    return parts.filter(Boolean).map(fullStop).join(' ');
  },
  draw(data, ctx) {
    const plan = layout(data, ctx.width);
    const series = claimantSeries(data.claimants);
    const rows = plan.rows;
    const points = rows.filter((row) => row.perDay.high === row.perDay.low || row.perDay.high === null);
    const ranges = rows.filter((row) => row.perDay.high !== null && row.perDay.high !== row.perDay.low);
    const open = rows.filter((row) => row.arrowEnd !== null);
    // One tick per decade of the axis; the narrow variant drops the last so its label cannot clip.
    const [lowest, highest] = plan.xDomain;
    const decades = Array.from({ length: Math.round(Math.log10(highest / lowest)) + 1 }, (_, i) => lowest * 10 ** i);
    const ticks = plan.narrow && decades.length > 3 ? decades.slice(0, -1) : decades;
    const markChannels = {
      href: (row: PlacedRow) => claimAnchor(row.claimIds.at(-1) as string),
      ariaLabel: (row: PlacedRow) => row.ariaLabel,
      title: (row: PlacedRow) => row.ariaLabel,
    };
    return drawPlot(
      {
        ...rowsFrame(plan),
        x: {
          type: 'log',
          domain: plan.xDomain,
          ticks,
          tickFormat: (value: number) => (formatNumber(value) === '0' ? String(value) : formatNumber(value)),
          grid: true,
          axis: 'both',
          label: plan.narrow ? 'People a day →' : 'People a day (log scale) →',
          labelAnchor: 'right',
        },
        color: { type: 'ordinal', domain: series.domain, range: series.colors },
        marks: [
          Plot.rectX(plan.band, {
            x1: (row: PlacedRow) => row.perDay.low,
            x2: (row: PlacedRow) => row.perDay.high,
            y1: 'top',
            y2: 'bottom',
            fill: 'claimantId',
            fillOpacity: 0.14,
            ariaHidden: 'true',
          }),
          rowHeadings(plan.headings),
          Plot.text(rows, {
            y: 'labelTop',
            text: 'labelText',
            frameAnchor: 'left',
            textAnchor: 'start',
            lineAnchor: 'top',
            lineHeight: LINE_HEIGHT_EM,
            fill: 'currentColor',
            ...HALO_TEXT,
            ariaHidden: 'true',
          }),
          // Only when some rates are not drawn: an empty mark would still add its group to the SVG.
          ...(plan.notes.length > 0
            ? [
                Plot.text(plan.notes, {
                  y: 'top',
                  text: 'text',
                  frameAnchor: 'left',
                  textAnchor: 'start',
                  lineAnchor: 'top',
                  lineHeight: LINE_HEIGHT_EM,
                  fill: 'currentColor',
                  fontStyle: 'italic',
                  ...HALO_TEXT,
                  ariaHidden: 'true',
                }),
              ]
            : []),
          Plot.arrow(open, {
            x1: (row: PlacedRow) => row.perDay.low,
            x2: 'arrowEnd',
            y: 'markY',
            stroke: 'claimantId',
            strokeWidth: 2,
            headLength: 7,
            ariaHidden: 'true',
          }),
          Plot.ruleY(ranges, {
            x1: (row: PlacedRow) => row.perDay.low,
            x2: (row: PlacedRow) => row.perDay.high,
            y: 'markY',
            stroke: 'claimantId',
            strokeWidth: 9,
            strokeLinecap: 'round',
            ...markChannels,
          }),
          Plot.dot(points, {
            x: (row: PlacedRow) => row.perDay.low,
            y: 'markY',
            r: 5,
            fill: 'claimantId',
            stroke: cssVar('background'),
            strokeWidth: 1.5,
            ...markChannels,
          }),
          Plot.text(
            rows.filter((row) => row.valueTop === null),
            {
              x: 'valueX',
              y: 'markY',
              text: 'valueText',
              textAnchor: 'start',
              dx: 10,
              fill: 'currentColor',
              fontWeight: 'bold',
              ...HALO_TEXT,
              ariaHidden: 'true',
            },
          ),
          Plot.text(
            rows.filter((row) => row.valueTop !== null),
            {
              y: 'valueTop',
              text: 'valueText',
              frameAnchor: 'left',
              textAnchor: 'start',
              lineAnchor: 'top',
              fill: 'currentColor',
              fontWeight: 'bold',
              ...HALO_TEXT,
              ariaHidden: 'true',
            },
          ),
        ],
      },
      ctx,
    );
  },
});
