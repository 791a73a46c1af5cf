/**
 * Pieces several chart modules use: the claim label every mark carries, the link to its row in the
 * claims table, the time domain of the story, label spreading, and the layout of the labels that
 * charts wrap and stack themselves.
 */
import * as Plot from '@observablehq/plot';
import { dayToDate, earliestDay, formatPartialDate, latestDay, midpointDay, MONTHS } from '../lib/dates.ts';
import { claimClause } from '../lib/format.ts';
import type { Claim } from '../lib/types.ts';
import { mustGet } from './data.ts';
import { cssVar } from './palette.ts';
import { CHART_FONT_SIZE } from './render.ts';
import type { ChartData } from './types.ts';

/** Where a chart mark leads: the claim's row in the claims table on the home page. */
export function claimAnchor(claimId: string): string {
  return `#claim-${claimId}`;
}

/** The text a focused mark announces: figure with qualifier, action, claimant, date and the quote. */
export function claimLabel(data: ChartData, claim: Claim): string {
  const claimant = mustGet(data.claimantById, claim.claimant_id, 'claimant');
  return `${claimClause(claim)}, claimed by ${claimant.name}, ${formatPartialDate(claim.claimed_on)}: “${stripOuterQuotes(claim.quote)}”`;
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

// ---------------------------------------------------------------------------------------------
// Label text. Plot wraps text but does not say how many lines it made, and the charts stack rows of
// wrapped labels, so they measure and wrap labels themselves with text-metrics.ts (DejaVu Sans, the
// widest font a reader may get: a label that fits there fits everywhere), LINE_HEIGHT apart.
// ---------------------------------------------------------------------------------------------

/** Line spacing of wrapped chart text: in ems for Plot's lineHeight, in px for layout. */
export const LINE_HEIGHT_EM = 1.25;
export const LINE_HEIGHT = CHART_FONT_SIZE * LINE_HEIGHT_EM;

const MONTH_WORD = `(?:${MONTHS.join('|')})`;
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

/** A halo in the background colour behind a label, so gridlines, bands and marks do not cut through it. */
export const HALO_TEXT = { stroke: cssVar('background'), strokeWidth: 4, paintOrder: 'stroke' } as const;

// ---------------------------------------------------------------------------------------------
// Layout worked out before drawing: a chart's layout() places legends, headings, wrapped labels and
// marks in px, so that it knows the height it needs and where each label fits, then draws.
// ---------------------------------------------------------------------------------------------

/** Lays items of the given widths out left to right, wrapping to a new line when one would overflow. */
export function flowRows(widths: readonly number[], maxWidth: number, gap: number): { row: number; left: number }[] {
  let row = 0;
  let left = 0;
  return widths.map((itemWidth) => {
    if (left > 0 && left + itemWidth > maxWidth) {
      row += 1;
      left = 0;
    }
    const place = { row, left };
    left += itemWidth + gap;
    return place;
  });
}

/**
 * A log scale as px from the left edge of the plot, for charts that lay labels out before Plot
 * draws them: `toPx` places a value, `fromPx` turns a px position back into a value.
 */
export function logScalePx(domain: readonly [number, number], plotWidth: number) {
  const logMin = Math.log10(domain[0]);
  const logSpan = Math.log10(domain[1]) - logMin;
  return {
    toPx: (value: number) => ((Math.log10(value) - logMin) / logSpan) * plotWidth,
    fromPx: (px: number) => 10 ** (logMin + (px / plotWidth) * logSpan),
  };
}

/** What a layout in rows gives the Plot spec: the SVG's height and margins, and the rows' height inside them. */
export interface RowsPlan {
  height: number;
  innerHeight: number;
  marginTop: number;
  marginBottom: number;
  marginLeft: number;
  marginRight: number;
}

/** The size, margins and y scale of a chart laid out in rows: y is px down the plot, with no axis. */
export function rowsFrame(plan: RowsPlan) {
  return {
    height: plan.height,
    marginTop: plan.marginTop,
    marginBottom: plan.marginBottom,
    marginLeft: plan.marginLeft,
    marginRight: plan.marginRight,
    y: { domain: [0, plan.innerHeight], range: [plan.marginTop, plan.height - plan.marginBottom], axis: null },
  } satisfies Plot.PlotOptions;
}

/** Bold headings flush with the left of the plot, each with its top at `y`: a group's title, a claimant's name. */
export function rowHeadings(headings: { y: number; text: string }[]): Plot.Text {
  return Plot.text(headings, {
    y: 'y',
    text: 'text',
    frameAnchor: 'left',
    textAnchor: 'start',
    lineAnchor: 'top',
    fontWeight: 'bold',
    fill: 'currentColor',
    ...HALO_TEXT,
    ariaHidden: 'true',
  });
}
