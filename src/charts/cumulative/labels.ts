/**
 * Where the cumulative chart's text goes: the annotated events' labels above the plot, and each
 * total's label beside its mark, in a height the chart grows to until every label fits.
 */
import type { BrokenAxis } from '../broken-axis.ts';
import { CHART_FONT_SIZE } from '../render.ts';
import { dateSpan, keepTogether, LINE_HEIGHT, spreadLabels } from '../shared.ts';
import { textWidth, wrapText, wrapTextBreakingWords } from '../text-metrics.ts';
import type { ChartData } from '../types.ts';
import { ANNOTATED_EVENTS, type TotalRow } from './rows.ts';

/**
 * Wraps text into as few lines as `room` allows, then narrows the lines while their number stays
 * the same, so that a label breaks into even lines instead of leaving one word on the last.
 */
export function balancedWrap(text: string, room: number): string[] {
  const lines = wrapText(text, room, CHART_FONT_SIZE);
  let best = lines;
  for (let width = room - 8; width > room / 3; width -= 8) {
    const narrower = wrapText(text, width, CHART_FONT_SIZE);
    if (narrower.length !== lines.length) break;
    best = narrower;
  }
  return best;
}

export interface EventLabel {
  x: Date;
  atEnd: boolean;
  lines: string[];
  /** The title as written, where a word too long for the room was broken with hyphens; else null. */
  fullTitle: string | null;
  /** Top of the label, in px from the top of the SVG. */
  top: number;
}

/**
 * Places the annotated events' labels above the plot. A label sits beside its rule (after it in the
 * first half of the story, before it in the second), wrapped to the room it has, and drops to a
 * new band only when it would overlap a label already placed, measured with the font's real widths.
 */
export function placeEventLabels(
  data: ChartData,
  width: number,
  xOf: (date: Date) => number,
  middle: number,
  top: number,
) {
  const gap = 12;
  const bands: { extents: [number, number][]; lines: number }[] = [];
  const placed = ANNOTATED_EVENTS.flatMap((id) => {
    const event = data.events.find((candidate) => candidate.id === id);
    if (!event) return [];
    const x = dateSpan(event.date).start;
    const atEnd = x.getTime() > middle;
    // A label stays short of the other events' rules, which run up past it to their own labels.
    const others = ANNOTATED_EVENTS.filter((other) => other !== id)
      .map((other) => data.events.find((candidate) => candidate.id === other))
      .flatMap((other) => (other ? [xOf(dateSpan(other.date).start)] : []));
    const wall = atEnd
      ? Math.max(0, ...others.filter((at) => at < xOf(x)))
      : Math.min(width, ...others.filter((at) => at > xOf(x)));
    const room = Math.min(width * 0.55, atEnd ? xOf(x) - wall - 8 : wall - xOf(x) - 8);
    // A word wider than the room (a name without spaces) is broken with hyphens, as on the timeline.
    const lines = wrapTextBreakingWords(event.title, room, CHART_FONT_SIZE);
    const brokenWord = wrapText(event.title, room, CHART_FONT_SIZE).some(
      (line) => textWidth(line, CHART_FONT_SIZE) > room,
    );
    const labelWidth = Math.max(...lines.map((line) => textWidth(line, CHART_FONT_SIZE)));
    const extent: [number, number] = atEnd
      ? [xOf(x) - 4 - labelWidth, xOf(x) - 4]
      : [xOf(x) + 4, xOf(x) + 4 + labelWidth];
    let band = bands.findIndex((candidate) =>
      candidate.extents.every(([left, right]) => extent[1] + gap <= left || extent[0] >= right + gap),
    );
    if (band === -1) band = bands.push({ extents: [], lines: 0 }) - 1;
    const target = bands[band] as (typeof bands)[number];
    target.extents.push(extent);
    target.lines = Math.max(target.lines, lines.length);
    return [{ x, atEnd, lines, fullTitle: brokenWord ? event.title : null, band }];
  });
  const bandTops = bands.reduce<number[]>(
    (tops, band, index) => [...tops, (tops[index] ?? 0) + band.lines * LINE_HEIGHT + 6],
    [top + 4],
  );
  const labels: EventLabel[] = placed.map(({ band, ...label }) => ({ ...label, top: bandTops[band] as number }));
  return { labels, height: bandTops.at(-1) as number };
}

/** What the totals' labels are placed among. */
export interface TotalLabelContext {
  rows: readonly TotalRow[];
  links: readonly { from: TotalRow; to: TotalRow }[];
  axis: BrokenAxis;
  eventLabels: readonly EventLabel[];
  /** The note mark (*, †) of each total with a note under the axis. */
  noteMarks: ReadonlyMap<string, string>;
  yMax: number;
  marginTop: number;
  marginBottom: number;
  markR: number;
  /** The date at the middle of the plot: totals after it are labelled on their left. */
  middle: number;
  plotLeft: number;
  plotRight: number;
  width: number;
  narrow: boolean;
}

/** The totals' labels placed in a chart `height` px tall, and whether the highest clears the plot's top. */
function placeTotalLabels(height: number, context: TotalLabelContext) {
  const { rows, links, axis, noteMarks, yMax, marginTop, marginBottom, markR, middle, plotLeft, plotRight, narrow } =
    context;
  const xOf = axis.xOf;
  const unitsPerPixel = yMax / (height - marginTop - marginBottom);
  const dateOf = axis.dateOf;
  const rules = context.eventLabels.map((label) => xOf(label.x));
  // How far a mark reaches sideways: its dot, or the month bar (with its round cap) when wider.
  const markHalf = (row: TotalRow) => Math.max(markR, (xOf(row.end) - xOf(row.start)) / 2 + 2);
  // Each label is the figure with its measure and who left, then its claimants. Marks on the same
  // side that sit close together (the three 2021 totals) share one column of labels, beyond the
  // widest of them, so that no label runs over a neighbour's mark and their leaders never cross.
  // An event's rule is a wall: a label stays between the rules either side of it, jumping past
  // the nearest one when the room before it is too small to be read.
  const minRoom = narrow ? 120 : 200;
  const wrapped = rows.map((row) => {
    const anchorEnd = row.mid.getTime() > middle;
    const cluster = rows.filter(
      (other) => other.mid.getTime() > middle === anchorEnd && Math.abs(xOf(other.mid) - xOf(row.mid)) < 24,
    );
    let labelX = anchorEnd
      ? Math.min(...cluster.map((other) => xOf(other.mid) - markHalf(other))) - 8
      : Math.max(...cluster.map((other) => xOf(other.mid) + markHalf(other))) + 8;
    const wallBefore = (x: number) =>
      Math.max(plotLeft / 2, ...rules.filter((rule) => rule < x).map((rule) => rule + 6));
    const wallAfter = (x: number) => Math.min(plotRight, ...rules.filter((rule) => rule > x).map((rule) => rule - 6));
    // Jumping is only worth it when the room past the rule is wider than the room before it.
    const roomBefore = (x: number) => x - wallBefore(x);
    const roomAfter = (x: number) => wallAfter(x) - x;
    if (
      anchorEnd &&
      roomBefore(labelX) < minRoom &&
      wallBefore(labelX) > plotLeft / 2 &&
      roomBefore(wallBefore(labelX) - 12) > roomBefore(labelX)
    ) {
      labelX = wallBefore(labelX) - 12;
    }
    if (
      !anchorEnd &&
      roomAfter(labelX) < minRoom &&
      wallAfter(labelX) < plotRight &&
      roomAfter(wallAfter(labelX) + 12) > roomAfter(labelX)
    ) {
      labelX = wallAfter(labelX) + 12;
    }
    const room = Math.min(
      context.width * (narrow ? 0.58 : 0.62),
      anchorEnd ? labelX - wallBefore(labelX) : wallAfter(labelX) - labelX,
    );
    const mark = noteMarks.get(row.claimId);
    const lines = [
      ...balancedWrap(keepTogether(mark ? `${row.clause} ${mark}` : row.clause), room),
      ...wrapText(row.claimantShort, room, CHART_FONT_SIZE),
    ];
    const shifted = Math.abs(labelX - (xOf(row.mid) + (anchorEnd ? -1 : 1) * (markHalf(row) + 8))) > 1;
    return { row, anchorEnd, lines, labelX, shifted };
  });
  // A label hangs down from its first line, level with its mark; but where the series' line
  // comes up to the mark from the label's side, a hanging label would sit on that line, so the
  // label stands on its mark instead, its last line level with it.
  const raised = wrapped.map(({ row, anchorEnd }) =>
    links.some((link) => link.to === row && link.from.mid.getTime() < row.mid.getTime() === anchorEnd),
  );
  const labelY = spreadLabels(
    wrapped.map(({ row, lines }, index) =>
      raised[index] ? row.figure + (lines.length - 1) * LINE_HEIGHT * unitsPerPixel : row.figure,
    ),
    wrapped.map(({ lines }) => (lines.length * LINE_HEIGHT + 4) * unitsPerPixel),
    wrapped.map(({ lines }) => ((lines.length - 1) * LINE_HEIGHT + 12) * unitsPerPixel),
  );
  const labelled = wrapped.map(({ row, anchorEnd, lines, labelX, shifted }, index) => ({
    ...row,
    labelY: labelY[index] as number,
    // The leader points at the label's line nearest the mark: its last for a raised label.
    leaderY: (labelY[index] as number) - (raised[index] ? (lines.length - 1) * LINE_HEIGHT * unitsPerPixel : 0),
    labelAt: dateOf(labelX),
    // A leader ends short of the label, so that it points at the text without touching it.
    leaderEnd: dateOf(labelX + (anchorEnd ? 4 : -4)),
    leader:
      shifted ||
      Math.abs(
        (labelY[index] as number) - (raised[index] ? (lines.length - 1) * LINE_HEIGHT * unitsPerPixel : 0) - row.figure,
      ) >
        6 * unitsPerPixel,
    anchorEnd,
    text: lines.join('\n'),
  }));
  // An event's rule runs from its label down to the axis, so that the label reads as the rule's.
  const eventRules = context.eventLabels.map((label) => ({
    ...label,
    top: yMax + (marginTop - label.top) * unitsPerPixel,
  }));
  const highest = Math.max(...labelled.map((row) => row.labelY)) / unitsPerPixel + 9;
  return { height, unitsPerPixel, labelled, eventRules, fits: highest <= height - marginTop - marginBottom };
}

/**
 * The labels need a height: the chart grows (in steps of 20 px) until its highest label clears the
 * top of the plot, so that a narrow layout with labels of several lines keeps them all inside.
 */
export function fitTotalLabels(baseHeight: number, context: TotalLabelContext) {
  let placed = placeTotalLabels(baseHeight, context);
  while (!placed.fits && placed.height < baseHeight * 2) placed = placeTotalLabels(placed.height + 20, context);
  return placed;
}
