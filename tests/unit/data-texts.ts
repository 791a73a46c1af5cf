/**
 * Test data: the CSV texts of data/ with chosen cells replaced, so a test can put unusual text into
 * the real dataset and send it through validation like an editor's spreadsheet would.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvFormatRows, csvParseRows } from 'd3-dsv';
import { DATA_FILES, type DataFileKey } from '../../src/lib/schema.ts';

export const DATA_DIR = join(import.meta.dirname, '..', '..', 'data');
export const DATA_KEYS = Object.keys(DATA_FILES) as DataFileKey[];

export type DataTexts = Record<DataFileKey, string>;

/** The free-text columns of each file: what an editor writes in words, as opposed to ids, codes, dates and URLs. */
export const FREE_TEXT_COLUMNS: Record<DataFileKey, readonly string[]> = {
  claims: ['place', 'quote', 'notes'],
  claimants: ['name', 'short_name', 'description', 'interest'],
  sources: ['outlet', 'headline', 'republished_by'],
  events: ['title', 'description'],
  readings: ['label', 'quote', 'note'],
  // Its note is on no chart, embed or PNG (what the pipeline test renders), only in page text that
  // Astro escapes; one more required column there would only raise the share of refused runs.
  relations: [],
};

export function readDataTexts(dataDir = DATA_DIR): DataTexts {
  return Object.fromEntries(
    DATA_KEYS.map((key) => [key, readFileSync(join(dataDir, DATA_FILES[key].file), 'utf8')]),
  ) as DataTexts;
}

/** One cell to overwrite: `row` counts records from 0 (the spreadsheet's row 2). */
export interface CellEdit {
  file: DataFileKey;
  row: number;
  column: string;
  value: string;
}

/** The texts with each edit applied, written back as CSV (quoted where a cell needs it). */
export function editDataTexts(texts: DataTexts, edits: readonly CellEdit[]): DataTexts {
  const result = { ...texts };
  for (const key of DATA_KEYS) {
    const mine = edits.filter((edit) => edit.file === key);
    if (mine.length === 0) continue;
    const [header = [], ...rows] = csvParseRows(texts[key]);
    for (const edit of mine) {
      const column = header.indexOf(edit.column);
      const row = rows[edit.row];
      if (column < 0 || !row) throw new Error(`No cell ${key}.csv row ${edit.row} column ${edit.column}`);
      row[column] = edit.value;
    }
    result[key] = `${csvFormatRows([header, ...rows])}\n`;
  }
  return result;
}
