/**
 * Chart 1: the running totals since the coup, on one time axis. A total dated only to the month is
 * drawn as a bar across that month, not as a point on a day nobody gave; its qualifier is written
 * in the label and drawn as a range (±10% for "around", an arrow for "more than").
 */
import * as Plot from '@observablehq/plot';
import { asOfDate, claimRange, isCumulativeTotal } from '../lib/derive.ts';
import { formatPartialDate } from '../lib/dates.ts';
import { ACTION_LABELS, formatFigure, formatNumber } from '../lib/format.ts';
import { mustGet } from './data.ts';
import { CHART_FONT_SIZE, drawPlot } from './render.ts';
import {
  claimAnchor,
  claimLabel,
  dateSpan,
  HALO_TEXT,
  LINE_HEIGHT,
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
  claimantId: string;
  claimant: string;
  claimantShort: string;
  asOf: string;
  figure: number;
  published: string;
  action: string;
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
    const claimant = mustGet(data.claimantById, claim.claimant_id, 'claimant');
    return {
      claimId: claim.id,
      claimantId: claimant.id,
      claimant: claimant.name,
      claimantShort: claimant.short_name,
      asOf,
      figure: claim.figure as number,
      published: formatFigure(claim),
      action: ACTION_LABELS[claim.action],
      low: range.low,
      high: range.high,
      ...dateSpan(asOf),
      label: claimLabel(data, claim),
    };
  });
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
function placeEventLabels(data: ChartData, width: number, xOf: (date: Date) => number, middle: number) {
  const gap = 12;
  const bands: { extents: [number, number][]; lines: number }[] = [];
  const placed = ANNOTATED_EVENTS.flatMap((id) => {
    const event = data.events.find((candidate) => candidate.id === id);
    if (!event) return [];
    const x = dateSpan(event.date).start;
    const atEnd = x.getTime() > middle;
    const room = Math.min(width * 0.55, atEnd ? xOf(x) - 8 : width - xOf(x) - 8);
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
    [4],
  );
  const labels: EventLabel[] = placed.map(({ band, ...label }) => ({ ...label, top: bandTops[band] as number }));
  return { labels, height: bandTops.at(-1) as number };
}

export default defineChart<TotalRow>({
  id: 'cumulative-claims',
  title: 'How many have left since the coup, according to whom',
  subtitle: 'Each running total as its claimant gave it; bars span the month when only the month is known.',
  engine: 'plot',
  rows: totals,
  columns: [
    { key: 'claim_id', label: 'Claim', value: (row) => row.claimId },
    { key: 'claimant', label: 'Claimant', value: (row) => row.claimant },
    { key: 'as_of', label: 'As of', value: (row) => row.asOf },
    { key: 'figure_as_published', label: 'Figure as published', value: (row) => row.published },
    { key: 'figure', label: 'Number', value: (row) => row.figure, numeric: true },
    { key: 'action', label: 'Action', value: (row) => row.action },
  ],
  claimIds: (row) => [row.claimId],
  describe(data) {
    const rows = totals(data).sort((a, b) => a.start.getTime() - b.start.getTime());
    const byClaimant = new Map<string, TotalRow[]>();
    for (const row of rows) byClaimant.set(row.claimant, [...(byClaimant.get(row.claimant) ?? []), row]);
    const parts = [...byClaimant].map(([claimant, list]) =>
      list.length === 1
        ? `${claimant} gives one total, ${list[0]?.published} by ${formatPartialDate(list[0]?.asOf ?? '')}`
        : `${claimant}'s totals rise from ${list[0]?.published} (${formatPartialDate(list[0]?.asOf ?? '')}) to ${list.at(-1)?.published} (${formatPartialDate(list.at(-1)?.asOf ?? '')})`,
    );
    return `Running totals of soldiers and police who left the military since the February 2021 coup, as claimed: ${parts.join('; ')}. None of these figures has been independently verified.`;
  },
  draw(data, ctx) {
    const rows = totals(data);
    const series = claimantSeries(data.claimants);
    const narrow = ctx.width < 480;
    const height = narrow ? 420 : 400;
    const end = storyEnd(data);
    const middle = (STORY_START.getTime() + end.getTime()) / 2;
    const plotLeft = narrow ? 62 : 66;
    const plotRight = ctx.width - (narrow ? 18 : 24);
    const msPerPixel = (end.getTime() - STORY_START.getTime()) / (plotRight - plotLeft);
    const xOf = (date: Date) => plotLeft + (date.getTime() - STORY_START.getTime()) / msPerPixel;
    const eventLabels = placeEventLabels(data, ctx.width, xOf, middle);
    const marginTop = eventLabels.height + 10;
    const marginBottom = 30;
    const yMax = Math.max(...rows.map((row) => row.high ?? row.figure * 1.1)) * 1.08;
    const unitsPerPixel = yMax / (height - marginTop - marginBottom);
    // On a phone the claimant goes on a second line, so labels need twice the room.
    const labelY = spreadLabels(
      rows.map((row) => row.figure),
      (narrow ? 36 : 18) * unitsPerPixel,
      (narrow ? 30 : 12) * unitsPerPixel,
    );
    const labelled = rows.map((row, index) => ({
      ...row,
      labelY: labelY[index] as number,
      anchorEnd: row.mid.getTime() > middle,
      text: narrow ? `${row.published}\n${row.claimantShort}` : `${row.published} · ${row.claimantShort}`,
    }));
    const open = rows.filter((row) => row.high === null);
    const bounded = rows.filter((row) => row.high !== null);
    return drawPlot(
      {
        height,
        marginTop,
        marginBottom,
        marginLeft: plotLeft,
        marginRight: ctx.width - plotRight,
        x: { type: 'utc', domain: [STORY_START, end], ticks: 'year', tickFormat: '%Y', label: null },
        y: {
          domain: [0, yMax],
          grid: true,
          label: '↑ People',
          tickFormat: (value: number) => formatNumber(value),
          ticks: narrow ? 4 : 6,
        },
        color: { type: 'ordinal', domain: series.domain, range: series.colors },
        marks: [
          Plot.ruleX(eventLabels.labels, {
            x: 'x',
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
          Plot.ruleY(rows, {
            x1: 'start',
            x2: 'end',
            y: 'figure',
            stroke: 'claimantId',
            strokeWidth: 7,
            strokeLinecap: 'round',
            href: (row: TotalRow) => claimAnchor(row.claimId),
            ariaLabel: 'label',
            title: 'label',
          }),
          // A leader joins a mark to its label when the label had to move away from it.
          Plot.link(
            labelled.filter((row) => Math.abs(row.labelY - row.figure) > 6 * unitsPerPixel),
            {
              x1: 'mid',
              y1: 'figure',
              x2: (row: (typeof labelled)[number]) =>
                new Date(row.mid.getTime() + (row.anchorEnd ? -8 : 8) * msPerPixel),
              y2: 'labelY',
              stroke: cssVar('muted'),
              strokeWidth: 1,
              ariaHidden: 'true',
            },
          ),
          ...[false, true].map((atEnd) =>
            Plot.text(
              labelled.filter((row) => row.anchorEnd === atEnd),
              {
                x: 'mid',
                y: 'labelY',
                text: 'text',
                // The first line is centred on the label's position; a second line hangs below it.
                lineAnchor: 'top',
                dy: -9,
                textAnchor: atEnd ? 'end' : 'start',
                dx: atEnd ? -10 : 10,
                fill: 'currentColor',
                ...HALO_TEXT,
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
