/**
 * Chart 1: the running totals since the coup, on one time axis. A total dated only to the month is
 * drawn as a bar across that month, not as a point on a day nobody gave; its qualifier is written
 * in the label and drawn as a range (±10% for "around", an arrow for "more than").
 *
 * Totals of different measures (defected, joined the CDM) are different series: each has its own
 * shape and line style, named in a key, and every label says what its figure counts and who claims
 * it. Drawn as one colour climbing from 3,000 to 20,000, they would read as one count rising.
 */
import * as Plot from '@observablehq/plot';
import { asOfDate, claimRange, isCumulativeTotal } from '../lib/derive.ts';
import { formatPartialDate } from '../lib/dates.ts';
import {
  ACTION_LABELS,
  capitalise,
  formatClaimants,
  formatFigure,
  formatMeasure,
  formatNumber,
  formatVerifications,
  listInWords,
} from '../lib/format.ts';
import { hasReadings, periodWordings, readingsOf } from '../lib/readings.ts';
import { ACTIONS, type Action, type Claim } from '../lib/types.ts';
import { brokenTimeAxis } from './broken-axis.ts';
import { mustGet } from './data.ts';
import { CHART_FONT_SIZE, drawPlot } from './render.ts';
import {
  actionDash,
  actionSymbol,
  claimAnchor,
  claimLabel,
  dateSpan,
  flowRows,
  HALO_TEXT,
  keepTogether,
  leadClaimantId,
  LINE_HEIGHT,
  measureWordings,
  readingClaimants,
  LINE_HEIGHT_EM,
  spreadLabels,
  STORY_START,
  storyEnd,
} from './shared.ts';
import { textWidth, wrapText } from './text-metrics.ts';
import { claimantSeries, cssVar } from './palette.ts';
import { defineChart, type ChartData } from './types.ts';

/** The events this chart marks: the appeal that started the count and the offensive that sped it up. */
const ANNOTATED_EVENTS = ['nug-call-2021-09-07', 'operation-1027-2023-10-27'];

interface TotalRow {
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
  start: Date;
  end: Date;
  mid: Date;
  label: string;
}

function totals(data: ChartData): TotalRow[] {
  return data.claims.filter(isCumulativeTotal).map((claim) => {
    const asOf = asOfDate(claim);
    const range = claimRange(claim);
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
interface ReadingRow extends TotalRow {
  readingId: string;
  reading: string;
  /** The figure as this reading words it: "over 20,000 joined the CDM". */
  readingMeasure: string;
  readingClaimant: string;
  /** Whether the total runs from the coup under this reading, or counts a stated period. */
  readingSpan: string;
  readingFrom: string | null;
}

function readingRows(data: ChartData): ReadingRow[] {
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

interface EventLabel {
  x: Date;
  atEnd: boolean;
  lines: string[];
  /** Top of the label, in px from the top of the SVG. */
  top: number;
}

/**
 * Places the annotated events' labels above the plot. A label sits beside its rule (after it in the
 * first half of the story, before it in the second), wrapped to the room it has, and drops to a
 * new band only when it would overlap a label already placed, measured with the font's real widths.
 */
function placeEventLabels(data: ChartData, width: number, xOf: (date: Date) => number, middle: number, top: number) {
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
    const lines = wrapText(event.title, room, CHART_FONT_SIZE);
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
    return [{ x, atEnd, lines, band }];
  });
  const bandTops = bands.reduce<number[]>(
    (tops, band, index) => [...tops, (tops[index] ?? 0) + band.lines * LINE_HEIGHT + 6],
    [top + 4],
  );
  const labels: EventLabel[] = placed.map(({ band, ...label }) => ({ ...label, top: bandTops[band] as number }));
  return { labels, height: bandTops.at(-1) as number };
}

/** The dates the chart draws something at: its totals' spans and its marked events. */
function occupiedDates(data: ChartData, rows: readonly TotalRow[]): Date[] {
  const events = data.events
    .filter((event) => ANNOTATED_EVENTS.includes(event.id))
    .map((event) => dateSpan(event.date).start);
  return [...rows.flatMap((row) => [row.start, row.end]), ...events];
}

/** The measures the totals count, in ACTIONS order: one series (shape, line style, key entry) each. */
function measuresOf(rows: readonly TotalRow[]): Action[] {
  return ACTIONS.filter((action) => rows.some((row) => row.action === action));
}

/** Marks pairing a total's label with the note under the axis that gives its readings or its caveat. */
const NOTE_MARKS = ['*', '†', '‡'];

const KEY_SYMBOL_R = 6;
/** Width of a key entry's line sample, in px. */
const KEY_LINE = 34;
const KEY_ROW = 22;

/** The key: one entry per measure, "● —— total who defected", flowed into lines that fit the width. */
function placeKey(rows: readonly TotalRow[], width: number, left: number) {
  const entries = measuresOf(rows).map((action) => ({ action, text: `total who ${ACTION_LABELS[action]}` }));
  const entryWidth = (text: string) => KEY_LINE + 6 + textWidth(text, CHART_FONT_SIZE) + 18;
  const places = flowRows(
    entries.map((entry) => entryWidth(entry.text)),
    width - left - 8,
    0,
  );
  const items = entries.map((entry, index) => {
    const place = places[index] as { row: number; left: number };
    return { ...entry, x: left + place.left, y: 4 + place.row * KEY_ROW + KEY_ROW / 2 };
  });
  const lines = Math.max(0, ...places.map((place) => place.row)) + 1;
  return { items, height: lines * KEY_ROW + 4 };
}

/** Consecutive totals of one series: same measure, same claimants, same people. Only these are joined by a line. */
function seriesLinks(rows: readonly TotalRow[]): { from: TotalRow; to: TotalRow; action: Action }[] {
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

/** One sentence per measure: every total with its caveat, date and readings, and who claims it. */
function totalsSentences(data: ChartData): { rows: TotalRow[]; parts: string[] } {
  const rows = totals(data).sort((a, b) => a.start.getTime() - b.start.getTime());
  const parts = measuresOf(rows).map((action) => {
    const own = rows.filter((row) => row.action === action);
    const byClaimants = new Map<string, TotalRow[]>();
    for (const row of own) byClaimants.set(row.claimant, [...(byClaimants.get(row.claimant) ?? []), row]);
    const groups = [...byClaimants].map(
      ([claimants, list]) =>
        `${list.map((row) => `${row.clause}${row.caveat ? ` (${row.caveat})` : ''} by ${formatPartialDate(row.asOf)}${row.readings ? `, read as ${row.readings}` : ''}`).join(', ')}, claimed by ${claimants}`,
    );
    return `Totals of those who ${ACTION_LABELS[action]}: ${groups.join('; ')}`;
  });
  return { rows, parts };
}

export default defineChart<ReadingRow>({
  id: 'cumulative-claims',
  title: 'How many have left since the coup, according to whom',
  subtitle:
    'Each running total as its claimants gave it. Defector totals and CDM totals count different things and are drawn as separate series.',
  engine: 'plot',
  rows: readingRows,
  columns: [
    { key: 'claim_id', label: 'Claim', value: (row) => row.claimId },
    { key: 'reading', label: 'Reading', value: (row) => row.reading },
    { key: 'as_of', label: 'As of', value: (row) => row.asOf },
    { key: 'counted_from', label: 'Counted from', value: (row) => row.readingFrom },
    { key: 'span', label: 'Span', value: (row) => row.readingSpan },
    { key: 'figure_as_published', label: 'Figure as published', value: (row) => row.readingMeasure },
    { key: 'figure', label: 'Number', value: (row) => row.figure, numeric: true },
    { key: 'action', label: 'Measure', value: (row) => ACTION_LABELS[row.action] },
    { key: 'caveat', label: 'Note', value: (row) => row.caveat || null },
    { key: 'claimants', label: 'Claimed by', value: (row) => row.readingClaimant },
  ],
  claimIds: (row) => [row.claimId],
  describe(data) {
    const { rows, parts } = totalsSentences(data);
    // The description says where the drawing squeezes the axis, as the drawing's break marks do.
    const squeezed = brokenTimeAxis(STORY_START, storyEnd(data), occupiedDates(data, rows), 0, 1000, 40).breaks.map(
      (gap) => gap.from.getUTCFullYear(),
    );
    const axisNote =
      squeezed.length > 0
        ? ` The time axis squeezes ${squeezed.join(' and ')}, when no total was given and no marked event fell, into a narrow gap marked as a break.`
        : '';
    return `Running totals of soldiers and police said to have left the military since the February 2021 coup, drawn as separate series because they count different things. ${parts.join('. ')}.${axisNote} None of these figures has been independently verified.`;
  },
  // The image alt text: every total, its caveat and who claims it, without the description's notes
  // on how it is drawn, so that all of it fits in 1,000 characters.
  summarise(data) {
    return `Running totals of soldiers and police said to have left the military since the February 2021 coup. ${totalsSentences(data).parts.join('. ')}.`;
  },
  draw(data, ctx) {
    const rows = totals(data);
    const series = claimantSeries(data.claimants);
    const narrow = ctx.width < 480;
    const baseHeight = narrow ? 500 : 440;
    const markR = narrow ? 6 : 6.5;
    const end = storyEnd(data);
    const plotLeft = narrow ? 62 : 66;
    const plotRight = ctx.width - (narrow ? 18 : 24);
    // The totals sit in 2021 and late 2023: a year with no total and no marked event is squeezed
    // to a narrow, marked gap, so the marks and their labels get the width instead of an empty middle.
    const axis = brokenTimeAxis(STORY_START, end, occupiedDates(data, rows), plotLeft, plotRight, narrow ? 30 : 44);
    const xOf = axis.xOf;
    const middle = axis.dateOf((plotLeft + plotRight) / 2).getTime();
    // The key starts after the y axis's label, which Plot draws at the top left.
    const key = placeKey(rows, ctx.width, textWidth('↑ People', CHART_FONT_SIZE) + 16);
    const eventLabels = placeEventLabels(data, ctx.width, xOf, middle, key.height);
    const marginTop = eventLabels.height + 10;
    // A total the article allows to be read two ways is marked in its label and both readings are
    // written under the axis, so neither reads as the only one (the label itself would grow too
    // tall to fit beside its mark on a phone).
    const noted = rows.filter((row) => row.readings || row.caveat);
    const noteMarks = new Map(
      noted.map((row, index) => [row.claimId, NOTE_MARKS[index % NOTE_MARKS.length] as string]),
    );
    const notes = noted.map((row) =>
      // The mark ties the note to its labelled total; repeating the figure here would split "more
      // than 20,000 ... joined the CDM" across lines, a total without its measure on one of them.
      wrapText(
        `${noteMarks.get(row.claimId)} ${[row.readings ? `Counted as ${row.readings}` : '', capitalise(row.caveat)].filter(Boolean).join('. ')}`,
        ctx.width - 8,
        CHART_FONT_SIZE,
      ),
    );
    const notesHeight = notes.reduce((sum, lines) => sum + lines.length * LINE_HEIGHT + 4, 0);
    const marginBottom = 30 + (notes.length > 0 ? notesHeight + 10 : 0);
    const links = seriesLinks(rows);
    const yMax = Math.max(...rows.map((row) => row.high ?? row.figure * 1.1)) * 1.08;
    // The labels need a height: the chart grows (in steps of 20 px) until its highest label clears the
    // top of the plot, so that a narrow layout with labels of several lines keeps them all inside.
    const layout = (height: number) => {
      const unitsPerPixel = yMax / (height - marginTop - marginBottom);
      const dateOf = axis.dateOf;
      const rules = eventLabels.labels.map((label) => xOf(label.x));
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
        const wallAfter = (x: number) =>
          Math.min(plotRight, ...rules.filter((rule) => rule > x).map((rule) => rule - 6));
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
          ctx.width * (narrow ? 0.58 : 0.62),
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
            (labelY[index] as number) -
              (raised[index] ? (lines.length - 1) * LINE_HEIGHT * unitsPerPixel : 0) -
              row.figure,
          ) >
            6 * unitsPerPixel,
        anchorEnd,
        text: lines.join('\n'),
      }));
      // An event's rule runs from its label down to the axis, so that the label reads as the rule's.
      const eventRules = eventLabels.labels.map((label) => ({
        ...label,
        top: yMax + (marginTop - label.top) * unitsPerPixel,
      }));
      const highest = Math.max(...labelled.map((row) => row.labelY)) / unitsPerPixel + 9;
      return { height, unitsPerPixel, labelled, eventRules, fits: highest <= height - marginTop - marginBottom };
    };
    let placed = layout(baseHeight);
    while (!placed.fits && placed.height < baseHeight * 2) placed = layout(placed.height + 20);
    const { height, unitsPerPixel, labelled, eventRules } = placed;
    const open = rows.filter((row) => row.high === null);
    const bounded = rows.filter((row) => row.high !== null);
    const measures = measuresOf(rows);
    const svg = drawPlot(
      {
        height,
        marginTop,
        marginBottom,
        marginLeft: plotLeft,
        marginRight: ctx.width - plotRight,
        // The axis is drawn below (year ticks, centred year names, the breaks): Plot's own would put
        // a tick label on each side of a squeezed year, on top of each other.
        x: { type: 'utc', domain: axis.domain, range: axis.range, axis: null },
        y: {
          domain: [0, yMax],
          grid: true,
          label: '↑ People',
          tickFormat: (value: number) => formatNumber(value),
          ticks: narrow ? 4 : 6,
        },
        color: { type: 'ordinal', domain: series.domain, range: series.colors },
        symbol: { type: 'ordinal', domain: measures, range: measures.map(actionSymbol) },
        marks: [
          // The key, in the top margin: a shape and a line sample per measure.
          // The key, in the top margin: a shape per measure (its line sample is added below).
          ...key.items.flatMap((item) => [
            Plot.dot([item], {
              frameAnchor: 'top-left',
              dx: item.x + KEY_LINE / 2 - plotLeft,
              dy: item.y - marginTop,
              r: KEY_SYMBOL_R,
              symbol: () => item.action,
              fill: 'currentColor',
              stroke: cssVar('background'),
              strokeWidth: 1.5,
              ariaHidden: 'true',
            }),
            Plot.text([item], {
              frameAnchor: 'top-left',
              dx: item.x + KEY_LINE + 6 - plotLeft,
              dy: item.y - marginTop,
              text: () => item.text,
              textAnchor: 'start',
              lineAnchor: 'middle',
              fill: 'currentColor',
              ariaHidden: 'true',
            }),
          ]),
          Plot.ruleX(eventRules, {
            x: 'x',
            y1: 0,
            y2: 'top',
            stroke: cssVar('rule'),
            strokeDasharray: '3,3',
            ariaHidden: 'true',
          }),
          // dx, dy and textAnchor are constants in Plot, so each event label is a mark of its own.
          ...eventLabels.labels.map((label) =>
            Plot.text([label], {
              x: 'x',
              frameAnchor: 'top',
              dy: label.top - marginTop,
              dx: label.atEnd ? -4 : 4,
              lineAnchor: 'top',
              textAnchor: label.atEnd ? 'end' : 'start',
              text: (event: EventLabel) => event.lines.join('\n'),
              fill: cssVar('muted'),
              ariaHidden: 'true',
            }),
          ),
          Plot.ruleY([0], { stroke: cssVar('rule') }),
          Plot.ruleX(axis.yearStarts, {
            x: (date: Date) => date,
            y1: 0,
            y2: -6 * unitsPerPixel,
            stroke: cssVar('rule'),
            ariaHidden: 'true',
          }),
          Plot.text(axis.years, {
            x: (year: (typeof axis.years)[number]) => axis.dateOf((year.left + year.right) / 2),
            y: 0,
            dy: 17,
            text: (year: (typeof axis.years)[number]) => String(year.year),
            fill: (year: (typeof axis.years)[number]) => (year.broken ? cssVar('muted') : 'currentColor'),
            ariaHidden: 'true',
          }),
          // A series' totals joined in its line style; totals of different measures are never joined.
          ...links.map((link) =>
            Plot.link([link], {
              x1: (entry: typeof link) => entry.from.mid,
              y1: (entry: typeof link) => entry.from.figure,
              x2: (entry: typeof link) => entry.to.mid,
              y2: (entry: typeof link) => entry.to.figure,
              stroke: (entry: typeof link) => entry.to.claimantId,
              strokeWidth: 2,
              strokeDasharray: actionDash(link.action) ?? undefined,
              ariaHidden: 'true',
            }),
          ),
          Plot.ruleX(bounded, {
            x: 'mid',
            y1: 'low',
            y2: 'high',
            stroke: 'claimantId',
            strokeOpacity: 0.45,
            strokeWidth: 2,
            ariaHidden: 'true',
          }),
          Plot.arrow(open, {
            x: 'mid',
            y1: 'figure',
            y2: (row: TotalRow) => row.figure + 24 * unitsPerPixel,
            stroke: 'claimantId',
            strokeWidth: 2,
            headLength: 6,
            ariaHidden: 'true',
          }),
          // The month (or day) a total stands at.
          Plot.ruleY(rows, {
            x1: 'start',
            x2: 'end',
            y: 'figure',
            stroke: 'claimantId',
            strokeWidth: 4,
            strokeLinecap: 'round',
            ariaHidden: 'true',
          }),
          // A leader joins a mark to its label when the label had to move away from it.
          Plot.link(
            labelled.filter((row) => row.leader),
            {
              x1: 'mid',
              y1: 'figure',
              x2: 'leaderEnd',
              y2: 'leaderY',
              stroke: cssVar('muted'),
              strokeWidth: 1,
              className: 'chart-leader',
              ariaHidden: 'true',
            },
          ),
          ...[false, true].map((atEnd) =>
            Plot.text(
              labelled.filter((row) => row.anchorEnd === atEnd),
              {
                x: 'labelAt',
                y: 'labelY',
                text: 'text',
                // The first line is centred on the label's position; the others hang below it.
                lineAnchor: 'top',
                lineHeight: LINE_HEIGHT_EM,
                dy: -9,
                textAnchor: atEnd ? 'end' : 'start',
                fill: 'currentColor',
                ...HALO_TEXT,
                ariaHidden: 'true',
              },
            ),
          ),
          // Marks last, so that no label's halo covers one.
          Plot.dot(rows, {
            x: 'mid',
            y: 'figure',
            r: markR,
            symbol: 'action',
            fill: 'claimantId',
            stroke: cssVar('background'),
            strokeWidth: 1.5,
            href: (row: TotalRow) => claimAnchor(row.claimId),
            ariaLabel: 'label',
            title: 'label',
          }),
        ],
      },
      ctx,
    );
    // Plot has no mark for a fixed-size line in the margin, so the key's line samples are drawn
    // here, under the shapes: the line style each series uses.
    const samples = ctx.document.createElementNS('http://www.w3.org/2000/svg', 'g');
    samples.setAttribute('aria-hidden', 'true');
    samples.setAttribute('stroke', 'currentColor');
    samples.setAttribute('stroke-width', '2');
    for (const item of key.items) {
      const line = ctx.document.createElementNS('http://www.w3.org/2000/svg', 'line');
      line.setAttribute('x1', String(item.x));
      line.setAttribute('x2', String(item.x + KEY_LINE));
      line.setAttribute('y1', String(item.y));
      line.setAttribute('y2', String(item.y));
      const dash = actionDash(item.action);
      if (dash) line.setAttribute('stroke-dasharray', dash);
      samples.append(line);
    }
    svg.insertBefore(samples, svg.querySelector('g[aria-label="dot"]') ?? null);
    // Each squeezed year is marked as a break: a pair of slashes across the axis at either edge of
    // its gap, the usual sign that the scale does not run on through it.
    const baseline = height - marginBottom;
    const breaks = ctx.document.createElementNS('http://www.w3.org/2000/svg', 'path');
    breaks.setAttribute('aria-hidden', 'true');
    breaks.setAttribute('class', 'chart-axis-break');
    breaks.setAttribute('stroke', 'currentColor');
    breaks.setAttribute('stroke-width', '1.5');
    breaks.setAttribute('fill', 'none');
    breaks.setAttribute(
      'd',
      axis.breaks
        .flatMap((gap) => [gap.left + 3, gap.right - 3])
        .map((at) => `M${at - 2.5},${baseline + 4.5}L${at + 2.5},${baseline - 4.5}`)
        .join(''),
    );
    if (axis.breaks.length > 0) svg.append(breaks);
    // The readings notes, under the year names.
    let noteY = baseline + 30 + 10;
    for (const lines of notes) {
      for (const line of lines) {
        const text = ctx.document.createElementNS('http://www.w3.org/2000/svg', 'text');
        text.setAttribute('x', '4');
        text.setAttribute('text-anchor', 'start');
        text.setAttribute('y', String(noteY + CHART_FONT_SIZE / 2));
        text.setAttribute('dy', '0.35em');
        text.setAttribute('fill', 'currentColor');
        text.setAttribute('font-size', String(CHART_FONT_SIZE));
        text.textContent = line;
        svg.append(text);
        noteY += LINE_HEIGHT;
      }
      noteY += 4;
    }
    return svg;
  },
});
