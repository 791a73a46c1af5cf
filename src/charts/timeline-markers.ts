/**
 * Where the timeline's numbered event markers go. Events bunch up (six of ten fall in the last five
 * months of 2023, some days apart), and spreading their markers along one row with leaders slanting
 * back to their dates drew a fan of converging lines. Instead, events whose markers would touch share
 * a cluster: its markers sit in a small grid, read left to right and top to bottom in date order, on
 * a stem that meets a bracket spanning the cluster's dates, from which each date's rule drops
 * straight down. No leader slants, and none crosses another.
 */

export interface MarkerCluster {
  /** Indexes into the anchors, in date order. */
  members: number[];
  columns: number;
  rows: number;
  /** Centre of the grid, in px. */
  centre: number;
}

export interface ClusterPlacement {
  clusters: MarkerCluster[];
  /** Per anchor: its cluster, and the centre of its marker relative to the grid's bottom-left row. */
  markers: { cluster: number; cx: number; row: number }[];
  /** The most rows any cluster's grid has. */
  rows: number;
}

/**
 * Groups sorted `anchors` (px) into clusters of markers `size` wide and `gap` apart, at most
 * `maxColumns` to a grid row, and places each grid as near the mean of its anchors as [left, right]
 * allows. Clusters whose grids would touch are merged, so grids never overlap.
 */
export function clusterMarkers(
  anchors: readonly number[],
  size: number,
  gap: number,
  left: number,
  right: number,
  maxColumns: number,
): ClusterPlacement {
  const step = size + gap;
  const shape = (members: number[]) => {
    const columns = Math.max(1, Math.min(members.length, maxColumns));
    const rows = Math.ceil(members.length / columns);
    const mean = members.reduce((sum, index) => sum + (anchors[index] as number), 0) / members.length;
    const half = (columns * step - gap) / 2;
    const centre = Math.min(Math.max(mean, left + half), right - half);
    return { members, columns, rows, centre, half };
  };
  let clusters = anchors.map((_, index) => shape([index]));
  for (let merged = true; merged;) {
    merged = false;
    for (let index = 1; index < clusters.length; index++) {
      const before = clusters[index - 1] as ReturnType<typeof shape>;
      const after = clusters[index] as ReturnType<typeof shape>;
      if (before.centre + before.half + gap > after.centre - after.half) {
        clusters = [
          ...clusters.slice(0, index - 1),
          shape([...before.members, ...after.members]),
          ...clusters.slice(index + 1),
        ];
        merged = true;
        break;
      }
    }
  }
  const markers = new Array<{ cluster: number; cx: number; row: number }>(anchors.length);
  clusters.forEach((cluster, clusterIndex) => {
    cluster.members.forEach((member, position) => {
      const column = position % cluster.columns;
      markers[member] = {
        cluster: clusterIndex,
        cx: cluster.centre - cluster.half + size / 2 + column * step,
        row: Math.floor(position / cluster.columns),
      };
    });
  });
  return {
    clusters: clusters.map(({ members, columns, rows, centre }) => ({ members, columns, rows, centre })),
    markers,
    rows: Math.max(0, ...clusters.map((cluster) => cluster.rows)),
  };
}
