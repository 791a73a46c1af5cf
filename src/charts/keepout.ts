/**
 * Rules and bands that run through a chart stop short of the labels they would cross, instead of
 * relying on a halo to hide them: the gap is then part of the geometry, the same in every renderer
 * and checkable (tests/charts/collisions.test.ts).
 */

/** A box a rule or band must not cross, in px. */
export interface Keepout {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * The parts of [from, to] (along y) left open at the columns [left, right] once every keepout that
 * overlaps those columns is cut out. Parts shorter than `minLength` are dropped: a stub reads as noise.
 */
export function openSpans(
  from: number,
  to: number,
  left: number,
  right: number,
  keepouts: readonly Keepout[],
  minLength = 2,
): [number, number][] {
  const blocked = keepouts
    .filter((box) => box.right > left && box.left < right && box.bottom > from && box.top < to)
    .map((box) => [Math.max(from, box.top), Math.min(to, box.bottom)] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const spans: [number, number][] = [];
  let cursor = from;
  for (const [top, bottom] of blocked) {
    if (top > cursor) spans.push([cursor, top]);
    cursor = Math.max(cursor, bottom);
  }
  if (cursor < to) spans.push([cursor, to]);
  return spans.filter(([a, b]) => b - a >= minLength);
}
