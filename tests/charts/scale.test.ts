/**
 * Charts as the data grows (issue 13): each chart in the registry drawn from the seeded generator's
 * x10 and x100 data (bench/generate-data.ts, in memory but for a scratch folder), with its marks,
 * texts and SVG bytes counted. A chart that states a scale policy (src/charts/scale.ts) must stay
 * within a bound at every size, have no colliding label at x100, and match its x100 snapshot. A
 * chart whose atScale says it is not bounded yet is tested for the truth of that: it must outgrow the
 * bound by x100 (the day it fits, the test fails until atScale says so and gets the snapshots and
 * collision check too).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHARTS } from '../../src/charts/index.ts';
import { renderChart, VARIANT_WIDTHS } from '../../src/charts/render.ts';
import { findCollisions } from './collisions.ts';
import { readGeometry } from './geometry.ts';
import { normaliseSvg } from './normalise.ts';
import { scaledData } from '../unit/scaled-data.ts';

const scaled = scaledData('chart-scale-test');
const SIZES = [1, 10, 100] as const;
const data = new Map(SIZES.map((scale) => [scale, scaled(scale)]));

/** The bounds a chart that holds keeps at every size: about what the curated data draws, twice over. */
const MAX_BYTES = 40_000;
const MAX_MARKS = 60;
const MAX_TEXTS = 120;

function measure(svg: string) {
  return {
    bytes: Buffer.byteLength(svg),
    marks: (svg.match(/<a /g) ?? []).length,
    texts: (svg.match(/<text/g) ?? []).length,
  };
}

it('has every chart say how it behaves as the data grows', () => {
  for (const chart of CHARTS) expect(chart.atScale.policy.length, chart.id).toBeGreaterThan(40);
});

describe.each(CHARTS.map((chart) => [chart.id, chart] as const))('%s as the data grows', (id, chart) => {
  // A chart says in code (atScale) whether it holds. One that says it does not yet is held to the
  // truth of that statement: the day it fits the bound, this fails until atScale says so.
  const growing = !chart.atScale.bounded;
  const withinBound = (width: number) =>
    SIZES.map((scale) => {
      const size = measure(renderChart(chart, data.get(scale)!, width));
      return { scale, ...size, holds: size.bytes <= MAX_BYTES && size.marks <= MAX_MARKS && size.texts <= MAX_TEXTS };
    });

  if (growing) {
    it.each(Object.entries(VARIANT_WIDTHS))(
      `outgrows ${MAX_BYTES / 1000} KB, ${MAX_MARKS} marks or ${MAX_TEXTS} texts by x100 at %s, as its atScale says (not bounded yet)`,
      (_variant, width) => {
        const sizes = withinBound(width);
        expect(sizes.find((size) => size.scale === 100)?.holds, JSON.stringify(sizes)).toBe(false);
      },
    );
    return;
  }

  it.each(Object.entries(VARIANT_WIDTHS))(
    `keeps its %s SVG within ${MAX_BYTES / 1000} KB, ${MAX_MARKS} marks and ${MAX_TEXTS} texts at x1, x10 and x100`,
    (_variant, width) => {
      for (const size of withinBound(width)) {
        expect(size.bytes, `x${size.scale} bytes`).toBeLessThanOrEqual(MAX_BYTES);
        expect(size.marks, `x${size.scale} marks`).toBeLessThanOrEqual(MAX_MARKS);
        expect(size.texts, `x${size.scale} texts`).toBeLessThanOrEqual(MAX_TEXTS);
      }
    },
  );

  it.each(Object.entries(VARIANT_WIDTHS))(
    'draws marks at x1, x10 and x100, %s, with no NaN and no negative pace',
    (_v, width) => {
      for (const scale of SIZES) {
        const svg = renderChart(chart, data.get(scale)!, width);
        // A chart that keeps its size by drawing nothing (a NaN domain, say) must not pass for bounded.
        expect(measure(svg).marks, `x${scale}`).toBeGreaterThan(0);
        expect(svg, `x${scale}`).not.toMatch(/NaN|Infinity/);
        expect(svg, `x${scale}`).not.toMatch(/[-−]\d[\d,.]*( or more| to [\d,.]+)? a day/);
      }
    },
  );

  it.each(Object.entries(VARIANT_WIDTHS))('matches its x100 %s snapshot', async (variant, width) => {
    const svg = renderChart(chart, data.get(100)!, width);
    await expect(normaliseSvg(svg)).toMatchFileSnapshot(join('__snapshots__', 'x100', `${id}.${variant}.svg`));
  });

  it.each(Object.entries(VARIANT_WIDTHS))('has no colliding text at x100, %s', (_variant, width) => {
    const geometry = readGeometry(renderChart(chart, data.get(100)!, width));
    expect(findCollisions(geometry).map((collision) => `${collision.text} overlaps ${collision.with}`)).toEqual([]);
  });

  it('names in its description what it groups at x100, briefly, and links only to claims that exist', () => {
    const x100 = data.get(100)!;
    const description = (chart.summarise ?? chart.describe)(x100);
    // An alt text a screen reader can get through: the table and the claims list hold every figure.
    expect(description.length).toBeLessThan(4000);
    const svg = renderChart(chart, x100, VARIANT_WIDTHS.wide);
    if (svg.includes('Other claimants (')) expect(description).toMatch(/Other claimants \(\d+\)/);
    if (/grouped/.test(svg)) expect(description).toMatch(/grouped/);
    for (const [, claimId] of svg.matchAll(/href="#claim-([^"]+)"/g)) expect(x100.claimById.has(claimId!)).toBe(true);
  });
});
