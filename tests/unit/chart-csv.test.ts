/**
 * The chart CSVs as a spreadsheet reads them: numbers as numbers (no Unicode minus, no thousands
 * separators, no "92 to 152" in a numeric column), the reports each row comes from for
 * attribution, and a loud failure when a chart breaks the rules.
 */
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { chartCsv, csvColumns, csvNumber, tableColumns } from '../../src/charts/csv.ts';
import { chartData } from '../../src/charts/data.ts';
import { CHARTS } from '../../src/charts/index.ts';
import { loadDataset } from '../../src/lib/dataset.ts';
import type { AnyChart } from '../../src/charts/types.ts';

const data = chartData(loadDataset(join(import.meta.dirname, '..', '..', 'data')));

describe.each(CHARTS.map((chart) => [chart.id, chart] as const))('the CSV of %s', (_, chart) => {
  const rows = csvParse(chartCsv(chart, data));
  const columns = csvColumns(chart, data);

  it('has one row per drawn row and the columns csvColumns names', () => {
    expect(rows.length).toBe(chart.rows(data).length);
    expect(rows.columns).toEqual(columns.map((column) => column.key));
  });

  it('writes every numeric cell as a plain number a spreadsheet parses', () => {
    const numeric = columns.filter((column) => column.numeric).map((column) => column.key);
    for (const row of rows) {
      for (const key of numeric) {
        const cell = row[key] ?? '';
        if (cell === '') continue;
        expect(cell, `${key}: ${cell}`).toMatch(/^-?\d+(\.\d+)?(e[+-]?\d+)?$/);
        expect(Number.isFinite(Number(cell))).toBe(true);
      }
    }
  });

  it('keeps ranges and signs out of numeric columns: no Unicode minus or "to" anywhere a number is', () => {
    for (const row of rows)
      for (const column of columns.filter((candidate) => candidate.numeric))
        expect(row[column.key] ?? '').not.toMatch(/\u2212| to |,/);
  });

  it('names the report of every row, for attribution', () => {
    for (const row of rows) {
      const parts = (row.sources ?? '').split('; ');
      expect(parts.length).toBeGreaterThan(0);
      for (const part of parts) expect(part).toMatch(/^[^;]+: https:\/\/\S+$/);
    }
  });

  it('names each claimant of a row\'s claims once: never "NUG and NUG and People\'s Embrace"', () => {
    const ownClaimants = chart.columns.some((column) => column.key === 'claimants');
    chart.rows(data).forEach((drawn, index) => {
      const cell = rows[index]?.claimants ?? '';
      const ids = new Set(
        chart.claimIds(drawn).flatMap((id) => {
          const claim = data.claimById.get(id)!;
          return [claim.claimant_id, ...claim.co_claimant_ids];
        }),
      );
      for (const id of ids) {
        const name = data.claimantById.get(id)!.name;
        // A chart's own claimants column (the timeline's, per reading) may name only the reading's claimants.
        const times = cell.split(name).length - 1;
        if (ownClaimants) expect(times, `${name} in "${cell}"`).toBeLessThanOrEqual(1);
        else expect(times, `${name} in "${cell}"`).toBe(1);
      }
    });
  });
});

describe('the CSV writer', () => {
  it("splits the rates chart's day counts and the checks' ranges into low and high numbers", () => {
    const keys = (id: string) =>
      csvColumns(
        CHARTS.find((chart) => chart.id === id)!,
        data,
      ).map((column) => column.key);
    expect(keys('implied-daily-rates')).toEqual(expect.arrayContaining(['days_low', 'days_high']));
    expect(keys('implied-daily-rates')).not.toContain('days');
    expect(keys('do-the-numbers-add-up')).toEqual(
      expect.arrayContaining([
        'worked_out_point',
        'worked_out_low',
        'worked_out_high',
        'difference_low',
        'difference_high',
      ]),
    );
    expect(keys('do-the-numbers-add-up')).not.toContain('difference');
  });

  it('writes numbers without float noise or separators', () => {
    expect(csvNumber(-47)).toBe('-47');
    expect(csvNumber(0.1 + 0.2)).toBe('0.3');
    expect(csvNumber(20000)).toBe('20000');
  });

  it('refuses a numeric column that holds text, naming the chart, column and row', () => {
    const base = CHARTS[0] as AnyChart;
    const broken = {
      ...base,
      id: 'broken',
      columns: [{ key: 'days', label: 'Days', value: () => '92 to 152', numeric: true }],
    } as AnyChart;
    expect(() => chartCsv(broken, data)).toThrow(/broken\.csv, column "days", row 1: "92 to 152" is not a number/);
  });
});

describe.each(CHARTS.map((chart) => [chart.id, chart] as const))('the headers of %s', (_, chart) => {
  it('names each CSV column once', () => {
    const keys = csvColumns(chart, data).map((column) => column.key);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });

  it('heads each table column once', () => {
    const labels = tableColumns(chart, data).map((column) => column.label);
    const keys = tableColumns(chart, data).map((column) => column.key);
    expect(labels.filter((label, index) => labels.indexOf(label) !== index)).toEqual([]);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });
});
