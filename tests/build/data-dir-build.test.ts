/**
 * A real build of another data folder through DATA_DIR (src/integrations/data-dir.ts): synthetic
 * data at twice the size (bench/generate-data.ts) in a temporary folder, never data/. The site is
 * built from it (its claim pages, its downloads), each chart is drawn once per width however many
 * pages ask for it (render.ts, counted with RENDER_STATS=1), and a DATA_DIR that names no folder
 * stops the build with a message naming the variable.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateData, writeData } from '../../bench/generate-data.ts';
import { CHARTS } from '../../src/charts/index.ts';
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

  it('stops, naming DATA_DIR, when the folder does not exist', () => {
    expect(missing.code).not.toBe(0);
    expect(missing.output).toContain('DATA_DIR is "no-such-folder"; expected a folder holding the data files');
    expect(existsSync(join(project.root, 'dist-missing'))).toBe(false);
  });
});
