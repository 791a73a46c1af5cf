/**
 * Chart: do the 2021 numbers add up? The four sums the RFA article invites (see src/lib/checks.ts),
 * one small panel each: what the other figures work out to against what was claimed, both as the
 * range their hedges allow, with the difference written out.
 *
 * The checks are in different units (people, percent) and sizes (453, 3,000), so each panel has its
 * own scale in its own unit, but every scale spans the same share either side of the claimed figure.
 * A gap of 2% therefore looks the same in every panel: no panel zooms in until a small difference
 * looks large.
 *
 * As the data grows: nothing grows. The four checks are the RFA article's, so the chart draws four
 * panels at any size (atScale below).
 */
import * as Plot from '@observablehq/plot';
import { ticks as niceTicks } from 'd3';
import {
  arithmeticChecks,
  formatCheckDifference,
  formatEstimate,
  formatValue,
  isConsistent,
  type ArithmeticCheck,
  type PercentRiseCheck,
} from '../lib/checks.ts';
import { formatPartialDate } from '../lib/dates.ts';
import { formatClaimants, formatFigure, formatMeasure, formatNumber } from '../lib/format.ts';
import { mustGet } from './data.ts';
import { claimantSeries, cssVar } from './palette.ts';
import { CHART_FONT_SIZE, drawPlot } from './render.ts';
import { claimAnchor, claimLabel, keepTogether, LINE_HEIGHT, LINE_HEIGHT_EM } from './shared.ts';
import { textWidth, wrapText } from './text-metrics.ts';
import { defineChart, type ChartData } from './types.ts';

export interface CheckRow extends ArithmeticCheck {
  /** The claim whose figure the sum is compared with: the last of claimIds. */
  claimedClaimId: string;
  claimantId: string;
  /** "NUG: around 3,000". */
  claimedText: string;
  differenceText: string;
  /** For the percent check: the earlier total a 20% rise would need. */
  impliedBase: number | null;
}

export function checkRows(data: ChartData): CheckRow[] {
  return arithmeticChecks(data.claims, data.readings, data.claimants).map((check) => {
    const claimedClaimId = check.claimIds.at(-1) as string;
    const claimed = mustGet(data.claimById, claimedClaimId, 'claim');
    const claimant = mustGet(data.claimantById, claimed.claimant_id, 'claimant');
    return {
      ...check,
      claimedClaimId,
      claimantId: claimant.id,
      // Every claimant and the measure: the 3,000 is the NUG's and People's Embrace's count of defectors.
      claimedText: `${formatClaimants(claimed, data.claimants, 'short_name')} said ${formatMeasure(claimed)}`,
      differenceText: formatCheckDifference(check),
      impliedBase: check.id === 'percent-rise' ? (check as PercentRiseCheck).impliedBase : null,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Drawing
// ---------------------------------------------------------------------------------------------

/** The least share either side of the claimed figure that every panel shows. */
const MIN_SPAN = 0.2;
const LANES = ['Worked out', 'Claimed'] as const;
const LANE_GAP = 22;

interface Panel extends CheckRow {
  titleTop: number;
  titleText: string;
  workingTop: number;
  workingText: string;
  /** The y of each lane: worked out, then claimed. */
  computedY: number;
  claimedY: number;
  tickLabelY: number;
  /** Tick values in the panel's unit and where they sit on the shared relative scale. */
  ticks: { relative: number; text: string }[];
  bottom: number;
}

/** How far from the claimed figure (as a share of it) anything in any panel reaches, rounded up to 5%. */
function sharedSpan(rows: CheckRow[]): number {
  const reach = rows.flatMap((row) =>
    [row.computed.low, row.computed.high, row.claimed.low, row.claimed.high]
      .filter((value): value is number => value !== null)
      .map((value) => Math.abs(value / row.claimed.point - 1)),
  );
  return Math.max(MIN_SPAN, Math.ceil(Math.max(...reach) * 1.1 * 20) / 20);
}

function layout(data: ChartData, width: number) {
  const narrow = width < 480;
  const laneLabelWidth = Math.max(...LANES.map((lane) => textWidth(lane, CHART_FONT_SIZE)));
  const marginLeft = laneLabelWidth + 14;
  const marginRight = narrow ? 14 : 24;
  const fullWidth = width - 16;
  const rows = checkRows(data);
  const span = sharedSpan(rows);
  const panels: Panel[] = [];
  let y = 4;
  rows.forEach((row, index) => {
    // The difference sits at the right of the title line; the title wraps in the space left. Both are bold.
    const differenceWidth = textWidth(row.differenceText, CHART_FONT_SIZE, 'bold') + 12;
    const titleLines = wrapText(
      keepTogether(`${String.fromCharCode(97 + index)}. ${row.title}`),
      fullWidth - differenceWidth,
      CHART_FONT_SIZE,
      'bold',
    );
    const workingSentence =
      row.impliedBase === null
        ? `${row.working}; ${row.claimedText}`
        : `${row.working}; ${row.claimedText}. ${formatNumber((row.impliedBase * row.claimed.point) / 100)} is ${formatValue(row.claimed.point, row.unit)} of ${formatNumber(row.impliedBase)}.`;
    const workingLines = wrapText(keepTogether(workingSentence), fullWidth, CHART_FONT_SIZE);
    const titleTop = y;
    const workingTop = titleTop + titleLines.length * LINE_HEIGHT + 2;
    const computedY = workingTop + workingLines.length * LINE_HEIGHT + 16;
    const claimedY = computedY + LANE_GAP;
    const tickLabelY = claimedY + 22;
    const low = row.claimed.point * (1 - span);
    const high = row.claimed.point * (1 + span);
    // Round values in the panel's unit, kept clear of the ends so that no label is cut off.
    const ticks = niceTicks(low, high, narrow ? 3 : 5)
      .map((value) => ({ relative: value / row.claimed.point, text: formatValue(value, row.unit) }))
      .filter((tick) => Math.abs(tick.relative - 1) <= span * 0.85);
    panels.push({
      ...row,
      titleTop,
      titleText: titleLines.join('\n'),
      workingTop,
      workingText: workingLines.join('\n'),
      computedY,
      claimedY,
      tickLabelY,
      ticks,
      bottom: tickLabelY + 12,
    });
    y = tickLabelY + 40;
  });
  const innerHeight = y - 24;
  return { narrow, marginLeft, marginRight, span, panels, innerHeight, height: innerHeight + 12 };
}

/**
 * What the hedges allow: "2,953 (2,655 to 3,251)". Where the inputs have several readings, each
 * reading's result instead ("462, or 561 to 594"): one range from the least to the most would
 * include values that no reading gives.
 */
function computedRange(row: CheckRow): string {
  return row.byReading
    ? row.byReading
        .map((part) =>
          part.high === part.low
            ? formatValue(part.low, row.unit)
            : `${formatValue(part.low, row.unit)} ${part.high === null ? 'or more' : `to ${formatValue(part.high, row.unit)}`}`,
        )
        .join(', or ')
    : formatEstimate(row.computed, row.unit);
}

function computedLabel(row: CheckRow): string {
  const allowed = row.byReading ? '' : `, allowing for the hedges ${computedRange(row)}`;
  return `${row.title} Worked out: ${row.working}${allowed}. ${row.explanation}`;
}

export default defineChart<CheckRow>({
  id: 'do-the-numbers-add-up',
  title: 'Do the 2021 numbers add up?',
  subtitle:
    'Four sums the September 2021 figures invite, worked out and set against the figure claimed; top right, the first minus the second. Bars show what the hedges allow, one per reading where the article can be read two ways, and every scale runs the same share either side of the claimed figure.',
  engine: 'plot',
  atScale: {
    bounded: true,
    policy: 'Bounded by design: the four sums the RFA article invites, one panel each, whatever else the data holds.',
  },
  rows: checkRows,
  columns: [
    { key: 'check', label: 'Check', value: (row) => row.title },
    { key: 'worked_out', label: 'Worked out', value: (row) => row.working },
    {
      key: 'worked_out_range',
      label: 'Range the hedges allow',
      value: computedRange,
      csv: [
        { key: 'worked_out_point', value: (row) => row.computed.point, numeric: true },
        { key: 'worked_out_low', value: (row) => row.computed.low, numeric: true },
        { key: 'worked_out_high', value: (row) => row.computed.high, numeric: true },
        { key: 'unit', value: (row) => row.unit },
      ],
    },
    { key: 'claimed', label: 'Claimed', value: (row) => row.claimedText },
    {
      key: 'difference',
      label: 'Difference',
      value: (row) => row.differenceText,
      numeric: true,
      // Every reading's difference: "+9 to +141" is a low and a high column, equal when there is one reading.
      csv: [
        { key: 'difference_low', value: (row) => row.differences.low, numeric: true },
        { key: 'difference_high', value: (row) => row.differences.high, numeric: true },
      ],
    },
    { key: 'explanation', label: 'What it means', value: (row) => row.explanation },
    { key: 'claim_ids', label: 'Claim ids', value: (row) => row.claimIds.join(' ') },
  ],
  claimIds: (row) => row.claimIds,
  describe(data) {
    const rows = checkRows(data);
    const claims = [...new Set(rows.flatMap((row) => row.claimIds))].map((id) => mustGet(data.claimById, id, 'claim'));
    const claimants = [
      ...new Set(claims.map((claim) => mustGet(data.claimantById, claim.claimant_id, 'claimant').name)),
    ];
    const sources = [...new Set(claims.map((claim) => claim.source_id))].map((id) =>
      mustGet(data.sourceById, id, 'source'),
    );
    const reported = sources.map((source) => `${source.outlet} (${formatPartialDate(source.published)})`).join(' and ');
    const sentences = rows.map((row) => `${row.title} ${row.explanation} Difference: ${row.differenceText}.`);
    return `Four checks of the figures ${reported} reported from ${claimants.join(', ')}, each comparing what the other figures work out to with the figure claimed. ${sentences.join(' ')} None of these figures has been independently verified.`;
  },
  // The image alt text: each check's sum, the figure claimed and the answer, without the
  // explanations, so that all four fit in 1,000 characters.
  summarise(data) {
    const sentences = checkRows(data).map(
      (row) =>
        `${row.title} ${row.working}, against the ${formatFigure(mustGet(data.claimById, row.claimedClaimId, 'claim'))} claimed: ${row.differenceText}, ${isConsistent(row) ? 'within' : 'outside'} what the hedges allow.`,
    );
    return `Four checks of the September 2021 figures, the sum of the others against the figure claimed. ${sentences.join(' ')}`;
  },
  draw(data, ctx) {
    const plan = layout(data, ctx.width);
    const series = claimantSeries(data.claimants);
    const panels = plan.panels;
    const claimedLabel = (panel: Panel) => claimLabel(data, mustGet(data.claimById, panel.claimedClaimId, 'claim'));
    // Each panel's two lanes, drawn alike: the sum worked out, in the text colour and linked to its
    // first input, and the figure claimed, in the claimant's colour and linked to that claim.
    const lanes = [
      {
        name: LANES[0],
        which: 'computed',
        y: 'computedY',
        stroke: 'currentColor',
        rangeOpacity: 0.28,
        claimId: (panel: Panel) => panel.claimIds[0] as string,
        // The mark links to the first figure the sum uses, so its name also gives that figure's
        // claimant, date and quote: the reader hears where the link leads.
        label: (panel: Panel) =>
          `${computedLabel(panel)} First figure used: ${claimLabel(data, mustGet(data.claimById, panel.claimIds[0] as string, 'claim'))}`,
      },
      {
        name: LANES[1],
        which: 'claimed',
        y: 'claimedY',
        stroke: 'claimantId',
        rangeOpacity: 0.35,
        claimId: (panel: Panel) => panel.claimedClaimId,
        label: claimedLabel,
      },
    ] as const;
    const laneLabels = panels.flatMap((panel) => lanes.map((lane) => ({ y: panel[lane.y], text: lane.name })));
    const tickRows = panels.flatMap((panel) =>
      panel.ticks.map((tick) => ({
        ...tick,
        top: panel.computedY - 12,
        bottom: panel.claimedY + 10,
        labelY: panel.tickLabelY,
      })),
    );
    type Bar = { panel: Panel; low: number; high: number | null; computedY: number; claimedY: number };
    const barsOf = (panel: Panel, which: 'computed' | 'claimed'): Bar[] => {
      const parts = which === 'computed' && panel.byReading ? panel.byReading : [panel[which]];
      // A reading that gives a single value is drawn by its point mark alone (462 in check b).
      return parts
        .filter((part) => part.high !== part.low)
        .map((part) => ({
          panel,
          low: part.low,
          high: part.high,
          computedY: panel.computedY,
          claimedY: panel.claimedY,
        }));
    };
    const relative = (panel: Panel, value: number | null) =>
      value === null ? 1 + plan.span : value / panel.claimed.point;
    return drawPlot(
      {
        height: plan.height,
        marginTop: 0,
        marginBottom: 0,
        marginLeft: plan.marginLeft,
        marginRight: plan.marginRight,
        x: { domain: [1 - plan.span, 1 + plan.span], axis: null },
        y: { domain: [0, plan.height], range: [0, plan.height], axis: null },
        color: { type: 'ordinal', domain: series.domain, range: series.colors },
        marks: [
          // Per-panel grid and tick labels in the panel's own unit.
          Plot.ruleX(tickRows, { x: 'relative', y1: 'top', y2: 'bottom', stroke: cssVar('grid'), ariaHidden: 'true' }),
          Plot.text(tickRows, { x: 'relative', y: 'labelY', text: 'text', fill: cssVar('muted'), ariaHidden: 'true' }),
          Plot.text(panels, {
            y: 'titleTop',
            text: 'titleText',
            frameAnchor: 'left',
            dx: 8 - plan.marginLeft,
            textAnchor: 'start',
            lineAnchor: 'top',
            lineHeight: LINE_HEIGHT_EM,
            fontWeight: 'bold',
            fill: 'currentColor',
            ariaHidden: 'true',
          }),
          Plot.text(panels, {
            y: 'titleTop',
            text: 'differenceText',
            frameAnchor: 'right',
            dx: plan.marginRight - 8,
            textAnchor: 'end',
            lineAnchor: 'top',
            fontWeight: 'bold',
            fill: 'currentColor',
            ariaHidden: 'true',
          }),
          Plot.text(panels, {
            y: 'workingTop',
            text: 'workingText',
            frameAnchor: 'left',
            dx: 8 - plan.marginLeft,
            textAnchor: 'start',
            lineAnchor: 'top',
            lineHeight: LINE_HEIGHT_EM,
            fill: 'currentColor',
            ariaHidden: 'true',
          }),
          Plot.text(laneLabels, {
            y: 'y',
            text: 'text',
            frameAnchor: 'left',
            dx: 8 - plan.marginLeft,
            textAnchor: 'start',
            fill: cssVar('muted'),
            ariaHidden: 'true',
          }),
          // What the hedges allow, as bars behind the points: one bar per reading where the inputs
          // have several, since the values between two readings' results are no reading's result.
          ...lanes.map((lane) =>
            Plot.ruleY(
              panels.flatMap((panel) => barsOf(panel, lane.which)),
              {
                x1: (bar: Bar) => relative(bar.panel, bar.low),
                x2: (bar: Bar) => relative(bar.panel, bar.high),
                y: lane.y,
                stroke: lane.stroke,
                strokeOpacity: lane.rangeOpacity,
                strokeWidth: 12,
                ariaHidden: 'true',
              },
            ),
          ),
          // The figures as printed, and the sum they make: the focusable marks.
          ...lanes.map((lane) =>
            Plot.ruleX(panels, {
              x: (panel: Panel) => relative(panel, panel[lane.which].point),
              y1: (panel: Panel) => panel[lane.y] - 9,
              y2: (panel: Panel) => panel[lane.y] + 9,
              stroke: lane.stroke,
              strokeWidth: 3.5,
              href: (panel: Panel) => claimAnchor(lane.claimId(panel)),
              ariaLabel: lane.label,
              title: lane.label,
            }),
          ),
        ],
      },
      ctx,
    );
  },
});
