import { describe, expect, it } from 'vitest';
import {
  canPrecedeOrEqual,
  elapsedDays,
  daysBetween,
  dayToIso,
  earliestDay,
  formatPartialDate,
  formatPeriod,
  latestDay,
  midpointDay,
  parsePartialDate,
} from '../../src/lib/dates.ts';

describe('parsePartialDate', () => {
  it('reads the three precisions', () => {
    expect(parsePartialDate('2023')).toEqual({ year: 2023, month: null, day: null, precision: 'year' });
    expect(parsePartialDate('2023-08')).toEqual({ year: 2023, month: 8, day: null, precision: 'month' });
    expect(parsePartialDate('2021-09-24')).toEqual({ year: 2021, month: 9, day: 24, precision: 'day' });
  });

  it('rejects malformed text and days that do not exist', () => {
    for (const text of [
      '2021-9',
      '21-09-24',
      '2021-09-24T00:00',
      '2021-13',
      '2021-00',
      '2023-02-29',
      '2021-09-31',
      '',
      ' 2021',
    ]) {
      expect(parsePartialDate(text), text).toBeNull();
    }
    expect(parsePartialDate('2024-02-29')?.day).toBe(29); // a leap day
  });
});

describe('a partial date is an interval of days', () => {
  it('spans its whole month or year', () => {
    expect(dayToIso(earliestDay('2023-08'))).toBe('2023-08-01');
    expect(dayToIso(latestDay('2023-08'))).toBe('2023-08-31');
    expect(dayToIso(latestDay('2024-02'))).toBe('2024-02-29');
    expect(dayToIso(earliestDay('2023'))).toBe('2023-01-01');
    expect(dayToIso(latestDay('2023'))).toBe('2023-12-31');
    expect(earliestDay('2021-09-24')).toBe(latestDay('2021-09-24'));
    // 1 to 31 Aug: the midpoint is 16 Aug at noon, i.e. day number + 0.5.
    expect(midpointDay('2023-08') - earliestDay('2023-08-16')).toBe(0);
  });

  it('gives days between two partial dates as a range', () => {
    // Worked by hand: 24 Sept 2021 to 24 Sept 2022 is 365 days; to 24 July 2023 another 303
    // (30+31+30+31+31+28+31+30+31+30); to 1 Aug 2023 another 8: 676. To 31 Aug: 676 + 30 = 706.
    expect(daysBetween('2021-09-24', '2023-08')).toEqual({ min: 676, max: 706 });
    // 31 Aug to 1 Dec 2023 is 30 + 31 + 30 + 1 = 92; 1 Aug to 31 Dec is 31 + 30 + 31 + 30 + 30 = 152.
    expect(daysBetween('2023-08', '2023-12')).toEqual({ min: 92, max: 152 });
    expect(daysBetween('2023-10-27', '2023-11-16')).toEqual({ min: 20, max: 20 });
    // Overlapping dates cannot be a negative distance apart.
    expect(daysBetween('2023-08', '2023-08-17')).toEqual({ min: 0, max: 16 });
  });

  it('orders partial dates only when they cannot overlap', () => {
    expect(canPrecedeOrEqual('2023-08', '2023-08-01')).toBe(true);
    expect(canPrecedeOrEqual('2023-08-31', '2023-08')).toBe(true);
    expect(canPrecedeOrEqual('2023-09-01', '2023-08')).toBe(false);
    expect(canPrecedeOrEqual('2024', '2023-12-31')).toBe(false);
  });
});

describe('formatting', () => {
  it('shows exactly the precision we have', () => {
    expect(formatPartialDate('2021-09-24')).toBe('24 Sept 2021');
    expect(formatPartialDate('2023-08')).toBe('Aug 2023');
    expect(formatPartialDate('2023-08', 'long')).toBe('August 2023');
    expect(formatPartialDate('2023')).toBe('2023');
  });

  it('writes periods as words', () => {
    expect(formatPeriod('2023-04', '2023-07')).toBe('April 2023 to July 2023');
    expect(formatPeriod('2023-08', null)).toBe('since Aug 2023');
    expect(formatPeriod('2023-11-12', '2023-11-12')).toBe('on 12 Nov 2023');
    expect(formatPeriod('2022-05', '2022-05')).toBe('in May 2022');
    expect(formatPeriod(null, null)).toBeNull();
  });
});

describe('elapsedDays: the span between two moments known only to their precision', () => {
  it('reads month precision at both ends as the shortest and longest the months allow', () => {
    // Shortest: 31 Dec 2021 to 1 Dec 2023 = 365 + 365 − 30 = 700 days elapsed.
    // Longest: 1 Dec 2021 to 31 Dec 2023, both days counted = 730 + 30 + 1 = 761.
    expect(elapsedDays('2021-12', '2023-12')).toEqual({ min: 700, max: 761 });
  });

  it('gives days elapsed and days counted with both ends for day-precise dates', () => {
    // 7 to 24 Sept 2021: 17 elapsed, 18 counting both days.
    expect(elapsedDays('2021-09-07', '2021-09-24')).toEqual({ min: 17, max: 18 });
  });

  it('counts inclusively, as closed periods are: the start day always, the claim day only in the longest', () => {
    // A closed period counts both ends: 1 April to 31 July 2023 is 122 days.
    const inclusive = (from: number, to: number) => to - from + 1;
    expect(inclusive(earliestDay('2023-04'), latestDay('2023-07'))).toBe(122);
    const spans: [string, string][] = [
      ['2021-12', '2023-12'],
      ['2021-09-07', '2021-09-24'],
      ['2021-02-01', '2023-08'],
      ['2023-10-27', '2023-11-16'],
      ['2022', '2023-12'],
    ];
    for (const [start, end] of spans) {
      const { min, max } = elapsedDays(start, end);
      // Longest: earliest start to the latest claim day, both counted.
      expect(max, `${start} to ${end}`).toBe(inclusive(earliestDay(start), latestDay(end)));
      // Shortest: latest start to the day before the earliest claim day, both counted.
      expect(min, `${start} to ${end}`).toBe(inclusive(latestDay(start), earliestDay(end) - 1));
    }
  });

  it('never gives less than a day, even when both ends may fall on one day', () => {
    expect(elapsedDays('2023-08', '2023-08')).toEqual({ min: 1, max: 31 });
  });
});
