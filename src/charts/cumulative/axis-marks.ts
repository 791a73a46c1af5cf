/**
 * Marks both layouts of the cumulative chart draw the same way (cumulative-claims.ts at the curated
 * size, draw-at-scale.ts past it): the events' dashed rules and their labels, the zero line, and the
 * broken time axis's year ticks and centred year names.
 */
import * as Plot from '@observablehq/plot';
import type { brokenTimeAxis } from '../broken-axis.ts';
import { formatNumber } from '../../lib/format.ts';
import { cssVar } from '../palette.ts';
import type { EventLabel } from './labels.ts';

type Axis = ReturnType<typeof brokenTimeAxis>;
type Year = Axis['years'][number];

export function eventAndYearMarks(
  eventRules: readonly { x: Date; top: number }[],
  labels: readonly EventLabel[],
  axis: Axis,
  { marginTop, unitsPerPixel }: { marginTop: number; unitsPerPixel: number },
): Plot.Markish[] {
  return [
    Plot.ruleX(eventRules, {
      x: 'x',
      y1: 0,
      y2: 'top',
      stroke: cssVar('rule'),
      strokeDasharray: '3,3',
      ariaHidden: 'true',
    }),
    // dx, dy and textAnchor are constants in Plot, so each event label is a mark of its own.
    ...labels.map((label) =>
      Plot.text([label], {
        x: 'x',
        frameAnchor: 'top',
        dy: label.top - marginTop,
        dx: label.atEnd ? -4 : 4,
        lineAnchor: 'top',
        textAnchor: label.atEnd ? 'end' : 'start',
        text: (event: EventLabel) => event.lines.join('\n'),
        // Broken with hyphens: the title as written, on hover.
        title: label.fullTitle === null ? undefined : (event: EventLabel) => event.fullTitle,
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
      x: (year: Year) => axis.dateOf((year.left + year.right) / 2),
      y: 0,
      dy: 17,
      text: (year: Year) => String(year.year),
      fill: (year: Year) => (year.broken ? cssVar('muted') : 'currentColor'),
      ariaHidden: 'true',
    }),
  ];
}

/** The frame both layouts draw in: margins, the broken time axis (drawn by eventAndYearMarks) and the people axis. */
export function cumulativeFrame(f: {
  height: number;
  marginTop: number;
  marginBottom: number;
  plotLeft: number;
  plotRight: number;
  width: number;
  axis: Axis;
  yMax: number;
  narrow: boolean;
}) {
  return {
    height: f.height,
    marginTop: f.marginTop,
    marginBottom: f.marginBottom,
    marginLeft: f.plotLeft,
    marginRight: f.width - f.plotRight,
    // The axis is drawn below (year ticks, centred year names, the breaks): Plot's own would put
    // a tick label on each side of a squeezed year, on top of each other.
    x: { type: 'utc' as const, domain: f.axis.domain, range: f.axis.range, axis: null },
    y: {
      domain: [0, f.yMax],
      grid: true,
      label: '↑ People',
      tickFormat: (value: number) => formatNumber(value),
      ticks: f.narrow ? 4 : 6,
    },
  };
}
