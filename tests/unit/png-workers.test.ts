/**
 * PNGs drawn on worker threads (src/charts/png-workers.ts, svgToPngAsync): the same bytes as on the
 * main thread, cached the same way, and an SVG asked for twice at once is drawn once.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { svgToPng, svgToPngAsync } from '../../src/charts/export.ts';
import { pngCacheStats } from '../../src/charts/png-cache.ts';
import { claimCardSvg } from '../../src/site/claim-card-png.ts';
import { claimFacts } from '../../src/site/claim-card.ts';
import { chartData } from '../../src/charts/data.ts';
import { loadDataset } from '../../src/lib/dataset.ts';
import { REQUIRED_RECORDS } from '../../src/lib/required-records.ts';

const dir = mkdtempSync(join(tmpdir(), 'png-workers-test-'));
const saved = { dir: process.env.PNG_CACHE_DIR, on: process.env.PNG_CACHE, workers: process.env.PNG_WORKERS };
beforeAll(() => {
  process.env.PNG_CACHE_DIR = dir;
  delete process.env.PNG_CACHE;
  delete process.env.PNG_WORKERS;
});
afterAll(() => {
  for (const [name, value] of [
    ['PNG_CACHE_DIR', saved.dir],
    ['PNG_CACHE', saved.on],
    ['PNG_WORKERS', saved.workers],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  rmSync(dir, { recursive: true, force: true });
});

const data = chartData(loadDataset('data', { required: REQUIRED_RECORDS }));
const claim = data.claims[0]!;

describe('PNGs drawn on worker threads', () => {
  it('have the bytes the main thread draws (a claim card with text, light and dark)', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const svg = claimCardSvg(claimFacts(claim.id, data), 'wide', undefined, theme);
      process.env.PNG_CACHE = '0';
      const onMain = svgToPng(svg, 1);
      const inWorker = await svgToPngAsync(svg, 1);
      delete process.env.PNG_CACHE;
      expect(inWorker).toMatchObject({ width: 1200, height: 675 });
      expect(inWorker.png.equals(onMain.png)).toBe(true);
    }
  });

  it('are cached, and an SVG asked for twice at once is drawn once', async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#345678"/></svg>`;
    const before = pngCacheStats();
    const [first, second] = await Promise.all([svgToPngAsync(svg, 2), svgToPngAsync(svg, 2)]);
    const third = await svgToPngAsync(svg, 2);
    const after = pngCacheStats();
    expect(after.misses - before.misses).toBe(1);
    expect(after.hits - before.hits).toBe(2);
    expect(second.png.equals(first.png) && third.png.equals(first.png)).toBe(true);
    expect(first).toMatchObject({ width: 80, height: 40 });
    expect(readdirSync(dir).filter((name) => name.endsWith('.png'))).toHaveLength(1);
    expect(svgToPng(svg, 2).png.equals(first.png)).toBe(true);
  });

  it('report a drawing that fails, rather than hang', async () => {
    await expect(
      svgToPngAsync('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><g', 1),
    ).rejects.toThrow();
  });
});
