/**
 * The cumulative chart's key, in its top margin: one entry per measure, a shape and a line sample
 * ("● —— total who defected"), flowed into lines that fit the width.
 */
import * as Plot from '@observablehq/plot';
import { ACTION_LABELS } from '../../lib/format.ts';
import { CHART_FONT_SIZE } from '../render.ts';
import { actionDash, flowRows } from '../shared.ts';
import { textWidth } from '../text-metrics.ts';
import { cssVar } from '../palette.ts';
import { measuresOf, type TotalRow } from './rows.ts';

const KEY_SYMBOL_R = 6;
/** Width of a key entry's line sample, in px. */
export const KEY_LINE = 34;
const KEY_ROW = 22;

/** The key: one entry per measure, "● —— total who defected", flowed into lines that fit the width. */
export function placeKey(rows: readonly TotalRow[], width: number, left: number) {
  const entries = measuresOf(rows).map((action) => ({ action, text: `total who ${ACTION_LABELS[action]}` }));
  const entryWidth = (text: string) => KEY_LINE + 6 + textWidth(text, CHART_FONT_SIZE) + 18;
  const places = flowRows(
    entries.map((entry) => entryWidth(entry.text)),
    width - left - 8,
    0,
  );
  const items = entries.map((entry, index) => {
    const place = places[index] as { row: number; left: number };
    return { ...entry, x: left + place.left, y: 4 + place.row * KEY_ROW + KEY_ROW / 2 };
  });
  const lines = Math.max(0, ...places.map((place) => place.row)) + 1;
  return { items, height: lines * KEY_ROW + 4 };
}

type Key = ReturnType<typeof placeKey>;

/** The key's shapes and texts, as Plot marks placed in the top margin (its line samples are drawn by drawKeySamples). */
export function keyMarks(key: Key, plotLeft: number, marginTop: number) {
  return key.items.flatMap((item) => [
    Plot.dot([item], {
      frameAnchor: 'top-left',
      dx: item.x + KEY_LINE / 2 - plotLeft,
      dy: item.y - marginTop,
      r: KEY_SYMBOL_R,
      symbol: () => item.action,
      fill: 'currentColor',
      stroke: cssVar('background'),
      strokeWidth: 1.5,
      ariaHidden: 'true',
    }),
    Plot.text([item], {
      frameAnchor: 'top-left',
      dx: item.x + KEY_LINE + 6 - plotLeft,
      dy: item.y - marginTop,
      text: () => item.text,
      textAnchor: 'start',
      lineAnchor: 'middle',
      fill: 'currentColor',
      ariaHidden: 'true',
    }),
  ]);
}

/**
 * Plot has no mark for a fixed-size line in the margin, so the key's line samples are drawn here,
 * under the shapes: the line style each series uses.
 */
export function drawKeySamples(svg: SVGSVGElement, document: Document, key: Key) {
  const samples = document.createElementNS('http://www.w3.org/2000/svg', 'g');
  samples.setAttribute('aria-hidden', 'true');
  samples.setAttribute('stroke', 'currentColor');
  samples.setAttribute('stroke-width', '2');
  for (const item of key.items) {
    const line = document.createElementNS('http://www.w3.org/2000/svg', 'line');
    line.setAttribute('x1', String(item.x));
    line.setAttribute('x2', String(item.x + KEY_LINE));
    line.setAttribute('y1', String(item.y));
    line.setAttribute('y2', String(item.y));
    const dash = actionDash(item.action);
    if (dash) line.setAttribute('stroke-dasharray', dash);
    samples.append(line);
  }
  svg.insertBefore(samples, svg.querySelector('g[aria-label="dot"]') ?? null);
}
