/**
 * A chart's CSV download: exactly the rows it draws (chart.rows), one column per chart.columns
 * entry, then who claims each row's figures and whether anyone has verified them, headed by the
 * column keys. RFC 4180 quoting, LF line endings, empty cell for no value.
 */
import { csvFormatRows } from 'd3-dsv';
import { formatClaimants, formatVerifications, listInWords } from '../lib/format.ts';
import { mustGet } from './data.ts';
import type { AnyChart, ChartColumn, ChartData } from './types.ts';

/**
 * The columns every chart's table and CSV end with, read from the claims a row stands for
 * (chart.claimIds), so that no chart can ship a figure without its claimants and its status: a
 * CSV travels without our pages and their "unverified" note.
 */
export function claimColumns(chart: AnyChart, data: ChartData): ChartColumn<unknown>[] {
  const claimsOf = (row: unknown) => chart.claimIds(row).map((id) => mustGet(data.claimById, id, 'claim'));
  return [
    {
      key: 'claimants',
      label: 'Claimed by',
      value: (row) => listInWords(claimsOf(row).map((claim) => formatClaimants(claim, data.claimants))),
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
  return [...chart.columns, ...claimColumns(chart, data)];
}

export function chartCsv(chart: AnyChart, data: ChartData): string {
  const columns = tableColumns(chart, data);
  const header = columns.map((column) => column.key);
  const rows = chart.rows(data).map((row) =>
    columns.map((column) => {
      const value = column.value(row);
      return value === null || value === undefined ? '' : String(value);
    }),
  );
  return `${csvFormatRows([header, ...rows])}\n`;
}
