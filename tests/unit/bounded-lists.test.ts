/**
 * Lists that would grow with the data are bounded: the reports the explainer's JSON-LD cites
 * (citedSources), the figures without a rate, gathered by reason (absentRatesByReason), and the
 * claimants a chart's credit line names (creditSegments), at the
 * curated size and at 100x the data from the seeded generator. The rendered list is checked on a
 * real build of 2x data in tests/build/data-dir-build.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateData, writeData } from '../../bench/generate-data.ts';
import { chartCredits, creditLine } from '../../src/charts/credits.ts';
import { chartData } from '../../src/charts/data.ts';
import { CHARTS } from '../../src/charts/index.ts';
import { OWN_ROWS } from '../../src/charts/scale.ts';
import { loadDataset } from '../../src/lib/dataset.ts';
import { absentRates, absentRatesByReason, absentReason } from '../../src/lib/rates.ts';
import { REQUIRED_RECORDS } from '../../src/lib/required-records.ts';
import { CITED_REPORTS_LIMIT, citedSources } from '../../src/site/structured-data.ts';

const scratch = mkdtempSync(join(tmpdir(), 'explainer-scale-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
writeData(scratch, generateData(100, 1));
const curated = chartData(loadDataset('data'));
const x100 = chartData(loadDataset(scratch, { required: REQUIRED_RECORDS }));

describe('citedSources', () => {
  it('cites every report of the curated data, in data order', () => {
    expect(curated.sources.length).toBeLessThanOrEqual(CITED_REPORTS_LIMIT);
    expect(citedSources(curated)).toEqual(curated.sources);
  });

  it('cites the limit of reports at 100x, those with the most claims, in data order', () => {
    expect(x100.sources.length).toBeGreaterThan(CITED_REPORTS_LIMIT);
    const cited = citedSources(x100);
    expect(cited).toHaveLength(CITED_REPORTS_LIMIT);
    const count = (id: string) => x100.claims.filter((claim) => claim.source_id === id).length;
    const fewestCited = Math.min(...cited.map((source) => count(source.id)));
    const left = x100.sources.filter((source) => !cited.includes(source));
    expect(left.filter((source) => count(source.id) > fewestCited)).toEqual([]);
    expect(cited).toEqual(x100.sources.filter((source) => cited.includes(source)));
  });
});

describe('absentRatesByReason', () => {
  it.each([
    ['curated', curated],
    ['x100', x100],
  ])('files each figure without a rate under its own reason exactly once, most common first (%s)', (_, data) => {
    const absent = absentRates(data.claims, data.readings);
    const groups = absentRatesByReason(absent);
    expect(groups.flatMap((group) => group.absent).sort((a, b) => a.claim.id.localeCompare(b.claim.id))).toEqual(
      [...absent].sort((a, b) => a.claim.id.localeCompare(b.claim.id)),
    );
    for (const group of groups) for (const entry of group.absent) expect(absentReason(entry)).toBe(group.reason);
    expect(new Set(groups.map((group) => group.reason)).size).toBe(groups.length);
    const sizes = groups.map((group) => group.absent.length);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });

  it('gathers the x100 figures into a handful of reasons', () => {
    const absent = absentRates(x100.claims, x100.readings);
    expect(absent.length).toBeGreaterThan(1000);
    expect(absentRatesByReason(absent).length).toBeLessThan(12);
  });
});

describe('a chart’s credit line', () => {
  it('names every claimant of the curated data', () => {
    for (const chart of CHARTS) {
      const credits = chartCredits(chart, curated);
      const line = creditLine(credits);
      for (const claimant of credits.claimants) expect(line, chart.id).toContain(claimant.name);
      expect(line).not.toMatch(/other claimants/);
    }
  });

  it('names the most-credited claimants at 100x and counts the rest', () => {
    let capped = 0;
    for (const chart of CHARTS) {
      const credits = chartCredits(chart, x100);
      const line = creditLine(credits);
      if (credits.claimants.length <= OWN_ROWS) continue;
      const named = credits.claimants.filter(
        (claimant) => line.includes(`${claimant.name},`) || line.includes(`${claimant.name} and`),
      );
      expect(named.length, chart.id).toBe(OWN_ROWS - 1);
      expect(line, chart.id).toContain(` and ${credits.claimants.length - named.length} other claimants.`);
      const fewestNamed = Math.min(...named.map((claimant) => credits.figuresBy.get(claimant.id)!));
      const left = credits.claimants.filter((claimant) => !named.includes(claimant));
      expect(
        left.filter((claimant) => credits.figuresBy.get(claimant.id)! > fewestNamed),
        chart.id,
      ).toEqual([]);
      capped += 1;
    }
    // The cap is exercised: at 100x some chart credits more claimants than it names.
    expect(capped).toBeGreaterThan(0);
  });
});
