/**
 * The written rules for derived figures (src/lib/eligibility.ts), with eligible and ineligible
 * examples from the real data and synthetic ones. Each excluded example names the rule that must
 * exclude it, so a rule that stopped firing would fail here rather than pass by another rule.
 */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/dataset.ts';
import impliedDailyRatesChart from '../../src/charts/implied-daily-rates.ts';
import {
  MIN_DAYS_FOR_RATE,
  RATE_RULES,
  rateEligibility,
  sameMeasure,
  statedRateEligibility,
} from '../../src/lib/eligibility.ts';
import { applyReading, readingsOf } from '../../src/lib/readings.ts';
import { blockedPairs, impliedDailyRates } from '../../src/lib/rates.ts';
import { claim } from './make-claim.ts';

const data = loadDataset('data');
const real = (id: string) => {
  const found = data.claims.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no claim ${id}`);
  return found;
};
const sameArticle = (id: string) => data.claims.filter((other) => other.source_id === real(id).source_id);
const verdictOf = (id: string) => rateEligibility(real(id), sameArticle(id));

describe('a per-day rate: real claims', () => {
  it.each([
    // Nearly 500 defected, April to July 2023: 122 days, departures, 450 to 500 people.
    'nug-defected-500-2023-08',
    // About 50 joined the CDM in the 453's window: 14 days, 45 to 55 people who left.
    'police-cdm-channel-cdm-50-2021-09',
  ])('allows %s', (id) => {
    expect(verdictOf(id)).toEqual({ eligible: true, rule: null, reason: null });
  });

  it.each([
    ['nug-defected-453-2021-09', 'not-left'],
    // More than 50 since early August 2023, claimed in August 2023: 1 to 31 days, so it may be 1.
    ['nug-defected-50-2023-08', 'short-span'],
    ['police-cdm-channel-waiting-400-2021-09', 'not-left'],
    ['anti-junta-alliance-defected-200-kokang-2023-11', 'incident'],
    ['unattributed-deserted-40-india-2023-11', 'incident'],
    ['unattributed-defected-1-letpadaung-2023-08', 'incident'],
    ['nug-defected-3000-2021-09', 'running-total'],
    ['nug-cdm-15000-2023-08', 'running-total'],
    ['arakan-army-surrendered-100-2022-06', 'no-stated-span'],
    ['locals-deserted-2-kyauktaw-2022-09', 'single-cases'],
    ['unattributed-surrendered-3-battalions-kokang-2023-12', 'not-people'],
    ['nug-defected-20-percent-2021-09', 'not-people'],
    ['serving-sergeant-deserted-many-2023-12', 'no-number'],
  ])('refuses %s (%s), with a reason for readers', (id, rule) => {
    const verdict = verdictOf(id);
    expect(verdict.eligible).toBe(false);
    expect(verdict.rule).toBe(rule);
    expect(verdict.reason).toMatch(/^[A-Z].+\.$/);
  });

  it('refuses the 453 under both of its readings', () => {
    for (const read of readingsOf(real('nug-defected-453-2021-09'), data.readings)) {
      expect(rateEligibility(read.claim, sameArticle('nug-defected-453-2021-09')).rule, read.label).toBe('not-left');
    }
  });

  it('allows the 20,000 as a two-year count, and sends it to the pair rule as a running total', () => {
    const [sinceCoup, twoYears] = readingsOf(real('nug-cdm-20000-2023-12'), data.readings);
    expect(rateEligibility(sinceCoup!.claim).rule).toBe('running-total');
    expect(rateEligibility(twoYears!.claim).eligible).toBe(true);
  });
});

describe('a per-day rate: synthetic claims', () => {
  const base = { period_start: '2023-04', period_end: '2023-07', claimed_on: '2023-08', figure: 500 } as const;

  it('allows each departure: defected, deserted, surrendered, joined the CDM', () => {
    for (const action of ['defected', 'deserted', 'surrendered', 'joined_cdm'] as const) {
      expect(rateEligibility(claim({ id: action, ...base, action })).eligible, action).toBe(true);
    }
  });

  it('refuses people who contacted a group, were waiting or answered a call', () => {
    for (const action of ['contacted_resistance', 'waiting_to_leave', 'answered_call'] as const) {
      expect(rateEligibility(claim({ id: action, ...base, action })).rule, action).toBe('not-left');
    }
  });

  it('refuses a span shorter than 7 days, and allows one of 7', () => {
    // 13 to 17 Nov counted inclusively is 5 days.
    const fiveDays = claim({
      id: 'x',
      claimed_on: '2023-11-17',
      period_start: '2023-11-13',
      period_end: '2023-11-17',
      figure: 40,
    });
    expect(rateEligibility(fiveDays).rule).toBe('short-span');
    expect(rateEligibility({ ...fiveDays, stated_days: 7 }).eligible).toBe(true);
  });

  it('uses the shortest span the dates allow: "more than 50 since early August" may be 1 day', () => {
    // Start known only as Aug 2023, claimed in Aug 2023: if both fall on 31 Aug the span is 1 day
    // (at most 31). The rule needs 7 days under every reading of the dates, so no rate.
    const sinceAugust = claim({
      id: 'x',
      claimed_on: '2023-08',
      period_start: '2023-08',
      figure: 50,
      qualifier: 'more_than',
    });
    expect(rateEligibility(sinceAugust).rule).toBe('short-span');
    const real = data.claims.find((candidate) => candidate.id === 'nug-defected-50-2023-08')!;
    expect(rateEligibility(real).rule).toBe('short-span');
  });

  it('the rates chart states the same span rule as the eligibility rule', () => {
    expect(impliedDailyRatesChart.subtitle).toContain(`at least ${MIN_DAYS_FOR_RATE} days however its dates are read`);
    expect(RATE_RULES.find((rule) => rule.id === 'short-span')!.rule).toContain(
      `at least ${MIN_DAYS_FOR_RATE} days however its dates are read`,
    );
  });

  it('refuses 9 people and allows 10', () => {
    expect(rateEligibility(claim({ id: 'x', ...base, figure: 9 })).rule).toBe('single-cases');
    expect(rateEligibility(claim({ id: 'x', ...base, figure: 10 })).eligible).toBe(true);
  });

  it('refuses a count its own article says is mostly still waiting, even if coded as defected', () => {
    // 453 "defected", and the same article counts about 400 (360 to 440) waiting in the same window:
    // 360 × 2 = 720 > 453, so more than half had not left.
    const defected = claim({ id: 'd', source_id: 'rfa', period_start: '2021-09-07', stated_days: 14, figure: 453 });
    const waiting = claim({
      id: 'w',
      source_id: 'rfa',
      period_start: '2021-09-07',
      stated_days: 14,
      figure: 400,
      qualifier: 'about',
      action: 'waiting_to_leave',
    });
    expect(rateEligibility(defected, [defected, waiting]).rule).toBe('mostly-not-left');
    // About 100 waiting (90 to 110) is less than half of 453: the count stays eligible.
    expect(rateEligibility(defected, [defected, { ...waiting, figure: 100 }]).eligible).toBe(true);
    // A larger waiting figure is not part of a smaller count: the about 50 in the CDM stay eligible.
    const joined = { ...defected, id: 'j', figure: 50, action: 'joined_cdm' as const };
    expect(rateEligibility(joined, [joined, waiting]).eligible).toBe(true);
  });
});

describe('sameMeasure: differences and rates between two claims', () => {
  it('refuses the 3,000 defectors against the 15,000 in the CDM', () => {
    const verdict = sameMeasure(real('nug-defected-3000-2021-09'), real('nug-cdm-15000-2023-08'));
    expect(verdict.rule).toBe('different-measure');
    expect(verdict.reason).toContain('people who defected and people who joined the CDM');
  });

  it('allows the 15,000 and the 20,000 read as running totals since the coup', () => {
    const [sinceCoup] = readingsOf(real('nug-cdm-20000-2023-12'), data.readings);
    expect(sameMeasure(real('nug-cdm-15000-2023-08'), sinceCoup!.claim).eligible).toBe(true);
  });

  it('refuses the 20,000 read as a two-year count against a running total', () => {
    const twoYears = data.readings.find((reading) => reading.reading_id === 'past-two-years')!;
    const read = applyReading(real('nug-cdm-20000-2023-12'), twoYears);
    expect(sameMeasure(real('nug-cdm-15000-2023-08'), read).rule).toBe('different-measure');
  });

  it('refuses different claimants, personnel and units (synthetic)', () => {
    const total = claim({ id: 'a', scope: 'cumulative_since_coup', figure: 1000 });
    expect(sameMeasure(total, { ...total, id: 'b', claimant_id: 'other' }).eligible).toBe(false);
    expect(sameMeasure(total, { ...total, id: 'b', personnel: 'police' }).eligible).toBe(false);
    expect(sameMeasure(total, { ...total, id: 'b', unit: 'battalions' }).eligible).toBe(false);
    expect(sameMeasure(total, { ...total, id: 'b' }).eligible).toBe(true);
  });

  it('refuses a rise after an open-ended total ("over 20,000"), whose floor is unknown, but not before one', () => {
    for (const qualifier of ['more_than', 'at_least'] as const) {
      const open = claim({ id: 'a', scope: 'cumulative_since_coup', figure: 20000, qualifier });
      const later = claim({ id: 'b', scope: 'cumulative_since_coup', figure: 25000, qualifier: 'about' });
      expect(sameMeasure(open, later).rule, qualifier).toBe('open-earlier-total');
      expect(sameMeasure(later, open).eligible, qualifier).toBe(true);
      // No rate follows it, and the pair is listed with its reason instead of failing to format.
      expect(impliedDailyRates([open, { ...later, claimed_on: '2024-06-01' }])).toEqual([]);
      expect(blockedPairs([open, { ...later, claimed_on: '2024-06-01' }]).map((pair) => pair.verdict.rule)).toEqual([
        'open-earlier-total',
      ]);
    }
  });
});

describe('a stated rate', () => {
  it('is shown beside rates of leaving only if it counts people who left', () => {
    expect(statedRateEligibility(real('nug-contacted-33-per-day-2021-09')).rule).toBe('not-left');
    const leaving = claim({ id: 'x', unit: 'people_per_day', scope: 'rate', figure: 5 });
    expect(statedRateEligibility(leaving).eligible).toBe(true);
  });
});
