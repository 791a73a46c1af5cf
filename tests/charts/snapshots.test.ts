/**
 * One SVG snapshot per chart and layout variant, from the registry. The snapshots are normalised
 * (one element per line) so that a change shows as a readable diff: review it by eye, render it with
 * scripts/render-one.ts, and update with `npm test -- -u` only when the change is intended.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadDataset } from '../../src/lib/dataset.ts';
import { chartData } from '../../src/charts/data.ts';
import { CHARTS } from '../../src/charts/index.ts';
import { renderChart, VARIANT_WIDTHS } from '../../src/charts/render.ts';
import { normaliseSvg } from './normalise.ts';

const data = chartData(loadDataset(join(import.meta.dirname, '..', '..', 'data')));

describe.each(CHARTS.map((chart) => [chart.id, chart] as const))('%s', (id, chart) => {
  it.each(Object.entries(VARIANT_WIDTHS))('matches its %s snapshot', async (variant, width) => {
    const svg = renderChart(chart, data, width);
    await expect(normaliseSvg(svg)).toMatchFileSnapshot(join('__snapshots__', `${id}.${variant}.svg`));
  });

  it('renders the same markup twice (no random ids, no time-dependence)', () => {
    expect(renderChart(chart, data, VARIANT_WIDTHS.wide)).toBe(renderChart(chart, data, VARIANT_WIDTHS.wide));
  });

  it('links every data mark to a claim that exists and names it for screen readers', () => {
    const svg = renderChart(chart, data, VARIANT_WIDTHS.wide);
    // Each link with what follows its start tag: its name is an aria-label or a first <title> child.
    const links = [...svg.matchAll(/<a [^>]*>(<title>[^<]*<\/title>)?/g)].map((match) => match[0]);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const href = /href="#claim-([^"]+)"/.exec(link)?.[1];
      expect(href, link).toBeDefined();
      expect(data.claimById.has(href as string), `${href} is a claim`).toBe(true);
      expect(link, 'a link has an accessible name').toMatch(/aria-label="[^"]{20,}"|<title>[^<]{20,}<\/title>/);
    }
  });

  it('draws no text below 12 px and no inline style', () => {
    for (const width of Object.values(VARIANT_WIDTHS)) {
      const svg = renderChart(chart, data, width);
      const sizes = [...svg.matchAll(/font-size="(\d+(?:\.\d+)?)(?:px)?"/g)].map((match) => Number(match[1]));
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
      expect(svg).not.toMatch(/<style|style="/);
    }
  });
});
