/**
 * A chart's CSV download: exactly the rows it draws (chart.rows), one column per chart.columns
 * entry (or the columns its `csv` gives in its place), then who claims each row's figures, the
 * reports they come from and whether anyone has verified them, headed by the column keys. RFC 4180
 * quoting, LF line endings, UTF-8 without a byte-order mark, empty cell for no value.
 *
 * Shape rules, so that a spreadsheet reads the numbers as numbers: a numeric column holds a number
 * or nothing, written plainly (-47, 23.033: an ASCII minus, a point, no thousands separators, no
 * "92 to 152"; a range is a low and a high column). chartCsv throws, naming the chart, column and
 * row, when a chart breaks them. Excel users: README and the gallery say to open the file with
 * Data > From Text/CSV (UTF-8), since a double-click reads it as the system's legacy encoding.
 */
import { csvFormatRows } from 'd3-dsv';
import { formatClaimantsOfClaims, formatVerifications } from '../lib/format.ts';
import { mustGet } from './data.ts';
import type { AnyChart, ChartColumn, ChartData, CsvColumn } from './types.ts';

/**
 * The columns every chart's table and CSV end with, read from the claims a row stands for
 * (chart.claimIds), so that no chart can ship a figure without its claimants and its status: a
 * CSV travels without our pages and their "unverified" note.
 */
export function claimColumns(chart: AnyChart, data: ChartData): ChartColumn<unknown>[] {
  const claimsOf = (row: unknown) => chart.claimIds(row).map((id) => mustGet(data.claimById, id, 'claim'));
  // A chart may give its own claimants column (per reading, say): it then stands in for this one,
  // so that no table or CSV has the column twice.
  const own = chart.columns.find((column) => column.key === 'claimants');
  return [
    own ?? {
      key: 'claimants',
      label: 'Claimed by',
      value: (row) => formatClaimantsOfClaims(claimsOf(row), data.claimants),
    },
    {
      key: 'verification',
      label: 'Verification',
      value: (row) => formatVerifications(claimsOf(row).map((claim) => claim.verification)),
    },
  ];
}

/** The chart's own columns followed by claimColumns: what its table shows and its CSV holds. */
export function tableColumns(chart: AnyChart, data: ChartData): ChartColumn<unknown>[] {
  const [claimants, verification] = claimColumns(chart, data);
  return [...chart.columns.filter((column) => column !== claimants), claimants!, verification!];
}

/** The claims' reports, for attribution: "Radio Free Asia (Myanmar Service): https://…; Myanmar Now: https://…". */
function sourceColumn(chart: AnyChart, data: ChartData): CsvColumn<unknown> {
  return {
    key: 'sources',
    value: (row) => {
      const ids = [...new Set(chart.claimIds(row).map((id) => mustGet(data.claimById, id, 'claim').source_id))];
      return ids
        .map((id) => mustGet(data.sourceById, id, 'source'))
        .map((source) => `${source.outlet}: ${source.url}`)
        .join('; ');
    },
  };
}

/** The CSV's columns: each chart column, or its `csv` columns in its place; then claimants, sources, verification. */
export function csvColumns(chart: AnyChart, data: ChartData): CsvColumn<unknown>[] {
  const [claimants, verification] = claimColumns(chart, data);
  const own = chart.columns
    .filter((column) => column !== claimants)
    .flatMap(
      (column): CsvColumn<unknown>[] =>
        column.csv ?? [{ key: column.key, value: column.value, numeric: column.numeric ?? false }],
    );
  return [...own, claimants!, sourceColumn(chart, data), verification!];
}

/** A number as a spreadsheet reads it: ASCII minus, point, no separators, no float noise. */
export function csvNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}

export function chartCsv(chart: AnyChart, data: ChartData): string {
  const columns = csvColumns(chart, data);
  const header = columns.map((column) => column.key);
  const rows = chart.rows(data).map((row, index) =>
    columns.map((column) => {
      const value = column.value(row);
      if (value === null || value === undefined) return '';
      if (column.numeric) {
        if (typeof value !== 'number' || !Number.isFinite(value))
          throw new Error(
            `${chart.id}.csv, column "${column.key}", row ${index + 1}: ${JSON.stringify(value)} is not a number; ` +
              'a numeric CSV column holds numbers only (give the column `csv` columns, a range as low and high)',
          );
        return csvNumber(value);
      }
      return String(value);
    }),
  );
  return `${csvFormatRows([header, ...rows])}\n`;
}
