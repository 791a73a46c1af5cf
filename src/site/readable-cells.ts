/**
 * A chart's table as readers get it under "The numbers behind this chart": the same rows as the
 * chart's CSV, without the codes the CSV keeps for machines. Claim ids are left out (each row already
 * says what it counts and who claims it, and the claims drawn are linked below the table), ISO dates
 * become readable dates, and a coded hedge or act becomes its words.
 */
import { formatPartialDate, parsePartialDate } from '../lib/dates.ts';
import { ACTION_LABELS, PERSONNEL_LABELS, QUALIFIER_WORDS } from '../lib/format.ts';
import { ACTIONS, PERSONNEL, QUALIFIERS } from '../lib/types.ts';
import type { ChartColumn } from '../charts/types.ts';

/** Columns that hold claim ids: kept in the CSV, not shown in the table. */
const ID_COLUMNS = new Set(['claim_id', 'claim_ids']);

const ISO_PARTIAL_DATE = /^\d{4}-\d{2}(?:-\d{2})?$/;

/** The columns a reader's table shows. */
export function readableColumns<Row>(columns: readonly ChartColumn<Row>[]): ChartColumn<Row>[] {
  return columns.filter((column) => !ID_COLUMNS.has(column.key));
}

/** One cell in words: "2021-09-24" as "24 Sept 2021", "at_least" as "at least", "joined_cdm" as "joined the CDM". */
export function readableCell(value: string | number | null): string | number | null {
  if (typeof value !== 'string') return value;
  if (ISO_PARTIAL_DATE.test(value) && parsePartialDate(value)) return formatPartialDate(value);
  if ((QUALIFIERS as readonly string[]).includes(value) && value.includes('_')) {
    return QUALIFIER_WORDS[value as (typeof QUALIFIERS)[number]];
  }
  if ((ACTIONS as readonly string[]).includes(value)) return ACTION_LABELS[value as (typeof ACTIONS)[number]];
  if ((PERSONNEL as readonly string[]).includes(value) && value.includes('_')) {
    return PERSONNEL_LABELS[value as (typeof PERSONNEL)[number]];
  }
  return value;
}
