/**
 * The timeline's lanes, one per claimant or group of joint claimants (bounds.ts says which): a
 * header (swatch, short name, claim count) and the lane's claims packed into the fewest sub-rows
 * that keep marks and labels apart, or, in a grouped lane, one mark per year with its count under it.
 */
import type { ScaleTime } from 'd3';
import { formatNumber } from '../../lib/format.ts';
import { cssVar } from '../palette.ts';
import type { ChartData } from '../types.ts';
import { claimAnchor, type ClaimantGroup } from '../shared.ts';
import type { Keepout } from '../keepout.ts';
import {
  HEADER_INDENT,
  laneHeader,
  measureLabel,
  packRows,
  shapeClaim,
  type HeaderLine,
  type Layout,
  type MarkShape,
} from './layout.ts';
import { claimCountWords, OTHER_LANE_ID, yearGroups, type TimelineLane, type YearGroup } from './bounds.ts';
import { drawClaim, labelKeepout, type LabelLayers } from './marks.ts';
import { appendCentredText, appendText, backdropPath, type AnySelection } from './svg.ts';

/** A grouped lane's mark for one year, in pixels: across the year (inside the axis), 1 px in from each end. */
export interface PlacedYearGroup {
  group: YearGroup;
  left: number;
  right: number;
  /** The count drawn under the mark, centred on it. */
  countText: string;
}

export interface PlacedLane {
  claimant: ClaimantGroup;
  /** The lane's colour: its lead claimant's, or muted for the shared lane of other claimants. */
  color: string;
  claimCount: number;
  shapes: MarkShape[];
  /** A grouped lane's marks, one per year (then `shapes` is empty). */
  years: PlacedYearGroup[];
  /** Per shape, its sub-row in the lane. */
  subRows: number[];
  header: HeaderLine[];
  rowCount: number;
  top: number;
}

/** Shapes and packs every lane, stacked from `top`; returns the lanes and the plot's bottom. */
export function placeLanes(
  data: ChartData,
  lanes: readonly TimelineLane[],
  colorOf: (colorId: string) => string,
  x: ScaleTime<number, number>,
  layout: Layout,
  width: number,
  top: number,
): { lanes: PlacedLane[]; bottom: number } {
  let laneTop = top;
  const [axisStart, axisEnd] = x.domain() as [Date, Date];
  const placed = lanes.map(({ claimant, rows, grouped }) => {
    const color = claimant.id === OTHER_LANE_ID ? cssVar('muted') : colorOf(claimant.colorId);
    const shapes = grouped ? [] : rows.map((row) => shapeClaim(row, color, x, layout, width));
    const years = grouped
      ? yearGroups(data, { claimant, rows, grouped, claimantCount: 0 }).map((group) => {
          const from = Math.max(Date.UTC(group.year, 0, 1), axisStart.getTime());
          const to = Math.min(Date.UTC(group.year + 1, 0, 1), axisEnd.getTime());
          return { group, left: x(from) + 1, right: x(to) - 1, countText: formatNumber(group.rows.length) };
        })
      : [];
    // A grouped lane has two rows: the year marks, and their counts under them.
    const subRows = grouped
      ? []
      : packRows(
          shapes.map((shape) => shape.extent),
          6,
        );
    const header = laneHeader(
      // The short name: the lane's group, the table and the marks' titles carry the full one.
      claimant.short_name,
      claimCountWords(rows.length),
      width - HEADER_INDENT - layout.marginLeft - 4,
    );
    const rowCount = grouped ? 2 : Math.max(...subRows) + 1;
    const lane = { claimant, color, claimCount: rows.length, shapes, years, subRows, header, rowCount, top: laneTop };
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
      .attr('aria-label', `${lane.claimant.name}: ${claimCountWords(lane.claimCount)}`);
    const header = group.append<SVGElement>('g').attr('aria-hidden', 'true');
    header
      .append('rect')
      .attr('x', layout.marginLeft)
      .attr('y', top + lineHeight / 2 - 5)
      .attr('width', 10)
      .attr('height', 10)
      .attr('fill', lane.color);
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
    const barY = rowsTop + layout.rowHeight / 2;
    for (const year of lane.years) drawYearGroup(group, layers.labels, year, lane.color, barY, layout, keepouts);
  }
  if (backdrops.length > 0) layers.backdrops.append('path').attr('d', backdrops.join(''));
}

/**
 * One year of a grouped lane: a tinted, outlined bar across the year (a claim's bar is solid and
 * spans its own period, so the two do not read alike), linked to the earliest of its claims in the
 * claims list and announced with the group's count, kinds and dates; its count is drawn under it.
 */
function drawYearGroup(
  group: AnySelection,
  labels: LabelLayers,
  year: PlacedYearGroup,
  color: string,
  cy: number,
  layout: Layout,
  keepouts: Keepout[],
) {
  const link = group
    .append<SVGElement>('a')
    .attr('href', claimAnchor(year.group.first.claimId))
    .attr('aria-label', year.group.label);
  link.append('title').text(year.group.label);
  link
    .append('rect')
    .attr('x', year.left)
    .attr('y', cy - layout.barHeight / 2)
    .attr('width', Math.max(0.5, year.right - year.left))
    .attr('height', layout.barHeight)
    .attr('fill', color)
    .attr('fill-opacity', 0.3)
    .attr('stroke', color);
  const middle = (year.left + year.right) / 2;
  const countY = cy + layout.rowHeight;
  const countWidth = measureLabel(year.countText);
  appendText(labels.middle ?? labels.start, year.countText, { x: middle, y: countY });
  keepouts.push(labelKeepout(middle - countWidth / 2, middle + countWidth / 2, countY));
}
