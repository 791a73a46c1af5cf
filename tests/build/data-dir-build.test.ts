/**
 * A real build of another data folder through DATA_DIR (src/integrations/data-dir.ts): synthetic
 * data at twice the size (bench/generate-data.ts) in a temporary folder, never data/. The site is
 * built from it (its claim pages, its downloads), each chart is drawn once per width however many
 * pages ask for it (render.ts, counted with RENDER_STATS=1), and a DATA_DIR that names no folder
 * stops the build with a message naming the variable.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateData, writeData } from '../../bench/generate-data.ts';
import { parseHTML } from 'linkedom';
import { MAX_PNG_PIXELS, pngSize } from '../../src/charts/export.ts';
import { CHARTS } from '../../src/charts/index.ts';
import { LISTED_IN_SENTENCE, ROWS_PER_SECTION } from '../../src/charts/scale.ts';
import { SAME_CLAIMANT_LIMIT } from '../../src/site/claim-page.ts';
import { VARIANT_WIDTHS } from '../../src/charts/render.ts';
import { buildSite } from './build-site.ts';
import { copyProject } from './project-copy.ts';

const project = copyProject('data-dir-site-');
const outDir = join(project.root, 'dist');
const dataDir = mkdtempSync(join(tmpdir(), 'data-dir-x2-'));
let build = { code: 1, output: '' };
let missing = { code: 0, output: '' };

beforeAll(async () => {
  writeData(dataDir, generateData(2, 3));
  build = await buildSite({ root: project.root, outDir, env: { DATA_DIR: dataDir, RENDER_STATS: '1' } });
  missing = await buildSite({
    root: project.root,
    outDir: join(project.root, 'dist-missing'),
    env: { DATA_DIR: 'no-such-folder' },
  });
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  if (process.env.KEEP_COPY) console.log(project.root);
  else project.remove();
});

describe('a build of the folder DATA_DIR names', () => {
  it('succeeds', () => {
    expect(build.output).not.toMatch(/Error|error:/);
    expect(build.code).toBe(0);
  });

  it('builds the pages and downloads of that data, not of data/', () => {
    expect(existsSync(join(outDir, 'claims', 'nug-cdm-15000-2023-08-s1', 'index.html'))).toBe(true);
    const published = readFileSync(join(outDir, 'data', 'claims.csv'), 'utf8');
    expect(published).toBe(readFileSync(join(dataDir, 'claims.csv'), 'utf8'));
    expect(published.trim().split('\n')).toHaveLength(59);
  });

  it('draws each chart once per width for the whole site', () => {
    const line = /^render-stats (.+)$/m.exec(build.output)?.[1];
    expect(line, build.output.slice(-2000)).toBeDefined();
    const stats = JSON.parse(line ?? '{}') as { draws: number; requests: number };
    expect(stats.draws).toBe(CHARTS.length * Object.keys(VARIANT_WIDTHS).length);
    expect(stats.requests).toBeGreaterThan(stats.draws);
  });

  it('writes no PNG over the pixel cap', () => {
    const pngs = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.png'));
    expect(pngs.length).toBeGreaterThan(100);
    for (const file of pngs) {
      const { width, height } = pngSize(readFileSync(join(outDir, file)));
      expect(width * height, file).toBeLessThanOrEqual(MAX_PNG_PIXELS);
    }
  });

  it('lists at most the cap of claims by the same claimant on a claim page, saying how many there are', () => {
    let capped = 0;
    for (const id of readdirSync(join(outDir, 'claims'))) {
      const file = join(outDir, 'claims', id, 'index.html');
      if (!existsSync(file)) continue;
      const { document } = parseHTML(readFileSync(file, 'utf8'));
      const heading = [...document.querySelectorAll('h3')].find((h3) =>
        h3.textContent?.startsWith('By the same claimant'),
      );
      if (!heading) continue;
      const list = heading.nextElementSibling;
      const more = document.querySelector('[data-more-by-claimant]');
      if (list?.matches('ul')) expect(list.querySelectorAll('li').length, id).toBeLessThanOrEqual(SAME_CLAIMANT_LIMIT);
      if (more) {
        capped += 1;
        expect(Number(more.getAttribute('data-more-by-claimant'))).toBeGreaterThan(SAME_CLAIMANT_LIMIT);
        expect(more.querySelectorAll('a[href*="/claimants/"]').length).toBeGreaterThan(0);
      }
    }
    // The x2 data has claims whose claimants made more than the cap in other reports.
    expect(capped).toBeGreaterThan(0);
  });

  it('gives the explainer’s figures without a rate by reason past the listing limit; the methodology lists each', () => {
    const page = (path: string) => parseHTML(readFileSync(join(outDir, path), 'utf8')).document;
    const details = page('index.html').querySelector('details.no-rate');
    const total = Number(/Why ([\d,]+) figures/.exec(details?.querySelector('summary')?.textContent ?? '')?.[1]);
    // The x2 data has twice the curated figures without a rate: more than a list gives one by one.
    expect(total).toBeGreaterThan(LISTED_IN_SENTENCE);
    const items = [...(details?.querySelectorAll('li') ?? [])];
    expect(items.length).toBeLessThanOrEqual(ROWS_PER_SECTION + 1);
    let counted = 0;
    for (const item of items) {
      const count = /^([\d,]+) figures?[. ]/.exec(item.textContent?.trim() ?? '');
      expect(count, item.textContent ?? '').not.toBeNull();
      counted += Number(count?.[1]);
      expect(item.querySelectorAll('a.claim-ref').length).toBeLessThanOrEqual(3);
    }
    expect(counted).toBe(total);
    // The examples run on in one sentence: no space before its semicolons or full stop.
    for (const item of items) expect(item.textContent?.replace(/\s+/g, ' ').trim()).not.toMatch(/ [;.,]/);
    expect(details?.querySelector('a[href$="/methodology/#no-rate"]')).not.toBeNull();
    const listed = page('methodology/index.html').querySelector('#no-rate')?.nextElementSibling;
    expect(listed?.querySelectorAll(':scope > li').length).toBe(total);
  });

  it('stops, naming DATA_DIR, when the folder does not exist', () => {
    expect(missing.code).not.toBe(0);
    expect(missing.output).toContain('DATA_DIR is "no-such-folder"; expected a folder holding the data files');
    expect(existsSync(join(project.root, 'dist-missing'))).toBe(false);
  });
});
