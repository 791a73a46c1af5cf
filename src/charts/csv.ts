/**
 * A chart's CSV download: exactly the rows it draws (chart.rows), one column per chart.columns
 * entry, headed by the column keys. RFC 4180 quoting, LF line endings, empty cell for no value.
 */
import { csvFormatRows } from 'd3-dsv';
import type { AnyChart, ChartData } from './types.ts';

export function chartCsv(chart: AnyChart, data: ChartData): string {
  const header = chart.columns.map((column) => column.key);
  const rows = chart.rows(data).map((row) =>
    chart.columns.map((column) => {
      const value = column.value(row);
      return value === null || value === undefined ? '' : String(value);
    }),
  );
  return `${csvFormatRows([header, ...rows])}\n`;
}
