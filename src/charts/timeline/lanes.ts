/**
 * The timeline's lanes, one per claimant or group of joint claimants: a header (swatch, short name,
 * claim count) and the lane's claims packed into the fewest sub-rows that keep marks and labels
 * apart.
 */
import type { ScaleTime } from 'd3';
import { formatClaimCount } from '../../lib/format.ts';
import { cssVar } from '../palette.ts';
import type { ClaimantGroup } from '../shared.ts';
import type { Keepout } from '../keepout.ts';
import {
  HEADER_INDENT,
  laneHeader,
  packRows,
  shapeClaim,
  type HeaderLine,
  type Layout,
  type MarkShape,
} from './layout.ts';
import { drawClaim, labelKeepout, type LabelLayers } from './marks.ts';
import type { TimelineRow } from './rows.ts';
import { appendCentredText, backdropPath, type AnySelection } from './svg.ts';

export interface PlacedLane {
  claimant: ClaimantGroup;
  shapes: MarkShape[];
  /** Per shape, its sub-row in the lane. */
  subRows: number[];
  header: HeaderLine[];
  rowCount: number;
  top: number;
}

/** Shapes and packs every lane, stacked from `top`; returns the lanes and the plot's bottom. */
export function placeLanes(
  lanes: readonly ClaimantGroup[],
  rows: readonly TimelineRow[],
  colorOf: (colorId: string) => string,
  x: ScaleTime<number, number>,
  layout: Layout,
  width: number,
  top: number,
): { lanes: PlacedLane[]; bottom: number } {
  let laneTop = top;
  const placed = lanes.map((claimant) => {
    const shapes = rows
      .filter((row) => row.claimantId === claimant.id)
      .map((row) => shapeClaim(row, colorOf(claimant.colorId), x, layout, width));
    const subRows = packRows(
      shapes.map((shape) => shape.extent),
      6,
    );
    const header = laneHeader(
      // The short name: the lane's group, the table and the marks' titles carry the full one.
      claimant.short_name,
      formatClaimCount(shapes.length),
      width - HEADER_INDENT - layout.marginLeft - 4,
    );
    const rowCount = Math.max(...subRows) + 1;
    const lane = { claimant, shapes, subRows, header, rowCount, top: laneTop };
    laneTop += header.length * layout.lineHeight + 4 + rowCount * layout.rowHeight + layout.laneGap;
    return lane;
  });
  return { lanes: placed, bottom: laneTop - layout.laneGap + 4 };
}

export interface LaneLayers {
  marks: AnySelection;
  labels: LabelLayers;
  backdrops: AnySelection;
}

/**
 * Draws each lane as a labelled group of links. Every label's box is pushed onto `keepouts`, for
 * the event rules and bands to stop short of; a lane name that `crossesRule` gets a backdrop.
 */
export function drawLanes(
  layers: LaneLayers,
  lanes: readonly PlacedLane[],
  colorOf: (colorId: string) => string,
  crossesRule: (left: number, right: number) => boolean,
  layout: Layout,
  keepouts: Keepout[],
) {
  const lineHeight = layout.lineHeight;
  const backdrops: string[] = [];
  for (const lane of lanes) {
    const top = lane.top;
    const group = layers.marks
      .append<SVGElement>('g')
      .attr('aria-label', `${lane.claimant.name}: ${formatClaimCount(lane.shapes.length)}`);
    const header = group.append<SVGElement>('g').attr('aria-hidden', 'true');
    header
      .append('rect')
      .attr('x', layout.marginLeft)
      .attr('y', top + lineHeight / 2 - 5)
      .attr('width', 10)
      .attr('height', 10)
      .attr('fill', colorOf(lane.claimant.colorId));
    lane.header.forEach((line, lineIndex) => {
      const lineY = top + lineIndex * lineHeight + lineHeight / 2;
      const textLeft = layout.marginLeft + HEADER_INDENT;
      if (crossesRule(textLeft - 2, textLeft + line.width + 2))
        backdrops.push(backdropPath(textLeft, lineY, line.width, lineHeight));
      keepouts.push(labelKeepout(textLeft, textLeft + line.width, lineY));
      const text = appendCentredText(header, lineY).attr('x', textLeft);
      if (line.name) text.append('tspan').attr('font-weight', 600).text(line.name);
      if (line.count)
        text
          .append('tspan')
          .attr('dx', line.name ? 8 : 0)
          .attr('fill', cssVar('muted'))
          .text(line.count);
    });
    const rowsTop = top + lane.header.length * lineHeight + 4;
    lane.shapes.forEach((shape, shapeIndex) => {
      const cy = rowsTop + (lane.subRows[shapeIndex] as number) * layout.rowHeight + layout.rowHeight / 2;
      drawClaim(group, layers.labels, shape, cy, layout, keepouts);
    });
  }
  if (backdrops.length > 0) layers.backdrops.append('path').attr('d', backdrops.join(''));
}
