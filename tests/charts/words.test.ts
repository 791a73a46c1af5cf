/**
 * The words every chart carries outside its drawing (title, subtitle, the description used for alt
 * text and the "Describe this chart" disclosure) are built from pieces of data and library text, so
 * a piece that already ends in a full stop doubles it, and an empty piece leaves " ." behind. Checked
 * for every chart in the registry, so a new chart is checked as soon as it is registered.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadDataset } from '../../src/lib/dataset.ts';
import { chartData } from '../../src/charts/data.ts';
import { CHARTS } from '../../src/charts/index.ts';
import { renderChart, VARIANT_WIDTHS } from '../../src/charts/render.ts';

const data = chartData(loadDataset(join(import.meta.dirname, '..', '..', 'data')));

/** Every run of words a chart shows or announces: its texts and the labels of its marks. */
function svgWords(svg: string): string[] {
  const texts = [...svg.matchAll(/<(?:title|text)[^>]*>([\s\S]*?)<\/(?:title|text)>/g)].map((match) =>
    (match[1] as string).replace(/<[^>]+>/g, ''),
  );
  const labels = [...svg.matchAll(/aria-label="([^"]*)"/g)].map((match) => match[1] as string);
  return [...texts, ...labels];
}

describe.each(CHARTS.map((chart) => [chart.id, chart] as const))('%s', (_id, chart) => {
  const words = [chart.title, chart.subtitle, chart.describe(data)];

  it('has no doubled full stop or space before punctuation in its title, subtitle or description', () => {
    for (const text of words) {
      expect(text).not.toMatch(/\.\.(?!\.)/);
      expect(text).not.toMatch(/ [.,;:]/);
    }
  });

  it.each(Object.entries(VARIANT_WIDTHS))('has none in the text or labels of its %s drawing', (_variant, width) => {
    for (const text of svgWords(renderChart(chart, data, width))) {
      expect(text).not.toMatch(/\.\.(?!\.)/);
      expect(text).not.toMatch(/ [.,;:]/);
    }
  });
});
