/**
 * The security review of issue 10's validator: each finding as a test that failed before its fix.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataValidationError, formatDefect, validateDatasetTexts, type DataDefect } from '../../src/lib/dataset.ts';
import { formatNumber, formatPerDay, formatRate } from '../../src/lib/format.ts';
import type { DataFileKey } from '../../src/lib/schema.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const good = (file: string) => readFileSync(join(fixtures, 'good-data', file), 'utf8');
const bad = (file: string) => readFileSync(join(fixtures, 'bad-data', file), 'utf8');

function messagesWith(replacement: Partial<Record<DataFileKey, string | null>>): string[] {
  try {
    validateDatasetTexts({
      claims: good('claims.csv'),
      claimants: good('claimants.csv'),
      sources: good('sources.csv'),
      events: good('events.csv'),
      ...replacement,
    });
  } catch (error) {
    if (error instanceof DataValidationError) return error.defects.map((defect: DataDefect) => formatDefect(defect));
    throw error;
  }
  return [];
}

describe('numbers have a stated ceiling', () => {
  it('rejects a figure of 15 followed by 400 zeros, which JavaScript reads as Infinity', () => {
    const messages = messagesWith({ claims: bad('claims.absurd-figure.csv') });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(
      /^data\/claims\.csv, row 2, column "figure": found "15000.*expected the figure: at most 1,000,000 \(/,
    );
  });

  it('accepts 1,000,000 people exactly and rejects one more', () => {
    const at = good('claims.csv').replace(',3000,people,', ',1000000,people,');
    expect(messagesWith({ claims: at })).toEqual([]);
    const over = good('claims.csv').replace(',3000,people,', ',1000001,people,');
    expect(messagesWith({ claims: over })).toEqual([
      'data/claims.csv, row 2, column "figure": found "1000001"; expected the figure: at most 1,000,000 (more people than Myanmar’s military and police together have ever had)',
    ]);
  });

  it('rejects a percent above 1,000 and stated_days above 3,660 (ten years)', () => {
    const percent = good('claims.csv').replace(',3000,people,', ',1001,percent,');
    expect(messagesWith({ claims: percent })).toEqual([
      'data/claims.csv, row 2, column "figure": found "1001"; expected the figure: at most 1,000 when the unit is percent (a share of a force, even stated as growth, is not ten times the whole)',
    ]);
    const days = good('claims.csv').replace(',,,3000,people,', ',,3661,3000,people,');
    expect(messagesWith({ claims: days })).toEqual([
      'data/claims.csv, row 2, column "stated_days": found "3661"; expected the number of days the article states: at most 3,660 (ten years, longer than any period since the 2021 coup)',
    ]);
  });

  it('still reports a thousands comma once, not also as over the ceiling', () => {
    expect(messagesWith({ claims: bad('claims.thousands-comma.csv') })).toHaveLength(1);
  });
});

describe('the number formatters refuse what is not a finite number', () => {
  for (const value of [Infinity, -Infinity, NaN]) {
    it(`throws on ${value}, naming it, instead of printing ∞`, () => {
      for (const format of [formatNumber, formatRate, formatPerDay]) {
        expect(() => format(value)).toThrow(`Refusing to format ${String(value)}`);
      }
    });
  }

  it('still formats ordinary values', () => {
    // 1,000,000 with the en-GB grouping; 3.66 to one decimal; 1/30 to two significant digits.
    expect(formatNumber(1_000_000)).toBe('1,000,000');
    expect(formatRate(3.66)).toBe('3.7');
    expect(formatPerDay(1 / 30)).toBe('0.033');
  });
});
