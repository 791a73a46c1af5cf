/**
 * Valid data never crashes a derivation: two running totals by one claimant that stand on the same
 * month or day pass validation, so the rate between them must be handled, not thrown (issue 10).
 */
import { describe, expect, it } from 'vitest';
import { perDay } from '../../src/lib/derive.ts';
import { impliedDailyRates } from '../../src/lib/rates.ts';
import { claim } from './make-claim.ts';

const total = (id: string, claimed_on: string, figure: number) =>
  claim({ id, claimed_on, figure, period_start: '2021-02-01', scope: 'cumulative_since_coup' });

describe('a span of no days', () => {
  it('two totals dated to the same month: the slowest reading over the whole month, the fastest open', () => {
    // 1,000 then 1,300 exact, both "2023-08": between 0 and 30 days apart (1 Aug to 31 Aug).
    // Slowest: a rise of 300 over 30 days = 10 a day. Fastest: 300 in no time, so no upper bound.
    const rates = impliedDailyRates([total('a', '2023-08', 1000), total('b', '2023-08', 1300)]);
    expect(rates).toHaveLength(1);
    expect(rates[0]?.days).toEqual({ min: 0, max: 30 });
    expect(rates[0]?.perDay).toEqual({ low: 10, high: null });
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
