/**
 * Test data at a size: the curated data at scale 1, or the seeded generator's (bench/generate-data.ts)
 * at N times it, written to a scratch folder that goes when the test file's tests end, and read
 * through the validator as the build reads DATA_DIR.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { generateData, writeData } from '../../bench/generate-data.ts';
import { chartData } from '../../src/charts/data.ts';
import type { ChartData } from '../../src/charts/types.ts';
import { loadDataset } from '../../src/lib/dataset.ts';
import { REQUIRED_RECORDS } from '../../src/lib/required-records.ts';

const CURATED = join(import.meta.dirname, '..', '..', 'data');

/** Call at a test file's top level: the function it returns loads one size (seed 1). */
export function scaledData(name: string): (scale: number) => ChartData {
  const scratch = mkdtempSync(join(tmpdir(), `${name}-`));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  return (scale) => {
    if (scale === 1) return chartData(loadDataset(CURATED));
    const dir = join(scratch, `x${scale}`);
    writeData(dir, generateData(scale, 1));
    return chartData(loadDataset(dir, { required: REQUIRED_RECORDS }));
  };
}
