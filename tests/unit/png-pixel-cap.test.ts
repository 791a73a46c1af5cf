/**
 * No PNG is larger than a reader needs (src/charts/export.ts MAX_PNG_PIXELS): at 100x the data a
 * chart's 2x PNG was 1344 × 100,000 px and took 90 s to rasterise. An SVG that would pass the cap is
 * drawn at the largest size within it, in its own proportions; everything smaller keeps its exact
 * scale, so the curated data's PNGs are untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PNG_PIXELS, pngWidthFor, svgToPng } from '../../src/charts/export.ts';

const saved = process.env.PNG_CACHE;
beforeAll(() => {
  process.env.PNG_CACHE = '0';
});
afterAll(() => {
  if (saved === undefined) delete process.env.PNG_CACHE;
  else process.env.PNG_CACHE = saved;
});

const tallSvg = (width: number, height: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="#357"/></svg>`;

describe('the PNG pixel cap', () => {
  it('is above the largest PNG the curated data needs (the timeline at 2x, 1344 × 3090), so x1 is unchanged', () => {
    expect(MAX_PNG_PIXELS).toBeGreaterThan(1344 * 3090);
    expect(pngWidthFor({ width: 672, height: 1545 }, 2)).toBe(1344);
    expect(pngWidthFor({ width: 336, height: 2100 }, 2)).toBe(672);
    expect(pngWidthFor({ width: 1200, height: 630 }, 1)).toBe(1200);
  });

  it('never lets a width and its rounded-up height pass the cap, for any proportions and scale', () => {
    for (const width of [100, 320, 336, 640, 672, 1200, 1344, 5000]) {
      for (const height of [50, 630, 3090, 9999, 44_000, 53_001, 100_000, 1_000_000]) {
        for (const scale of [1, 2]) {
          const pixelWidth = pngWidthFor({ width, height }, scale);
          const pixelHeight = Math.ceil((pixelWidth * height) / width);
          expect(pixelWidth * pixelHeight, `${width}×${height} at ${scale}x`).toBeLessThanOrEqual(MAX_PNG_PIXELS);
          expect(pixelWidth).toBeLessThanOrEqual(Math.round(width * scale));
          // The largest that fits: one pixel wider would not.
          if (pixelWidth < Math.round(width * scale))
            expect((pixelWidth + 1) * Math.ceil(((pixelWidth + 1) * height) / width)).toBeGreaterThan(MAX_PNG_PIXELS);
        }
      }
    }
  });

  it('rasterises a 672 × 20,000 chart at 2x within the cap, in its own proportions', () => {
    const { width, height } = svgToPng(tallSvg(672, 20_000), 2);
    expect(width * height).toBeLessThanOrEqual(MAX_PNG_PIXELS);
    expect(width).toBeLessThan(1344);
    expect(width).toBeGreaterThan(400);
    expect(height / width).toBeCloseTo(20_000 / 672, 1);
  });

  it('keeps the exact scale below the cap', () => {
    expect(svgToPng(tallSvg(672, 1000), 2)).toMatchObject({ width: 1344, height: 2000 });
    expect(svgToPng(tallSvg(336, 500), 1)).toMatchObject({ width: 336, height: 500 });
  });
});
