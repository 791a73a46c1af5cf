/**
 * Each chart is drawn once per width per build (src/charts/render.ts): the page, every embed
 * variant, the gallery, oEmbed, share cards and downloads ask for the same drawings, and at 100x the
 * data redrawing them was 187 draws for 10 outputs (issue 13). The build test checks the count in a
 * real build (tests/build/data-dir-build.test.ts); this one checks every caller with one dataset.
 */
import { describe, expect, it } from 'vitest';
import { chartData } from '../../src/charts/data.ts';
import { exportSvg } from '../../src/charts/export.ts';
import { CHARTS } from '../../src/charts/index.ts';
import { renderChart, renderStats, renderVariants, VARIANT_WIDTHS } from '../../src/charts/render.ts';
import { loadDataset } from '../../src/lib/dataset.ts';
import { EMBED_OPTION_SETS, embedHeightAt, exportOptions, oembedResponse } from '../../src/site/embed.ts';
import { ogCardSvg } from '../../src/site/og.ts';
import { chartCard } from '../../src/site/og-cards.ts';
import { DATA_DIR } from './data-texts.ts';

const site = new URL('https://defections.example.org/');
const WIDTHS = Object.values(VARIANT_WIDTHS);

/** Everything a build asks of the renderer for each chart, as the pages ask it. */
function everyUse(data: ReturnType<typeof chartData>) {
  for (const chart of CHARTS) {
    renderVariants(chart, data); // the explainer and the gallery (Chart.astro)
    for (const options of EMBED_OPTION_SETS) {
      renderVariants(chart, data); // each embed page variant
      embedHeightAt(chart, data, options, 320);
    }
    oembedResponse(chart, data, site);
    ogCardSvg(chartCard(chart.id), data, 'defections.example.org');
    for (const theme of ['light', 'dark'] as const) exportSvg(chart, data, exportOptions(theme, site));
  }
}

describe('the renderer draws each chart once per width', () => {
  it('for every page, embed variant, oEmbed answer, share card and download of one dataset', () => {
    const data = chartData(loadDataset(DATA_DIR));
    const before = renderStats();
    everyUse(data);
    everyUse(data);
    const after = renderStats();
    expect(after.draws - before.draws).toBe(CHARTS.length * WIDTHS.length);
    expect(after.requests - before.requests).toBeGreaterThan(4 * CHARTS.length * WIDTHS.length);
  });

  it('draws again for other data, and the drawing it keeps is the drawing it would make', () => {
    const first = chartData(loadDataset(DATA_DIR));
    const second = chartData(loadDataset(DATA_DIR));
    const before = renderStats().draws;
    for (const chart of CHARTS) {
      for (const width of WIDTHS) {
        const kept = renderChart(chart, first, width);
        expect(renderChart(chart, first, width)).toBe(kept);
        expect(renderChart(chart, second, width), `${chart.id} at ${width}`).toBe(kept);
      }
    }
    expect(renderStats().draws - before).toBe(2 * CHARTS.length * WIDTHS.length);
  });

  it('keys by the data itself: other claims give another drawing', () => {
    const data = chartData(loadDataset(DATA_DIR));
    const fewer = chartData({ ...loadDataset(DATA_DIR), claims: data.claims.slice(0, 20) });
    const chart = CHARTS.find((candidate) => candidate.id === 'who-is-counting') ?? CHARTS[0];
    if (!chart) throw new Error('no charts');
    expect(renderChart(chart, fewer, 640)).not.toBe(renderChart(chart, data, 640));
  });
});
