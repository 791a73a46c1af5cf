/**
 * No chart label overlaps another label, a mark or a line, or leaves the chart, at either layout
 * width: checked from the rendered SVG's geometry (geometry.ts, collisions.ts) for every chart in
 * the registry, so a new chart is checked as soon as it is registered.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadDataset } from '../../src/lib/dataset.ts';
import { chartData } from '../../src/charts/data.ts';
import { CHARTS, chartById } from '../../src/charts/index.ts';
import { renderChart, VARIANT_WIDTHS } from '../../src/charts/render.ts';
import { findCollisions, type Collision } from './collisions.ts';
import { readGeometry } from './geometry.ts';

const dataset = loadDataset(join(import.meta.dirname, '..', '..', 'data'));
const data = chartData(dataset);

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

describe('an event title of 40 characters with no space in it', () => {
  const title = 'Operation1027ThreeBrotherhoodAllianceXYZ';
  const withLongTitle = chartData({
    ...dataset,
    events: [
      ...dataset.events,
      {
        id: 'long-title-2022-05-15',
        date: '2022-05-15',
        date_certainty: 'stated',
        title,
        description: 'A test event whose title is one long word.',
        source_id: dataset.events[0]!.source_id,
      },
    ],
  });

  it.each(Object.entries(VARIANT_WIDTHS))(
    'stays inside the timeline at its %s width, given whole',
    (_variant, width) => {
      expect(title).toHaveLength(40);
      const svg = renderChart(chartById('timeline'), withLongTitle, width);
      const geometry = readGeometry(svg);
      const collisions = findCollisions(geometry).filter((collision) => !allowed('timeline', collision));
      expect(collisions.map((collision) => `${collision.text} overlaps ${collision.with}`)).toEqual([]);
      // Drawn whole, or broken with hyphens and given whole in its entry's title.
      const drawn = geometry.texts.map((text) => text.text).join('');
      expect(drawn.replaceAll('-', '').includes(title) || svg.includes(`<title>15 May 2022: ${title}</title>`)).toBe(
        true,
      );
    },
  );
});

describe('an annotated event title of 40 characters with no space in it, on the cumulative chart', () => {
  const title = 'Operation1027ThreeBrotherhoodAllianceXYZ';
  // Both of the chart's marked events, one at a time: one labelled after its rule, one before.
  it.each(
    ['nug-call-2021-09-07', 'operation-1027-2023-10-27'].flatMap((eventId) =>
      Object.entries(VARIANT_WIDTHS).map(([variant, width]) => [eventId, variant, width] as const),
    ),
  )('%s stays inside the chart at its %s width, given whole', (eventId, _variant, width) => {
    expect(title).toHaveLength(40);
    expect(dataset.events.some((event) => event.id === eventId)).toBe(true);
    const withLongTitle = chartData({
      ...dataset,
      events: dataset.events.map((event) => (event.id === eventId ? { ...event, title } : event)),
    });
    const svg = renderChart(chartById('cumulative-claims'), withLongTitle, width);
    const geometry = readGeometry(svg);
    const collisions = findCollisions(geometry).filter((collision) => !allowed('cumulative-claims', collision));
    expect(collisions.map((collision) => `${collision.text} overlaps ${collision.with}`)).toEqual([]);
    // Drawn whole on one line, or broken with hyphens and then given whole in the label's title.
    const drawn = geometry.texts.map((text) => text.text).join('');
    expect(drawn.replaceAll('-', '')).toContain(title);
    const onOneLine = geometry.texts.some((text) => text.text.includes(title));
    expect(svg.includes(`<title>${title}</title>`)).toBe(!onOneLine);
  });
});
