/**
 * Reads and validates the CSV files of data/ as one dataset.
 *
 * Every row of every file is checked and every defect is collected before anything fails, so that
 * one build names all that needs fixing. Each defect names the file, the row as a spreadsheet
 * numbers it (the header is row 1), the column, the value found and what was expected.
 *
 * Accepted on purpose: a UTF-8 byte-order mark and CRLF line endings, which spreadsheet programs
 * write on export; both are stripped before parsing and change nothing else.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { csvParseRows } from 'd3-dsv';
import { canPrecedeOrEqual } from './dates.ts';
import { DATA_FILES, columnsOf, type DataFileKey } from './schema.ts';
import type { Claim, Claimant, Reading, Source, TimelineEvent } from './types.ts';

export interface Dataset {
  claims: Claim[];
  claimants: Claimant[];
  sources: Source[];
  events: TimelineEvent[];
  /** Second readings of claims whose article allows two (data/readings.csv); most claims have none. */
  readings: Reading[];
}

export interface DataDefect {
  file: string;
  /** 1-based, as a spreadsheet shows it: the header is row 1, the first record row 2. Null for the whole file. */
  row: number | null;
  column: string | null;
  value: string | null;
  expected: string;
}

export function formatDefect(defect: DataDefect): string {
  const where = [
    defect.file,
    defect.row === null ? null : `row ${defect.row}`,
    defect.column && `column "${defect.column}"`,
  ]
    .filter(Boolean)
    .join(', ');
  const found = defect.value === null ? '' : `found ${JSON.stringify(defect.value)}; `;
  return `${where}: ${found}expected ${defect.expected}`;
}

export class DataValidationError extends Error {
  readonly defects: DataDefect[];
  constructor(defects: DataDefect[]) {
    const noun = defects.length === 1 ? 'defect' : 'defects';
    super(
      `The data in data/ has ${defects.length} ${noun}; nothing was built.\n` +
        defects.map((defect) => `  - ${formatDefect(defect)}`).join('\n'),
    );
    this.name = 'DataValidationError';
    this.defects = defects;
  }
}

/** Removes what spreadsheets add on export (a byte-order mark, CRLF), so the rest parses as written. */
export function normaliseCsvText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Parses CSV text into records keyed by the header, all cells as strings, for the Astro file loader. */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const [header = [], ...rows] = csvParseRows(normaliseCsvText(text));
  return rows.map((cells) => Object.fromEntries(header.map((column, index) => [column, cells[index] ?? ''])));
}

interface ParsedFile<T> {
  rows: { row: number; value: T }[];
  defects: DataDefect[];
}

/** Parses and validates one file's text against its schema: every row, every column. */
export function parseDataFile<K extends DataFileKey>(key: K, text: string, fileLabel = `data/${DATA_FILES[key].file}`) {
  type Row = ReturnType<(typeof DATA_FILES)[K]['schema']['parse']>;
  const result: ParsedFile<Row> = { rows: [], defects: [] };
  const expectedColumns = columnsOf(key);
  const [header, ...records] = csvParseRows(normaliseCsvText(text));
  if (!header || header.every((cell) => cell === '')) {
    result.defects.push({
      file: fileLabel,
      row: 1,
      column: null,
      value: null,
      expected: `a header row: ${expectedColumns.join(',')}`,
    });
    return result;
  }
  for (const column of expectedColumns.filter((name) => !header.includes(name))) {
    result.defects.push({
      file: fileLabel,
      row: 1,
      column,
      value: null,
      expected: `a column named "${column}" in the header`,
    });
  }
  header.forEach((column, index) => {
    if (!expectedColumns.includes(column)) {
      result.defects.push({
        file: fileLabel,
        row: 1,
        column: column || `(column ${index + 1})`,
        value: column,
        expected: `only the columns ${expectedColumns.join(', ')}`,
      });
    } else if (header.indexOf(column) !== index) {
      result.defects.push({ file: fileLabel, row: 1, column, value: column, expected: 'each column named once' });
    }
  });
  if (result.defects.length > 0) return result;

  const schema = DATA_FILES[key].schema;
  records.forEach((cells, index) => {
    const row = index + 2;
    if (cells.length !== header.length) {
      result.defects.push({
        file: fileLabel,
        row,
        column: null,
        value: cells.join(','),
        expected: `${header.length} cells (one per column), found ${cells.length}`,
      });
      return;
    }
    const record = Object.fromEntries(header.map((column, cellIndex) => [column, cells[cellIndex]]));
    const parsed = schema.safeParse(record);
    if (parsed.success) {
      result.rows.push({ row, value: parsed.data as Row });
      return;
    }
    for (const issue of parsed.error.issues) {
      const column = String(issue.path[0] ?? '');
      result.defects.push({ file: fileLabel, row, column, value: record[column] ?? null, expected: issue.message });
    }
  });
  return result;
}

function checkUniqueIds(file: string, rows: { row: number; value: { id: string } }[], defects: DataDefect[]) {
  const firstRow = new Map<string, number>();
  for (const { row, value } of rows) {
    const earlier = firstRow.get(value.id);
    if (earlier === undefined) firstRow.set(value.id, row);
    else
      defects.push({
        file,
        row,
        column: 'id',
        value: value.id,
        expected: `an id not used before (row ${earlier} has it)`,
      });
  }
}

function checkReference(
  file: string,
  row: number,
  column: string,
  value: string,
  known: Set<string>,
  target: string,
  defects: DataDefect[],
) {
  if (!known.has(value)) {
    const choices = [...known].sort().join(', ');
    defects.push({ file, row, column, value, expected: `an id from data/${target} (${choices})` });
  }
}

/** Co-claimants must be known claimants, each named once, and not the claimant itself. */
function checkCoClaimants(
  file: string,
  row: number,
  claim: { claimant_id: string; co_claimant_ids: string[] },
  known: Set<string>,
  defects: DataDefect[],
) {
  const column = 'co_claimant_ids';
  const value = claim.co_claimant_ids.join(' ');
  for (const id of claim.co_claimant_ids) checkReference(file, row, column, id, known, 'claimants.csv', defects);
  if (claim.co_claimant_ids.includes(claim.claimant_id)) {
    defects.push({ file, row, column, value, expected: `ids other than the claimant_id (${claim.claimant_id})` });
  }
  if (new Set(claim.co_claimant_ids).size !== claim.co_claimant_ids.length) {
    defects.push({ file, row, column, value, expected: 'each co-claimant named once' });
  }
}

/** Validates the texts of all four files together: rows, ids, references between files, date order. */
export function validateDatasetTexts(
  texts: Record<Exclude<DataFileKey, 'readings'>, string | null> & { readings?: string | null },
): Dataset {
  const defects: DataDefect[] = [];
  const parse = <K extends DataFileKey>(key: K) => {
    // readings.csv is optional: without it every claim has only the reading its row codes.
    if (key === 'readings' && (texts.readings ?? null) === null) return { rows: [], defects: [] };
    const text = texts[key as Exclude<DataFileKey, 'readings'>];
    if (text === null) {
      defects.push({
        file: `data/${DATA_FILES[key].file}`,
        row: null,
        column: null,
        value: null,
        expected: 'the file to exist',
      });
      return { rows: [], defects: [] };
    }
    const parsed = parseDataFile(key, text);
    defects.push(...parsed.defects);
    return parsed;
  };
  const claims = parse('claims');
  const claimants = parse('claimants');
  const sources = parse('sources');
  const events = parse('events');
  const readings = parse('readings');

  checkUniqueIds('data/claims.csv', claims.rows, defects);
  checkUniqueIds('data/claimants.csv', claimants.rows, defects);
  checkUniqueIds('data/sources.csv', sources.rows, defects);
  checkUniqueIds('data/events.csv', events.rows, defects);

  const claimantIds = new Set(claimants.rows.map(({ value }) => value.id));
  const sourceIds = new Set(sources.rows.map(({ value }) => value.id));
  // References are only meaningful when the referenced file itself was readable.
  const canCheckClaimants = texts.claimants !== null && claimantIds.size > 0;
  const canCheckSources = texts.sources !== null && sourceIds.size > 0;

  for (const { row, value: claim } of claims.rows) {
    const file = 'data/claims.csv';
    if (canCheckClaimants)
      checkReference(file, row, 'claimant_id', claim.claimant_id, claimantIds, 'claimants.csv', defects);
    if (canCheckClaimants) checkCoClaimants(file, row, claim, claimantIds, defects);
    if (canCheckSources) checkReference(file, row, 'source_id', claim.source_id, sourceIds, 'sources.csv', defects);
    if (claim.qualifier === 'vague' && claim.figure !== null) {
      defects.push({
        file,
        row,
        column: 'figure',
        value: String(claim.figure),
        expected: 'an empty figure, because the qualifier is vague',
      });
    }
    if (claim.qualifier !== 'vague' && claim.figure === null) {
      defects.push({
        file,
        row,
        column: 'figure',
        value: '',
        expected: `a whole number above 0, because the qualifier is ${claim.qualifier} (only vague claims have no figure)`,
      });
    }
    if (claim.period_start && claim.period_end && !canPrecedeOrEqual(claim.period_start, claim.period_end)) {
      defects.push({
        file,
        row,
        column: 'period_end',
        value: claim.period_end,
        expected: `a date on or after period_start (${claim.period_start})`,
      });
    }
    for (const column of ['period_start', 'period_end'] as const) {
      const date = claim[column];
      if (date && !canPrecedeOrEqual(date, claim.claimed_on)) {
        defects.push({
          file,
          row,
          column,
          value: date,
          expected: `a date on or before claimed_on (${claim.claimed_on}): a claim cannot count what had not happened yet`,
        });
      }
    }
  }
  if (canCheckSources) {
    for (const { row, value: event } of events.rows) {
      checkReference('data/events.csv', row, 'source_id', event.source_id, sourceIds, 'sources.csv', defects);
    }
  }

  checkReadings(readings.rows, new Set(claims.rows.map(({ value }) => value.id)), defects);

  if (defects.length > 0) throw new DataValidationError(defects);
  return {
    claims: claims.rows.map(({ value }) => value as Claim),
    claimants: claimants.rows.map(({ value }) => value as Claimant),
    sources: sources.rows.map(({ value }) => value as Source),
    events: events.rows.map(({ value }) => value as TimelineEvent),
    readings: readings.rows.map(({ value }) => value as Reading),
  };
}

/** Each reading names a known claim, once per reading id, and keeps its own period in order. */
function checkReadings(rows: { row: number; value: Reading }[], claimIds: Set<string>, defects: DataDefect[]) {
  const file = 'data/readings.csv';
  const seen = new Set<string>();
  for (const { row, value: reading } of rows) {
    if (claimIds.size > 0 && !claimIds.has(reading.claim_id)) {
      defects.push({ file, row, column: 'claim_id', value: reading.claim_id, expected: 'an id from data/claims.csv' });
    }
    const key = `${reading.claim_id} ${reading.reading_id}`;
    if (seen.has(key)) {
      defects.push({
        file,
        row,
        column: 'reading_id',
        value: reading.reading_id,
        expected: 'a reading id not used before for this claim',
      });
    }
    seen.add(key);
    if (reading.period_start && reading.period_end && !canPrecedeOrEqual(reading.period_start, reading.period_end)) {
      defects.push({
        file,
        row,
        column: 'period_end',
        value: reading.period_end,
        expected: `a date on or after period_start (${reading.period_start})`,
      });
    }
  }
}

function readIfExists(path: string): string | null {
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

/** Reads data/ (or another folder with the same four files) and returns the validated dataset, or throws. */
export function loadDataset(dataDir: string): Dataset {
  const texts = Object.fromEntries(
    (Object.keys(DATA_FILES) as DataFileKey[]).map((key) => [key, readIfExists(join(dataDir, DATA_FILES[key].file))]),
  ) as Record<DataFileKey, string | null>;
  return validateDatasetTexts(texts);
}
