/**
 * The corrections changelog at the end of data/README.md is machine-readable: one table row per
 * change, `| date | claim id | column | old value | new value | reason |`. Every row must name a
 * claim that exists and a column claims.csv has, and its new value must be what the data holds now
 * (unless a later row changes the same cell again).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/dataset.ts';
import { columnsOf } from '../../src/lib/schema.ts';

const readme = readFileSync('data/README.md', 'utf8');
const changelog = readme.slice(readme.search(/^## Changelog\s*$/m));
const rows = changelog
  .split('\n')
  .filter((line) => /^\|\s*\d{4}-\d{2}-\d{2}\s*\|/.test(line))
  .map((line) => {
    const cells = line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim().replace(/\\\|/g, '|'));
    const [date, claimId, column, oldValue, newValue, reason] = cells;
    return { date, claimId, column, oldValue, newValue, reason, cells: cells.length };
  });
const data = loadDataset('data');
const raw = (value: string | undefined) => (value === '(empty)' ? '' : value);

describe('the corrections changelog', () => {
  it('has the issue 9 corrections as table rows', () => {
    expect(rows.length).toBeGreaterThanOrEqual(7);
  });

  it.each(rows.map((row) => [`${row.claimId} ${row.column}`, row] as const))('%s', (_name, row) => {
    expect(row.cells).toBe(6);
    expect(row.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const claim = data.claims.find((candidate) => candidate.id === row.claimId);
    expect(claim, `claim id ${row.claimId}`).toBeDefined();
    expect(columnsOf('claims')).toContain(row.column);
    expect(row.oldValue).not.toBe(row.newValue);
    expect(row.reason?.length).toBeGreaterThan(10);
    const later = rows.filter((other) => other.claimId === row.claimId && other.column === row.column);
    if (later.at(-1) === row) {
      const current = (claim as unknown as Record<string, unknown>)[row.column as string];
      expect(String(current ?? ''), 'the data now holds the new value').toBe(raw(row.newValue));
    }
  });
});

describe('attribution follows the article, never our inference', () => {
  // A note that says the outlet gives the figure in its own voice, or with no source, describes an
  // unattributed figure; crediting it to a party from context shows an inference as fact.
  const ownVoice = /own voice|no source|without naming a source|attributes it to no one/;

  it('every claim whose note says the outlet states it without a source is unattributed', () => {
    const described = data.claims.filter((claim) => ownVoice.test(claim.notes ?? ''));
    // The Paletwa 10 and the more than 50 since early August are among them (review finding 6).
    expect(described.map((claim) => claim.id)).toEqual(
      expect.arrayContaining(['arakan-army-surrendered-10-paletwa-2022-09', 'nug-defected-50-2023-08']),
    );
    for (const claim of described) expect(claim.claimant_id, claim.id).toBe('unattributed');
  });
});
