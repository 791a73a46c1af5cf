/**
 * Chart: who is counting. Every figure of people leaving, one row per claimant, on a log scale so
 * that one deserter and 20,000 CDM members fit on one axis. The shape says what the people are said
 * to have done (defected, deserted, surrendered...); a hollow shape means the figure was hedged, and
 * an arrow beside it that the hedge sets no upper limit: its shaft dotted where only one of the figure's
 * readings does ("at least 750" in an article's body, "around 750" in its lede). Claims with no number are left out of
 * the drawing but counted in a note under it and in the description.
 *
 * As the data grows (src/charts/scale.ts): up to OWN_ROWS sets of claimants get a row each; past
 * that the OWN_ROWS - 1 with the most figures keep theirs and the rest share one row, "Other
 * claimants (count)". A row with more than LABELLED_PER_ROW figures (and the shared row always) is
 * drawn grouped: one unlabelled mark per act for the figures within GROUP_SPAN px, linked to the
 * first of its claims in the claims list, with the count and range in its accessible name; the
 * description gives such a row's count and range, not every figure. The table and CSV keep every
 * figure. At the curated size no row is grouped.
 */
import * as Plot from '@observablehq/plot';
import { formatPartialDate } from '../lib/dates.ts';
import { claimRange, unionRanges, type Range } from '../lib/derive.ts';
import { ACTION_LABELS, formatClaimants, formatFigure, formatMeasure, formatNumber } from '../lib/format.ts';
import { readingsOf } from '../lib/readings.ts';
import { ACTIONS, type Action, type Claim, type Qualifier } from '../lib/types.ts';
import { groupedFiguresInWords, type GroupedFigure } from './grouped-words.ts';
import { claimantSeries, cssVar } from './palette.ts';
import { CHART_FONT_SIZE, drawPlot } from './render.ts';
import {
  actionSymbol,
  claimAnchor,
  claimantGroup,
  claimLabel,
  leadClaimantId,
  markLabels,
  flowRows,
  HALO_TEXT,
  rowHeadings,
  rowsFrame,
  keepTogether,
  LINE_HEIGHT,
  LINE_HEIGHT_EM,
  logScalePx,
  shortFigureLabel,
} from './shared.ts';
import { LABELLED_PER_ROW, mostCited, runsByPosition } from './scale.ts';
import { textWidth, wrapText } from './text-metrics.ts';
import { defineChart, type ChartData } from './types.ts';

/** Legend words where the full ones would crowd a phone; every other action keeps ACTION_LABELS. */
const SHORT_ACTION_LABELS: Partial<Record<Action, string>> = {
  joined_cdm: 'joined CDM',
  contacted_resistance: 'contacted',
  contacted_nug: 'contacted NUG',
  answered_call: 'answered call',
};
const shortAction = (action: Action) => SHORT_ACTION_LABELS[action] ?? ACTION_LABELS[action];

export interface FigureRow {
  claimId: string;
  /** The claimant whose colour the mark takes (leadClaimantId). */
  claimantId: string;
  /** Every claimant of the figure: "NUG and People's Embrace". */
  claimant: string;
  /** The row the figure is drawn in: its claimants' ids, so joint figures get a row of their own. */
  groupKey: string;
  groupShort: string;
  figure: number;
  qualifier: Qualifier;
  published: string;
  /** The figure and act without the people ("around 15,000 joined the CDM"), drawn only where the full label cannot fit on a phone. */
  drawnShort: string;
  action: Action;
  claimedOn: string;
  low: number;
  high: number | null;
  /**
   * Under how many of its readings the figure has no upper limit: all (an arrow), some (a dashed
   * arrow: "at least 750" in one wording, "around 750" in the other) or none.
   */
  openEnded: 'all' | 'some' | 'none';
  /** The hedge under each of its readings, for a grouped mark's words. */
  qualifiers: Qualifier[];
  /** The figure as each reading words it ("at least 750", "around 750"), for a grouped mark's words. */
  wordings: string[];
  /** What its readings allow together: a grouped mark's range is built from these, never from the bare figures. */
  allowed: Range;
  label: string;
}

/** A figure as a grouped mark counts it (grouped-words.ts). */
const asGrouped = (row: FigureRow): GroupedFigure => ({
  figure: row.figure,
  qualifiers: row.qualifiers,
  wordings: row.wordings,
  range: row.allowed,
  date: row.claimedOn,
});

/** Whether a figure is open-ended ("at least", "more than") under all, some or none of its readings. */
function openEndedUnder(claim: Claim, data: ChartData): FigureRow['openEnded'] {
  const open = readingsOf(claim, data.readings).map((read) => claimRange(read.claim).high === null);
  return open.every(Boolean) ? 'all' : open.some(Boolean) ? 'some' : 'none';
}

function isPlottable(claim: Claim): boolean {
  return claim.unit === 'people' && claim.figure !== null;
}

export function figureRows(data: ChartData): FigureRow[] {
  const plottable = data.claims.filter(isPlottable);
  const labels = markLabels(data, plottable);
  return plottable.map((claim) => {
    const range = claimRange(claim);
    const reads = readingsOf(claim, data.readings).map((read) => read.claim);
    return {
      claimId: claim.id,
      claimantId: leadClaimantId(data, claim),
      claimant: formatClaimants(claim, data.claimants),
      groupKey: claimantGroup(data, claim).id,
      groupShort: formatClaimants(claim, data.claimants, 'short_name'),
      figure: claim.figure as number,
      qualifier: claim.qualifier,
      published: labels.get(claim.id) ?? formatMeasure(claim),
      drawnShort: shortFigureLabel(data, claim),
      action: claim.action,
      claimedOn: claim.claimed_on,
      low: range.low,
      high: range.high,
      openEnded: openEndedUnder(claim, data),
      qualifiers: reads.map((read) => read.qualifier),
      wordings: reads.map((read) => formatFigure(read)),
      allowed: unionRanges(reads.map((read) => claimRange(read))),
      label: claimLabel(data, claim),
    };
  });
}

/**
 * The rows of the chart: one per set of claimants, in the order their figures first appear. A figure
 * credited jointly sits in its joint row, so the 1,500 soldiers and 1,000 police are not shown as
 * two groups' separate counts.
 */
export function figureGroups(
  rows: readonly FigureRow[],
  data: ChartData,
): { key: string; short: string; name: string }[] {
  const groups = new Map<string, { key: string; short: string; name: string }>();
  for (const row of rows)
    if (!groups.has(row.groupKey))
      groups.set(row.groupKey, { key: row.groupKey, short: row.groupShort, name: row.claimant });
  // Claimants in data order, each one's own row before the rows it shares with others.
  const order = (key: string) => {
    const ids = key.split(' ');
    return data.claimants.findIndex((claimant) => claimant.id === ids[0]) * 100 + ids.length;
  };
  return [...groups.values()].sort((a, b) => order(a.key) - order(b.key));
}

/** A row of the chart: one set of claimants, or the shared row of the least-cited ones. */
interface ChartGroup {
  key: string;
  short: string;
  name: string;
  figures: FigureRow[];
  /** Drawn as one unlabelled mark per act and stretch of the axis, not a labelled mark per figure. */
  grouped: boolean;
}

/** The rows drawn, in order: the most-cited sets of claimants, then "Other claimants (count)" if any. */
export function chartGroups(rows: readonly FigureRow[], data: ChartData): ChartGroup[] {
  const groups = figureGroups(rows, data).map((group) => {
    const figures = rows.filter((row) => row.groupKey === group.key).sort((a, b) => a.figure - b.figure);
    return { ...group, figures, grouped: figures.length > LABELLED_PER_ROW };
  });
  const { own, rest } = mostCited(groups, (group) => group.figures.length);
  if (!rest.length) return own;
  const claimants = new Set(rest.flatMap((group) => group.key.split(' ')));
  const others = `Other claimants (${claimants.size})`;
  const figures = rest.flatMap((group) => group.figures).sort((a, b) => a.figure - b.figure);
  return [...own, { key: 'other', short: others, name: others, figures, grouped: true }];
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

/** The note on claims with no number; past five claimants, the five with most and a count of the rest. */
function vagueNote(data: ChartData, names: 'short' | 'long'): string {
  const vague = vagueCounts(data);
  const total = vague.reduce((sum, entry) => sum + entry.count, 0);
  if (total === 0) return '';
  const listed = vague.length > 5 ? [...vague].sort((a, b) => b.count - a.count).slice(0, 4) : vague;
  const rest = vague.length - listed.length;
  if (names === 'short')
    return `Not shown: ${total} claims with no number (${listed.map((entry) => `${entry.claimantShort}: ${entry.count}`).join('; ')}${rest ? `; ${rest} other claimants` : ''}).`;
  return `${total} further claims give no number and are left out: ${listed.map((entry) => `${entry.count} from ${entry.claimant}`).join(', ')}${rest ? ` and ${total - listed.reduce((sum, entry) => sum + entry.count, 0)} from ${rest} other claimants` : ''}.`;
}

/**
 * The accessible name and title of one grouped mark: its figures' measure, the range their hedges
 * allow, the hedges, the dates (grouped-words.ts), and the earliest claim, which the mark links to.
 */
export function groupedMarkLabel(groupName: string, members: readonly FigureRow[], action: Action): string {
  const first = [...members].sort((a, b) => a.claimedOn.localeCompare(b.claimedOn))[0]!;
  return `${groupName}: ${groupedFiguresInWords(members.map(asGrouped), [action])}, as claimed (unverified). Each is in the claims list; this links to the earliest, ${first.published} (${formatPartialDate(first.claimedOn)}).`;
}

/** Says how grouped rows are drawn, when there are any. */
function groupedNote(groups: readonly ChartGroup[]): string {
  if (!groups.some((group) => group.grouped)) return '';
  return `Rows of more than ${LABELLED_PER_ROW} figures are grouped: one mark for the figures of one act in each stretch of the scale, every figure in the table and the claims list.`;
}

// ---------------------------------------------------------------------------------------------
// Drawing
// ---------------------------------------------------------------------------------------------

const X_DOMAIN: [number, number] = [0.7, 60000];
const DOT_R = 5.5;
/** Length of the arrow on an open-ended figure, in px. */
const ARROW_PX = 20;

/** d3's symbols made of lines only, which a fill alone leaves invisible. */
const LINE_SYMBOLS = new Set(['times', 'plus', 'asterisk', 'x']);

/** An open-ended figure's arrow: from the figure to ARROW_PX past it, in its claimant's colour. */
const ARROW_OPTIONS = {
  x1: 'figure',
  x2: 'arrowEnd',
  y: 'y',
  stroke: 'claimantId',
  strokeWidth: 2,
  headLength: 6,
  ariaHidden: 'true',
} as const;
/** Vertical distance between two lanes of one claimant's row (a mark and its label), in px. */
const LANE_HEIGHT = 24;
/** Space between a mark (or its arrow) and the figure written beside it, in px. */
const LABEL_OFFSET = 5;
/** Least horizontal room between two labelled figures in one lane, in px. */
const LABEL_GAP = 10;
/** How far apart (px) the figures one grouped mark stands for may lie: twice a mark plus a gap, so marks never touch. */
const GROUP_SPAN = 4 * DOT_R + 4;
/** Room after each legend entry, in px. */
const LEGEND_GAP = 16;

/** One mark of a grouped row: every figure of one act in one stretch of the axis. */
interface PlacedBin {
  x: number;
  y: number;
  action: Action;
  /** The colour: the lead claimant of a claimant's own row, none for the shared row. */
  claimantId: string | null;
  firstClaimId: string;
  label: string;
}

interface PlacedFigure extends FigureRow {
  y: number;
  arrowEnd: number | null;
  symbol: string;
  hollow: boolean;
  /** The figure as published, drawn under its mark. */
  valueText: string;
  /** Where the figure's label sits: beside its mark, or in the lane below on a phone. */
  valueY: number;
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
    actionsShown.map((action) => DOT_R * 2 + 6 + textWidth(shortAction(action), CHART_FONT_SIZE) + LEGEND_GAP),
    plotWidth,
    0,
  );
  const legendItems = actionsShown.map((action, index) => {
    const place = legendPlaces[index] as { row: number; left: number };
    return { action, x: place.left, line: place.row };
  });
  const legendLine = Math.max(0, ...legendItems.map((item) => item.line));
  // The dashed arrow is explained only where one is drawn.
  const someOpen = rows.some((row) => row.openEnded === 'some');
  const hedgeKeyLines = wrapText(
    `Filled: an exact figure. Hollow: a hedged one (“around”, “nearly”, “at least”, “more than”); an arrow: no upper limit${someOpen ? '; dotted: under one of its wordings only' : ''}.`,
    plotWidth,
    CHART_FONT_SIZE,
  );
  const legendHeight = (legendLine + 1) * 22 + hedgeKeyLines.length * LINE_HEIGHT;
  const marginTop = legendHeight + 16;

  const placed: PlacedFigure[] = [];
  const bins: PlacedBin[] = [];
  const names: { y: number; text: string }[] = [];
  const groups = chartGroups(rows, data);
  let y = 4;
  for (const group of groups) {
    // A joint group's name can be wider than a phone: it wraps, in the bold it is drawn in.
    const heading = group.grouped ? `${group.short}: ${formatNumber(group.figures.length)} figures` : group.short;
    const nameLines = wrapText(heading, plotWidth + marginRight - 2, CHART_FONT_SIZE, 'bold');
    nameLines.forEach((text, index) => names.push({ y: y + index * LINE_HEIGHT, text }));
    const firstLaneY = y + nameLines.length * LINE_HEIGHT + 12;
    if (group.grouped) {
      // One lane per act, one mark per stretch of the axis: bounded however many figures there are.
      const acts = ACTIONS.filter((action) => group.figures.some((row) => row.action === action));
      acts.forEach((action, lane) => {
        const figures = group.figures.filter((figure) => figure.action === action);
        const runs = runsByPosition(figures, (row) => toPx(row.figure), GROUP_SPAN);
        for (const members of runs) {
          const low = members[0]!;
          const high = members.at(-1)!;
          const first = [...members].sort((a, b) => a.claimedOn.localeCompare(b.claimedOn))[0]!;
          bins.push({
            // Midway (on the log scale) between the run's smallest and largest: on the figure when they agree.
            x: Math.sqrt(low.figure * high.figure),
            y: firstLaneY + lane * LANE_HEIGHT,
            action,
            claimantId: group.key === 'other' ? null : low.claimantId,
            firstClaimId: first.claimId,
            label: groupedMarkLabel(group.name, members, action),
          });
        }
      });
      y = firstLaneY + (acts.length - 1) * LANE_HEIGHT + 24;
      continue;
    }
    // Each figure, with its arrow and its label, takes the first lane where it clears what is
    // already there; figures too close to label side by side drop to the next lane.
    const laneEnds: number[] = [];
    const own = group.figures;
    for (const row of own) {
      const arrowEnd = row.openEnded === 'none' ? null : fromPx(toPx(row.figure) + ARROW_PX);
      const markLeft = toPx(row.figure) - DOT_R;
      const markRight = toPx(arrowEnd ?? row.figure) + DOT_R;
      // The full label names the people; where it is wider than the whole plot (a 320 px phone),
      // the figure and the act are drawn, and the people stay in the table, CSV and alt text.
      const fullText = keepTogether(row.published);
      const valueText =
        textWidth(fullText, CHART_FONT_SIZE) > plotWidth + marginLeft + marginRight - 4
          ? keepTogether(row.drawnShort)
          : fullText;
      const labelWidth = textWidth(valueText, CHART_FONT_SIZE);
      // The figure is written right of its mark, or left of it where it would run off the chart.
      const onLeft = markRight + LABEL_OFFSET + labelWidth > plotWidth + marginRight - 2;
      // On a phone a long label may fit on neither side: it then goes in the lane below its mark,
      // ending under the mark's right edge or starting at the plot's left.
      const below = onLeft && markLeft - LABEL_OFFSET - labelWidth < -marginLeft + 2;
      const belowLeft = Math.max(-marginLeft + 2, Math.min(markLeft, plotWidth + marginRight - 2 - labelWidth));
      const left = below ? markLeft : onLeft ? markLeft - LABEL_OFFSET - labelWidth : markLeft;
      const right = below ? markRight : onLeft ? markRight : markRight + LABEL_OFFSET + labelWidth;
      const clear = (index: number, from: number) => (laneEnds[index] ?? Number.NEGATIVE_INFINITY) + LABEL_GAP <= from;
      let lane = 0;
      while (!(clear(lane, left) && (!below || clear(lane + 1, belowLeft)))) lane += 1;
      laneEnds[lane] = right;
      if (below) laneEnds[lane + 1] = Math.max(laneEnds[lane + 1] ?? Number.NEGATIVE_INFINITY, belowLeft + labelWidth);
      for (let index = 0; index < laneEnds.length; index++) laneEnds[index] ??= Number.NEGATIVE_INFINITY;
      placed.push({
        ...row,
        y: firstLaneY + lane * LANE_HEIGHT,
        valueY: firstLaneY + (below ? lane + 1 : lane) * LANE_HEIGHT,
        arrowEnd,
        symbol: actionSymbol(row.action),
        hollow: row.qualifier !== 'exact',
        valueText,
        valueAnchor: onLeft && !below ? 'end' : 'start',
        valueX: fromPx(below ? belowLeft : onLeft ? markLeft - LABEL_OFFSET : markRight + LABEL_OFFSET),
      });
    }
    y = firstLaneY + (laneEnds.length - 1) * LANE_HEIGHT + 24;
  }

  const noteLines = [vagueNote(data, 'short'), groupedNote(groups)]
    .filter(Boolean)
    .flatMap((note) => wrapText(note, plotWidth, CHART_FONT_SIZE));
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
    bins,
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
  atScale: {
    bounded: true,
    policy:
      "The OWN_ROWS most-cited sets of claimants get a row, the rest share “Other claimants (count)”; a row of more than LABELLED_PER_ROW figures is drawn grouped, one unlabelled mark per act for figures close on the axis, its count and range in the mark's name and the description. Every figure stays in the table and CSV.",
  },
  rows: figureRows,
  columns: [
    { key: 'claim_id', label: 'Claim', value: (row) => row.claimId },
    { key: 'claimed_on', label: 'Claimed on', value: (row) => row.claimedOn },
    { key: 'figure_as_published', label: 'Figure as published', value: (row) => row.published },
    { key: 'figure', label: 'Number', value: (row) => row.figure, numeric: true },
    { key: 'action', label: 'Action', value: (row) => ACTION_LABELS[row.action] },
  ],
  claimIds: (row) => [row.claimId],
  describe(data) {
    const rows = figureRows(data);
    const groups = chartGroups(rows, data);
    const parts = groups.map((group) => {
      if (group.grouped) {
        const acts = ACTIONS.filter((action) => group.figures.some((row) => row.action === action));
        return `${group.name}: ${groupedFiguresInWords(group.figures.map(asGrouped), acts)}, drawn grouped`;
      }
      const figures = group.figures.map((row) => `${row.published} (${formatPartialDate(row.claimedOn)})`);
      return `${group.name}: ${figures.join(', ')}`;
    });
    const left = vagueNote(data, 'long');
    const vagueNoteText = left ? ` ${left}` : '';
    const bySize = [...rows].sort((a, b) => a.figure - b.figure);
    // The measure goes in brackets here: "from 1 (deserted) to more than 20,000 (joined the CDM)".
    const bracketed = (row: FigureRow | undefined) =>
      row ? `${formatFigure({ ...row, unit: 'people' })} (${ACTION_LABELS[row.action]})` : '';
    const smallest = bracketed(bySize[0]);
    const largest = bracketed(bySize.at(-1));
    return `${rows.length} figures of soldiers and police said to have left the forces or to be about to, from ${smallest} to ${largest}, on a logarithmic scale and grouped by who gives them. ${parts.join('. ')}.${vagueNoteText} None of these figures has been independently verified.`;
  },
  draw(data, ctx) {
    const plan = layout(data, ctx.width);
    const series = claimantSeries(data.claimants);
    const legendTop = -(plan.marginTop - 4);
    const legendEntries = plan.legendItems.map((item) => ({ ...item, label: shortAction(item.action) }));
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
        symbol: { type: 'ordinal', domain: [...ACTIONS], range: ACTIONS.map(actionSymbol) },
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
              // A shape drawn only by its lines (answered call's ×) shows nothing filled: stroke it as the marks are.
              ...(LINE_SYMBOLS.has(actionSymbol(item.action)) ? { stroke: cssVar('muted'), strokeWidth: 2 } : {}),
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
          // An arrow where every reading of the figure is open-ended.
          Plot.arrow(
            plan.placed.filter((row) => row.openEnded === 'all'),
            ARROW_OPTIONS,
          ),
          // Where only some are, its shaft is dotted (as on the timeline, a line that holds under one
          // reading only) and its head solid: a dotted head would not read as an arrow.
          Plot.link(
            plan.placed.filter((row) => row.openEnded === 'some'),
            {
              x1: 'figure',
              x2: 'arrowEnd',
              y1: 'y',
              y2: 'y',
              stroke: 'claimantId',
              strokeWidth: 2,
              strokeDasharray: '1,3',
              strokeLinecap: 'round',
              ariaHidden: 'true',
            },
          ),
          Plot.arrow(
            plan.placed.filter((row) => row.openEnded === 'some'),
            // The head alone: the arrow is ARROW_PX long, its head sized from that length.
            { ...ARROW_OPTIONS, insetStart: ARROW_PX - 1 },
          ),
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
          // Grouped rows: one mark per act and stretch of the axis, in the row's claimant's colour
          // (the shared row's in the muted one). None at the curated size, so nothing is added there.
          ...[true, false]
            .map((coloured) => plan.bins.filter((bin) => (bin.claimantId !== null) === coloured))
            .filter((bins) => bins.length > 0)
            .map((bins) =>
              Plot.dot(bins, {
                x: 'x',
                y: 'y',
                r: DOT_R,
                symbol: 'action',
                ...(bins[0]!.claimantId === null
                  ? { fill: cssVar('muted'), stroke: cssVar('muted') }
                  : { fill: 'claimantId', stroke: 'claimantId' }),
                strokeWidth: 2,
                href: (bin: PlacedBin) => claimAnchor(bin.firstClaimId),
                ariaLabel: 'label',
                title: 'label',
              }),
            ),
          ...(['start', 'end'] as const).map((anchor) =>
            Plot.text(
              plan.placed.filter((row) => row.valueAnchor === anchor),
              {
                x: 'valueX',
                y: 'valueY',
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
