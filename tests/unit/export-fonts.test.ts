/** Downloaded SVGs name fonts design tools have, first Verdana (DejaVu Sans's widths), never system-ui. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartData } from '../../src/charts/data.ts';
import { EXPORT_FONT_FAMILY, exportSvg } from '../../src/charts/export.ts';
import { CHARTS } from '../../src/charts/index.ts';
import { loadDataset } from '../../src/lib/dataset.ts';

const data = chartData(loadDataset(join(import.meta.dirname, '..', '..', 'data')));

describe.each(CHARTS.map((chart) => [chart.id, chart] as const))('the SVG download of %s', (_, chart) => {
  it.each(['wide', 'narrow'] as const)('names only the export fonts (%s layout)', (layout) => {
    const { svg } = exportSvg(chart, data, {
      theme: 'light',
      explainerUrl: 'https://charts.example.org/',
      siteName: 'Test',
      layout,
    });
    const families = [...svg.matchAll(/font-family="([^"]*)"/g)].map((match) =>
      match[1]!.replace(/&apos;|&#39;/g, "'"),
    );
    expect(families.length).toBeGreaterThan(0);
    for (const family of families) expect(family).toBe(EXPORT_FONT_FAMILY);
    expect(svg).not.toContain('system-ui');
    expect(EXPORT_FONT_FAMILY.startsWith('Verdana')).toBe(true);
  });
});
