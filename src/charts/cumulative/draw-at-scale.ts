/**
 * The cumulative chart drawn grouped, past LABELLED_TOTALS totals (at-scale.ts says what it
 * groups and why). No label sits in the plot: the latest total of each series with a colour of its
 * own is written in a list under the axis, beside its colour and shape, so however many marks the
 * plot holds no text can land on one. Earlier totals and the other claimants' are unlabelled marks.
 */
import * as Plot from '@observablehq/plot';
import { formatNumber } from '../../lib/format.ts';
import { brokenTimeAxis } from '../broken-axis.ts';
import { cssVar } from '../palette.ts';
import { CHART_FONT_SIZE, drawPlot } from '../render.ts';
import { actionDash, actionSymbol, claimAnchor, LINE_HEIGHT, STORY_START, storyEnd } from '../shared.ts';
import { textWidth, wrapText } from '../text-metrics.ts';
import type { ChartData, RenderContext } from '../types.ts';
import { binTotals, boundedSeries, latestEntry, measuresInWords, type TotalBin } from './at-scale.ts';
import { drawAxisBreaks, drawReadingNotes, readingNotes } from './below-axis.ts';
import { cumulativeFrame, eventAndYearMarks } from './axis-marks.ts';
import { drawKeySamples, keyMarks, placeKey } from './key.ts';
import { placeEventLabels } from './labels.ts';
import { measuresOf, occupiedDates, type TotalRow } from './rows.ts';

/** Grouped marks the plot draws at most (each about 1 KB with its accessible name). */
const GROUPED_MARKS = 30;

/** Room before a list entry's text under the axis, for its swatch, in px. */
const SWATCH = 22;

export function drawTotalsGrouped(data: ChartData, ctx: RenderContext, rows: TotalRow[]) {
  const narrow = ctx.width < 480;
  const markR = narrow ? 6 : 6.5;
  const plotLeft = narrow ? 62 : 66;
  const plotRight = ctx.width - (narrow ? 18 : 24);
  const plotHeight = narrow ? 320 : 300;
  const axis = brokenTimeAxis(
    STORY_START,
    storyEnd(data),
    occupiedDates(data, rows),
    plotLeft,
    plotRight,
    narrow ? 30 : 44,
  );
  const xOf = axis.xOf;
  const middle = axis.dateOf((plotLeft + plotRight) / 2).getTime();
  const key = placeKey(rows, ctx.width, textWidth('↑ People', CHART_FONT_SIZE) + 16);
  const eventLabels = placeEventLabels(data, ctx.width, xOf, middle, key.height);
  const marginTop = eventLabels.height + 10;
  const yMax = Math.max(...rows.map((row) => row.high ?? row.figure * 1.1)) * 1.08;
  const unitsPerPixel = yMax / plotHeight;
  const yOf = (figure: number) => marginTop + plotHeight - figure / unitsPerPixel;

  const { own, others, otherName } = boundedSeries(data, rows);
  // Labelled totals drawn at one place (series that gave the same figure on the same date) are
  // ringed one around the other, each a size larger, so that every colour in the list shows.
  const latest = own
    .map((series, index) => {
      const under = own
        .slice(0, index)
        .filter(
          (other) =>
            Math.abs(xOf(other.latest.mid) - xOf(series.latest.mid)) < 2 * markR &&
            Math.abs(yOf(other.latest.figure) - yOf(series.latest.figure)) < 2 * markR,
        ).length;
      return { ...series.latest, seriesKey: series.key, r: markR + 1 + under * 3.5 };
    })
    .sort((a, b) => b.r - a.r);
  const groupAll = (span: number): TotalBin[] => [
    ...binTotals('other', otherName, others, xOf, yOf, span),
    ...own.flatMap((series) =>
      binTotals(
        series.key,
        series.claimant,
        series.rows.filter((row) => row !== series.latest),
        xOf,
        yOf,
        span,
      ),
    ),
  ];
  // Grouped marks at least a mark and a gap apart; where totals spread over more places than
  // GROUPED_MARKS, over wider stretches, so that the chart stays within its bound at any size.
  let span = 2 * markR + 4;
  let bins = groupAll(span);
  while (bins.length > GROUPED_MARKS) bins = groupAll((span *= 1.5));
  // Only an own series is joined, through its drawn marks in time order (a grouped mark stands
  // for its totals): totals of different claimants never are.
  const links = own.map((series) => {
    const points: { mid: Date; figure: number }[] = [
      ...bins.filter((bin) => bin.seriesKey === series.key),
      series.latest,
    ].sort((a, b) => a.mid.getTime() - b.mid.getTime());
    const pairs = points.flatMap((to, index) => {
      const from = points[index - 1];
      return from && from.mid.getTime() !== to.mid.getTime() ? [{ from, to }] : [];
    });
    return { seriesKey: series.key, action: series.action, pairs };
  });

  // Under the axis: the labelled totals, the grey series, how marks are grouped, and the notes.
  const textWidthRoom = ctx.width - 8 - SWATCH;
  // Labelled totals whose notes say the same share one note and its mark.
  const noteText = (row: TotalRow) => `${row.readings}|${row.caveat}`;
  const noted = own.map((series) => series.latest);
  const { noteMarks: firstMarks, notes } = readingNotes(
    noted.filter((row, index) => noted.findIndex((other) => noteText(other) === noteText(row)) === index),
    ctx.width,
  );
  const noteMarks = new Map(
    noted.flatMap((row) => {
      const first = noted.find((other) => noteText(other) === noteText(row) && firstMarks.has(other.claimId));
      return first ? [[row.claimId, firstMarks.get(first.claimId) as string] as const] : [];
    }),
  );
  const entries = [
    ...own.map((series) => ({
      seriesKey: series.key,
      action: series.action,
      lines: wrapText(latestEntry(series, noteMarks.get(series.latest.claimId)), textWidthRoom, CHART_FONT_SIZE),
    })),
    ...(others.length > 0
      ? [
          {
            seriesKey: 'other',
            action: others[0]!.action,
            lines: wrapText(
              `${otherName}, grey: ${formatNumber(others.length)} totals of those who ${measuresInWords(others)}, never joined: different claimants' totals are not one count`,
              textWidthRoom,
              CHART_FONT_SIZE,
            ),
          },
        ]
      : []),
  ];
  const unnoted = rows.filter((row) => (row.readings || row.caveat) && !noteMarks.has(row.claimId)).length;
  const grouping = wrapText(
    `Marks without a label are earlier totals, grouped where close; each is in the table and the claims list${unnoted > 0 ? `, as are the readings or caveats of ${formatNumber(unnoted)} of them` : ''}. All as claimed, unverified.`,
    ctx.width - 8,
    CHART_FONT_SIZE,
  );
  const blockHeight = (lines: readonly string[]) => lines.length * LINE_HEIGHT + 4;
  const entriesHeight = entries.reduce((sum, entry) => sum + blockHeight(entry.lines), 0);
  const notesHeight = [grouping, ...notes].reduce((sum, lines) => sum + blockHeight(lines), 0);
  const marginBottom = 30 + 10 + entriesHeight + notesHeight;
  const height = marginTop + plotHeight + marginBottom;
  const baseline = marginTop + plotHeight;
  let entryTop = baseline + 40;
  const placedEntries = entries.map((entry) => {
    const top = entryTop;
    entryTop += blockHeight(entry.lines);
    return { ...entry, top };
  });

  const colourKeys = [...own.map((series) => series.key), 'other'];
  const colours = [...own.map((_, index) => cssVar(`series-${index + 1}`)), cssVar('rule')];
  const measures = measuresOf(rows);
  const marked = [...bins, ...latest];
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
      color: { type: 'ordinal', domain: colourKeys, range: colours },
      symbol: { type: 'ordinal', domain: measures, range: measures.map(actionSymbol) },
      marks: [
        ...keyMarks(key, plotLeft, marginTop),
        ...eventAndYearMarks(
          eventLabels.labels.map((label) => ({ ...label, top: yMax + (marginTop - label.top) * unitsPerPixel })),
          eventLabels.labels,
          axis,
          { marginTop, unitsPerPixel },
        ),
        ...links.map((link) =>
          Plot.link(link.pairs, {
            x1: (pair: (typeof link.pairs)[number]) => pair.from.mid,
            y1: (pair: (typeof link.pairs)[number]) => pair.from.figure,
            x2: (pair: (typeof link.pairs)[number]) => pair.to.mid,
            y2: (pair: (typeof link.pairs)[number]) => pair.to.figure,
            stroke: () => link.seriesKey,
            strokeWidth: 2,
            strokeDasharray: actionDash(link.action) ?? undefined,
            ariaHidden: 'true',
          }),
        ),
        Plot.ruleX(
          marked.filter((mark) => mark.high !== null),
          {
            x: 'mid',
            y1: 'low',
            y2: 'high',
            stroke: 'seriesKey',
            strokeOpacity: 0.45,
            strokeWidth: 2,
            ariaHidden: 'true',
          },
        ),
        Plot.arrow(
          marked.filter((mark) => mark.high === null),
          {
            x: 'mid',
            y1: 'figure',
            y2: (mark: { figure: number }) => mark.figure + 24 * unitsPerPixel,
            stroke: 'seriesKey',
            strokeWidth: 2,
            headLength: 6,
            ariaHidden: 'true',
          },
        ),
        Plot.ruleY(marked, {
          x1: 'start',
          x2: 'end',
          y: 'figure',
          stroke: 'seriesKey',
          strokeWidth: 4,
          strokeLinecap: 'round',
          ariaHidden: 'true',
        }),
        // Grouped marks under the labelled ones, each linking to the earliest of its claims.
        Plot.dot(bins, {
          x: 'mid',
          y: 'figure',
          r: markR - 1,
          symbol: 'action',
          fill: 'seriesKey',
          stroke: cssVar('background'),
          strokeWidth: 1.5,
          href: (bin: TotalBin) => claimAnchor(bin.firstClaimId),
          ariaLabel: 'label',
          title: 'label',
        }),
        // The labelled totals, ringed so that the list under the axis points at them; a mark each,
        // as Plot scales a radius given per datum.
        ...latest.map((row) =>
          Plot.dot([row], {
            x: 'mid',
            y: 'figure',
            r: row.r,
            symbol: 'action',
            fill: 'seriesKey',
            stroke: 'currentColor',
            strokeWidth: 1.5,
            href: (total: TotalRow) => claimAnchor(total.claimId),
            ariaLabel: 'label',
            title: 'label',
          }),
        ),
        // Each list entry's swatch: its series' colour in its measure's shape.
        ...placedEntries.map((entry) =>
          Plot.dot([entry], {
            frameAnchor: 'top-left',
            dx: 4 + SWATCH / 2 - 4 - plotLeft,
            dy: entry.top + CHART_FONT_SIZE / 2 - marginTop,
            r: markR,
            symbol: () => entry.action,
            fill: () => entry.seriesKey,
            stroke: entry.seriesKey === 'other' ? cssVar('background') : 'currentColor',
            strokeWidth: 1.5,
            ariaHidden: 'true',
          }),
        ),
      ],
    },
    ctx,
  );
  drawKeySamples(svg, ctx.document, key);
  drawAxisBreaks(svg, ctx.document, axis.breaks, baseline);
  for (const entry of placedEntries) drawLines(svg, ctx.document, entry.lines, 4 + SWATCH, entry.top);
  drawReadingNotes(svg, ctx.document, [grouping, ...notes], entryTop);
  return svg;
}

/** Lines of text from `top`, starting at `x`, as the readings notes are drawn. */
function drawLines(svg: SVGSVGElement, document: Document, lines: readonly string[], x: number, top: number) {
  lines.forEach((line, index) => {
    const text = document.createElementNS('http://www.w3.org/2000/svg', 'text');
    text.setAttribute('x', String(x));
    text.setAttribute('text-anchor', 'start');
    text.setAttribute('y', String(top + index * LINE_HEIGHT + CHART_FONT_SIZE / 2));
    text.setAttribute('dy', '0.35em');
    text.setAttribute('fill', 'currentColor');
    text.setAttribute('font-size', String(CHART_FONT_SIZE));
    text.textContent = line;
    svg.append(text);
  });
}
