/**
 * Chart: what the totals imply per day. The rise between two running totals of one claimant,
 * divided by the days between them, is set beside the counts the claimants give for shorter
 * periods, also per day, and the one rate stated as such (33 a day). If the totals grew much faster
 * than any count for a shorter period, the totals include people the period counts never mention.
 *
 * Every value is a range: hedged figures and month-precise dates both widen it (see derive.ts). An
 * open range ("more than 200 in a day") is drawn as a dot with an arrow to the right. The x scale is
 * logarithmic because the rates run from one person a month to hundreds a day.
 */
import * as Plot from '@observablehq/plot';
import { formatPartialDate, parsePartialDate } from '../lib/dates.ts';
import { asOfDate, impliedDailyRates, periodDailyRates, type Range } from '../lib/derive.ts';
import { ACTION_LABELS, formatFigure, formatNumber, formatRange, formatRate } from '../lib/format.ts';
import type { Claim } from '../lib/types.ts';
import { mustGet } from './data.ts';
import { claimantSeries, cssVar } from './palette.ts';
import { drawPlot } from './render.ts';
import { claimAnchor, claimLabel } from './shared.ts';
import { defineChart, type ChartData } from './types.ts';

// ---------------------------------------------------------------------------------------------
// Text layout. Plot wraps text but does not say how many lines it made, and these charts stack
// rows of wrapped labels, so they measure and wrap labels themselves. Widths are estimated for
// DejaVu Sans, the widest font in our font stack, so that a label fitting here fits everywhere.
// (Used by the other Plot charts too; a candidate for shared.ts.)
// ---------------------------------------------------------------------------------------------

/** Advance widths in ems, by character class, measured from DejaVu Sans and rounded up. */
function characterWidth(character: string): number {
  if (/[ijlI|.,:;'’!]/.test(character)) return 0.3;
  if (character === ' ') return 0.32;
  if (/[ftr()\-]/.test(character)) return 0.42;
  if (/[mwMW%—]/.test(character)) return 1;
  if (/[+−→=<>]/.test(character)) return 0.84;
  if (/[0-9]/.test(character)) return 0.64;
  if (/[A-Z]/.test(character)) return 0.74;
  return 0.62;
}

/** The width of a line of text in px at the given font size. */
export function textWidth(text: string, fontSize = 14): number {
  return [...text].reduce((sum, character) => sum + characterWidth(character), 0) * fontSize;
}

/** Breaks text into lines no wider than maxWidth px, at spaces; a single overlong word keeps its own line. */
export function wrapText(text: string, maxWidth: number, fontSize = 14): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidth(candidate, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

const MONTH_WORD = '(?:Jan|Feb|March|April|May|June|July|Aug|Sept|Oct|Nov|Dec)';
const GLUED = [
  // "7 Sept 2021" and "Aug 2023" stay on one line.
  new RegExp(`(\\d{1,2}) (${MONTH_WORD})`, 'g'),
  new RegExp(`(${MONTH_WORD}) (\\d{4})`, 'g'),
  // A hedge stays with its number: "more than 20,000", "around 3,000", "or more".
  /(more|at) (than|least) (?=\d)/g,
  /(around|nearly|than|least) (\d)/g,
  /(\d) (or more)/g,
];

/** Joins what must not be split across lines (dates, a hedge and its number) with no-break spaces. */
export function keepTogether(text: string): string {
  return GLUED.reduce((result, pattern) => result.replace(pattern, (match) => match.replaceAll(' ', '\u00a0')), text);
}

/** Chart text is 14px (render.ts); lines are spaced at 1.25 of that. */
export const LINE_HEIGHT = 17.5;

/**
 * Names short enough for a chart row at 320 px. Editorial choices, kept beside the chart that
 * introduced them; any other claimant falls back to its name without the bracketed part.
 * (Used by the other Plot charts too; a candidate for shared.ts.)
 */
const SHORT_NAMES: Record<string, string> = {
  nug: 'NUG',
  'peoples-embrace': "People's Embrace",
  'police-cdm-channel': 'Police CDM Channel',
  'arakan-army': 'Arakan Army',
  'kyauktaw-rathedaung-locals': 'Rakhine residents',
  'anti-junta-alliance': 'Anti-junta alliance',
  'serving-sergeant': 'Serving sergeant',
  unattributed: 'Outlet (no source named)',
};

export function claimantShortName(claimantId: string, fullName: string): string {
  return SHORT_NAMES[claimantId] ?? fullName.replace(/\s*\(.*\)$/, '');
}

// ---------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------

export type RateGroup = 'totals' | 'periods' | 'stated';

const GROUP_TITLES: Record<RateGroup, string> = {
  totals: 'Implied by two running totals',
  periods: 'Counted over a shorter period',
  stated: 'Stated as a daily rate',
};

export interface RateRow {
  /** Unique within the chart. */
  key: string;
  group: RateGroup;
  claimantId: string;
  claimant: string;
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
}

/** "7 Sept 2021", "Aug 2023", "April to July 2023", "13 to 17 Nov 2023": a span as briefly as it can be said. */
export function formatSpan(start: string, end: string): string {
  if (start === end) return formatPartialDate(start);
  const from = parsePartialDate(start);
  const to = parsePartialDate(end);
  if (from && to && from.year === to.year && from.precision === to.precision) {
    const endWords = formatPartialDate(end);
    if (from.precision === 'day' && from.month === to.month) return `${from.day} to ${endWords}`;
    // Drop the repeated year: "April to July 2023", "27 Oct to 16 Nov 2023".
    return `${formatPartialDate(start).replace(` ${from.year}`, '')} to ${endWords}`;
  }
  return `${formatPartialDate(start)} to ${formatPartialDate(end)}`;
}

/** The period a claim counts, in words, with the stated length first when the article gives one. */
function periodWords(claim: Claim): string {
  const start = claim.period_start;
  if (start === null)
    return claim.period_end === null ? 'no dates given' : `until ${formatPartialDate(claim.period_end)}`;
  if (claim.stated_days !== null) return `${claim.stated_days} days from ${formatPartialDate(start)}`;
  if (claim.period_end === null) return `since ${formatPartialDate(start)}`;
  return formatSpan(start, claim.period_end);
}

function what(claim: Claim): string {
  return `${formatFigure(claim)} ${ACTION_LABELS[claim.action]}`;
}

const smallRateFormat = new Intl.NumberFormat('en-GB', { maximumSignificantDigits: 2 });

/** Rates below one a day keep two significant digits, so one person a month reads 0.032, not 0. */
export function formatPerDay(value: number): string {
  return value > 0 && value < 1 ? smallRateFormat.format(value) : formatRate(value);
}

export const rateText = (perDay: Range) => `${formatRange(perDay, formatPerDay)} a day`;

function daysText(days: { min: number; max: number }): string {
  return days.min === days.max ? formatNumber(days.min) : `${formatNumber(days.min)} to ${formatNumber(days.max)}`;
}

export function rateRows(data: ChartData): RateRow[] {
  const claimantName = (id: string) => mustGet(data.claimantById, id, 'claimant').name;

  const fromTotals: RateRow[] = impliedDailyRates(data.claims).map((rate) => ({
    key: `${rate.from.id}--${rate.to.id}`,
    group: 'totals',
    claimantId: rate.claimantId,
    claimant: claimantName(rate.claimantId),
    what: `${what(rate.from)}, then ${what(rate.to)}`,
    description: `${what(rate.from)} by ${formatPartialDate(asOfDate(rate.from))}, ${what(rate.to)} by ${formatPartialDate(asOfDate(rate.to))}`,
    period: formatSpan(asOfDate(rate.from), asOfDate(rate.to)),
    days: rate.days,
    perDay: rate.perDay,
    claimIds: [rate.from.id, rate.to.id],
    sortDay: 0,
    ariaLabel: `${rateText(rate.perDay)} implied by the rise between two totals over ${daysText(rate.days)} days. From: ${claimLabel(data, rate.from)} To: ${claimLabel(data, rate.to)}`,
  }));

  const fromPeriods: RateRow[] = periodDailyRates(data.claims).map((rate) => ({
    key: rate.claim.id,
    group: 'periods',
    claimantId: rate.claim.claimant_id,
    claimant: claimantName(rate.claim.claimant_id),
    what: what(rate.claim),
    description: `${what(rate.claim)}, ${periodWords(rate.claim)}`,
    period: periodWords(rate.claim),
    days: rate.days,
    perDay: rate.perDay,
    claimIds: [rate.claim.id],
    sortDay: parsePeriodStart(rate.claim),
    ariaLabel: `${rateText(rate.perDay)} over ${daysText(rate.days)} days: ${claimLabel(data, rate.claim)}`,
  }));

  const stated: RateRow[] = data.claims
    .filter((claim) => claim.unit === 'people_per_day' && claim.figure !== null)
    .map((claim) => {
      const perDay = { low: claim.figure as number, high: claim.figure as number };
      return {
        key: claim.id,
        group: 'stated',
        claimantId: claim.claimant_id,
        claimant: claimantName(claim.claimant_id),
        what: what(claim),
        description: `${what(claim)}, ${periodWords(claim)}`,
        period: periodWords(claim),
        days: null,
        perDay,
        claimIds: [claim.id],
        sortDay: parsePeriodStart(claim),
        ariaLabel: claimLabel(data, claim),
      };
    });

  const byStart = (a: RateRow, b: RateRow) => a.sortDay - b.sortDay;
  return [...fromTotals, ...fromPeriods.sort(byStart), ...stated.sort(byStart)];
}

function parsePeriodStart(claim: Claim): number {
  const date = claim.period_start ?? claim.period_end ?? claim.claimed_on;
  const parsed = parsePartialDate(date);
  // Sorting only: the first day the date can mean, as a comparable number.
  return parsed ? Date.UTC(parsed.year, (parsed.month ?? 1) - 1, parsed.day ?? 1) : 0;
}

// ---------------------------------------------------------------------------------------------
// Drawing
// ---------------------------------------------------------------------------------------------

/**
 * The rates' extent in whole decades, with room on the right for the arrows of open ranges, so the
 * axis follows the data when a claim is added or corrected.
 */
function decadeDomain(rows: RateRow[]): [number, number] {
  const values = rows.flatMap((row) => [row.perDay.low, row.perDay.high ?? row.perDay.low * 3]);
  return [10 ** Math.floor(Math.log10(Math.min(...values))), 10 ** Math.ceil(Math.log10(Math.max(...values)))];
}
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
  valueOnLeft: boolean;
}

interface Heading {
  y: number;
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
  const rows = rateRows(data);
  const X_DOMAIN = decadeDomain(rows);
  const logSpan = Math.log10(X_DOMAIN[1]) - Math.log10(X_DOMAIN[0]);
  const toPx = (value: number) => ((Math.log10(value) - Math.log10(X_DOMAIN[0])) / logSpan) * plotWidth;
  const fromPx = (px: number) => 10 ** (Math.log10(X_DOMAIN[0]) + (px / plotWidth) * logSpan);

  const placed: PlacedRow[] = [];
  const headings: Heading[] = [];
  let y = 8;
  let group: RateGroup | null = null;
  for (const row of rows) {
    if (row.group !== group) {
      if (group !== null) y += 14;
      headings.push({ y, text: GROUP_TITLES[row.group] });
      y += LINE_HEIGHT + 6;
      group = row.group;
    }
    const label = `${claimantShortName(row.claimantId, row.claimant)}: ${row.description}`;
    const lines = wrapText(keepTogether(label), plotWidth);
    const labelTop = y;
    const markY = y + lines.length * LINE_HEIGHT + 8;
    const arrowEnd = row.perDay.high === null ? fromPx(toPx(row.perDay.low) + OPEN_ARROW_PX) : null;
    const valueText = rateText(row.perDay);
    const rightEnd = toPx(arrowEnd ?? row.perDay.high ?? row.perDay.low);
    // The value goes right of its mark unless it would run off the chart, then left of it.
    const valueOnLeft = rightEnd + 10 + textWidth(valueText) > plotWidth;
    placed.push({
      ...row,
      labelTop,
      labelText: lines.join('\n'),
      markY,
      arrowEnd,
      valueText,
      valueX: valueOnLeft ? row.perDay.low : (arrowEnd ?? row.perDay.high ?? row.perDay.low),
      valueOnLeft,
    });
    y = markY + 18;
  }
  const innerHeight = y;
  // The first bounded rate implied by totals is carried down the chart as a band, so every count
  // for a shorter period can be read against it.
  const reference = placed.find((row) => row.group === 'totals' && row.perDay.high !== null);
  const band = reference ? [{ ...reference, top: reference.markY - 10, bottom: innerHeight }] : [];
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
    xDomain: X_DOMAIN,
  };
}

const haloText = { stroke: cssVar('background'), strokeWidth: 4, paintOrder: 'stroke' } as const;

export default defineChart<RateRow>({
  id: 'implied-daily-rates',
  title: 'What the totals imply per day',
  subtitle:
    'People a day implied by the rise between two running totals, beside the counts claimants give for shorter periods. The shaded band carries the first implied rate down the chart. Log scale.',
  engine: 'plot',
  rows: rateRows,
  columns: [
    { key: 'what', label: 'What', value: (row) => row.what },
    { key: 'claimant', label: 'Claimant', value: (row) => row.claimant },
    { key: 'period', label: 'Period', value: (row) => row.period },
    { key: 'days', label: 'Days', value: (row) => (row.days === null ? null : daysText(row.days)), numeric: true },
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
    { key: 'claim_ids', label: 'Claim ids', value: (row) => row.claimIds.join(' ') },
  ],
  claimIds: (row) => row.claimIds,
  describe(data) {
    const rows = rateRows(data);
    const sentence = (row: RateRow) => `${row.claimant}, ${row.description}: ${rateText(row.perDay)}`;
    const totals = rows.filter((row) => row.group === 'totals');
    const periods = rows.filter((row) => row.group === 'periods');
    const stated = rows.filter((row) => row.group === 'stated');
    const parts = [
      `People a day leaving Myanmar's forces, as implied by the claims, on a logarithmic scale.`,
      totals.length > 0
        ? `The rise between consecutive running totals of the same claimant implies: ${totals.map(sentence).join('; ')}.`
        : '',
      periods.length > 0 ? `Counts given for shorter periods work out as: ${periods.map(sentence).join('; ')}.` : '',
      stated.length > 0
        ? `Given directly as a rate: ${stated.map((row) => `${row.claimant}, ${row.description}`).join('; ')}.`
        : '',
      'Hedged figures and dates known only to the month are shown as ranges; "or more" marks a count with no upper bound. None of these figures has been independently verified.',
    ];
    return parts.filter(Boolean).join(' ');
  },
  draw(data, ctx) {
    const plan = layout(data, ctx.width);
    const series = claimantSeries(data.claimants);
    const rows = plan.rows;
    const points = rows.filter((row) => row.perDay.high === row.perDay.low || row.perDay.high === null);
    const ranges = rows.filter((row) => row.perDay.high !== null && row.perDay.high !== row.perDay.low);
    const open = rows.filter((row) => row.arrowEnd !== null);
    const ticks = plan.narrow ? [0.01, 0.1, 1, 10, 100] : [0.01, 0.1, 1, 10, 100, 1000];
    const markChannels = {
      href: (row: PlacedRow) => claimAnchor(row.claimIds.at(-1) as string),
      ariaLabel: (row: PlacedRow) => row.ariaLabel,
      title: (row: PlacedRow) => row.ariaLabel,
    };
    return drawPlot(
      {
        height: plan.height,
        marginTop: plan.marginTop,
        marginBottom: plan.marginBottom,
        marginLeft: plan.marginLeft,
        marginRight: plan.marginRight,
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
        y: { domain: [0, plan.innerHeight], range: [plan.marginTop, plan.height - plan.marginBottom], axis: null },
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
          Plot.text(plan.headings, {
            y: 'y',
            text: 'text',
            frameAnchor: 'left',
            textAnchor: 'start',
            lineAnchor: 'top',
            fontWeight: 'bold',
            fill: 'currentColor',
            ...haloText,
            ariaHidden: 'true',
          }),
          Plot.text(rows, {
            y: 'labelTop',
            text: 'labelText',
            frameAnchor: 'left',
            textAnchor: 'start',
            lineAnchor: 'top',
            lineHeight: LINE_HEIGHT / 14,
            fill: 'currentColor',
            ...haloText,
            ariaHidden: 'true',
          }),
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
          ...[false, true].map((onLeft) =>
            Plot.text(
              rows.filter((row) => row.valueOnLeft === onLeft),
              {
                x: 'valueX',
                y: 'markY',
                text: 'valueText',
                textAnchor: onLeft ? 'end' : 'start',
                dx: onLeft ? -10 : 10,
                fill: 'currentColor',
                fontWeight: 'bold',
                ...haloText,
                ariaHidden: 'true',
              },
            ),
          ),
        ],
      },
      ctx,
    );
  },
});
