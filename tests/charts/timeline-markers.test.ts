import { describe, expect, it } from 'vitest';
import { clusterMarkers } from '../../src/charts/timeline-markers.ts';

describe('clusterMarkers', () => {
  it('keeps a lone marker over its date, so its rule drops straight', () => {
    const plan = clusterMarkers([100, 300], 26, 3, 0, 640, 3);
    expect(plan.markers.map((marker) => marker.cx)).toEqual([100, 300]);
    expect(plan.rows).toBe(1);
  });

  it('puts markers that would touch into one grid, in date order, never overlapping', () => {
    // Six events within 40 px, as the last months of 2023 are at 640 px.
    const anchors = [560, 590, 596, 598, 604, 606];
    const plan = clusterMarkers(anchors, 26, 3, 2, 638, 3);
    expect(plan.clusters).toHaveLength(1);
    expect(plan.rows).toBe(2);
    const [first, second, third, fourth] = plan.markers;
    // Row by row, left to right.
    expect([first!.row, second!.row, third!.row, fourth!.row]).toEqual([0, 0, 0, 1]);
    expect(second!.cx - first!.cx).toBe(29);
    for (const a of plan.markers)
      for (const b of plan.markers) if (a !== b) expect(Math.abs(a.cx - b.cx) >= 29 || a.row !== b.row).toBe(true);
    // The grid stays inside the bounds.
    expect(Math.max(...plan.markers.map((marker) => marker.cx)) + 13).toBeLessThanOrEqual(638);
  });

  it('merges clusters whose grids would overlap, so no two grids touch', () => {
    const plan = clusterMarkers([100, 102, 104, 200], 26, 3, 0, 640, 3);
    const grids = plan.clusters.map((cluster): [number, number] => [
      cluster.centre - (cluster.columns * 29 - 3) / 2,
      cluster.centre + (cluster.columns * 29 - 3) / 2,
    ]);
    expect(plan.clusters.length).toBeGreaterThan(1);
    for (let index = 1; index < grids.length; index++)
      expect(grids[index]![0]).toBeGreaterThanOrEqual(grids[index - 1]![1] + 3);
  });
});
