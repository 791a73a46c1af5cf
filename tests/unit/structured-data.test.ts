/** temporalCoverage: the span of the claims, from the earliest start to the latest claim, as partial dates. */
import { describe, expect, it } from 'vitest';
import { temporalCoverage } from '../../src/site/structured-data.ts';
import { claim } from './make-claim.ts';

describe('temporalCoverage', () => {
  it('runs from the earliest period_start or claimed_on to the latest claimed_on', () => {
    const claims = [
      claim({ id: 'a', claimed_on: '2021-09-24', period_start: '2021-09-07' }),
      claim({ id: 'b', claimed_on: '2023-08', period_start: '2021-02-01' }),
      claim({ id: 'c', claimed_on: '2022-09-19', period_start: null }),
    ];
    expect(temporalCoverage(claims)).toBe('2021-02-01/2023-08');
  });

  it('compares partial dates by the days they may stand for', () => {
    // "2021" may start on 1 January, before 2021-02-01; "2023-12" may end on 31 December, after 2023-12-04.
    const claims = [
      claim({ id: 'a', claimed_on: '2023-12-04', period_start: '2021-02-01' }),
      claim({ id: 'b', claimed_on: '2023-12', period_start: '2021' }),
    ];
    expect(temporalCoverage(claims)).toBe('2021/2023-12');
  });

  it('uses claimed_on as the start of a claim without a period', () => {
    expect(temporalCoverage([claim({ id: 'a', claimed_on: '2020-05', period_start: null })])).toBe('2020-05/2020-05');
  });

  it('refuses an empty list rather than invent a span', () => {
    expect(() => temporalCoverage([])).toThrow(/no claims/);
  });
});
