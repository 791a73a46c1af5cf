/** The timeline's time axis, under the lanes: a line and year (and, wide, July) labels. */
import type { ScaleTime } from 'd3';
import { cssVar } from '../palette.ts';
import { CHART_FONT_SIZE } from '../render.ts';
import { STORY_START } from '../shared.ts';
import { measureLabel, type Layout } from './layout.ts';
import { appendText, type AnySelection } from './svg.ts';

/** Draws the axis along `plotBottom`; returns where the part below it starts. */
export function drawTimeAxis(
  root: AnySelection,
  x: ScaleTime<number, number>,
  ticks: readonly Date[],
  plotBottom: number,
  layout: Layout,
  width: number,
): number {
  const [plotLeft, plotRight] = x.range() as [number, number];
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
  return axisY + 4 + layout.lineHeight + 14;
}
