import { describe, expect, it } from 'vitest';
import {
  formatClaimCount,
  formatClaimPeriod,
  formatDailyRate,
  formatPerDay,
  formatSpan,
} from '../../src/lib/format.ts';

describe('spans and periods in words', () => {
  it('write spans briefly', () => {
    expect(formatSpan('2023-04', '2023-07')).toBe('April to July 2023');
    expect(formatSpan('2023-11-13', '2023-11-17')).toBe('13 to 17 Nov 2023');
    expect(formatSpan('2021-09-24', '2023-08')).toBe('24 Sept 2021 to Aug 2023');
    expect(formatSpan('2023-11-12', '2023-11-12')).toBe('12 Nov 2023');
  });

  it('give the period a claim counts, its stated length first', () => {
    const period = (period_start: string | null, period_end: string | null, stated_days: number | null = null) =>
      formatClaimPeriod({ period_start, period_end, stated_days });
    expect(period('2021-09-07', '2021-09-21', 14)).toBe('14 days from 7 Sept 2021');
    expect(period('2023-04', '2023-07')).toBe('April to July 2023');
    expect(period('2023-08', null)).toBe('since Aug 2023');
    expect(period(null, '2022-05')).toBe('until May 2022');
    expect(period(null, null)).toBe('no dates given');
  });
});

describe('people a day', () => {
  it('keep small rates readable', () => {
    // One person in 31 days: 1 / 31 = 0.0323.
    expect(formatPerDay(1 / 31)).toBe('0.032');
    expect(formatPerDay(32.357)).toBe('32');
    expect(formatPerDay(3.689)).toBe('3.7');
  });

  it('write a range of rates as the chart and the article both say it', () => {
    expect(formatDailyRate({ low: 14.448, high: 20.414 })).toBe('14 to 20 a day');
    expect(formatDailyRate({ low: 23.033, high: null })).toBe('23 or more a day');
    expect(formatDailyRate({ low: 33, high: 33 })).toBe('33 a day');
  });
});

describe('counts of claims', () => {
  it('agree in number', () => {
    expect(formatClaimCount(1)).toBe('1 claim');
    expect(formatClaimCount(8)).toBe('8 claims');
  });
});
