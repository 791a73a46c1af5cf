import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DataValidationError,
  formatDefect,
  loadDataset,
  validateDatasetTexts,
  type DataDefect,
} from '../../src/lib/dataset.ts';
import type { DataFileKey } from '../../src/lib/schema.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const good = (file: string) => readFileSync(join(fixtures, 'good-data', file), 'utf8');
const bad = (file: string) => readFileSync(join(fixtures, 'bad-data', file), 'utf8');

function goodTexts(): Record<Exclude<DataFileKey, 'readings'>, string | null> {
  return {
    claims: good('claims.csv'),
    claimants: good('claimants.csv'),
    sources: good('sources.csv'),
    events: good('events.csv'),
  };
}

/** Validates the good fixture with one file swapped, and returns the defects it raised. */
function defectsWith(replacement: Partial<Record<DataFileKey, string | null>>): DataDefect[] {
  try {
    validateDatasetTexts({ ...goodTexts(), ...replacement });
  } catch (error) {
    if (error instanceof DataValidationError) return error.defects;
    throw error;
  }
  return [];
}

describe('the good fixture', () => {
  it('loads with typed values', () => {
    const data = loadDataset(join(fixtures, 'good-data'));
    expect(data.claims).toHaveLength(3);
    const [first, second, vague] = data.claims;
    expect(first?.figure).toBe(3000);
    expect(first?.quote).toBe('A fixture sentence with “typographic quotes”, a comma and around 3,000.');
    expect(first?.period_end).toBeNull();
    expect(second?.notes).toBe('A note.');
    expect(vague?.figure).toBeNull();
    expect(vague?.place).toBe('Kokang, Shan State');
  });
});

describe('the bad-input corpus: one defect per file, one message naming file, row, column, value and expectation', () => {
  it('rejects an unknown claimant', () => {
    const defects = defectsWith({ claims: bad('claims.unknown-claimant.csv') });
    expect(defects.map(formatDefect)).toEqual([
      'data/claims.csv, row 4, column "claimant_id": found "no-such-claimant"; expected an id from data/claimants.csv (fixture-claimant)',
    ]);
  });

  it('rejects a duplicate id and names the row that had it first', () => {
    const defects = defectsWith({ claims: bad('claims.duplicate-id.csv') });
    expect(defects.map(formatDefect)).toEqual([
      'data/claims.csv, row 3, column "id": found "fixture-total-2021"; expected an id not used before (row 2 has it)',
    ]);
  });

  it('rejects a date that does not exist', () => {
    const defects = defectsWith({ claims: bad('claims.bad-date.csv') });
    expect(defects.map(formatDefect)).toEqual([
      'data/claims.csv, row 2, column "claimed_on": found "2021-09-31"; expected a date that exists, written YYYY, YYYY-MM or YYYY-MM-DD',
    ]);
  });

  it('rejects a period that ends before it starts', () => {
    const defects = defectsWith({ claims: bad('claims.reversed-period.csv') });
    expect(defects.map(formatDefect)).toEqual([
      'data/claims.csv, row 4, column "period_end": found "2023-11-01"; expected a date on or after period_start (2023-11-30)',
    ]);
  });

  it('rejects a figure written with a thousands comma instead of reading it as 15', () => {
    const defects = defectsWith({ claims: bad('claims.thousands-comma.csv') });
    expect(defects.map(formatDefect)).toEqual([
      'data/claims.csv, row 3, column "figure": found "15,000"; expected the figure: a whole number above 0 in plain digits (no thousands separators, no spaces), or empty',
    ]);
  });

  it('rejects an empty quote', () => {
    const defects = defectsWith({ claims: bad('claims.empty-quote.csv') });
    expect(defects.map(formatDefect)).toEqual([
      'data/claims.csv, row 3, column "quote": found ""; expected the verbatim quote from the article; it must not be empty',
    ]);
  });

  it('rejects a file with a column missing, at the header, before reading rows', () => {
    const defects = defectsWith({ claims: bad('claims.missing-column.csv') });
    expect(defects.map(formatDefect)).toEqual([
      'data/claims.csv, row 1, column "verification": expected a column named "verification" in the header',
    ]);
  });

  it('rejects a value outside a closed list and lists the allowed values', () => {
    const defects = defectsWith({ claims: bad('claims.unknown-enum.csv') });
    expect(defects.map(formatDefect)).toEqual([
      'data/claims.csv, row 3, column "action": found "ran_away"; expected one of: defected, deserted, surrendered, joined_cdm, contacted_resistance, waiting_to_leave, answered_call',
    ]);
  });

  it('accepts a byte-order mark, as spreadsheet programs write it, and reads the same data', () => {
    expect(defectsWith({ claims: bad('claims.bom.csv') })).toEqual([]);
    const withBom = validateDatasetTexts({ ...goodTexts(), claims: bad('claims.bom.csv') });
    expect(withBom).toEqual(validateDatasetTexts(goodTexts()));
    expect(Object.keys(withBom.claims[0] ?? {})[0]).toBe('id');
  });

  it('accepts CRLF line endings and keeps no carriage return in any value', () => {
    const withCrlf = validateDatasetTexts({ ...goodTexts(), claims: bad('claims.crlf.csv') });
    expect(withCrlf).toEqual(validateDatasetTexts(goodTexts()));
    expect(JSON.stringify(withCrlf)).not.toContain('\\r');
  });
});

describe('collecting every defect before failing', () => {
  it('reports defects from several rows and files in one error', () => {
    const claims = good('claims.csv')
      .replace(',3000,people,about,', ',3000,people,approximately,')
      .replace('2023-08,2021-02-01', '2023-13,2021-02-01');
    const events = good('events.csv').replace(',fixture-source\n', ',missing-source\n');
    const defects = defectsWith({ claims, events });
    expect(defects.map((d) => [d.file, d.row, d.column])).toEqual([
      ['data/claims.csv', 2, 'qualifier'],
      ['data/claims.csv', 3, 'claimed_on'],
      ['data/events.csv', 2, 'source_id'],
    ]);
  });

  it('names a missing file', () => {
    expect(defectsWith({ sources: null }).map(formatDefect)).toEqual(['data/sources.csv: expected the file to exist']);
  });

  it('rejects a stray column and a row with the wrong number of cells', () => {
    const stray = good('claimants.csv')
      .replace('interest\n', 'interest,extra\n')
      .replace('a fixture.\n', 'a fixture.,x\n');
    expect(defectsWith({ claimants: stray }).map(formatDefect)).toEqual([
      'data/claimants.csv, row 1, column "extra": found "extra"; expected only the columns id, name, short_name, kind, description, interest',
    ]);
    const short = good('sources.csv').replace(',,en\n', ',en\n');
    expect(defectsWith({ sources: short }).map((d) => [d.row, d.expected])).toEqual([
      [2, '7 cells (one per column), found 6'],
    ]);
  });

  it('requires a figure unless the claim is vague, and none when it is', () => {
    const claims = good('claims.csv')
      .replace(',,,3000,people,about,', ',,,,people,about,')
      .replace(',,,,people,vague,', ',,,,12,people,vague,'.replace(',,,,12', ',,,12'));
    const defects = defectsWith({ claims });
    expect(defects.map((d) => [d.row, d.column, d.value])).toEqual([
      [2, 'figure', ''],
      [4, 'figure', '12'],
    ]);
  });

  it('rejects a period that starts after the claim was made', () => {
    const claims = good('claims.csv').replace('2023-08,2021-02-01', '2023-08,2023-09');
    expect(defectsWith({ claims }).map(formatDefect)).toEqual([
      'data/claims.csv, row 3, column "period_start": found "2023-09"; expected a date on or before claimed_on (2023-08): a claim cannot count what had not happened yet',
    ]);
  });
});
