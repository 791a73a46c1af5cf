/**
 * Comparisons only when robust (src/lib/conclusions.ts): one test per headline conclusion, each
 * worked out by hand at the bands where it turns, plus the deciding function on synthetic ranges.
 */
import { describe, expect, it } from 'vitest';
import {
  bandTable,
  BANDS,
  compareRanges,
  CONCLUSIONS,
  evaluateConclusion,
  holdsRobustly,
  ROBUST_TOLERANCE_PERCENT,
  statementFor,
} from '../../src/lib/conclusions.ts';
import { comparable } from '../../src/lib/eligibility.ts';
import { loadDataset } from '../../src/lib/dataset.ts';

const data = loadDataset('data');
const conclusion = (id: string) => CONCLUSIONS.find((candidate) => candidate.id === id)!;
const holdsAt = (id: string, band: number) =>
  evaluateConclusion(conclusion(id), data.claims, data.readings, band).holds;

describe('compareRanges decides on every reading at once', () => {
  it('is greater only when every left value is above every right value', () => {
    expect(compareRanges([{ low: 30, high: 40 }], [{ low: 3, high: 4 }])).toBe('greater');
    expect(compareRanges([{ low: 3, high: 5 }], [{ low: 4, high: 6 }])).toBe('undecided');
    expect(compareRanges([{ low: 1, high: 2 }], [{ low: 3, high: null }])).toBe('less');
  });

  it('is undecided when one reading disagrees', () => {
    // Reading one says 10 to 12 against 5 to 8 (greater); reading two says 6 to 7: overlaps 5 to 8.
    expect(
      compareRanges(
        [
          { low: 10, high: 12 },
          { low: 6, high: 7 },
        ],
        [{ low: 5, high: 8 }],
      ),
    ).toBe('undecided');
  });

  it('never shows an open range to be below anything', () => {
    expect(compareRanges([{ low: 1, high: null }], [{ low: 50, high: 60 }])).toBe('undecided');
  });

  it('the robust band is at least ±20%', () => {
    expect(ROBUST_TOLERANCE_PERCENT).toBeGreaterThanOrEqual(20);
  });
});

describe('Operation 1027 (the 750) against April to July 2023 (nearly 500)', () => {
  it('holds at every band from ±5% to ±25%', () => {
    // At ±25%: around 750 in 20 days is at least 562.5 / 20 = 28.1 a day; at least 750 in 22 days is
    // 34.1. Nearly 500 in 122 days is at most 500 / 122 = 4.1 a day. 28.1 > 4.1.
    for (const band of BANDS) expect(holdsAt('offensive-faster-than-april-july', band), `±${band}%`).toBe(true);
    expect(holdsRobustly('offensive-faster-than-april-july', data.claims, data.readings)).toBe(true);
  });
});

describe('comparisons across measures go through the comparable rule', () => {
  const claim = (id: string) => data.claims.find((candidate) => candidate.id === id)!;

  it('the alliance’s security forces who deserted are not comparable with the NUG’s soldiers who defected', () => {
    const verdict = comparable(claim('anti-junta-alliance-deserted-750-2023-11'), claim('nug-defected-500-2023-08'));
    expect(verdict.eligible).toBe(false);
    expect(verdict.rule).toBe('different-measure');
  });

  it('nor are CDM totals with defections', () => {
    expect(comparable(claim('nug-cdm-20000-2023-12'), claim('nug-defected-500-2023-08')).eligible).toBe(false);
  });

  it('two counts of soldiers who defected are comparable, whoever claims them', () => {
    expect(comparable(claim('nug-defected-500-2023-08'), claim('unattributed-defected-dozens-2023-08')).eligible).toBe(
      true,
    );
  });

  it('so the Operation 1027 conclusion is worded as a comparison of the claims, not as fact', () => {
    const words = statementFor(conclusion('offensive-faster-than-april-july'), data.claims);
    expect(words).toMatch(/^EFE’s figure .* implies a faster pace than the NUG’s claim/);
    // Both wordings of the 750, each with whoever EFE credits it to.
    expect(words).toContain(
      'at least 750 by the anti-junta alliance’s account, around 750 by unnamed opposition sources’',
    );
    expect(words).not.toBe(conclusion('offensive-faster-than-april-july').statement);
  });

  it('every conclusion that compares two paces can be worded under the rule', () => {
    for (const entry of CONCLUSIONS) expect(() => statementFor(entry, data.claims), entry.id).not.toThrow();
  });

  it('no conclusion compares the NUG’s CDM totals with a count of defections', () => {
    for (const entry of CONCLUSIONS) {
      const actions = new Set(entry.claimIds.map((id) => claim(id).action));
      expect(actions.has('joined_cdm') && actions.has('defected'), entry.id).toBe(false);
    }
  });

  it('a cross-measure comparison with no wording as claims cannot be stated', () => {
    const bare = { ...conclusion('offensive-faster-than-april-july'), claimsStatement: undefined };
    expect(() => statementFor(bare, data.claims)).toThrow(/different measures/);
  });
});

describe('most of the 453 had not left', () => {
  it('holds at every band: about 400 waiting is more than half of 453', () => {
    // At ±25%: 300 waiting at the least, against 453 / 2 = 226.5.
    for (const band of BANDS) expect(holdsAt('most-of-453-waiting', band), `±${band}%`).toBe(true);
  });
});

describe('the 20% rise is more than 453 on the earlier counts', () => {
  it('holds at ±5% only, so it is not stated as a finding', () => {
    // ±5%: 453 / (1,425 + 950 = 2,375) = 19.07% at most, below 20%: holds.
    expect(holdsAt('twenty-percent-too-high', 5)).toBe(true);
    // ±10%: 453 / (1,350 + 900 = 2,250) = 20.13% at most, above 20%: does not hold.
    expect(holdsAt('twenty-percent-too-high', 10)).toBe(false);
    expect(holdsRobustly('twenty-percent-too-high', data.claims, data.readings)).toBe(false);
  });
});

describe('bandTable', () => {
  it('has one row per conclusion and one result per band, robust as at ±20%', () => {
    const table = bandTable(data.claims, data.readings);
    expect(table.map((row) => row.conclusion.id)).toEqual(CONCLUSIONS.map((entry) => entry.id));
    for (const row of table) {
      expect(row.results.map((result) => result.aroundPercent)).toEqual([...BANDS]);
      expect(row.robust).toBe(row.results.find((result) => result.aroundPercent === 20)!.holds);
    }
  });
});
