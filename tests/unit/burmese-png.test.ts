/**
 * Burmese text in the PNGs is drawn in its own glyphs, not as empty boxes. DejaVu Sans has no
 * Myanmar glyphs, so without a fallback font resvg draws one .notdef box per letter, and two names
 * made of the same letters in another order rasterise to the same pixels. With Noto Sans Myanmar
 * loaded (resvgFontOptions) they differ. Each test runs the same comparison with DejaVu Sans alone
 * too, and expects the boxes there: proof that the comparison can fail.
 */
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { chartData } from '../../src/charts/data.ts';
import { chartFacts, EXPORT_FONT_FAMILY, exportSvg, resvgFontOptions, svgToPng } from '../../src/charts/export.ts';
import { CHARTS } from '../../src/charts/index.ts';
import { pngCacheKey } from '../../src/charts/png-cache.ts';
import { loadDataset } from '../../src/lib/dataset.ts';
import { claimCardFacts } from '../../src/site/claim-card.ts';
import { claimCardSvg } from '../../src/site/claim-card-png.ts';

const dataset = loadDataset(join(import.meta.dirname, '..', '..', 'data'));
/** Six Myanmar consonants, each one glyph, and the same six reversed: as boxes, identical. */
const NAME = 'ကခဂဃငစ';
const REVERSED = [...NAME].reverse().join('');
const CLAIMANT = 'nug';

function dataNaming(name: string) {
  return chartData({
    ...dataset,
    claimants: dataset.claimants.map((claimant) => (claimant.id === CLAIMANT ? { ...claimant, name } : claimant)),
  });
}

const productionFonts = resvgFontOptions();
const fontFiles = productionFonts.fontFiles ?? [];
const dejavuOnly = { ...productionFonts, fontFiles: fontFiles.filter((file) => !/Myanmar/.test(file)) };

function pixels(svg: string, font: typeof productionFonts): Buffer {
  return Buffer.from(new Resvg(svg, { font }).render().pixels);
}

describe('the rasteriser', () => {
  it('loads Noto Sans Myanmar after DejaVu Sans', () => {
    expect(fontFiles[0]).toMatch(/DejaVuSans\.ttf$/);
    expect(fontFiles.some((file) => file.endsWith('NotoSansMyanmar-Regular.ttf'))).toBe(true);
    expect(fontFiles.some((file) => file.endsWith('NotoSansMyanmar-Bold.ttf'))).toBe(true);
  });

  it('keys the PNG cache on the Myanmar font too', () => {
    expect(pngCacheKey('<svg/>', { font: productionFonts })).not.toBe(pngCacheKey('<svg/>', { font: dejavuOnly }));
  });
});

describe('a chart PNG crediting a claimant with a Burmese name', () => {
  const chart = CHARTS.find((candidate) => chartFacts(candidate, dataNaming(NAME)).creditText.includes(NAME));
  const options = { theme: 'light', explainerUrl: 'https://charts.example.org/', siteName: 'Test' } as const;
  const svgs = chart ? [NAME, REVERSED].map((name) => exportSvg(chart, dataNaming(name), options).svg) : [];

  it('draws the letters, where DejaVu Sans alone draws the same boxes for both names', () => {
    expect(chart).toBeDefined();
    const [first, second] = svgs as [string, string];
    expect(pixels(first, dejavuOnly).equals(pixels(second, dejavuOnly))).toBe(true);
    expect(pixels(first, productionFonts).equals(pixels(second, productionFonts))).toBe(false);
    // And through the build's own path (svgToPng, cache included).
    expect(svgToPng(first).png.equals(svgToPng(second).png)).toBe(false);
  });

  it('names a Myanmar font in the SVG download', () => {
    expect(svgs[0]).toContain(`font-family="${EXPORT_FONT_FAMILY}"`);
    expect(EXPORT_FONT_FAMILY).toMatch(/'Noto Sans Myanmar', 'Myanmar Text'/);
  });
});

describe('a claim card with a Burmese claimant name', () => {
  const claim = dataset.claims.find((candidate) => candidate.claimant_id === CLAIMANT)!;
  const svgs = [NAME, REVERSED].map((name) => claimCardSvg(claimCardFacts(claim, dataNaming(name)), 'wide'));

  it('draws the letters, where DejaVu Sans alone draws the same boxes for both names', () => {
    const [first, second] = svgs as [string, string];
    expect(first).toContain(NAME);
    expect(pixels(first, dejavuOnly).equals(pixels(second, dejavuOnly))).toBe(true);
    expect(pixels(first, productionFonts).equals(pixels(second, productionFonts))).toBe(false);
    expect(svgToPng(first).png.equals(svgToPng(second).png)).toBe(false);
  });
});
