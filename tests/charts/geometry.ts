/**
 * The geometry of a rendered chart, read back from its SVG markup: a box for every text line,
 * measured with the text metrics the charts lay out with (src/charts/text-metrics.ts), and the
 * shapes and segments of every mark. The collision test (collisions.test.ts) compares them.
 *
 * Only what our charts emit is understood: translate() transforms, x/y/dx/dy in px or em, tspans
 * as lines, text-anchor, font-size and font-weight inherited down the tree, and paths of
 * M/L/H/V/A/Z commands (and m/l/h/v). Anything else throws, so that a chart using more cannot pass unchecked.
 */
import { parseHTML } from 'linkedom';
import { textWidth } from '../../src/charts/text-metrics.ts';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface TextLine {
  text: string;
  box: Box;
  /** The aria-label of the nearest group, for messages: "text", "y-axis tick label". */
  group: string;
}

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  group: string;
  /** A leader line (in a group of class "chart-leader", or labelled "leader"): it may touch its label at one end. */
  leader: boolean;
}

export interface Shape {
  kind: 'circle' | 'box';
  /** For circles: centre and radius; for boxes: the box. */
  box: Box;
  cx: number;
  cy: number;
  r: number;
  group: string;
}

export interface ChartGeometry {
  width: number;
  height: number;
  texts: TextLine[];
  segments: Segment[];
  shapes: Shape[];
}

/**
 * Groups that are background, not marks: Plot's grids, and groups whose class ends in "grid" or
 * "backdrops" (rectangles in the background colour behind text). Labels may sit over them.
 */
const BACKGROUND_GROUPS = new Set(['x-grid', 'y-grid']);

/**
 * How far a line of text reaches above and below its baseline, in em. DejaVu Sans: capitals and
 * digits 0.73 em tall, ascenders 0.76 em; descenders 0.24 em. A line with no descender has none.
 */
const ASCENT = 0.76;
const DESCENT = 0.24;
const HAS_DESCENDER = /[gjpqy(),;[\]{}|_@$]/;

interface State {
  tx: number;
  ty: number;
  anchor: string;
  fontSize: number;
  bold: boolean;
  group: string;
  leader: boolean;
  background: boolean;
}

function length(value: string | null, fontSize: number): number {
  if (value === null || value === '') return 0;
  const match = /^(-?\d*\.?\d+(?:e-?\d+)?)(em|px)?$/.exec(value.trim());
  if (!match) throw new Error(`geometry: cannot read the length "${value}"`);
  const number = Number(match[1]);
  return match[2] === 'em' ? number * fontSize : number;
}

function translate(transform: string | null): [number, number] {
  if (!transform) return [0, 0];
  const match = /^translate\(\s*(-?[\d.e-]+)(?:[\s,]+(-?[\d.e-]+))?\s*\)$/.exec(transform.trim());
  if (!match) throw new Error(`geometry: only translate() transforms are understood, not "${transform}"`);
  return [Number(match[1]), Number(match[2] ?? 0)];
}

interface Subpath {
  points: [number, number][];
  closed: boolean;
  /** The largest arc radius it draws (a dot's radius), 0 without arcs. */
  arc: number;
}

/** A path's subpaths (each from one move to the next), in absolute coordinates. */
function subpaths(d: string): Subpath[] {
  const tokens = d.match(/[MLHVAZmlhvaz]|-?\d*\.?\d+(?:e-?\d+)?/g) ?? [];
  const result: Subpath[] = [];
  let current: Subpath | null = null;
  let x = 0;
  let y = 0;
  let start: [number, number] = [0, 0];
  let command = '';
  let index = 0;
  const next = () => Number(tokens[index++]);
  while (index < tokens.length) {
    const token = tokens[index] as string;
    if (/[A-Za-z]/.test(token)) {
      command = token;
      index++;
      if (command === 'Z' || command === 'z') {
        if (current) current.closed = true;
        [x, y] = start;
      }
      continue;
    }
    switch (command) {
      case 'M':
      case 'm': {
        const dx = next();
        const dy = next();
        [x, y] = command === 'M' ? [dx, dy] : [x + dx, y + dy];
        start = [x, y];
        current = { points: [], closed: false, arc: 0 };
        result.push(current);
        // Further pairs after a move are lines.
        command = command === 'M' ? 'L' : 'l';
        break;
      }
      case 'L':
        x = next();
        y = next();
        break;
      case 'l':
        x += next();
        y += next();
        break;
      case 'H':
        x = next();
        break;
      case 'V':
        y = next();
        break;
      case 'h':
        x += next();
        break;
      case 'v':
        y += next();
        break;
      case 'A': {
        const rx = next();
        next();
        next();
        next();
        next();
        if (current) current.arc = Math.max(current.arc, rx);
        x = next();
        y = next();
        break;
      }
      default:
        throw new Error(`geometry: path command "${command}" is not understood in "${d}"`);
    }
    current?.points.push([x, y]);
  }
  return result;
}

export function readGeometry(svgMarkup: string): ChartGeometry {
  const { document } = parseHTML(`<!doctype html><html><body>${svgMarkup}</body></html>`);
  const svg = document.querySelector('svg');
  if (!svg) throw new Error('geometry: no <svg>');
  const geometry: ChartGeometry = {
    width: Number(svg.getAttribute('width')),
    height: Number(svg.getAttribute('height')),
    texts: [],
    segments: [],
    shapes: [],
  };

  function inherit(element: Element, state: State): State {
    const [dx, dy] = translate(element.getAttribute('transform'));
    const label = element.getAttribute('aria-label');
    const isGroup = element.tagName.toLowerCase() === 'g';
    const weight = element.getAttribute('font-weight');
    const size = element.getAttribute('font-size');
    return {
      tx: state.tx + dx,
      ty: state.ty + dy,
      anchor: element.getAttribute('text-anchor') ?? state.anchor,
      fontSize: size ? length(size, state.fontSize) : state.fontSize,
      bold: weight ? weight === 'bold' || Number(weight) >= 600 : state.bold,
      group:
        isGroup && (label ?? element.getAttribute('class'))
          ? (label ?? element.getAttribute('class') ?? '')
          : state.group,
      leader:
        state.leader ||
        (isGroup && (label === 'leader' || /\bchart-leader\b/.test(element.getAttribute('class') ?? ''))),
      background:
        state.background ||
        (isGroup &&
          ((label !== null && BACKGROUND_GROUPS.has(label)) ||
            /\b[\w-]*(grid|backdrops?)\b/.test(element.getAttribute('class') ?? ''))),
    };
  }

  function readText(element: Element, state: State) {
    const x0 = length(element.getAttribute('x'), state.fontSize) + length(element.getAttribute('dx'), state.fontSize);
    const y0 = length(element.getAttribute('y'), state.fontSize) + length(element.getAttribute('dy'), state.fontSize);
    const spans = [...element.children].filter((child) => child.tagName.toLowerCase() === 'tspan');
    // A line is a run of text from one position: a tspan with its own x, y or dy starts a new one; a
    // tspan without continues the run where the one before it ended (a bold name, then a count).
    const lines: { parts: { text: string; dx: number; state: State }[]; x: number; y: number; state: State }[] = [];
    if (spans.length === 0) {
      lines.push({ parts: [{ text: element.textContent ?? '', dx: 0, state }], x: x0, y: y0, state });
    } else {
      let x = x0;
      let y = y0;
      for (const span of spans) {
        const spanState = inherit(span, state);
        const positioned = ['x', 'y', 'dy'].some((name) => span.hasAttribute(name));
        const dx = length(span.getAttribute('dx'), spanState.fontSize);
        const part = { text: span.textContent ?? '', dx, state: spanState };
        const current = lines.at(-1);
        if (!positioned && current) {
          current.parts.push(part);
          continue;
        }
        if (span.hasAttribute('x')) x = length(span.getAttribute('x'), spanState.fontSize);
        if (span.hasAttribute('y')) y = length(span.getAttribute('y'), spanState.fontSize);
        y += length(span.getAttribute('dy'), spanState.fontSize);
        lines.push({ parts: [{ ...part, dx: 0 }], x: x + dx, y, state: spanState });
      }
    }
    for (const line of lines) {
      const text = line.parts.map((part) => part.text).join('');
      if (!text.trim()) continue;
      const width = line.parts.reduce(
        (sum, part) => sum + part.dx + textWidth(part.text, part.state.fontSize, part.state.bold ? 'bold' : 'regular'),
        0,
      );
      const x = line.state.tx + line.x;
      const left = state.anchor === 'middle' ? x - width / 2 : state.anchor === 'end' ? x - width : x;
      const baseline = line.state.ty + line.y;
      const fontSize = Math.max(...line.parts.map((part) => part.state.fontSize));
      geometry.texts.push({
        text,
        box: {
          left,
          right: left + width,
          top: baseline - ASCENT * fontSize,
          bottom: baseline + (HAS_DESCENDER.test(text) ? DESCENT * fontSize : 0),
        },
        group: state.group,
      });
    }
  }

  function readMark(element: Element, state: State) {
    if (state.background) return;
    const tag = element.tagName.toLowerCase();
    const number = (name: string) => Number(element.getAttribute(name) ?? 0);
    const base = { group: state.group };
    if (tag === 'line') {
      geometry.segments.push({
        x1: state.tx + number('x1'),
        y1: state.ty + number('y1'),
        x2: state.tx + number('x2'),
        y2: state.ty + number('y2'),
        leader: state.leader,
        ...base,
      });
    } else if (tag === 'circle') {
      const cx = state.tx + number('cx');
      const cy = state.ty + number('cy');
      const r = number('r');
      geometry.shapes.push({
        kind: 'circle',
        cx,
        cy,
        r,
        box: { left: cx - r, right: cx + r, top: cy - r, bottom: cy + r },
        ...base,
      });
    } else if (tag === 'rect') {
      const left = state.tx + number('x');
      const top = state.ty + number('y');
      const box = { left, top, right: left + number('width'), bottom: top + number('height') };
      geometry.shapes.push({ kind: 'box', cx: 0, cy: 0, r: 0, box, ...base });
    } else if (tag === 'path') {
      // Each subpath (from one M to the next) is a shape of its own: a dot, a closed box, or a polyline.
      for (const { points, closed, arc } of subpaths(element.getAttribute('d') ?? '')) {
        const moved = points.map(([x, y]) => [x + state.tx, y + state.ty] as [number, number]);
        if (moved.length === 0) continue;
        const xs = moved.map((p) => p[0]);
        const ys = moved.map((p) => p[1]);
        if (arc > 0 && !closed && moved.length <= 3) {
          // A dot: Plot draws a circle as two arcs around the origin.
          const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
          const cy = state.ty;
          geometry.shapes.push({
            kind: 'circle',
            cx,
            cy,
            r: arc,
            box: { left: cx - arc, right: cx + arc, top: cy - arc, bottom: cy + arc },
            ...base,
          });
        } else if (closed || arc > 0) {
          const box = { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
          geometry.shapes.push({ kind: 'box', cx: 0, cy: 0, r: 0, box, ...base });
        } else {
          // An open path is a polyline: one segment per step. A lone point (M only) is not drawn.
          for (let index = 1; index < moved.length; index++) {
            const [x1, y1] = moved[index - 1] as [number, number];
            const [x2, y2] = moved[index] as [number, number];
            geometry.segments.push({ x1, y1, x2, y2, leader: state.leader, ...base });
          }
        }
      }
    }
  }

  function walk(element: Element, state: State) {
    const own = inherit(element, state);
    const tag = element.tagName.toLowerCase();
    if (tag === 'title' || tag === 'desc') return;
    if (tag === 'text') return readText(element, own);
    readMark(element, own);
    for (const child of element.children) walk(child, own);
  }

  const root: State = {
    tx: 0,
    ty: 0,
    anchor: 'start',
    fontSize: 16,
    bold: false,
    group: 'svg',
    leader: false,
    background: false,
  };
  walk(svg, root);
  return geometry;
}
