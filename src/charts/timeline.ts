/**
 * Chart 2: every claim on one timeline, drawn with D3 rather than Plot because the layout is
 * bespoke: one lane per claimant, claims packed into as many sub-rows as their spans and labels
 * need, and numbered event markers spread so they never touch.
 *
 * Honesty rules the geometry. A claim is drawn across exactly the days its dates can mean: a date
 * known to the month spans the whole month, never a made-up day. A running total since the coup is
 * a thin line from the coup with a solid cap at the date it stands at, so three totals do not paint
 * a lane solid. A claim with no number is hollow and dashed and labelled "no number", not with a
 * word from its quote. The layout functions are pure and exported so tests/unit can check them.
 */
import { scaleUtc, select, utcMonth, utcYear, type ScaleTime, type Selection } from 'd3';
import { asOfDate } from '../lib/derive.ts';
import { earliestDay, formatPartialDate, parsePartialDate, yearOf } from '../lib/dates.ts';
import { ACTION_LABELS, formatClaimants, formatClaimCount, formatEventDate, formatMeasure } from '../lib/format.ts';
import { readingsOf } from '../lib/readings.ts';
import type { Claim, TimelineEvent } from '../lib/types.ts';
import { claimantSeries, cssVar } from './palette.ts';
import { CHART_FONT_SIZE } from './render.ts';
import {
  claimAnchor,
  claimantGroup,
  claimantGroups,
  claimLabel,
  dateSpan,
  flowRows,
  markLabels,
  STORY_START,
  type ClaimantGroup,
  shortFigureLabel,
} from './shared.ts';
import { openSpans, type Keepout } from './keepout.ts';
import { clusterMarkers } from './timeline-markers.ts';
import { textWidth, wrapText, type FontWeight } from './text-metrics.ts';
import { defineChart, type ChartData } from './types.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

// ---------------------------------------------------------------------------------------------
// Pure layout: row packing, marker spreading, label sides. No DOM. Text is measured with
// text-metrics.ts, in DejaVu Sans, the widest font a reader may get.
// ---------------------------------------------------------------------------------------------

/** The width of chart text in px, regular or (lane names) bold. */
const measureLabel = (text: string, weight: FontWeight = 'regular') => textWidth(text, CHART_FONT_SIZE, weight);

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

// ---------------------------------------------------------------------------------------------
// Rows: what the chart draws, one per claim, for the table and the CSV.
// ---------------------------------------------------------------------------------------------

/** How a claim's time is drawn, which is also how the table explains its dates. */
type SpanKind = 'since_coup' | 'period' | 'open_period' | 'open_start' | 'no_period';

const SPAN_WORDS: Record<SpanKind, string> = {
  since_coup: 'running total since the coup',
  period: 'stated period',
  open_period: 'open end, up to the claim',
  open_start: 'start not given',
  no_period: 'no period given',
};

const COUP_DATE = '2021-02-01';

interface TimelineRow {
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
  action: string;
  vague: boolean;
  label: string;
}

function spanOf(claim: Claim): { start: string | null; end: string; span: SpanKind } {
  if (claim.scope === 'cumulative_since_coup')
    return { start: claim.period_start ?? COUP_DATE, end: asOfDate(claim), span: 'since_coup' };
  if (claim.period_start !== null && claim.period_end !== null)
    return { start: claim.period_start, end: claim.period_end, span: 'period' };
  if (claim.period_start !== null) return { start: claim.period_start, end: claim.claimed_on, span: 'open_period' };
  if (claim.period_end !== null) return { start: null, end: claim.period_end, span: 'open_start' };
  return { start: null, end: claim.claimed_on, span: 'no_period' };
}

/**
 * The lanes, top to bottom: one per claimant, or per group of claimants credited jointly (see
 * claimantGroups), so that the joint 1,500 soldiers and 1,000 police share a lane.
 */
function laneClaimants(data: ChartData): ClaimantGroup[] {
  return claimantGroups(data);
}

function timelineRows(data: ChartData): TimelineRow[] {
  const lanes = laneClaimants(data);
  const laneIndex = new Map(lanes.map((lane, index) => [lane.id, index]));
  const laneOf = (claim: Claim) => claimantGroup(data, claim).id;
  const labels = markLabels(data);
  return (
    data.claims
      .map((claim, index) => ({ claim, index }))
      // Lanes in claimant order, claims in data order inside a lane: the table reads like the chart.
      .sort(
        (a, b) => (laneIndex.get(laneOf(a.claim)) ?? 0) - (laneIndex.get(laneOf(b.claim)) ?? 0) || a.index - b.index,
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
function timelineReadingRows(data: ChartData): TimelineRow[] {
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
function timelineEnd(data: ChartData): Date {
  const lastYear = Math.max(...data.claims.map((claim) => yearOf(claim.claimed_on)));
  return new Date(Date.UTC(lastYear + 1, 0, 1));
}

/** The events inside the axis, in date order: the order they are numbered in. */
function markedEvents(data: ChartData): TimelineEvent[] {
  const end = timelineEnd(data).getTime();
  return data.events
    .filter((event) => {
      const span = dateSpan(event.date);
      return span.end.getTime() > STORY_START.getTime() && span.start.getTime() < end;
    })
    .sort((a, b) => earliestDay(a.date) - earliestDay(b.date));
}

const isDayPrecise = (date: string) => parsePartialDate(date)?.precision === 'day';

// ---------------------------------------------------------------------------------------------
// Drawing.
// ---------------------------------------------------------------------------------------------

interface Layout {
  narrow: boolean;
  marginLeft: number;
  marginRight: number;
  rowHeight: number;
  laneGap: number;
  barHeight: number;
  lineHeight: number;
  markerSize: number;
}

function layoutFor(width: number): Layout {
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
interface MarkShape {
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

const LABEL_GAP = 5;
/** A piece of rule or band between two labels shorter than this is left out: a sliver reads as noise. */
const MIN_PIECE = 6;
const MIN_BAR_WIDTH = 4;
const DOT_RADIUS = 5;
const OPEN_START_TAIL = 22;

function shapeClaim(
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
  // fits on neither side, the figure and the act are drawn, and the people stay in the table and CSV.
  const fullText = row.vague ? 'no number' : row.published;
  const fullSide = labelSide(body, measureLabel(fullText), LABEL_GAP, layout.marginLeft, width - 2);
  // Shorter still where the short label does not fit either: a percent without its count.
  const shortText =
    labelSide(body, measureLabel(row.drawnShort), LABEL_GAP, layout.marginLeft, width - 2) === null
      ? row.drawnShortest
      : row.drawnShort;
  const labelText = fullSide === null && !row.vague ? shortText : fullText;
  const labelWidth = measureLabel(labelText);
  const side = labelText === fullText ? fullSide : labelSide(body, labelWidth, LABEL_GAP, layout.marginLeft, width - 2);
  const left = Math.min(body.left, lineFrom ?? body.left, tailFrom ?? body.left);
  const extent: Interval = {
    left: side === 'left' && lineFrom === null ? Math.min(left, body.left - LABEL_GAP - labelWidth) : left,
    right: side === 'right' ? body.right + LABEL_GAP + labelWidth : body.right,
  };
  return { row, color, body, bodyShape, lineFrom, solidFrom, tailFrom, labelText, labelSide: side, extent };
}

type AnySelection = Selection<SVGElement, unknown, null, undefined>;

/**
 * A text whose y is its vertical middle. The shift is a dy on each text because dominant-baseline
 * is not inherited in SVG 1.1, which resvg (our PNG renderer) follows, so it cannot be set once.
 */
function appendCentredText(parent: AnySelection, y: number): AnySelection {
  return parent.append<SVGElement>('text').attr('y', y).attr('dy', '0.35em');
}

function appendText(parent: AnySelection, text: string, attributes: Record<string, string | number>): AnySelection {
  const node = parent.append<SVGElement>('text').attr('dy', '0.35em').text(text);
  for (const [name, value] of Object.entries(attributes)) node.attr(name, value);
  return node;
}

/**
 * A background-coloured block behind a label, so gridlines and event rules stop short of the text
 * instead of striking through it (a glyph halo alone would leave them showing between words).
 */
function appendBackdrop(parent: AnySelection, left: number, centreY: number, textWidth: number, height: number) {
  parent
    .append('rect')
    .attr('x', left - 2)
    .attr('y', centreY - height / 2)
    .attr('width', textWidth + 4)
    .attr('height', height);
}

/** Draws the sample glyph of one key entry centred on (cx, cy) in the neutral text colour. */
function drawKeyGlyph(group: AnySelection, kind: 'bar' | 'dot' | 'vague' | 'total', cx: number, cy: number) {
  const color = cssVar('muted');
  if (kind === 'bar')
    group
      .append('rect')
      .attr('x', cx - 10)
      .attr('y', cy - 5)
      .attr('width', 20)
      .attr('height', 10)
      .attr('fill', color);
  if (kind === 'dot') group.append('circle').attr('cx', cx).attr('cy', cy).attr('r', DOT_RADIUS).attr('fill', color);
  if (kind === 'vague') {
    group
      .append('rect')
      .attr('x', cx - 9.25)
      .attr('y', cy - 4.25)
      .attr('width', 18.5)
      .attr('height', 8.5)
      .attr('fill', cssVar('background'))
      .attr('stroke', color)
      .attr('stroke-width', 1.5)
      .attr('stroke-dasharray', '3 2');
  }
  if (kind === 'total') {
    group
      .append('line')
      .attr('x1', cx - 12)
      .attr('x2', cx + 8)
      .attr('y1', cy)
      .attr('y2', cy)
      .attr('stroke', color)
      .attr('stroke-width', 1.5);
    group
      .append('rect')
      .attr('x', cx + 6)
      .attr('y', cy - 5)
      .attr('width', 5)
      .attr('height', 10)
      .attr('fill', color);
  }
}

const KEY_ENTRIES: { kind: 'bar' | 'dot' | 'vague' | 'total'; text: string }[] = [
  { kind: 'bar', text: 'Count for a period' },
  { kind: 'dot', text: 'No period given' },
  { kind: 'vague', text: 'No number given' },
  { kind: 'total', text: 'Running total since the coup' },
];

/** Room left of a lane's name for its colour swatch. */
const HEADER_INDENT = 16;

interface HeaderLine {
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

interface MarkerGroups {
  circles: AnySelection;
  numbers: AnySelection;
}

/** Groups for numbered event markers, carrying their look once instead of on every circle and digit. */
function eventMarkerGroups(parent: AnySelection): MarkerGroups {
  return {
    circles: parent.append<SVGElement>('g').attr('fill', cssVar('background')).attr('stroke', cssVar('rule')),
    // Chart-size text: at the narrow variant's smallest display (90%) it stays above the 12 px floor;
    // the circle is sized for two digits at this size.
    numbers: parent
      .append<SVGElement>('g')
      .attr('font-size', CHART_FONT_SIZE)
      .attr('font-weight', 600)
      .attr('text-anchor', 'middle')
      .attr('fill', cssVar('muted')),
  };
}

function drawEventMarker(groups: MarkerGroups, number: number, cx: number, cy: number, size: number) {
  groups.circles
    .append('circle')
    .attr('cx', cx)
    .attr('cy', cy)
    .attr('r', size / 2 - 0.5);
  appendText(groups.numbers, String(number), { x: cx, y: cy });
}

interface PlacedEvent {
  event: TimelineEvent;
  number: number;
  span: { start: Date; end: Date; mid: Date };
  dayPrecise: boolean;
}

export default defineChart<TimelineRow>({
  id: 'timeline',
  title: 'Every claim on one timeline',
  subtitle:
    'Each claim spans the time it counts, one lane per claimant or group of joint claimants; most cluster around a few announcements and offensives.',
  engine: 'd3',
  rows: timelineReadingRows,
  columns: [
    { key: 'claim_id', label: 'Claim', value: (row) => row.claimId },
    { key: 'reading', label: 'Reading', value: (row) => row.reading },
    { key: 'start', label: 'From', value: (row) => row.start },
    { key: 'end', label: 'To', value: (row) => row.end },
    { key: 'span', label: 'Span drawn', value: (row) => SPAN_WORDS[row.span] },
    { key: 'figure_as_published', label: 'Figure as published', value: (row) => row.published },
    { key: 'action', label: 'Action', value: (row) => row.action },
    // Each reading's own claimants, in place of the claim's (src/charts/csv.ts uses a chart's own).
    { key: 'claimants', label: 'Claimed by', value: (row) => row.readingClaimants ?? row.claimant },
  ],
  claimIds: (row) => [row.claimId],
  describe(data) {
    const claims = data.claims;
    const lanes = laneClaimants(data);
    const byDate = [...claims].sort((a, b) => earliestDay(a.claimed_on) - earliestDay(b.claimed_on));
    const first = byDate[0];
    const last = byDate.at(-1);
    const counts = lanes.map((claimant) => ({
      claimant,
      count: claims.filter((claim) => claimantGroup(data, claim).id === claimant.id).length,
    }));
    const most = Math.max(...counts.map((entry) => entry.count));
    const busiest = counts.filter((entry) => entry.count === most).map((entry) => entry.claimant.name);
    const vague = claims.filter((claim) => claim.figure === null).length;
    const totals = claims.filter((claim) => claim.scope === 'cumulative_since_coup').length;
    const events = markedEvents(data).map((event) => `${event.title} (${formatEventDate(event)})`);
    const independent = claims.filter((claim) => claim.verification === 'corroborated').length;
    const sentences = [
      `${formatClaimCount(claims.length)} from ${data.claimants.filter((claimant) => lanes.some((lane) => lane.id.split(' ').includes(claimant.id))).length} claimants, made between ${formatPartialDate(first?.claimed_on ?? COUP_DATE)} and ${formatPartialDate(last?.claimed_on ?? COUP_DATE)}, each drawn across the time it counts in the lane of its claimant, or of its claimants together where a report credits them jointly, on an axis from the February 2021 coup to the end of ${yearOf(last?.claimed_on ?? COUP_DATE)}.`,
      busiest.length === 1
        ? `${busiest[0]} makes the most claims (${most}).`
        : `${busiest.join(' and ')} make the most claims, ${most} each.`,
      totals > 0
        ? `${formatClaimCount(totals)} ${totals === 1 ? 'is a running total' : 'are running totals'} since the coup.`
        : '',
      vague > 0 ? `${formatClaimCount(vague)} give${vague === 1 ? 's' : ''} no number.` : '',
      events.length > 0 ? `Events marked: ${events.join('; ')}.` : '',
      independent === 0
        ? 'None of these claims has been independently verified.'
        : `Only ${independent} of the ${claims.length} claims ${independent === 1 ? 'has' : 'have'} been independently confirmed.`,
    ];
    return sentences.filter(Boolean).join(' ');
  },
  draw(data, ctx) {
    const { width } = ctx;
    const layout = layoutFor(width);
    const rows = timelineRows(data);
    const lanes = laneClaimants(data);
    const series = claimantSeries(data.claimants);
    const colorOf = (claimantId: string) => series.colors[series.domain.indexOf(claimantId)] ?? cssVar('text');
    const plotLeft = layout.marginLeft;
    const plotRight = width - layout.marginRight;
    const x = scaleUtc()
      .domain([STORY_START, timelineEnd(data)])
      .range([plotLeft, plotRight]);
    const lineHeight = layout.lineHeight;

    const svg = ctx.document.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
    // The text colour is set once for every text to inherit rather than on each of ~90: the two
    // variants of an embed must stay inside its 10 KB budget.
    const root = select<SVGElement, unknown>(svg).attr('fill', cssVar('text'));

    // --- Key to the mark shapes, flowed into as many lines as the width needs.
    let y = 4;
    const keyItems = KEY_ENTRIES.map((entry) => ({ ...entry, width: 30 + measureLabel(entry.text) }));
    const keyRows = flowRows(
      keyItems.map((item) => item.width),
      width - 2 * layout.marginLeft,
      18,
    );
    const keyGroup = root
      .append<SVGElement>('g')
      .attr('aria-hidden', 'true')
      .attr('class', 'timeline-key')
      .attr('fill', cssVar('muted'));
    keyItems.forEach((item, index) => {
      const place = keyRows[index] as { row: number; left: number };
      const cy = y + place.row * lineHeight + lineHeight / 2;
      const left = layout.marginLeft + place.left;
      drawKeyGlyph(keyGroup, item.kind, left + 12, cy);
      appendText(keyGroup, item.text, { x: left + 30, y: cy });
    });
    y += (Math.max(...keyRows.map((place) => place.row)) + 1) * lineHeight + 10;

    // --- Event markers: numbered circles spread along the top, leaders down to their dates.
    const events: PlacedEvent[] = markedEvents(data).map((event, index) => ({
      event,
      number: index + 1,
      span: dateSpan(event.date),
      dayPrecise: isDayPrecise(event.date),
    }));
    const eventAnchor = (placed: PlacedEvent) => x(placed.span.mid);
    const markerPlan = clusterMarkers(events.map(eventAnchor), layout.markerSize, 3, 2, width - 2, 3);
    const markerRows = markerPlan.rows;
    const markerRowPitch = layout.markerSize + 4;
    const markersTop = y;
    const leaderDrop = 14;
    y += markerRows * markerRowPitch + leaderDrop;
    const plotTop = y;

    // --- Lanes: each claim shaped, then packed into the fewest sub-rows that keep marks and labels apart.
    const laneShapes = lanes.map((claimant) => {
      const shapes = rows
        .filter((row) => row.claimantId === claimant.id)
        .map((row) => shapeClaim(row, colorOf(claimant.colorId), x, layout, width));
      const subRows = packRows(
        shapes.map((shape) => shape.extent),
        6,
      );
      const header = laneHeader(
        // The short name: the lane's group, the table and the marks' titles carry the full one.
        claimant.short_name,
        formatClaimCount(shapes.length),
        width - HEADER_INDENT - layout.marginLeft - 4,
      );
      return { claimant, shapes, subRows, header, rowCount: Math.max(...subRows) + 1 };
    });
    let laneTop = plotTop;
    const laneTops = laneShapes.map((lane) => {
      const top = laneTop;
      laneTop += lane.header.length * lineHeight + 4 + lane.rowCount * layout.rowHeight + layout.laneGap;
      return top;
    });
    const plotBottom = laneTop - layout.laneGap + 4;

    // Layers, bottom to top. Figure labels carry a halo in the background colour that breaks the
    // grid and event rules around their glyphs; the month bands of imprecise events are drawn over
    // the labels, so a band tints its halos with it instead of being notched by them. Lane names
    // get a full backdrop where a rule runs behind them.
    const layer = (className: string) =>
      root.append<SVGElement>('g').attr('aria-hidden', 'true').attr('class', className);
    const gridLayer = layer('timeline-grid').attr('stroke', cssVar('grid'));
    const ruleLayer = layer('timeline-event-rules')
      .attr('stroke', cssVar('rule'))
      .attr('fill', 'none')
      .attr('stroke-dasharray', '3 3');
    const backdropLayer = layer('timeline-backdrops').attr('fill', cssVar('background'));
    const labelLayer = layer('timeline-figure-labels')
      .attr('stroke', cssVar('background'))
      .attr('stroke-width', 5)
      .attr('stroke-linejoin', 'round')
      .attr('paint-order', 'stroke');
    const bandLayer = layer('timeline-event-bands').attr('fill', cssVar('rule')).attr('fill-opacity', 0.16);
    const markerLayer = eventMarkerGroups(layer('timeline-event-markers'));
    const marksLayer = root.append<SVGElement>('g').attr('class', 'timeline-claims');

    const ticks = layout.narrow ? x.ticks(utcYear) : x.ticks(utcMonth.every(6) ?? utcMonth);
    // Only a lane name that a gridline or a day's event rule runs behind needs a backdrop (a band
    // needs none: it is drawn over them). Every element left out keeps the embed within budget.
    // Event rules stop short of labels by themselves (keepout.ts); only gridlines need backdrops.
    const verticals = ticks.map((tick) => x(tick));
    const labelLayers: LabelLayers = {
      start: labelLayer.append<SVGElement>('g'),
      end: labelLayer.append<SVGElement>('g').attr('text-anchor', 'end'),
    };
    const crossesRule = (left: number, right: number) => verticals.some((at) => at >= left && at <= right);

    // --- Gridlines at the axis ticks and rules between lanes.
    for (const tick of ticks) {
      const january = tick.getUTCMonth() === 0;
      gridLayer
        .append('line')
        .attr('x1', x(tick))
        .attr('x2', x(tick))
        .attr('y1', plotTop)
        .attr('y2', plotBottom)
        .attr('stroke-dasharray', january ? null : '2 3');
    }
    laneTops.slice(1).forEach((top) => {
      const lineY = top - layout.laneGap / 2;
      gridLayer.append('line').attr('x1', 0).attr('x2', width).attr('y1', lineY).attr('y2', lineY);
    });

    // Every label's box, for the event rules and bands to stop short of.
    const keepouts: Keepout[] = [];
    // --- The claims, lane by lane: each lane a labelled group of links.
    laneShapes.forEach((lane, laneIndex) => {
      const top = laneTops[laneIndex] as number;
      const group = marksLayer
        .append<SVGElement>('g')
        .attr('aria-label', `${lane.claimant.name}: ${formatClaimCount(lane.shapes.length)}`);
      const header = group.append<SVGElement>('g').attr('aria-hidden', 'true');
      header
        .append('rect')
        .attr('x', layout.marginLeft)
        .attr('y', top + lineHeight / 2 - 5)
        .attr('width', 10)
        .attr('height', 10)
        .attr('fill', colorOf(lane.claimant.colorId));
      lane.header.forEach((line, lineIndex) => {
        const lineY = top + lineIndex * lineHeight + lineHeight / 2;
        const textLeft = layout.marginLeft + HEADER_INDENT;
        if (crossesRule(textLeft - 2, textLeft + line.width + 2))
          appendBackdrop(backdropLayer, textLeft, lineY, line.width, lineHeight);
        keepouts.push(labelKeepout(textLeft, textLeft + line.width, lineY));
        const text = appendCentredText(header, lineY).attr('x', textLeft);
        if (line.name) text.append('tspan').attr('font-weight', 600).text(line.name);
        if (line.count)
          text
            .append('tspan')
            .attr('dx', line.name ? 8 : 0)
            .attr('fill', cssVar('muted'))
            .text(line.count);
      });
      const rowsTop = top + lane.header.length * lineHeight + 4;
      lane.shapes.forEach((shape, shapeIndex) => {
        const cy = rowsTop + (lane.subRows[shapeIndex] as number) * layout.rowHeight + layout.rowHeight / 2;
        drawClaim(group, labelLayers, shape, cy, layout, keepouts);
      });
    });

    // --- Events: a numbered marker each with a dashed leader down to its date, where it runs on as
    // a rule through every lane (a day) or meets a band across the month (a rule would name a day
    // nobody gave).
    // Each cluster's grid stands on a stem down to a bracket across its dates (timeline-markers.ts).
    const ruleTop = plotTop - 2;
    const bracketY = ruleTop - 5;
    const gridBottom = markersTop + markerRows * markerRowPitch - 4;
    // One path for every stem and bracket: the timeline embed has a 10 KB budget.
    const stems = markerPlan.clusters.map((cluster) => {
      const anchors = cluster.members.map((member) => eventAnchor(events[member] as PlacedEvent));
      const from = Math.min(cluster.centre, ...anchors);
      const to = Math.max(cluster.centre, ...anchors);
      const bracket = to - from > 1 ? `M${from},${bracketY}H${to}` : '';
      return `M${cluster.centre},${gridBottom}V${bracketY}${bracket}`;
    });
    if (stems.length > 0) ruleLayer.append('path').attr('d', stems.join(''));
    events.forEach((placed, index) => {
      const place = markerPlan.markers[index] as { cluster: number; cx: number; row: number };
      const cluster = markerPlan.clusters[place.cluster] as { rows: number };
      const anchor = eventAnchor(placed);
      // Grids stand on a common line: a cluster of fewer rows starts lower.
      const cy = markersTop + (markerRows - cluster.rows + place.row) * markerRowPitch + layout.markerSize / 2;
      const leader = `M${anchor},${bracketY}V${ruleTop}`;
      // The rule and the band stop short of every label they would cross (keepout.ts).
      // Relative moves: the repeated row spacing compresses well (the embed has a 10 KB budget).
      const ruleParts = placed.dayPrecise
        ? openSpans(ruleTop, plotBottom, anchor - 1, anchor + 1, keepouts, MIN_PIECE).map(
            ([top, bottom], index, all) =>
              index === 0
                ? `M${anchor},${top}v${bottom - top}`
                : `m0,${top - (all[index - 1] as [number, number])[1]}v${bottom - top}`,
          )
        : [];
      ruleLayer.append('path').attr('d', [leader, ...ruleParts].join(''));
      if (!placed.dayPrecise) {
        const left = x(placed.span.start);
        const right = left + Math.max(2, x(placed.span.end) - left);
        // One path for all of a band's pieces: the timeline embed has a 10 KB budget.
        const pieces = openSpans(ruleTop, plotBottom, left, right, keepouts, MIN_PIECE).map(
          ([top, bottom], index, all) =>
            index === 0
              ? `M${left},${top}h${right - left}v${bottom - top}h${left - right}Z`
              : `m0,${top - (all[index - 1] as [number, number])[0]}h${right - left}v${bottom - top}h${left - right}Z`,
        );
        bandLayer.append('path').attr('d', pieces.join(''));
      }
      drawEventMarker(markerLayer, placed.number, place.cx, cy, layout.markerSize);
    });

    // --- Time axis under the lanes.
    const axisY = plotBottom + 4;
    const axis = root
      .append<SVGElement>('g')
      .attr('aria-hidden', 'true')
      .attr('class', 'timeline-axis')
      .attr('fill', cssVar('muted'));
    // No tick marks: the gridlines run down to this line and do their job.
    axis
      .append('line')
      .attr('x1', plotLeft)
      .attr('x2', plotRight)
      .attr('y1', plotBottom)
      .attr('y2', plotBottom)
      .attr('stroke', cssVar('rule'));
    const tickLabels = [
      // The axis starts at the coup, not on 1 January, so its first year is named at the start.
      { at: plotLeft, text: String(STORY_START.getUTCFullYear()), anchor: 'start' as const },
      ...ticks.map((tick) => ({
        at: x(tick),
        text: tick.getUTCMonth() === 0 ? String(tick.getUTCFullYear()) : 'July',
        anchor: 'middle' as const,
      })),
    ];
    let lastRight = Number.NEGATIVE_INFINITY;
    for (const label of tickLabels) {
      const labelWidth = measureLabel(label.text);
      let left = label.anchor === 'start' ? label.at : label.at - labelWidth / 2;
      // A pixel clear of the edge, so that snapping to half pixels cannot push it over.
      left = Math.min(left, width - 1 - labelWidth);
      // A tick label that would touch the one before is dropped: the gridline still marks it.
      if (left < lastRight + 8) continue;
      lastRight = left + labelWidth;
      appendText(axis, label.text, { x: left, y: axisY + 4 + CHART_FONT_SIZE / 2 });
    }
    y = axisY + 4 + lineHeight + 14;

    // --- Key to the numbered events, inside the SVG so downloads and embeds keep it. Wide: one
    // line each, date column first, a chronology. Narrow: the title wrapped, the date beneath it.
    const eventKey = root
      .append<SVGElement>('g')
      .attr('aria-label', 'Events marked on the timeline')
      .attr('class', 'timeline-event-key');
    const markerLeft = layout.marginLeft;
    const textLeft = markerLeft + layout.markerSize + 8;
    const dateWidth = Math.max(...events.map((placed) => measureLabel(formatEventDate(placed.event))));
    const inlineDate =
      textLeft + dateWidth + 12 + Math.max(...events.map((placed) => measureLabel(placed.event.title))) <= width;
    // The numbers only pair an entry with its marker on the chart; a screen reader gets the list.
    const keyMarkers = eventMarkerGroups(eventKey.append<SVGElement>('g').attr('aria-hidden', 'true'));
    let entryTop = y;
    for (const placed of events) {
      const cy = entryTop + lineHeight / 2;
      const entry = eventKey.append<SVGElement>('g');
      drawEventMarker(keyMarkers, placed.number, markerLeft + layout.markerSize / 2, cy, layout.markerSize);
      const date = formatEventDate(placed.event);
      if (inlineDate) {
        appendText(entry, date, { x: textLeft, y: cy, fill: cssVar('muted') });
        appendText(entry, placed.event.title, {
          x: textLeft + dateWidth + 12,
          y: cy,
        });
        entryTop += lineHeight + 6;
      } else {
        // Date and title wrapped as one run: the date leads the first line, in the muted colour.
        const dateWords = date.split(' ').length;
        const lines = wrapText(`${date} ${placed.event.title}`, width - textLeft - 4, CHART_FONT_SIZE);
        lines.forEach((line, lineIndex) => {
          const text = appendCentredText(entry, cy + lineIndex * lineHeight).attr('x', textLeft);
          const words = line.split(' ');
          const lead = lineIndex === 0 ? words.slice(0, dateWords).join(' ') : '';
          const rest = lineIndex === 0 ? words.slice(dateWords).join(' ') : line;
          if (lead) text.append('tspan').attr('fill', cssVar('muted')).text(lead);
          if (rest)
            text
              .append('tspan')
              .attr('dx', lead ? 6 : 0)
              .text(rest);
        });
        entryTop += lines.length * lineHeight + 8;
      }
    }
    const columnBottom = entryTop;
    const height = Math.ceil(columnBottom);

    snapToHalfPixels(svg);
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.setAttribute('width', String(width));
    svg.setAttribute('height', String(height));
    return svg;
  },
});

const SNAPPED_ATTRIBUTES = ['x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'width', 'height', 'd'];

/**
 * Rounds every coordinate to half a pixel (one device pixel on a 2x screen; a day is 0.3 to 0.6 px
 * here, so no span moves by more than a day). The embed page carries both variants and must stay
 * under 10 KB gzipped; coordinates are the least compressible part of the markup, and halves
 * compress far better than render.ts's tenths.
 */
function snapToHalfPixels(root: Element) {
  for (const element of root.querySelectorAll('*')) {
    for (const name of SNAPPED_ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      element.setAttribute(
        name,
        value.replace(/-?\d*\.?\d+(?:e-?\d+)?/g, (number) => String(Math.round(Number(number) * 2) / 2)),
      );
    }
  }
}

/** Where claims' figure labels go: right of their marks (start-anchored) or left (end-anchored). */
interface LabelLayers {
  start: AnySelection;
  end: AnySelection;
}

/** One claim as a link to its row in the claims table, announced with its full label. */
/** The box a line of chart text centred on `cy` keeps clear of rules and bands: its glyphs and 3 px around. */
function labelKeepout(left: number, right: number, cy: number): Keepout {
  return { left: left - 3, right: right + 3, top: cy - CHART_FONT_SIZE / 2 - 3, bottom: cy + CHART_FONT_SIZE / 2 + 4 };
}

function drawClaim(
  group: AnySelection,
  layers: LabelLayers,
  shape: MarkShape,
  cy: number,
  layout: Layout,
  keepouts: Keepout[],
) {
  const { row, color, body } = shape;
  const link = group.append<SVGElement>('a').attr('href', claimAnchor(row.claimId)).attr('aria-label', row.label);
  link.append('title').text(row.label);
  const half = layout.barHeight / 2;
  const hollow = (selection: AnySelection) =>
    row.vague
      ? selection
          .attr('fill', cssVar('background'))
          .attr('stroke', color)
          .attr('stroke-width', 1.5)
          .attr('stroke-dasharray', '3 2')
      : selection.attr('fill', color);
  // Measured in DejaVu Sans, the widest font a reader may get: a line that stops short of the label
  // there stops short of it in any font.
  const labelWidth = measureLabel(shape.labelText);
  const labelRight = shape.labelSide === 'right';
  const labelLeft = labelRight ? body.right + LABEL_GAP : body.left - LABEL_GAP - labelWidth;
  if (shape.lineFrom !== null) {
    // A label set left of a running total's cap sits on the total's own line. The line is drawn
    // above the labels' halos, so it has to stop short of the label by itself.
    const lineTo = shape.labelSide === 'left' ? labelLeft - 3 : body.left;
    // Where only one reading runs the count from the coup, the line is dotted up to the date the
    // other reading starts it: the dotted stretch is there under one reading, not the other.
    const solidFrom = Math.min(Math.max(shape.solidFrom ?? shape.lineFrom, shape.lineFrom), lineTo);
    if (solidFrom > shape.lineFrom) {
      link
        .append('line')
        .attr('x1', shape.lineFrom)
        .attr('x2', solidFrom)
        .attr('y1', cy)
        .attr('y2', cy)
        .attr('stroke', color)
        .attr('stroke-width', 2)
        .attr('stroke-dasharray', '1 3')
        .attr('stroke-linecap', 'round');
    }
    if (lineTo > solidFrom) {
      link
        .append('line')
        .attr('x1', solidFrom)
        .attr('x2', lineTo)
        .attr('y1', cy)
        .attr('y2', cy)
        .attr('stroke', color)
        .attr('stroke-width', 1.5);
    }
  }
  if (shape.tailFrom !== null) {
    // The count ran from a date the claim does not give: a dotted lead-in says "earlier, unknown".
    link
      .append('line')
      .attr('x1', shape.tailFrom)
      .attr('x2', body.left)
      .attr('y1', cy)
      .attr('y2', cy)
      .attr('stroke', color)
      .attr('stroke-width', 2)
      .attr('stroke-dasharray', '1 3')
      .attr('stroke-linecap', 'round');
  }
  if (shape.bodyShape === 'dot') {
    hollow(
      link
        .append<SVGElement>('circle')
        .attr('cx', (body.left + body.right) / 2)
        .attr('cy', cy)
        .attr('r', row.vague ? DOT_RADIUS - 0.75 : DOT_RADIUS),
    );
  } else {
    // A stroked shape is inset by half its stroke so that hollow and solid marks cover the same days.
    const inset = row.vague ? 0.75 : 0;
    hollow(
      link
        .append<SVGElement>('rect')
        .attr('x', body.left + inset)
        .attr('y', cy - half + inset)
        .attr('width', Math.max(0.5, body.right - body.left - 2 * inset))
        .attr('height', layout.barHeight - 2 * inset)
        .attr('rx', shape.bodyShape === 'capsule' ? half - inset : null),
    );
  }
  if (shape.labelSide !== null) {
    // The label is outside the link, in a hidden layer: the link already announces the figure, and
    // the focus ring then outlines the mark rather than smudging the text.
    appendText(labelRight ? layers.start : layers.end, shape.labelText, {
      x: labelRight ? labelLeft : labelLeft + labelWidth,
      y: cy,
    });
    keepouts.push(labelKeepout(labelLeft, labelLeft + labelWidth, cy));
  }
}
