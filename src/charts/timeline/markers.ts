/**
 * The numbered event markers: a circle and its number, drawn on the chart and again in the key.
 * Where they go is timeline-markers.ts's job.
 */
import type { TimelineEvent } from '../../lib/types.ts';
import { cssVar } from '../palette.ts';
import { CHART_FONT_SIZE } from '../render.ts';
import { appendText, type AnySelection } from './svg.ts';

export interface MarkerGroups {
  circles: AnySelection;
  numbers: AnySelection;
}

/** Groups for numbered event markers, carrying their look once instead of on every circle and digit. */
export function eventMarkerGroups(parent: AnySelection): MarkerGroups {
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

export function drawEventMarker(groups: MarkerGroups, number: number, cx: number, cy: number, size: number) {
  groups.circles
    .append('circle')
    .attr('cx', cx)
    .attr('cy', cy)
    .attr('r', size / 2 - 0.5);
  appendText(groups.numbers, String(number), { x: cx, y: cy });
}

export interface PlacedEvent {
  event: TimelineEvent;
  number: number;
  span: { start: Date; end: Date; mid: Date };
  dayPrecise: boolean;
}
