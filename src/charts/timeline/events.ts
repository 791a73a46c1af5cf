/**
 * The timeline's marked events: numbered markers in cluster grids along the top (where they go is
 * timeline-markers.ts's job), each with a dashed leader down to its date, where it runs on as a
 * rule through every lane (a day) or meets a band across the month (a rule would name a day nobody
 * gave).
 */
import type { ScaleTime } from 'd3';
import { dateSpan } from '../shared.ts';
import { openSpans, type Keepout } from '../keepout.ts';
import { clusterMarkers, type ClusterPlacement } from '../timeline-markers.ts';
import type { TimelineEvent } from '../../lib/types.ts';
import { MIN_PIECE, type Layout } from './layout.ts';
import { drawEventMarker, type MarkerGroups, type PlacedEvent } from './markers.ts';
import { isDayPrecise } from './rows.ts';
import type { AnySelection } from './svg.ts';

export interface EventPlan {
  events: PlacedEvent[];
  markerPlan: ClusterPlacement;
  /** Top of the marker grids. */
  top: number;
  rowPitch: number;
  /** Where the plot (the lanes) starts, below the grids and their leaders. */
  bottom: number;
}

/** Numbers the events (bounds.ts eventsToMark) in date order and places their markers in grids from `top`. */
export function planEvents(
  marked: readonly TimelineEvent[],
  x: ScaleTime<number, number>,
  layout: Layout,
  width: number,
  top: number,
): EventPlan {
  const events: PlacedEvent[] = marked.map((event, index) => ({
    event,
    number: index + 1,
    span: dateSpan(event.date),
    dayPrecise: isDayPrecise(event.date),
  }));
  const markerPlan = clusterMarkers(
    events.map((placed) => x(placed.span.mid)),
    layout.markerSize,
    3,
    2,
    width - 2,
    3,
  );
  const rowPitch = layout.markerSize + 4;
  const leaderDrop = 14;
  return { events, markerPlan, top, rowPitch, bottom: top + markerPlan.rows * rowPitch + leaderDrop };
}

export interface EventLayers {
  rules: AnySelection;
  bands: AnySelection;
  markers: MarkerGroups;
}

/**
 * Draws the markers, stems, brackets, leaders, rules and bands. Rules and bands stop short of every
 * label box in `keepouts` (keepout.ts), so the lanes must be drawn first.
 */
export function drawEvents(
  layers: EventLayers,
  plan: EventPlan,
  x: ScaleTime<number, number>,
  plotBottom: number,
  keepouts: readonly Keepout[],
  layout: Layout,
) {
  const { events, markerPlan } = plan;
  const markerRows = markerPlan.rows;
  const eventAnchor = (placed: PlacedEvent) => x(placed.span.mid);
  // Each cluster's grid stands on a stem down to a bracket across its dates (timeline-markers.ts).
  const ruleTop = plan.bottom - 2;
  const bracketY = ruleTop - 5;
  const gridBottom = plan.top + markerRows * plan.rowPitch - 4;
  // One path for every stem, bracket, leader and rule, and one for every band: the timeline embed
  // has a 10 KB budget.
  const rules: string[] = [];
  const bands: string[] = [];
  const stems = markerPlan.clusters.map((cluster) => {
    const anchors = cluster.members.map((member) => eventAnchor(events[member] as PlacedEvent));
    const from = Math.min(cluster.centre, ...anchors);
    const to = Math.max(cluster.centre, ...anchors);
    const bracket = to - from > 1 ? `M${from},${bracketY}H${to}` : '';
    return `M${cluster.centre},${gridBottom}V${bracketY}${bracket}`;
  });
  rules.push(...stems);
  events.forEach((placed, index) => {
    const place = markerPlan.markers[index] as { cluster: number; cx: number; row: number };
    const cluster = markerPlan.clusters[place.cluster] as { rows: number };
    const anchor = eventAnchor(placed);
    // Grids stand on a common line: a cluster of fewer rows starts lower.
    const cy = plan.top + (markerRows - cluster.rows + place.row) * plan.rowPitch + layout.markerSize / 2;
    // The rule and the band stop short of every label they would cross (keepout.ts).
    // Relative moves: the repeated row spacing compresses well (the embed has a 10 KB budget).
    const spans = placed.dayPrecise ? openSpans(ruleTop, plotBottom, anchor - 1, anchor + 1, keepouts, MIN_PIECE) : [];
    // The leader runs on into the rule's first piece when that starts where the leader ends.
    const joined = spans[0]?.[0] === ruleTop;
    const ruleParts = spans.map(([top, bottom], index, all) =>
      index === 0
        ? joined
          ? ''
          : `M${anchor},${top}v${bottom - top}`
        : `m0,${top - (all[index - 1] as [number, number])[1]}v${bottom - top}`,
    );
    const leader = `M${anchor},${bracketY}V${joined ? (spans[0] as [number, number])[1] : ruleTop}`;
    rules.push(leader, ...ruleParts);
    if (!placed.dayPrecise) {
      const left = x(placed.span.start);
      const right = left + Math.max(2, x(placed.span.end) - left);
      const pieces = openSpans(ruleTop, plotBottom, left, right, keepouts, MIN_PIECE).map(
        ([top, bottom], index, all) =>
          index === 0
            ? `M${left},${top}h${right - left}v${bottom - top}h${left - right}Z`
            : `m0,${top - (all[index - 1] as [number, number])[0]}h${right - left}v${bottom - top}h${left - right}Z`,
      );
      bands.push(...pieces);
    }
    drawEventMarker(layers.markers, placed.number, place.cx, cy, layout.markerSize);
  });
  if (rules.length > 0) layers.rules.append('path').attr('d', rules.join(''));
  if (bands.length > 0) layers.bands.append('path').attr('d', bands.join(''));
}
