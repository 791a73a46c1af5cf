/**
 * What a graphics editor checks by eye, computed: no line of text overlaps another, a mark or a
 * line, and none leaves the chart. A text line may sit inside a circle that holds it whole (a
 * number in its marker), and a leader line may touch its label at one end.
 */
import type { Box, ChartGeometry, Segment, Shape, TextLine } from './geometry.ts';

/** Overlaps smaller than this, in px, are rounding (coordinates are rounded to 0.1 px). */
const TOLERANCE = 0.5;
/** How much of a leader line may lie inside a label's box, from its end, in px. */
const LEADER_TOUCH = 6;

export interface Collision {
  text: string;
  with: string;
}

function overlap(a: Box, b: Box): boolean {
  return (
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > TOLERANCE &&
    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > TOLERANCE
  );
}

function inset(box: Box, by: number): Box {
  return { left: box.left + by, right: box.right - by, top: box.top + by, bottom: box.bottom - by };
}

/**
 * Whether the box lies wholly inside a circle: a number in its marker. Text on a band or in a bar is
 * not let through here; a chart that means it lists it, with its reason, in collisions.test.ts.
 */
function contains(shape: Shape, box: Box): boolean {
  if (shape.kind === 'box') return false;
  const corners = [
    [box.left, box.top],
    [box.right, box.top],
    [box.left, box.bottom],
    [box.right, box.bottom],
  ] as const;
  return corners.every(([x, y]) => Math.hypot(x - shape.cx, y - shape.cy) <= shape.r + TOLERANCE);
}

function hitsShape(shape: Shape, box: Box): boolean {
  if (!overlap(shape.box, box)) return false;
  if (shape.kind === 'box') return true;
  // The nearest point of the (tolerance-shrunk) box to the circle's centre.
  const inner = inset(box, TOLERANCE);
  const x = Math.max(inner.left, Math.min(shape.cx, inner.right));
  const y = Math.max(inner.top, Math.min(shape.cy, inner.bottom));
  return Math.hypot(x - shape.cx, y - shape.cy) < shape.r;
}

/** The part of a segment inside a box, as fractions [t0, t1] of its length (Liang–Barsky), or null. */
function clip(segment: Segment, box: Box): [number, number] | null {
  const dx = segment.x2 - segment.x1;
  const dy = segment.y2 - segment.y1;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, segment.x1 - box.left],
    [dx, box.right - segment.x1],
    [-dy, segment.y1 - box.top],
    [dy, box.bottom - segment.y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
  }
  return t0 < t1 ? [t0, t1] : null;
}

function hitsSegment(segment: Segment, box: Box): boolean {
  const inside = clip(segment, inset(box, TOLERANCE));
  if (!inside) return false;
  if (!segment.leader) return true;
  const length = Math.hypot(segment.x2 - segment.x1, segment.y2 - segment.y1);
  const [t0, t1] = inside;
  // A leader touching its label: only its last (or first) few pixels are inside the box.
  return !((1 - t0) * length <= LEADER_TOUCH && t1 === 1) && !(t1 * length <= LEADER_TOUCH && t0 === 0);
}

function describeText(line: TextLine): string {
  const { left, top, right, bottom } = line.box;
  return `"${line.text}" (${line.group}) at [${left.toFixed(1)}, ${top.toFixed(1)}]–[${right.toFixed(1)}, ${bottom.toFixed(1)}]`;
}

export function findCollisions(geometry: ChartGeometry): Collision[] {
  const collisions: Collision[] = [];
  const { texts, segments, shapes } = geometry;
  texts.forEach((line, index) => {
    const text = describeText(line);
    const { box } = line;
    if (
      box.left < -TOLERANCE ||
      box.top < -TOLERANCE ||
      box.right > geometry.width + TOLERANCE ||
      box.bottom > geometry.height + TOLERANCE
    ) {
      collisions.push({ text, with: `the edge of the ${geometry.width}×${geometry.height} chart` });
    }
    for (const other of texts.slice(index + 1)) {
      if (overlap(box, other.box)) collisions.push({ text, with: `text ${describeText(other)}` });
    }
    for (const shape of shapes) {
      if (hitsShape(shape, box) && !contains(shape, box)) {
        const { left, top, right, bottom } = shape.box;
        collisions.push({
          text,
          with: `${shape.kind} (${shape.group}) at [${left.toFixed(1)}, ${top.toFixed(1)}]–[${right.toFixed(1)}, ${bottom.toFixed(1)}]`,
        });
      }
    }
    for (const segment of segments) {
      if (hitsSegment(segment, box)) {
        collisions.push({
          text,
          with: `${segment.leader ? 'leader' : 'line'} (${segment.group}) from (${segment.x1}, ${segment.y1}) to (${segment.x2}, ${segment.y2})`,
        });
      }
    }
  });
  return collisions;
}
