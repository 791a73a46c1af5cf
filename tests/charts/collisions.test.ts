/**
 * No chart label overlaps another label, a mark or a line, or leaves the chart, at either layout
 * width: checked from the rendered SVG's geometry (geometry.ts, collisions.ts) for every chart in
 * the registry, so a new chart is checked as soon as it is registered.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadDataset } from '../../src/lib/dataset.ts';
import { chartData } from '../../src/charts/data.ts';
import { CHARTS } from '../../src/charts/index.ts';
import { renderChart, VARIANT_WIDTHS } from '../../src/charts/render.ts';
import { findCollisions, type Collision } from './collisions.ts';
import { readGeometry } from './geometry.ts';

const data = chartData(loadDataset(join(import.meta.dirname, '..', '..', 'data')));

/**
 * Overlaps a chart means, each with its reason. `text` and `with` are substrings of the collision's
 * two descriptions. Keep this list short: every entry is a place a reader's eye has to untangle.
 */
const ALLOWED: { chart: string; text: string; with: string; reason: string }[] = [];

function allowed(chart: string, collision: Collision): boolean {
  return ALLOWED.some(
    (entry) => entry.chart === chart && collision.text.includes(entry.text) && collision.with.includes(entry.with),
  );
}

describe.each(CHARTS.map((chart) => [chart.id, chart] as const))('%s', (id, chart) => {
  it.each(Object.entries(VARIANT_WIDTHS))('has no colliding text at its %s width', (_variant, width) => {
    const geometry = readGeometry(renderChart(chart, data, width));
    expect(geometry.texts.length).toBeGreaterThan(0);
    const collisions = findCollisions(geometry).filter((collision) => !allowed(id, collision));
    expect(collisions.map((collision) => `${collision.text} overlaps ${collision.with}`)).toEqual([]);
  });
});
