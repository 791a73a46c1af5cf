import { describe, expect, it } from 'vitest';
import {
  addEstimates,
  arithmeticChecks,
  breakdownVsTotalCheck,
  CHECK_CLAIM_IDS,
  isConsistent,
  partsVsTotalCheck,
  roomForOthers,
  percentOf,
  percentRiseCheck,
  rateVsCountCheck,
} from '../../src/lib/checks.ts';
import { loadDataset } from '../../src/lib/dataset.ts';
import type { Claim } from '../../src/lib/types.ts';
import { claim } from './make-claim.ts';

/** The eight 2021 claims the checks read, with the figures, hedges and days of data/claims.csv. */
const ids = CHECK_CLAIM_IDS;
const { claimants } = loadDataset('data');
const rfa2021: Claim[] = [
  claim({
    id: ids.soldiersBeforeAppeal,
    claimant_id: 'peoples-embrace',
    figure: 1500,
    qualifier: 'about',
    scope: 'cumulative_since_coup',
  }),
  claim({
    id: ids.policeBeforeAppeal,
    claimant_id: 'police-cdm-channel',
    figure: 1000,
    qualifier: 'about',
    scope: 'cumulative_since_coup',
  }),
  claim({ id: ids.answeredAppeal, figure: 453, stated_days: 14 }),
  claim({ id: ids.totalAfterAppeal, figure: 3000, qualifier: 'about', scope: 'cumulative_since_coup' }),
  claim({ id: ids.contactsPerDay, figure: 33, unit: 'people_per_day', scope: 'rate', action: 'contacted_resistance' }),
  claim({ id: ids.percentRise, figure: 20, unit: 'percent', scope: 'rate', stated_days: 14 }),
  claim({ id: ids.joinedCdm, claimant_id: 'police-cdm-channel', figure: 50, qualifier: 'about', action: 'joined_cdm' }),
  claim({
    id: ids.waitingToLeave,
    claimant_id: 'police-cdm-channel',
    figure: 400,
    qualifier: 'about',
    action: 'waiting_to_leave',
  }),
];

describe('range arithmetic', () => {
  it('adds points and both ends; an open end stays open', () => {
    // 10 + 20 = 30; 9 + 18 = 27; 11 + 22 = 33.
    expect(addEstimates({ point: 10, low: 9, high: 11 }, { point: 20, low: 18, high: 22 })).toEqual({
      point: 30,
      low: 27,
      high: 33,
    });
    // 750 + (at least 5): low 750 + 5 = 755, no upper bound.
    expect(addEstimates({ point: 750, low: 750, high: 750 }, { point: 5, low: 5, high: null })).toEqual({
      point: 755,
      low: 755,
      high: null,
    });
  });

  it('a share is lowest with the smallest part over the largest whole', () => {
    // 50 / 200 = 25%; 45 / 250 = 18%; 55 / 150 = 36.67%.
    const share = percentOf({ point: 50, low: 45, high: 55 }, { point: 200, low: 150, high: 250 });
    expect(share.point).toBeCloseTo(25, 10);
    expect(share.low).toBeCloseTo(18, 10);
    expect(share.high).toBeCloseTo(36.667, 3);
  });
});

describe('a. parts vs total: about 1,500 + about 1,000 + 453 against around 3,000', () => {
  const check = partsVsTotalCheck(rfa2021, claimants);

  it('adds the parts with their hedges', () => {
    // Points: 1,500 + 1,000 + 453 = 2,953.
    // Low:  1,350 (1,500 − 10%) + 900 (1,000 − 10%) + 453 = 2,703.
    // High: 1,650 (1,500 + 10%) + 1,100 (1,000 + 10%) + 453 = 3,203.
    expect(check.computed).toEqual({ point: 2953, low: 2703, high: 3203 });
  });

  it('compares with around 3,000, which allows 2,700 to 3,300', () => {
    // 3,000 − 10% = 2,700; 3,000 + 10% = 3,300.
    expect(check.claimed).toEqual({ point: 3000, low: 2700, high: 3300 });
    // 2,953 − 3,000 = −47.
    expect(check.difference).toBe(-47);
    // 2,703..3,203 overlaps 2,700..3,300.
    expect(isConsistent(check)).toBe(true);
    expect(check.claimIds).toEqual([
      ids.soldiersBeforeAppeal,
      ids.policeBeforeAppeal,
      ids.answeredAppeal,
      ids.totalAfterAppeal,
    ]);
    expect(check.explanation).toContain('2,953');
    expect(check.explanation).toContain('around 3,000');
  });

  it('calls the total consistent with the parts and states the room its hedge leaves, never "nothing else added"', () => {
    // 2,953 − 2,700 = 253 fewer; 3,300 − 2,953 = 347 more.
    expect(check.explanation).toContain('is consistent with the earlier counts plus the 453');
    expect(check.explanation).toContain('room for 253 fewer to 347 more');
    expect(check.explanation).not.toMatch(/reads as|with nothing else added/);
  });
});

describe('roomForOthers: what a hedged total allows beside a sum', () => {
  it('gives the room below and above, and no ceiling for an open-ended total', () => {
    expect(roomForOthers({ point: 2953, low: 2703, high: 3203 }, { point: 3000, low: 2700, high: 3300 })).toBe(
      '253 fewer to 347 more',
    );
    expect(roomForOthers({ point: 100, low: 100, high: 100 }, { point: 100, low: 100, high: null })).toBe(
      'none fewer or any number more',
    );
  });
});

describe('b. rate vs count: 33 a day for the 14 days of the 453', () => {
  const check = rateVsCountCheck(rfa2021);

  it('multiplies the rate by the stated days', () => {
    // 33 × 14 = 330 + 132 = 462; both exact, so the range is the point.
    expect(check.computed).toEqual({ point: 462, low: 462, high: 462 });
    expect(check.claimed).toEqual({ point: 453, low: 453, high: 453 });
    // 462 − 453 = +9.
    expect(check.difference).toBe(9);
    // Two exact numbers that differ cannot both be right.
    expect(isConsistent(check)).toBe(false);
    expect(check.explanation).toContain('9 more than the 453');
  });

  it('needs the stated days of the count', () => {
    const withoutDays = rfa2021.map((row) => (row.id === ids.answeredAppeal ? { ...row, stated_days: null } : row));
    expect(() => rateVsCountCheck(withoutDays)).toThrow(ids.answeredAppeal);
  });
});

describe('c. percent rise: 453 on about 1,500 + about 1,000 against 20%', () => {
  const check = percentRiseCheck(rfa2021);

  it('divides the new count by the earlier total', () => {
    // 453 / 2,500 = 0.1812, i.e. 18.12%.
    expect(check.computed.point).toBeCloseTo(18.12, 10);
    // Lowest: 453 / 2,750 (1,650 + 1,100) = 0.164727 → 16.47%.
    expect(check.computed.low).toBeCloseTo(16.4727, 4);
    // Highest: 453 / 2,250 (1,350 + 900) = 0.201333 → 20.13%.
    expect(check.computed.high).toBeCloseTo(20.1333, 4);
  });

  it('is 1.88 points short of 20%, which the hedges still allow', () => {
    expect(check.claimed).toEqual({ point: 20, low: 20, high: 20 });
    // 18.12 − 20 = −1.88 percentage points.
    expect(check.difference).toBeCloseTo(-1.88, 10);
    // 20% lies inside 16.47%..20.13%.
    expect(isConsistent(check)).toBe(true);
  });

  it('reports the earlier total a 20% rise would need', () => {
    // 453 / 0.20 = 453 × 5 = 2,265.
    expect(check.impliedBase).toBeCloseTo(2265, 10);
    expect(check.explanation).toContain('2,265');
  });
});

describe('d. breakdown vs total: about 50 out + about 400 waiting against 453', () => {
  const check = breakdownVsTotalCheck(rfa2021, claimants);

  it('adds the two parts with their hedges', () => {
    // Points: 50 + 400 = 450. Low: 45 + 360 = 405. High: 55 + 440 = 495.
    expect(check.computed).toEqual({ point: 450, low: 405, high: 495 });
    // 450 − 453 = −3.
    expect(check.difference).toBe(-3);
    // 453 lies inside 405..495.
    expect(isConsistent(check)).toBe(true);
  });
});

describe('missing and vague inputs', () => {
  it('names the missing claim', () => {
    const withoutTotal = rfa2021.filter((row) => row.id !== ids.totalAfterAppeal);
    expect(() => partsVsTotalCheck(withoutTotal, claimants)).toThrow(`"${ids.totalAfterAppeal}"`);
    expect(() => arithmeticChecks([], [], claimants)).toThrow(Error);
  });

  it('names a claim that has lost its figure', () => {
    const vague = rfa2021.map((row) =>
      row.id === ids.waitingToLeave ? { ...row, figure: null, qualifier: 'vague' as const } : row,
    );
    expect(() => breakdownVsTotalCheck(vague, claimants)).toThrow(ids.waitingToLeave);
  });
});

describe('the four checks over the real data in data/', () => {
  const real = loadDataset('data');
  const checks = arithmeticChecks(real.claims, real.readings, real.claimants);

  it('compute the numbers worked out above', () => {
    const [parts, rate, percent, breakdown] = checks;
    expect(checks.map((check) => check.id)).toEqual([
      'parts-vs-total',
      'rate-vs-count',
      'percent-rise',
      'breakdown-vs-total',
    ]);
    // a. 1,500 + 1,000 + 453 = 2,953 (2,703 to 3,203) against 3,000 (2,700 to 3,300): −47.
    expect(parts.computed).toEqual({ point: 2953, low: 2703, high: 3203 });
    expect(parts.claimed).toEqual({ point: 3000, low: 2700, high: 3300 });
    expect(parts.difference).toBe(-47);
    // b. 33 × 14 = 462 against 453: +9.
    expect(rate.computed.point).toBe(462);
    expect(rate.difference).toBe(9);
    // c. 453 / 2,500 = 18.12% against 20%: −1.88 points; 453 / 0.2 = 2,265.
    expect(percent.computed.point).toBeCloseTo(18.12, 10);
    expect(percent.difference).toBeCloseTo(-1.88, 10);
    expect(percent.impliedBase).toBeCloseTo(2265, 10);
    // d. 50 + 400 = 450 against 453: −3.
    expect(breakdown.computed).toEqual({ point: 450, low: 405, high: 495 });
    expect(breakdown.difference).toBe(-3);
  });

  it("names every claimant of a joint figure, never the NUG alone (RFA credits the NUG and People's Embrace)", () => {
    const [parts, , , breakdown] = checks;
    expect(parts.explanation).toContain("around 3,000 from NUG and People's Embrace");
    expect(breakdown.explanation).toContain("453 from NUG and People's Embrace");
    for (const check of checks) expect(check.explanation).not.toMatch(/NUG's (new total|\d)/);
  });
});
