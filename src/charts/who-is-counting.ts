/**
 * Chart: who is counting. Every figure of people leaving, one row per claimant, on a log scale so
 * that one deserter and 20,000 CDM members fit on one axis. The shape says what the people are said
 * to have done (defected, deserted, surrendered...); a hollow shape means the figure was hedged, and
 * the line or arrow beside it shows what the hedge allows. Claims with no number are left out of
 * the drawing but counted in a note under it and in the description.
 */
import * as Plot from '@observablehq/plot';
import { formatPartialDate } from '../lib/dates.ts';
import { claimRange } from '../lib/derive.ts';
import { ACTION_LABELS, formatFigure, formatNumber } from '../lib/format.ts';
import { ACTIONS, type Action, type Claim, type Qualifier } from '../lib/types.ts';
import { mustGet } from './data.ts';
import { claimantSeries, cssVar } from './palette.ts';
import { CHART_FONT_SIZE, drawPlot } from './render.ts';
import {
  claimAnchor,
  claimLabel,
  flowRows,
  HALO_TEXT,
  rowHeadings,
  rowsFrame,
  keepTogether,
  LINE_HEIGHT,
  LINE_HEIGHT_EM,
  logScalePx,
} from './shared.ts';
import { textWidth, wrapText } from './text-metrics.ts';
import { defineChart, type ChartData } from './types.ts';

/** One shape per action, fixed so that the legend reads the same whatever the data holds. */
const ACTION_SYMBOLS: Record<Action, string> = {
  defected: 'circle',
  deserted: 'triangle',
  surrendered: 'square',
  joined_cdm: 'diamond',
  contacted_resistance: 'star',
  waiting_to_leave: 'cross',
  answered_call: 'wye',
};

const SHORT_ACTION_LABELS: Record<Action, string> = {
  ...ACTION_LABELS,
  joined_cdm: 'joined CDM',
  contacted_resistance: 'contacted',
  answered_call: 'answered call',
};

export interface FigureRow {
  claimId: string;
  claimantId: string;
  claimant: string;
  figure: number;
  qualifier: Qualifier;
  published: string;
  action: Action;
  claimedOn: string;
  low: number;
  high: number | null;
  label: string;
}

function isPlottable(claim: Claim): boolean {
  return claim.unit === 'people' && claim.figure !== null;
}

export function figureRows(data: ChartData): FigureRow[] {
  return data.claims.filter(isPlottable).map((claim) => {
    const claimant = mustGet(data.claimantById, claim.claimant_id, 'claimant');
    const range = claimRange(claim);
    return {
      claimId: claim.id,
      claimantId: claimant.id,
      claimant: claimant.name,
      figure: claim.figure as number,
      qualifier: claim.qualifier,
      published: formatFigure(claim),
      action: claim.action,
      claimedOn: claim.claimed_on,
      low: range.low,
      high: range.high,
      label: claimLabel(data, claim),
    };
  });
}

/** Claims of people that give no number, per claimant, in data order. */
export function vagueCounts(
  data: ChartData,
): { claimantId: string; claimant: string; claimantShort: string; count: number }[] {
  return data.claimants
    .map((claimant) => ({
      claimantId: claimant.id,
      claimant: claimant.name,
      claimantShort: claimant.short_name,
      count: data.claims.filter(
        (claim) => claim.claimant_id === claimant.id && claim.unit === 'people' && claim.figure === null,
      ).length,
    }))
    .filter((entry) => entry.count > 0);
}

// ---------------------------------------------------------------------------------------------
// Drawing
// ---------------------------------------------------------------------------------------------

const X_DOMAIN: [number, number] = [0.7, 60000];
const DOT_R = 5.5;
/** Length of the arrow on an open-ended figure, in px. */
const ARROW_PX = 20;
/** Vertical distance between two lanes of one claimant's row (a mark and its label), in px. */
const LANE_HEIGHT = 24;
/** Space between a mark (or its arrow) and the figure written beside it, in px. */
const LABEL_OFFSET = 5;
/** Least horizontal room between two labelled figures in one lane, in px. */
const LABEL_GAP = 10;
/** Room after each legend entry, in px. */
const LEGEND_GAP = 16;

interface PlacedFigure extends FigureRow {
  y: number;
  arrowEnd: number | null;
  symbol: string;
  hollow: boolean;
  /** The figure as published, drawn under its mark. */
  valueText: string;
  valueAnchor: 'start' | 'end';
  valueX: number;
}

function layout(data: ChartData, width: number) {
  const narrow = width < 480;
  const marginLeft = narrow ? 10 : 14;
  const marginRight = narrow ? 14 : 22;
  const plotWidth = width - marginLeft - marginRight;
  const { toPx, fromPx } = logScalePx(X_DOMAIN, plotWidth);

  // Legend: one entry per action that appears, laid out in lines that fit the width.
  const rows = figureRows(data);
  const actionsShown = ACTIONS.filter((action) => rows.some((row) => row.action === action));
  // Each entry is a symbol, its label and the room after it, which must fit the line too.
  const legendPlaces = flowRows(
    actionsShown.map((action) => DOT_R * 2 + 6 + textWidth(SHORT_ACTION_LABELS[action], CHART_FONT_SIZE) + LEGEND_GAP),
    plotWidth,
    0,
  );
  const legendItems = actionsShown.map((action, index) => {
    const place = legendPlaces[index] as { row: number; left: number };
    return { action, x: place.left, line: place.row };
  });
  const legendLine = Math.max(0, ...legendItems.map((item) => item.line));
  const hedgeKeyLines = wrapText(
    'Filled: an exact figure. Hollow: a hedged one (“around”, “nearly”, “at least”, “more than”); an arrow: no upper limit.',
    plotWidth,
    CHART_FONT_SIZE,
  );
  const legendHeight = (legendLine + 1) * 22 + hedgeKeyLines.length * LINE_HEIGHT;
  const marginTop = legendHeight + 16;

  const placed: PlacedFigure[] = [];
  const names: { y: number; text: string }[] = [];
  let y = 4;
  const claimantsShown = data.claimants.filter((claimant) => rows.some((row) => row.claimantId === claimant.id));
  for (const claimant of claimantsShown) {
    names.push({ y, text: claimant.short_name });
    const firstLaneY = y + LINE_HEIGHT + 12;
    // Each figure, with its arrow and its label, takes the first lane where it clears what is
    // already there; figures too close to label side by side drop to the next lane.
    const laneEnds: number[] = [];
    const own = rows.filter((row) => row.claimantId === claimant.id).sort((a, b) => a.figure - b.figure);
    for (const row of own) {
      const arrowEnd = row.high === null ? fromPx(toPx(row.figure) + ARROW_PX) : null;
      const markLeft = toPx(row.figure) - DOT_R;
      const markRight = toPx(arrowEnd ?? row.figure) + DOT_R;
      const valueText = keepTogether(row.published);
      const labelWidth = textWidth(valueText, CHART_FONT_SIZE);
      // The figure is written right of its mark, or left of it where it would run off the chart.
      const onLeft = markRight + LABEL_OFFSET + labelWidth > plotWidth + marginRight - 2;
      const left = onLeft ? markLeft - LABEL_OFFSET - labelWidth : markLeft;
      const right = onLeft ? markRight : markRight + LABEL_OFFSET + labelWidth;
      let lane = laneEnds.findIndex((end) => end + LABEL_GAP <= left);
      if (lane === -1) lane = laneEnds.length;
      laneEnds[lane] = right;
      placed.push({
        ...row,
        y: firstLaneY + lane * LANE_HEIGHT,
        arrowEnd,
        symbol: ACTION_SYMBOLS[row.action],
        hollow: row.qualifier !== 'exact',
        valueText,
        valueAnchor: onLeft ? 'end' : 'start',
        valueX: fromPx(onLeft ? markLeft - LABEL_OFFSET : markRight + LABEL_OFFSET),
      });
    }
    y = firstLaneY + (laneEnds.length - 1) * LANE_HEIGHT + 24;
  }

  const vague = vagueCounts(data);
  const vagueTotal = vague.reduce((sum, entry) => sum + entry.count, 0);
  const noteLines =
    vagueTotal === 0
      ? []
      : wrapText(
          `Not shown: ${vagueTotal} claims with no number (${vague.map((entry) => `${entry.claimantShort}: ${entry.count}`).join('; ')}).`,
          plotWidth,
          CHART_FONT_SIZE,
        );
  const innerHeight = y;
  const marginBottom = 44 + noteLines.length * LINE_HEIGHT;
  return {
    narrow,
    marginLeft,
    marginRight,
    marginTop,
    marginBottom,
    innerHeight,
    height: marginTop + innerHeight + marginBottom,
    placed,
    names,
    legendItems,
    hedgeKeyLines,
    legendLines: legendLine + 1,
    noteLines,
  };
}

export default defineChart<FigureRow>({
  id: 'who-is-counting',
  title: 'Who is counting, and what they count',
  subtitle: 'Every figure of people leaving, by claimant: the shape says what they are said to have done. Log scale.',
  engine: 'plot',
  rows: figureRows,
  columns: [
    { key: 'claim_id', label: 'Claim', value: (row) => row.claimId },
    { key: 'claimant', label: 'Claimant', value: (row) => row.claimant },
    { key: 'claimed_on', label: 'Claimed on', value: (row) => row.claimedOn },
    { key: 'figure_as_published', label: 'Figure as published', value: (row) => row.published },
    { key: 'figure', label: 'Number', value: (row) => row.figure, numeric: true },
    { key: 'action', label: 'Action', value: (row) => ACTION_LABELS[row.action] },
  ],
  claimIds: (row) => [row.claimId],
  describe(data) {
    const rows = figureRows(data);
    const parts = data.claimants
      .map((claimant) => {
        const own = rows.filter((row) => row.claimantId === claimant.id).sort((a, b) => a.figure - b.figure);
        if (own.length === 0) return null;
        const figures = own.map(
          (row) => `${row.published} ${ACTION_LABELS[row.action]} (${formatPartialDate(row.claimedOn)})`,
        );
        return `${claimant.name}: ${figures.join(', ')}`;
      })
      .filter((part) => part !== null);
    const vague = vagueCounts(data);
    const vagueTotal = vague.reduce((sum, entry) => sum + entry.count, 0);
    const vagueNote =
      vagueTotal === 0
        ? ''
        : ` ${vagueTotal} further claims give no number and are left out: ${vague.map((entry) => `${entry.count} from ${entry.claimant}`).join(', ')}.`;
    const bySize = [...rows].sort((a, b) => a.figure - b.figure);
    const smallest = bySize[0]?.published ?? '';
    const largest = bySize.at(-1)?.published ?? '';
    return `${rows.length} figures of soldiers and police said to have left the forces or to be about to, from ${smallest} to ${largest}, on a logarithmic scale and grouped by who gives them. ${parts.join('. ')}.${vagueNote} None of these figures has been independently verified.`;
  },
  draw(data, ctx) {
    const plan = layout(data, ctx.width);
    const series = claimantSeries(data.claimants);
    const legendTop = -(plan.marginTop - 4);
    const open = plan.placed.filter((row) => row.arrowEnd !== null);
    const legendEntries = plan.legendItems.map((item) => ({ ...item, label: SHORT_ACTION_LABELS[item.action] }));
    return drawPlot(
      {
        ...rowsFrame(plan),
        x: {
          type: 'log',
          domain: X_DOMAIN,
          ticks: plan.narrow ? [1, 10, 100, 1000, 10000] : [1, 10, 100, 1000, 10000],
          tickFormat: (value: number) => formatNumber(value),
          grid: true,
          label: plan.narrow ? 'People (log scale) →' : 'People said to have left, or to be leaving (log scale) →',
          labelAnchor: 'right',
          labelOffset: 34,
        },
        color: { type: 'ordinal', domain: series.domain, range: series.colors },
        symbol: { type: 'ordinal', domain: [...ACTIONS], range: ACTIONS.map((action) => ACTION_SYMBOLS[action]) },
        marks: [
          // The legend, drawn as marks in the top margin (Plot's own legends would need a <figure>).
          ...legendEntries.map((item) =>
            Plot.dot([item], {
              frameAnchor: 'top-left',
              dx: item.x + DOT_R,
              dy: legendTop + item.line * 22 + 9,
              r: DOT_R,
              symbol: () => item.action,
              fill: cssVar('muted'),
              ariaHidden: 'true',
            }),
          ),
          ...legendEntries.map((item) =>
            Plot.text([item], {
              frameAnchor: 'top-left',
              dx: item.x + DOT_R * 2 + 6,
              dy: legendTop + item.line * 22 + 9,
              text: () => item.label,
              textAnchor: 'start',
              lineAnchor: 'middle',
              fill: 'currentColor',
              ariaHidden: 'true',
            }),
          ),
          Plot.text([plan.hedgeKeyLines.join('\n')], {
            frameAnchor: 'top-left',
            dy: legendTop + plan.legendLines * 22 + 2,
            text: (line: string) => line,
            textAnchor: 'start',
            lineAnchor: 'top',
            lineHeight: LINE_HEIGHT_EM,
            fill: cssVar('muted'),
            ariaHidden: 'true',
          }),
          rowHeadings(plan.names),
          Plot.arrow(open, {
            x1: 'figure',
            x2: 'arrowEnd',
            y: 'y',
            stroke: 'claimantId',
            strokeWidth: 2,
            headLength: 6,
            ariaHidden: 'true',
          }),
          ...[false, true].map((hollow) =>
            Plot.dot(
              plan.placed.filter((row) => row.hollow === hollow),
              {
                x: 'figure',
                y: 'y',
                r: DOT_R,
                symbol: 'action',
                fill: hollow ? cssVar('background') : 'claimantId',
                stroke: 'claimantId',
                strokeWidth: 2,
                href: (row: PlacedFigure) => claimAnchor(row.claimId),
                ariaLabel: 'label',
                title: 'label',
              },
            ),
          ),
          ...(['start', 'end'] as const).map((anchor) =>
            Plot.text(
              plan.placed.filter((row) => row.valueAnchor === anchor),
              {
                x: 'valueX',
                y: 'y',
                text: 'valueText',
                textAnchor: anchor,
                fill: 'currentColor',
                ...HALO_TEXT,
                ariaHidden: 'true',
              },
            ),
          ),
          Plot.text([plan.noteLines.join('\n')], {
            frameAnchor: 'bottom-left',
            dy: plan.marginBottom - 4,
            text: (line: string) => line,
            textAnchor: 'start',
            lineAnchor: 'bottom',
            lineHeight: LINE_HEIGHT_EM,
            fill: cssVar('muted'),
            ariaHidden: 'true',
          }),
        ],
      },
      ctx,
    );
  },
});
