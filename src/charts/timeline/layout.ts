/**
 * The timeline's pure layout: sizes per width, each claim's shape in pixels, which side its label
 * goes, row packing and lane headers. No DOM. Text is measured with text-metrics.ts, in DejaVu
 * Sans, the widest font a reader may get.
 */
import type { ScaleTime } from 'd3';
import { CHART_FONT_SIZE } from '../render.ts';
import { dateSpan } from '../shared.ts';
import { textWidth, wrapText, type FontWeight } from '../text-metrics.ts';
import { COUP_DATE, isDayPrecise, type TimelineRow } from './rows.ts';

/** The width of chart text in px, regular or (lane names) bold. */
export const measureLabel = (text: string, weight: FontWeight = 'regular') => textWidth(text, CHART_FONT_SIZE, weight);

export interface Interval {
  left: number;
  right: number;
}

/**
 * Assigns each interval a row so that no two intervals in a row come closer than `gap`: greedy
 * first-fit by left edge, which uses the fewest rows possible for intervals (interval graph
 * colouring). Ties keep input order, so a lane's claims keep data order when they start together.
 * Returns the row of each interval, in input order.
 */
export function packRows(intervals: readonly Interval[], gap: number): number[] {
  const order = intervals
    .map((interval, index) => ({ interval, index }))
    .sort((a, b) => a.interval.left - b.interval.left || a.index - b.index);
  const rowEnds: number[] = [];
  const rows = new Array<number>(intervals.length).fill(0);
  for (const { interval, index } of order) {
    let row = rowEnds.findIndex((end) => end + gap <= interval.left);
    if (row === -1) row = rowEnds.length;
    rowEnds[row] = Math.max(rowEnds[row] ?? Number.NEGATIVE_INFINITY, interval.right);
    rows[index] = row;
  }
  return rows;
}

/**
 * Which side of its mark a claim's figure label goes: right when it fits before `limit`, else left
 * when it fits after `floor`, else null (the label is left out; the mark keeps its title and
 * aria-label, and the table has the figure).
 */
export function labelSide(
  mark: Interval,
  labelWidth: number,
  gap: number,
  floor: number,
  limit: number,
): 'right' | 'left' | null {
  if (mark.right + gap >= floor && mark.right + gap + labelWidth <= limit) return 'right';
  if (mark.left - gap <= limit && mark.left - gap - labelWidth >= floor) return 'left';
  return null;
}

export interface Layout {
  narrow: boolean;
  marginLeft: number;
  marginRight: number;
  rowHeight: number;
  laneGap: number;
  barHeight: number;
  lineHeight: number;
  markerSize: number;
}

export function layoutFor(width: number): Layout {
  const narrow = width < 480;
  return {
    narrow,
    marginLeft: 6,
    marginRight: narrow ? 8 : 12,
    // A phone gets taller rows: bigger touch targets for the mark links and air between labels.
    rowHeight: narrow ? 24 : 20,
    laneGap: narrow ? 14 : 10,
    barHeight: 10,
    lineHeight: 18,
    // Room for two bold digits ("10") inside the circle, with 4 px to spare either side of the ring.
    markerSize: Math.max(26, Math.ceil(textWidth('10', CHART_FONT_SIZE, 'bold') + 10)),
  };
}

/** The drawn pieces of one claim, in pixels, before it is given a row. */
export interface MarkShape {
  row: TimelineRow;
  color: string;
  /** The solid part: bar, dot, capsule or the cap of a running total. */
  body: Interval;
  /** 'dot' is a claim dated to the day with no period; 'capsule' the same dated only to a month. */
  bodyShape: 'bar' | 'dot' | 'capsule';
  /** Left end of a running total's thin line. */
  lineFrom: number | null;
  /** Where a running total's line turns solid, when a reading starts the count later than lineFrom. */
  solidFrom: number | null;
  /** Left end of the dotted tail of a claim whose start is not given. */
  tailFrom: number | null;
  labelText: string;
  labelSide: 'right' | 'left' | null;
  extent: Interval;
}

export const LABEL_GAP = 5;
/** A piece of rule or band between two labels shorter than this is left out: a sliver reads as noise. */
export const MIN_PIECE = 6;
const MIN_BAR_WIDTH = 4;
export const DOT_RADIUS = 5;
const OPEN_START_TAIL = 22;

export function shapeClaim(
  row: TimelineRow,
  color: string,
  x: ScaleTime<number, number>,
  layout: Layout,
  width: number,
): MarkShape {
  const widen = (interval: Interval, min: number): Interval => {
    const missing = min - (interval.right - interval.left);
    return missing > 0 ? { left: interval.left - missing / 2, right: interval.right + missing / 2 } : interval;
  };
  const endSpan = dateSpan(row.end);
  let body: Interval;
  let bodyShape: MarkShape['bodyShape'] = 'bar';
  let lineFrom: number | null = null;
  let solidFrom: number | null = null;
  let tailFrom: number | null = null;
  if (row.span === 'since_coup') {
    body = widen({ left: x(endSpan.start), right: x(endSpan.end) }, MIN_BAR_WIDTH);
    lineFrom = x(dateSpan(row.start ?? COUP_DATE).start);
    if (row.laterStart !== null) solidFrom = x(dateSpan(row.laterStart).start);
  } else if (row.span === 'no_period') {
    bodyShape = isDayPrecise(row.end) ? 'dot' : 'capsule';
    body = widen({ left: x(endSpan.start), right: x(endSpan.end) }, DOT_RADIUS * 2);
  } else {
    const start = row.start === null ? endSpan.start : dateSpan(row.start).start;
    body = widen({ left: x(start), right: x(endSpan.end) }, MIN_BAR_WIDTH);
    if (row.span === 'open_start') tailFrom = Math.max(layout.marginLeft, body.left - OPEN_START_TAIL);
  }
  // A running total's label may sit on its own thin line (the line stops short of it), so its
  // left limit is the plot's edge, not the line's start. The full label names the people; where it
  // fits on neither side, a shorter one is drawn: the figure and the act, then (a percent) the rise
  // without its count, then the figure alone ("33 a day" on a phone). The people and the act stay
  // in the mark's title, the table and the CSV.
  const candidates = row.vague ? ['no number'] : [row.published, row.drawnShort, row.drawnShortest, row.drawnFigure];
  const sideOf = (text: string) => labelSide(body, measureLabel(text), LABEL_GAP, layout.marginLeft, width - 2);
  const labelText = candidates.find((text) => sideOf(text) !== null) ?? (candidates.at(-1) as string);
  const labelWidth = measureLabel(labelText);
  const side = sideOf(labelText);
  const left = Math.min(body.left, lineFrom ?? body.left, tailFrom ?? body.left);
  const extent: Interval = {
    left: side === 'left' && lineFrom === null ? Math.min(left, body.left - LABEL_GAP - labelWidth) : left,
    right: side === 'right' ? body.right + LABEL_GAP + labelWidth : body.right,
  };
  return { row, color, body, bodyShape, lineFrom, solidFrom, tailFrom, labelText, labelSide: side, extent };
}

/** Room left of a lane's name for its colour swatch. */
export const HEADER_INDENT = 16;

export interface HeaderLine {
  name: string;
  count: string;
  width: number;
}

/**
 * A lane's header: the claimant's name in bold, wrapped to the width, followed by its claim count
 * in the muted colour on the last line when it fits there and on a line of its own when it does not.
 */
export function laneHeader(name: string, count: string, maxWidth: number): HeaderLine[] {
  const lines: HeaderLine[] = wrapText(name, maxWidth, CHART_FONT_SIZE, 'bold').map((line) => ({
    name: line,
    count: '',
    width: measureLabel(line, 'bold'),
  }));
  const last = lines.at(-1);
  const countWidth = measureLabel(count);
  if (last && last.width + 8 + countWidth <= maxWidth) {
    last.count = count;
    last.width += 8 + countWidth;
  } else {
    lines.push({ name: '', count, width: countWidth });
  }
  return lines;
}
