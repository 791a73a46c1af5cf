/**
 * Chart 2: every claim on one timeline, drawn with D3 rather than Plot because the layout is
 * bespoke: one lane per claimant, claims packed into as many sub-rows as their spans and labels
 * need, and numbered event markers spread so they never touch.
 *
 * Honesty rules the geometry. A claim is drawn across exactly the days its dates can mean: a date
 * known to the month spans the whole month, never a made-up day. A running total since the coup is
 * a thin line from the coup with a solid cap at the date it stands at, so three totals do not paint
 * a lane solid. A claim with no number is hollow and dashed and labelled "no number", not with a
 * word from its quote.
 *
 * This file puts the parts together, top to bottom; they live in timeline/: rows.ts (what is drawn,
 * for the table and CSV), layout.ts (pure geometry, exported for tests/unit), lanes.ts and marks.ts
 * (the claims), events.ts and markers.ts (numbered events), key.ts, axis.ts, describe.ts (alt text)
 * and svg.ts (text helpers and half-pixel snapping).
 *
 * As the data grows (src/charts/scale.ts, applied in timeline/bounds.ts): up to OWN_ROWS lanes
 * each claimant (or set of joint claimants) gets its own; past that the OWN_ROWS - 1 with the most
 * claims keep theirs and the rest share one lane, "Other claimants (count)". A lane of more than
 * LABELLED_PER_ROW claims (and the shared lane always) is drawn grouped: one tinted mark per
 * calendar year for the claims counting up to a date in it, its count under it, linked to the
 * earliest of them in the claims list, with count, dates, kinds and verification in its name. Past
 * MARKED_EVENTS events, the most relevant are marked (per month, the one with the most claims
 * within a month of it) and the rest counted in a note and the description. The table and CSV keep
 * every reading of every claim. At the curated size (10 lanes, at most 8 claims in one, 10 events)
 * nothing is grouped or left out. At 100x the data: 27-28 KB and 21 marks, where it drew 2,900
 * labelled marks in 4.5 MB.
 */
import { scaleUtc, select, utcMonth, utcYear } from 'd3';
import { claimantSeries, cssVar } from './palette.ts';
import { STORY_START } from './shared.ts';
import type { Keepout } from './keepout.ts';
import { drawTimeAxis } from './timeline/axis.ts';
import { describeTimeline } from './timeline/describe.ts';
import { drawEvents, planEvents } from './timeline/events.ts';
import { eventsNote, eventsToMark, groupedNote, timelineLanes } from './timeline/bounds.ts';
import { drawEventKey, drawNotes, drawShapeKey } from './timeline/key.ts';
import { drawLanes, placeLanes } from './timeline/lanes.ts';
import { layoutFor } from './timeline/layout.ts';
import { eventMarkerGroups } from './timeline/markers.ts';
import { SPAN_WORDS, timelineEnd, timelineReadingRows, timelineRows, type TimelineRow } from './timeline/rows.ts';
import { snapToHalfPixels, SVG_NS } from './timeline/svg.ts';
import { defineChart } from './types.ts';

export { labelSide, laneHeader, packRows, type Interval } from './timeline/layout.ts';

export default defineChart<TimelineRow>({
  id: 'timeline',
  title: 'Every claim on one timeline',
  subtitle:
    'Each claim spans the time it counts, one lane per claimant or group of joint claimants; most cluster around a few announcements and offensives.',
  engine: 'd3',
  atScale: {
    bounded: true,
    policy:
      "The OWN_ROWS most-cited claimants (or joint claimants) get a lane, the rest share “Other claimants (count)”; a lane of more than LABELLED_PER_ROW claims is drawn grouped, one mark per year with its count under it and its count, dates, kinds and verification in the mark's name. Past MARKED_EVENTS events, each month's most relevant are marked (most claims within a month of them), the rest counted in a note. Every claim stays in the table and CSV.",
  },
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
  describe: describeTimeline,
  draw(data, ctx) {
    const { width } = ctx;
    const layout = layoutFor(width);
    const series = claimantSeries(data.claimants);
    const colorOf = (claimantId: string) => series.colors[series.domain.indexOf(claimantId)] ?? cssVar('text');
    const x = scaleUtc()
      .domain([STORY_START, timelineEnd(data)])
      .range([layout.marginLeft, width - layout.marginRight]);

    const svg = ctx.document.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
    // The text colour is set once for every text to inherit rather than on each of ~90: the two
    // variants of an embed must stay inside its 10 KB budget.
    const root = select<SVGElement, unknown>(svg).attr('fill', cssVar('text'));

    // Top to bottom: the key to the mark shapes, the event markers, the lanes, the axis, the event key.
    const rows = timelineRows(data);
    const chartLanes = timelineLanes(data, rows);
    const anyGrouped = chartLanes.some((lane) => lane.grouped);
    const marked = eventsToMark(data, rows);
    const markersTop = drawShapeKey(root, layout, width, 4, anyGrouped);
    const eventPlan = planEvents(marked.events, x, layout, width, markersTop);
    const plotTop = eventPlan.bottom;
    const { lanes, bottom: plotBottom } = placeLanes(data, chartLanes, colorOf, x, layout, width, plotTop);

    // Layers, bottom to top. Figure labels carry a halo in the background colour that breaks the
    // grid and event rules around their glyphs; the month bands of imprecise events are drawn over
    // the labels, so a band tints its halos with it instead of being notched by them. Lane names
    // get a full backdrop where a rule runs behind them.
    const layer = (className: string) =>
      root.append<SVGElement>('g').attr('aria-hidden', 'true').attr('class', className);
    const gridLayer = layer('timeline-grid').attr('stroke', cssVar('grid')).attr('fill', 'none');
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
    // Only a lane name that a gridline runs behind needs a backdrop: event rules stop short of
    // labels by themselves (keepout.ts) and a band is drawn over them. Every element left out keeps
    // the embed within budget.
    const verticals = ticks.map((tick) => x(tick));
    const crossesRule = (left: number, right: number) => verticals.some((at) => at >= left && at <= right);

    // --- Gridlines at the axis ticks (solid at each year, dashed at July) and rules between lanes,
    // as two paths rather than ~30 lines: the timeline embed has a 10 KB budget.
    const tickRules = (january: boolean) =>
      ticks
        .filter((tick) => (tick.getUTCMonth() === 0) === january)
        .map((tick) => `M${x(tick)},${plotTop}V${plotBottom}`)
        .join('');
    const laneRules = lanes
      .slice(1)
      .map((lane) => `M0,${lane.top - layout.laneGap / 2}H${width}`)
      .join('');
    gridLayer.append('path').attr('d', tickRules(true) + laneRules);
    const julyRules = tickRules(false);
    if (julyRules) gridLayer.append('path').attr('d', julyRules).attr('stroke-dasharray', '2 3');

    // --- The claims, then the events, whose rules and bands stop short of every label box.
    const keepouts: Keepout[] = [];
    const labels = {
      start: labelLayer.append<SVGElement>('g'),
      end: labelLayer.append<SVGElement>('g').attr('text-anchor', 'end'),
      // Only a chart with a grouped lane has counts to centre: the curated chart draws no empty group.
      middle: anyGrouped ? labelLayer.append<SVGElement>('g').attr('text-anchor', 'middle') : undefined,
    };
    drawLanes({ marks: marksLayer, labels, backdrops: backdropLayer }, lanes, crossesRule, layout, keepouts);
    drawEvents(
      { rules: ruleLayer, bands: bandLayer, markers: markerLayer },
      eventPlan,
      x,
      plotBottom,
      keepouts,
      layout,
    );

    // --- Time axis under the lanes, then the key to the numbered events, inside the SVG so
    // downloads and embeds keep it.
    const eventKeyTop = drawTimeAxis(root, x, ticks, plotBottom, layout, width);
    const eventKeyBottom = drawEventKey(root, eventPlan.events, layout, width, eventKeyTop);
    const notes = [eventsNote(marked.leftOut), groupedNote(chartLanes)].filter(Boolean);
    const height = Math.ceil(notes.length > 0 ? drawNotes(root, notes, layout, width, eventKeyBottom) : eventKeyBottom);

    snapToHalfPixels(svg);
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.setAttribute('width', String(width));
    svg.setAttribute('height', String(height));
    return svg;
  },
});
