/**
 * Pieces several chart modules use: the claim label every mark carries, the link to its row in the
 * claims table, the time domain of the story, label spreading, and the layout of the labels that
 * charts wrap and stack themselves.
 */
import * as Plot from '@observablehq/plot';
import { dayToDate, earliestDay, formatPartialDate, latestDay, midpointDay, MONTHS } from '../lib/dates.ts';
import {
  ACTION_LABELS,
  claimantsOf,
  claimClause,
  formatClaimants,
  formatFigure,
  formatMeasure,
  VERIFICATION_LABELS,
} from '../lib/format.ts';
import { figureWordings, hasReadings, periodWordings, readingsOf } from '../lib/readings.ts';
import { ACTIONS, type Action, type Claim } from '../lib/types.ts';
import { cssVar } from './palette.ts';
import { CHART_FONT_SIZE } from './render.ts';
import type { ChartData } from './types.ts';

/** Where a chart mark leads: the claim's row in the claims table on the home page. */
export function claimAnchor(claimId: string): string {
  return `#claim-${claimId}`;
}

/**
 * The text a focused mark announces (and its tooltip): figure with qualifier and measure, every
 * claimant, date, verification status and the quote. "around 3,000 soldiers and police defected,
 * claimed by National Unity Government (NUG) and People's Embrace, Sept 2021, unverified: “…”".
 */
export function claimLabel(data: ChartData, claim: Claim): string {
  const readings = hasReadings(claim, data.readings)
    ? `, read as ${periodWordings(claim, data.readings, data.claimants)}`
    : '';
  return `${measureWordings(data, claim, true)}${readings}, claimed by ${readingClaimants(data, claim)}, ${formatPartialDate(claim.claimed_on)}, ${VERIFICATION_LABELS[claim.verification]}: “${stripOuterQuotes(claim.quote)}”`;
}

/**
 * Who claims a figure. When the article credits its readings to different people (the 750: the
 * lede's unnamed opposition sources, the body's alliance), all of them, "one wording each": the
 * readings' own labels, printed beside this, say whose wording is whose.
 */
export function readingClaimants(data: ChartData, claim: Claim, form: 'name' | 'short_name' = 'name'): string {
  const names = [
    ...new Set(readingsOf(claim, data.readings).map((read) => formatClaimants(read.claim, data.claimants, form))),
  ];
  if (names.length <= 1) return formatClaimants(claim, data.claimants, form);
  return `${names.join(' and ')}, one wording each`;
}

/**
 * A claim's figure and measure in every wording its readings give: "at least 750 or around 750
 * deserted". A claim whose readings share one wording keeps formatMeasure's (or, with `who`, the
 * clause naming who left).
 */
export function measureWordings(data: ChartData, claim: Claim, who = false): string {
  const single = who ? claimClause(claim) : formatMeasure(claim);
  // Without credits: the label names who claims it (readingClaimants) right after.
  const wordings = figureWordings(claim, data.readings, data.claimants, 'none');
  if (claim.figure === null || claim.unit === 'percent' || wordings === formatFigure(claim)) return single;
  return single.replace(formatFigure(claim), wordings);
}

/**
 * A mark's short label: every wording of the figure and the measure, "at least 750 or around 750
 * deserted". A percent is a rise in a total, never a share of the forces, so it says so, with the
 * count it restates where relations.csv gives one: "a 20% rise (from the 453 who answered the NUG’s
 * call)", not "20% answered the NUG’s call".
 */
export function shortFigureLabel(data: ChartData, claim: Claim, brief = false): string {
  const figure = figureWordings(claim, data.readings, data.claimants, 'none');
  if (claim.unit !== 'percent') return `${figure} ${ACTION_LABELS[claim.action]}`;
  // `brief`, for a label with room for nothing more: "a 20% rise"; the mark's title says of what.
  const restated = brief
    ? undefined
    : data.relations.find((relation) => relation.from === claim.id && relation.relation === 'restates');
  const count = restated ? data.claimById.get(restated.to) : undefined;
  const from = count ? ` (from the ${formatFigure(count)} who ${ACTION_LABELS[count.action]})` : '';
  return `a ${figure} rise${from}`;
}

/**
 * The claimant whose colour a claim's mark takes: the first of its claimants in claimants.csv order,
 * the same one formatClaimants names first. The 1,500 soldiers and 1,000 police, credited jointly to
 * two groups, therefore share a colour instead of looking like one group's count each.
 */
export function leadClaimantId(data: ChartData, claim: Claim): string {
  return (claimantsOf(claim, data.claimants)[0] as { id: string }).id;
}

/** The claimants a claim is credited to, as one group: the lane or row a chart draws it in. */
export interface ClaimantGroup {
  /** Their ids in claimants.csv order, space-separated: "nug peoples-embrace". */
  id: string;
  /** "National Unity Government (NUG) and People's Embrace". */
  name: string;
  /** "NUG and People's Embrace". */
  short_name: string;
  /** The claimant whose colour the group takes (leadClaimantId). */
  colorId: string;
}

/** A claim's group id alone ("nug peoples-embrace"), without formatting its names: claimantGroup(…).id, cheaply. */
export function groupKeyOf(claim: Claim, data: ChartData): string {
  return claimantsOf(claim, data.claimants)
    .map((claimant) => claimant.id)
    .join(' ');
}

export function claimantGroup(data: ChartData, claim: Claim): ClaimantGroup {
  const claimants = claimantsOf(claim, data.claimants);
  return {
    id: claimants.map((claimant) => claimant.id).join(' '),
    name: formatClaimants(claim, data.claimants),
    short_name: formatClaimants(claim, data.claimants, 'short_name'),
    colorId: (claimants[0] as { id: string }).id,
  };
}

/**
 * The groups that make claims, one per distinct set of claimants: claimants in data order, each
 * one's own group before the groups it shares with others. A figure credited jointly is drawn with
 * its joint group, never under one of its claimants as if that one had counted it alone.
 */
export function claimantGroups(data: ChartData, claims: readonly Claim[] = data.claims): ClaimantGroup[] {
  const groups = new Map<string, ClaimantGroup>();
  for (const claim of claims) {
    const group = claimantGroup(data, claim);
    if (!groups.has(group.id)) groups.set(group.id, group);
  }
  const order = (group: ClaimantGroup) => {
    const ids = group.id.split(' ');
    return data.claimants.findIndex((claimant) => claimant.id === ids[0]) * 100 + ids.length;
  };
  return [...groups.values()].sort((a, b) => order(a) - order(b));
}

/**
 * The label a chart writes beside a claim's mark: figure, hedge and measure ("around 3,000
 * defected"), and who left as well where a joint group's figures are for different people, so the
 * 1,500 soldiers and 1,000 police credited together read "around 1,500 soldiers defected", and so
 * does a count under ten.
 */
export function markLabels(data: ChartData, claims: readonly Claim[] = data.claims): Map<string, string> {
  // Each claim's group once, and the people each group counts: linear in the claims, not quadratic.
  const groupOf = new Map(claims.map((claim) => [claim, groupKeyOf(claim, data)]));
  const personnelOf = new Map<string, Set<string>>();
  for (const [claim, key] of groupOf) personnelOf.set(key, (personnelOf.get(key) ?? new Set()).add(claim.personnel));
  return new Map(
    claims.map((claim) => {
      const mixed = claim.co_claimant_ids.length > 0 && (personnelOf.get(groupOf.get(claim)!)?.size ?? 0) > 1;
      // A count under ten without its people ("1 deserted", "3 deserted") reads like an index
      // number, so it says who: "1 soldier deserted", "3 police deserted".
      const small = claim.unit === 'people' && claim.figure !== null && claim.figure < 10;
      return [claim.id, measureWordings(data, claim, mixed || small)];
    }),
  );
}

/**
 * One shape per action, the same on every chart: defected a circle, deserted a triangle,
 * surrendered a square, joined the CDM a diamond... Read from the order of ACTIONS, so a new action
 * gets a shape of its own with no entry here.
 */
const ACTION_SYMBOL_ORDER = ['circle', 'triangle', 'square', 'diamond', 'star', 'cross', 'wye', 'times'] as const;
export function actionSymbol(action: Action): string {
  return ACTION_SYMBOL_ORDER[ACTIONS.indexOf(action) % ACTION_SYMBOL_ORDER.length] as string;
}

/** A line style per action, for charts that join totals with lines: defected solid, joined the CDM dashed. */
const ACTION_DASH_ORDER = [null, '2,3', '9,3,2,3', '7,4'] as const;
export function actionDash(action: Action): string | null {
  return ACTION_DASH_ORDER[ACTIONS.indexOf(action) % ACTION_DASH_ORDER.length] ?? null;
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
export function spreadLabels(
  wanted: number[],
  gap: number | readonly number[],
  floor: number | readonly number[] = Number.NEGATIVE_INFINITY,
): number[] {
  // A gap or floor per label lets labels of several lines keep clear of the one below them.
  const at = (values: number | readonly number[], index: number) =>
    typeof values === 'number' ? values : (values[index] as number);
  const order = wanted.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const result = new Array<number>(wanted.length);
  let previous = Number.NEGATIVE_INFINITY;
  for (const { value, index } of order) {
    previous = Math.max(value, at(floor, index), previous + at(gap, index));
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
