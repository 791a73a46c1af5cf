/**
 * The cumulative chart drawn grouped (src/charts/cumulative/at-scale.ts), from the seeded
 * generator's x10 data: every total is drawn exactly once, series never mix claimants or measures,
 * grouped marks say what they stand for, and the curated data is drawn as before.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateData, writeData } from '../../bench/generate-data.ts';
import chart from '../../src/charts/cumulative-claims.ts';
import {
  binTotals,
  boundedSeries,
  drawnGrouped,
  LABELLED_TOTALS,
  OWN_SERIES,
} from '../../src/charts/cumulative/at-scale.ts';
import { totals } from '../../src/charts/cumulative/rows.ts';
import { chartData } from '../../src/charts/data.ts';
import { renderChart, VARIANT_WIDTHS } from '../../src/charts/render.ts';
import { loadDataset } from '../../src/lib/dataset.ts';
import { formatPartialDate } from '../../src/lib/dates.ts';
import { capitalise, QUALIFIER_WORDS } from '../../src/lib/format.ts';
import { REQUIRED_RECORDS } from '../../src/lib/required-records.ts';
import { isCumulativeTotal } from '../../src/lib/derive.ts';
import { findCollisions } from './collisions.ts';
import { readGeometry } from './geometry.ts';

const scratch = mkdtempSync(join(tmpdir(), 'cumulative-at-scale-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
writeData(scratch, generateData(10, 1));
const x10 = chartData(loadDataset(scratch, { required: REQUIRED_RECORDS }));
const curated = chartData(loadDataset(join(import.meta.dirname, '..', '..', 'data')));

describe('the cumulative chart as the data grows', () => {
  it('labels every total of the curated data, which is under the threshold', () => {
    expect(totals(curated).length).toBeLessThanOrEqual(LABELLED_TOTALS);
    expect(drawnGrouped(totals(curated))).toBe(false);
    expect(chart.describe(curated)).not.toMatch(/Other claimants|grouped/);
  });

  const rows = totals(x10);
  const { own, others, otherName } = boundedSeries(x10, rows);

  it('keeps a colour for the most-cited series only, each of one claimant set, measure and kind of people', () => {
    expect(drawnGrouped(rows)).toBe(true);
    expect(own.length).toBe(OWN_SERIES - 1);
    for (const series of own) {
      expect(new Set(series.rows.map((row) => `${row.claimant}|${row.action}|${row.personnel}`)).size).toBe(1);
      // The labelled total is the series' latest.
      for (const row of series.rows) expect(row.end.getTime()).toBeLessThanOrEqual(series.latest.end.getTime());
    }
    const smallestOwn = Math.min(...own.map((series) => series.rows.length));
    const otherSizes = new Map<string, number>();
    for (const row of others) {
      const key = `${row.claimant}|${row.action}|${row.personnel}`;
      otherSizes.set(key, (otherSizes.get(key) ?? 0) + 1);
    }
    for (const size of otherSizes.values()) expect(size).toBeLessThanOrEqual(smallestOwn);
    expect(otherName).toMatch(/^Other claimants \(\d+\)$/);
  });

  it('draws every total once: labelled, or in exactly one grouped mark of one measure', () => {
    const xOf = (date: Date) => date.getTime() / 8.64e7 / 5;
    const yOf = (figure: number) => figure / 60;
    const bins = [
      ...binTotals('other', otherName, others, xOf, yOf, 17),
      ...own.flatMap((series) =>
        binTotals(
          series.key,
          series.claimant,
          series.rows.filter((row) => row !== series.latest),
          xOf,
          yOf,
          17,
        ),
      ),
    ];
    const drawn = [...own.map((series) => series.latest), ...bins.flatMap((bin) => bin.members)];
    expect(drawn.length).toBe(rows.length);
    expect(new Set(drawn).size).toBe(rows.length);
    for (const bin of bins) {
      expect(new Set(bin.members.map((row) => row.action)).size).toBe(1);
      expect(bin.members.map((row) => row.claimId)).toContain(bin.firstClaimId);
      // A group spans no more than the gap between marks, so marks never overlap and none is misplaced far.
      const xs = bin.members.map((row) => xOf(row.mid));
      expect(Math.max(...xs) - Math.min(...xs)).toBeLessThanOrEqual(17);
      expect(bin.label).toMatch(/unverified/);
      if (bin.members.length > 1) expect(bin.label).toContain(`${bin.members.length} running totals`);
      else expect(bin.label).toBe(bin.members[0]!.label);
      // What it groups, as the members' own labels would say it (grouped-words.ts): every hedge,
      // open-ended where any reading is, the earliest and the latest date.
      if (bin.members.length > 1) {
        for (const qualifier of bin.members.flatMap((row) => row.qualifiers))
          if (qualifier !== 'exact') expect(bin.label).toContain(QUALIFIER_WORDS[qualifier]);
        if (bin.members.some((row) => row.allowed.high === null)) expect(bin.label).toMatch(/\d or more/);
        const dates = bin.members.map((row) => row.asOf).sort();
        for (const date of [dates[0]!, dates.at(-1)!]) expect(bin.label).toContain(formatPartialDate(date));
      }
      // The range drawn covers every member's hedge.
      for (const row of bin.members) {
        expect(row.low).toBeGreaterThanOrEqual(bin.low);
        if (bin.high !== null) expect(row.high).not.toBeNull();
        if (bin.high !== null) expect(row.high!).toBeLessThanOrEqual(bin.high);
      }
    }
  });

  it('writes each labelled total under the axis, and says in its description what it groups', () => {
    const svg = renderChart(chart, x10, VARIANT_WIDTHS.wide);
    for (const series of own) expect(svg).toContain(series.claimantShort.split(' ')[0]);
    expect(svg).toContain(`${otherName}, grey`);
    const description = chart.describe(x10);
    expect(description).toContain(otherName);
    expect(description).toMatch(/grouped/);
    // Each labelled total opens a sentence of its own.
    for (const series of own) expect(description).toContain(`. ${capitalise(series.latest.clause)}`);
    expect(description).toContain('None of these figures has been independently verified');
  });

  it('keeps every total in its table', () => {
    expect(new Set(chart.rows(x10).map((row) => row.claimId))).toEqual(new Set(rows.map((row) => row.claimId)));
  });

  it('stays within its bound, without collisions, when 500 totals spread over every month and figure', () => {
    // The generator repeats the curated dates and figures; here every total has its own, so the
    // grouped marks must widen their stretches to stay bounded.
    const spreadDir = join(scratch, 'spread');
    writeData(spreadDir, generateData(100, 1));
    const dataset = loadDataset(spreadDir, { required: REQUIRED_RECORDS });
    let index = 0;
    const claims = dataset.claims.map((claim) => {
      if (!isCumulativeTotal(claim)) return claim;
      index += 1;
      const month = 3 + (index % 57);
      const date = `${2021 + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`;
      return { ...claim, claimed_on: date, period_end: null, figure: 500 + ((index * 397) % 24_000) };
    });
    const spread = chartData({ ...dataset, claims });
    expect(totals(spread).length).toBeGreaterThan(400);
    for (const width of Object.values(VARIANT_WIDTHS)) {
      const svg = renderChart(chart, spread, width);
      expect(Buffer.byteLength(svg)).toBeLessThanOrEqual(40_000);
      expect((svg.match(/<a /g) ?? []).length).toBeLessThanOrEqual(60);
      expect((svg.match(/<text/g) ?? []).length).toBeLessThanOrEqual(120);
      expect(findCollisions(readGeometry(svg))).toEqual([]);
    }
  });
});
