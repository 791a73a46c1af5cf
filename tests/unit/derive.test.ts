import { describe, expect, it } from 'vitest';
import { figureRange, periodDays, unionRanges } from '../../src/lib/derive.ts';
import { blockedPairs, impliedDailyRates, periodDailyRates } from '../../src/lib/rates.ts';
import { claim } from './make-claim.ts';

describe('figureRange: what a hedged number allows', () => {
  it('codes each qualifier as documented in data/README.md', () => {
    expect(figureRange(453, 'exact')).toEqual({ low: 453, high: 453 });
    expect(figureRange(3000, 'about')).toEqual({ low: 2700, high: 3300 });
    expect(figureRange(500, 'nearly')).toEqual({ low: 450, high: 500 });
    expect(figureRange(750, 'at_least')).toEqual({ low: 750, high: null });
    expect(figureRange(20000, 'more_than')).toEqual({ low: 20001, high: null });
    expect(() => figureRange(1, 'vague')).toThrow();
  });

  it('reads "around" with a wider band when asked: ±20% of 15,000 is 12,000 to 18,000', () => {
    expect(figureRange(15000, 'about', 20)).toEqual({ low: 12000, high: 18000 });
    // Nearly 500 at ±25%: 375 to 500; exact stays exact.
    expect(figureRange(500, 'nearly', 25)).toEqual({ low: 375, high: 500 });
    expect(figureRange(453, 'exact', 25)).toEqual({ low: 453, high: 453 });
  });

  it('unionRanges spans its ranges, open if any is open', () => {
    expect(
      unionRanges([
        { low: 33.75, high: 41.25 },
        { low: 34, high: null },
      ]),
    ).toEqual({ low: 33.75, high: null });
    expect(
      unionRanges([
        { low: 2.5, high: 3.2 },
        { low: 3.2, high: 3.9 },
      ]),
    ).toEqual({ low: 2.5, high: 3.9 });
  });
});

describe('impliedDailyRates between consecutive totals of one claimant', () => {
  const totals = [
    claim({
      id: 'c',
      claimed_on: '2023-12',
      figure: 20000,
      qualifier: 'more_than',
      scope: 'cumulative_since_coup',
      period_start: '2021-02-01',
      action: 'joined_cdm',
    }),
    claim({
      id: 'a',
      claimed_on: '2021-09-24',
      figure: 3000,
      qualifier: 'about',
      scope: 'cumulative_since_coup',
      period_start: '2021-02-01',
      action: 'joined_cdm',
    }),
    claim({
      id: 'b',
      claimed_on: '2023-08',
      figure: 15000,
      qualifier: 'about',
      scope: 'cumulative_since_coup',
      period_start: '2021-02-01',
      action: 'joined_cdm',
    }),
    claim({
      id: 'other',
      claimant_id: 'someone-else',
      claimed_on: '2022-01',
      figure: 9,
      scope: 'cumulative_since_coup',
    }),
    claim({ id: 'vague', claimed_on: '2022-01', figure: null, qualifier: 'vague', scope: 'cumulative_since_coup' }),
  ];
  const rates = impliedDailyRates(totals);

  it('pairs totals in date order, per claimant, skipping single and vague totals', () => {
    expect(rates.map((rate) => [rate.from.id, rate.to.id])).toEqual([
      ['a', 'b'],
      ['b', 'c'],
    ]);
  });

  it('never pairs totals of different measures: around 3,000 defected, then around 15,000 joined the CDM', () => {
    const mixed = totals.map((total) => (total.id === 'a' ? { ...total, action: 'defected' as const } : total));
    expect(impliedDailyRates(mixed).map((rate) => [rate.from.id, rate.to.id])).toEqual([['b', 'c']]);
    const [blocked] = blockedPairs(mixed);
    expect([blocked?.from.id, blocked?.to.id, blocked?.verdict.rule]).toEqual(['a', 'b', 'different-measure']);
  });

  it('around 3,000 (24 Sept 2021) to around 15,000 (Aug 2023), both CDM totals (synthetic)', () => {
    const [rate] = rates;
    // Days: 676 to 706 (see dates.test.ts). Increase: 15,000 ± 10% minus 3,000 ± 10%
    // = 13,500 − 3,300 = 10,200 at least, 16,500 − 2,700 = 13,800 at most.
    expect(rate?.days).toEqual({ min: 676, max: 706 });
    expect(rate?.increase).toEqual({ low: 10200, high: 13800 });
    // Slowest: 10,200 / 706 = 14.448; fastest: 13,800 / 676 = 20.414.
    expect(rate?.perDay.low).toBeCloseTo(14.448, 3);
    expect(rate?.perDay.high).toBeCloseTo(20.414, 3);
  });

  it('around 15,000 (Aug 2023) to over 20,000 (Dec 2023): bounded below only', () => {
    const rate = rates[1];
    // Days: 92 to 152. Increase: at least 20,001 − 16,500 = 3,501; no upper bound.
    expect(rate?.days).toEqual({ min: 92, max: 152 });
    expect(rate?.increase).toEqual({ low: 3501, high: null });
    // 3,501 / 152 = 23.033.
    expect(rate?.perDay.low).toBeCloseTo(23.033, 3);
    expect(rate?.perDay.high).toBeNull();
  });
});

describe('periodDailyRates for claims over a period', () => {
  it('uses the stated length first: at least 750 in 20 days is 37.5 a day or more (synthetic)', () => {
    const [rate] = periodDailyRates([
      claim({
        id: 'x',
        claimed_on: '2023-11-17',
        period_start: '2023-10-27',
        stated_days: 20,
        figure: 750,
        qualifier: 'at_least',
      }),
    ]);
    expect(rate?.days).toEqual({ min: 20, max: 20 });
    expect(rate?.perDay).toEqual({ low: 37.5, high: null });
  });

  it('453 who defected in two weeks would be 32.36 a day (synthetic: the real 453 answered a call)', () => {
    const [rate] = periodDailyRates([claim({ id: 'x', period_start: '2021-09-07', stated_days: 14, figure: 453 })]);
    // 453 / 14 = 32.357.
    expect(rate?.perDay.low).toBeCloseTo(32.357, 3);
    expect(rate?.perDay.high).toBeCloseTo(32.357, 3);
  });

  it('nearly 500 from April to July 2023 covers 1 April to 31 July: 122 days', () => {
    const nearly500 = claim({
      id: 'x',
      claimed_on: '2023-08',
      period_start: '2023-04',
      period_end: '2023-07',
      figure: 500,
      qualifier: 'nearly',
    });
    // 30 (April) + 31 + 30 + 31 = 122 days; 450 / 122 = 3.689 and 500 / 122 = 4.098.
    expect(periodDays(nearly500)).toEqual({ min: 122, max: 122 });
    const [rate] = periodDailyRates([nearly500]);
    expect(rate?.perDay.low).toBeCloseTo(3.689, 3);
    expect(rate?.perDay.high).toBeCloseTo(4.098, 3);
  });

  it('an open period runs to the claim date, a range when that date is a month', () => {
    // More than 50 since August, claimed in August 2023: 1 to 31 days.
    const since = claim({
      id: 'x',
      claimed_on: '2023-08',
      period_start: '2023-08',
      figure: 50,
      qualifier: 'more_than',
    });
    // Elapsed days from 1 Aug to 1 Aug is 0, floored at 1; 1 to 31 Aug counted inclusively is 31.
    expect(periodDays(since)).toEqual({ min: 1, max: 31 });
    // It may be a 1-day span, so the 7-day rule (on the shortest span) gives it no rate at all.
    expect(periodDailyRates([since])).toEqual([]);
  });

  it('an open period "since 7 Sept" to a 24 Sept claim lasts 17 days elapsed, 18 counted with both ends', () => {
    expect(periodDays(claim({ id: 'x', claimed_on: '2021-09-24', period_start: '2021-09-07' }))).toEqual({
      min: 17,
      max: 18,
    });
  });

  it('skips reports of single cases and people who have not left', () => {
    expect(
      periodDailyRates([
        claim({ id: 'one', period_start: '2022-05', period_end: '2022-05', figure: 1 }),
        claim({ id: 'nine', period_start: '2022-05', period_end: '2022-05', figure: 9 }),
        claim({ id: 'waiting', period_start: '2021-09-07', stated_days: 14, figure: 400, action: 'waiting_to_leave' }),
        claim({ id: 'ten', period_start: '2022-05', period_end: '2022-05', figure: 10 }),
      ]).map((rate) => rate.claim.id),
    ).toEqual(['ten']);
  });

  it('a single day counts as one day', () => {
    const oneDay = claim({
      id: 'x',
      claimed_on: '2023-11-17',
      period_start: '2023-11-12',
      period_end: '2023-11-12',
      figure: 200,
      qualifier: 'more_than',
    });
    expect(periodDays(oneDay)).toEqual({ min: 1, max: 1 });
  });

  it('skips vague claims, rates, other units and undatable periods', () => {
    expect(
      periodDailyRates([
        claim({ id: 'v', period_start: '2023-01', figure: null, qualifier: 'vague' }),
        claim({ id: 'r', period_start: '2023-01', scope: 'rate', unit: 'people_per_day', figure: 33 }),
        claim({ id: 'b', period_start: '2023-01', unit: 'battalions', figure: 3 }),
        claim({ id: 'n', figure: 10 }),
      ]),
    ).toEqual([]);
  });
});
