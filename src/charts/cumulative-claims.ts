/**
 * Chart 1: the running totals since the coup, on one time axis. A total dated only to the month is
 * drawn as a bar across that month, not as a point on a day nobody gave; its qualifier is written
 * in the label and drawn as a range (±10% for "around", an arrow for "more than").
 *
 * Totals of different measures (defected, joined the CDM) are different series: each has its own
 * shape and line style, named in a key, and every label says what its figure counts and who claims
 * it. Drawn as one colour climbing from 3,000 to 20,000, they would read as one count rising.
 *
 * This file draws the chart with Plot; its parts are in cumulative/: rows.ts (the totals, for the
 * table and CSV), labels.ts (where event and total labels go), key.ts, below-axis.ts (axis breaks
 * and readings notes), describe.ts (alt text), and at-scale.ts with draw-at-scale.ts (the grouped
 * layout below).
 *
 * As the data grows (src/charts/scale.ts): up to LABELLED_TOTALS (8) totals, each is a labelled mark
 * as above; the curated data has 5. Past that the chart is drawn grouped: the OWN_SERIES - 1 series
 * (one set of claimants, measure and kind of people) with the most totals keep a colour, their
 * totals joined, and only their latest total is labelled, in a list under the axis beside its colour
 * and shape (so no label can land on a mark); the other series are one grey "Other claimants
 * (count)" group, never joined, since different claimants' totals are not one count and are never
 * added. Earlier totals are unlabelled marks, grouped where close (one per series, or for the other
 * claimants per measure, and stretch of the chart; at most 30, the stretches widening past that), whose accessible name gives their figures,
 * hedges, claimants and dates, linked to the earliest in the claims list. Only the labelled totals'
 * readings notes are drawn (the rest counted); the description counts what is grouped; the table
 * and CSV keep every total.
 */
import * as Plot from '@observablehq/plot';
import { ACTION_LABELS } from '../lib/format.ts';
import { brokenTimeAxis } from './broken-axis.ts';
import { drawAxisBreaks, drawReadingNotes, readingNotes } from './cumulative/below-axis.ts';
import { drawnGrouped } from './cumulative/at-scale.ts';
import { describeTotals, summariseTotals } from './cumulative/describe.ts';
import { drawTotalsGrouped } from './cumulative/draw-at-scale.ts';
import { cumulativeFrame, eventAndYearMarks } from './cumulative/axis-marks.ts';
import { drawKeySamples, keyMarks, placeKey } from './cumulative/key.ts';
import { fitTotalLabels, placeEventLabels } from './cumulative/labels.ts';
import {
  measuresOf,
  occupiedDates,
  readingRows,
  seriesLinks,
  totals,
  type ReadingRow,
  type TotalRow,
} from './cumulative/rows.ts';
import { CHART_FONT_SIZE, drawPlot } from './render.ts';
import { actionDash, actionSymbol, claimAnchor, HALO_TEXT, LINE_HEIGHT_EM, STORY_START, storyEnd } from './shared.ts';
import { textWidth } from './text-metrics.ts';
import { claimantSeries, cssVar } from './palette.ts';
import { defineChart } from './types.ts';

export { balancedWrap } from './cumulative/labels.ts';

export default defineChart<ReadingRow>({
  id: 'cumulative-claims',
  title: 'How many have left since the coup, according to whom',
  subtitle:
    'Each running total as its claimants gave it. Defector totals and CDM totals count different things and are drawn as separate series.',
  engine: 'plot',
  atScale: {
    bounded: true,
    policy:
      'Up to 8 running totals, each is a labelled mark. Past that, the 3 series (claimants, measure, people) with the most totals keep a colour, their totals joined and only their latest labelled, in a list under the axis; the rest are one grey “Other claimants (count)” group, never joined or added. Earlier totals are unlabelled marks, grouped where close, each naming its figures, hedges, claimants and dates and linking to the claims list; the table keeps every total.',
  },
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
  describe: describeTotals,
  summarise: summariseTotals,
  draw(data, ctx) {
    const rows = totals(data);
    if (drawnGrouped(rows)) return drawTotalsGrouped(data, ctx, rows);
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
    const { noteMarks, notes, height: notesHeight } = readingNotes(rows, ctx.width);
    const marginBottom = 30 + (notes.length > 0 ? notesHeight + 10 : 0);
    const links = seriesLinks(rows);
    const yMax = Math.max(...rows.map((row) => row.high ?? row.figure * 1.1)) * 1.08;
    const { height, unitsPerPixel, labelled, eventRules } = fitTotalLabels(baseHeight, {
      rows,
      links,
      axis,
      eventLabels: eventLabels.labels,
      noteMarks,
      yMax,
      marginTop,
      marginBottom,
      markR,
      middle,
      plotLeft,
      plotRight,
      width: ctx.width,
      narrow,
    });
    const open = rows.filter((row) => row.high === null);
    const bounded = rows.filter((row) => row.high !== null);
    const measures = measuresOf(rows);
    const svg = drawPlot(
      {
        ...cumulativeFrame({
          height,
          marginTop,
          marginBottom,
          plotLeft,
          plotRight,
          width: ctx.width,
          axis,
          yMax,
          narrow,
        }),
        color: { type: 'ordinal', domain: series.domain, range: series.colors },
        symbol: { type: 'ordinal', domain: measures, range: measures.map(actionSymbol) },
        marks: [
          // The key, in the top margin: a shape per measure (its line sample is added below).
          ...keyMarks(key, plotLeft, marginTop),
          ...eventAndYearMarks(eventRules, eventLabels.labels, axis, { marginTop, unitsPerPixel }),
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
    drawKeySamples(svg, ctx.document, key);
    const baseline = height - marginBottom;
    drawAxisBreaks(svg, ctx.document, axis.breaks, baseline);
    drawReadingNotes(svg, ctx.document, notes, baseline + 30 + 10);
    return svg;
  },
});
