/**
 * Valid data never crashes a derivation: two running totals by one claimant that stand on the same
 * month or day pass validation, so the rate between them must be handled, not thrown (issue 10).
 */
import { describe, expect, it } from 'vitest';
import { perDay } from '../../src/lib/derive.ts';
import { blockedPairs, impliedDailyRates } from '../../src/lib/rates.ts';
import { claim } from './make-claim.ts';

const total = (id: string, claimed_on: string, figure: number) =>
  claim({ id, claimed_on, figure, period_start: '2021-02-01', scope: 'cumulative_since_coup' });

describe('a span of no days', () => {
  it('two totals dated to the same month: no rate (they may stand on the same day), the pair blocked with its reason', () => {
    // 1,000 then 1,300 exact, both "2023-08": between 0 and 30 days apart. Divided, they would give
    // "10 or more a day", its top open: a pace made from two totals that may be one day's news.
    const totals = [total('a', '2023-08', 1000), total('b', '2023-08', 1300)];
    expect(impliedDailyRates(totals)).toEqual([]);
    const [blocked] = blockedPairs(totals);
    expect(blocked?.verdict.rule).toBe('short-span');
    expect(blocked?.verdict.reason).toBe(
      'The two totals may stand on the same day: too close together to give a pace.',
    );
  });

  it('two copies of one total a month apart: no rate, since the later may be no larger (never a negative pace)', () => {
    // "Around 15,000" twice: read as ±10%, the rise runs from −3,000 to +3,000; divided, "−100 a day".
    const totals = [
      claim({ id: 'a', claimed_on: '2023-07', figure: 15000, qualifier: 'about', scope: 'cumulative_since_coup' }),
      claim({ id: 'b', claimed_on: '2023-09', figure: 15000, qualifier: 'about', scope: 'cumulative_since_coup' }),
    ];
    expect(impliedDailyRates(totals)).toEqual([]);
    expect(blockedPairs(totals).map((pair) => pair.verdict.rule)).toEqual(['no-rise']);
  });

  it('a pair that may stand fewer than 7 days apart gives no rate; 7 days or more does', () => {
    const near = [total('a', '2023-08-10', 1000), total('b', '2023-08-16', 1300)];
    expect(impliedDailyRates(near)).toEqual([]);
    expect(blockedPairs(near)[0]?.verdict.reason).toBe(
      'The two totals may stand only 6 days apart: too close together to give a pace.',
    );
    expect(impliedDailyRates([total('a', '2023-08-10', 1000), total('b', '2023-08-17', 1300)])).toHaveLength(1);
  });

  it('never gives a negative pace, at any reading of "around"', () => {
    const totals = [
      claim({ id: 'a', claimed_on: '2023-01', figure: 15000, qualifier: 'about', scope: 'cumulative_since_coup' }),
      claim({ id: 'b', claimed_on: '2023-12', figure: 20000, qualifier: 'about', scope: 'cumulative_since_coup' }),
    ];
    // A rise as coded (±10%: 18,000 − 16,500 > 0); at ±40% it may be nothing: its floor is then 0 a day.
    for (const aroundPercent of [5, 10, 20, 40]) {
      const rates = impliedDailyRates(totals, [], { aroundPercent });
      expect(rates).toHaveLength(1);
      expect(rates[0]!.perDay.low).toBeGreaterThanOrEqual(0);
    }
    expect(impliedDailyRates(totals, [], { aroundPercent: 40 })[0]!.perDay.low).toBe(0);
  });

  it('two totals on the same day: no rate between them, and no crash', () => {
    const rates = impliedDailyRates([
      total('a', '2023-08-10', 1000),
      total('b', '2023-08-10', 1300),
      // 31 days after 10 Aug: the rise of 310 from 1,300 (the later of the pair) is exactly 10 a day.
      total('c', '2023-09-10', 1610),
    ]);
    expect(rates.map((rate) => [rate.from.id, rate.to.id])).toEqual([['b', 'c']]);
    expect(rates[0]?.perDay).toEqual({ low: 10, high: 10 });
  });

  it('perDay: a span that may last no day has an open upper end; one that certainly lasts none is refused', () => {
    expect(perDay({ low: 60, high: 90 }, { min: 0, max: 30 })).toEqual({ low: 2, high: null });
    expect(() => perDay({ low: 60, high: 90 }, { min: 0, max: 0 })).toThrow(RangeError);
  });
});
