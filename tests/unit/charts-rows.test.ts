import { describe, expect, it } from 'vitest';
import arithmeticChecksChart, { checkRows } from '../../src/charts/arithmetic-checks.ts';
import { chartData } from '../../src/charts/data.ts';
import impliedDailyRatesChart, { rateRows } from '../../src/charts/implied-daily-rates.ts';
import whoIsCountingChart, { figureRows, vagueCounts } from '../../src/charts/who-is-counting.ts';
import { loadDataset } from '../../src/lib/dataset.ts';

const data = chartData(loadDataset('data'));

describe('implied-daily-rates rows', () => {
  const rows = rateRows(data);
  const byKey = (key: string) => rows.find((row) => row.key === key);

  it('puts the rates implied by totals first, then period counts, then the stated rate', () => {
    const groups = rows.map((row) => row.group);
    expect(groups.indexOf('periods')).toBe(groups.lastIndexOf('totals') + 1);
    expect(groups.at(-1)).toBe('stated');
  });

  it('includes the NUG pair around 3,000 to around 15,000 at 14.45 to 20.41 a day', () => {
    const pair = byKey('nug-defected-3000-2021-09--nug-cdm-15000-2023-08');
    // 24 Sept 2021 to Aug 2023 is 676 to 706 days; (13,500 − 3,300) / 706 = 14.448 and
    // (16,500 − 2,700) / 676 = 20.414 (see derive.test.ts).
    expect(pair?.days).toEqual({ min: 676, max: 706 });
    expect(pair?.perDay.low).toBeCloseTo(14.448, 3);
    expect(pair?.perDay.high).toBeCloseTo(20.414, 3);
    expect(pair?.claimIds).toEqual(['nug-defected-3000-2021-09', 'nug-cdm-15000-2023-08']);
    // The change of category (defected, then joined the CDM) is written out, not hidden.
    expect(pair?.what).toBe('around 3,000 defected, then around 15,000 joined the CDM');
  });

  it('leaves the rise to more than 20,000 open at the top', () => {
    const pair = byKey('nug-cdm-15000-2023-08--nug-cdm-20000-2023-12');
    // (20,001 − 16,500) / 152 days = 3,501 / 152 = 23.03.
    expect(pair?.perDay.low).toBeCloseTo(23.033, 3);
    expect(pair?.perDay.high).toBeNull();
  });

  it('turns period counts into people a day', () => {
    // 453 / 14 = 32.357.
    expect(byKey('nug-defected-453-2021-09')?.perDay.low).toBeCloseTo(32.357, 3);
    // Nearly 500 over 1 April to 31 July 2023 (122 days): 450 / 122 = 3.689, 500 / 122 = 4.098.
    const nearly500 = byKey('nug-defected-500-2023-08');
    expect(nearly500?.perDay.low).toBeCloseTo(3.689, 3);
    expect(nearly500?.perDay.high).toBeCloseTo(4.098, 3);
    expect(nearly500?.period).toBe('April to July 2023');
    // At least 750 in 20 days: 750 / 20 = 37.5, no upper bound.
    expect(byKey('anti-junta-alliance-deserted-750-2023-11')?.perDay).toEqual({ low: 37.5, high: null });
    // More than 200 on one day: 201 a day or more.
    expect(byKey('anti-junta-alliance-defected-200-kokang-2023-11')?.perDay).toEqual({ low: 201, high: null });
  });

  it('shows the 33-a-day claim as the point it is', () => {
    const stated = byKey('nug-contacted-33-per-day-2021-09');
    expect(stated?.group).toBe('stated');
    expect(stated?.perDay).toEqual({ low: 33, high: 33 });
    expect(stated?.days).toBeNull();
  });

  it('labels each row with the short name from claimants.csv, and keeps the full name for the table', () => {
    const row = byKey('nug-defected-453-2021-09');
    expect(row?.claimantShort).toBe(data.claimantById.get('nug')?.short_name);
    expect(row?.claimant).toBe(data.claimantById.get('nug')?.name);
  });

  it('skips what cannot be dated: the Arakan Army count with no start', () => {
    expect(byKey('arakan-army-surrendered-100-2022-06')).toBeUndefined();
  });

  it('has a table value for every column of every row', () => {
    for (const row of rows) {
      for (const column of impliedDailyRatesChart.columns.filter(
        (column) => !['days', 'per_day_high'].includes(column.key),
      )) {
        expect(column.value(row), `${row.key} ${column.key}`).not.toBeNull();
      }
    }
  });
});

describe('who-is-counting rows', () => {
  const rows = figureRows(data);

  it('holds every claim of people with a number, and nothing else', () => {
    // 29 claims: 7 vague, 33 a day, 20 percent and 3 battalions are not figures of people.
    // 29 − 7 − 3 = 19.
    expect(rows).toHaveLength(19);
    expect(rows.every((row) => row.figure > 0)).toBe(true);
    expect(rows.map((row) => row.claimId)).not.toContain('unattributed-surrendered-3-battalions-kokang-2023-12');
  });

  it('keeps each figure as published, with its hedge and what it counts', () => {
    const total = rows.find((row) => row.claimId === 'nug-cdm-20000-2023-12');
    expect(total?.published).toBe('more than 20,000 joined the CDM');
    expect(total?.high).toBeNull();
  });

  it('draws a joint figure in its joint row, never under one claimant alone', () => {
    const soldiers = rows.find((row) => row.claimId === 'peoples-embrace-defected-1500-2021-09');
    const police = rows.find((row) => row.claimId === 'police-cdm-channel-defected-1000-2021-09');
    // Filed under different claimants, credited to the same two: one row, one colour, one name.
    expect(soldiers?.groupKey).toBe('peoples-embrace police-cdm-channel');
    expect(police?.groupKey).toBe(soldiers?.groupKey);
    expect(police?.claimantId).toBe(soldiers?.claimantId);
    expect(police?.claimant).toBe("People's Embrace and Myanmar Police CDM Channel");
    // The row holds figures for different people, so each label says who left.
    expect(soldiers?.published).toBe('around 1,500 soldiers defected');
    expect(police?.published).toBe('around 1,000 police defected');
  });

  it('counts the vague claims it leaves out, by claimant', () => {
    // Arakan Army: several, an undisclosed number, many. Unattributed: dozens, many, hundreds. The sergeant: many.
    expect(vagueCounts(data).map(({ claimantId, count }) => [claimantId, count])).toEqual([
      ['arakan-army', 3],
      ['serving-sergeant', 1],
      ['unattributed', 3],
    ]);
    expect(whoIsCountingChart.describe(data)).toContain('7 further claims give no number');
    // The note under the chart names them short; the description names them in full.
    for (const entry of vagueCounts(data)) {
      expect(entry.claimantShort).toBe(data.claimantById.get(entry.claimantId)?.short_name);
      expect(entry.claimant).toBe(data.claimantById.get(entry.claimantId)?.name);
    }
  });
});

describe('do-the-numbers-add-up rows', () => {
  const rows = checkRows(data);

  it('are the four checks, each with its difference written out', () => {
    // −47 (2,953 − 3,000), +9 (462 − 453), −1.88 points (18.12 − 20), −3 (450 − 453).
    expect(rows.map((row) => [row.id, row.differenceText])).toEqual([
      ['parts-vs-total', '\u221247'],
      ['rate-vs-count', '+9'],
      ['percent-rise', '\u22121.88 points'],
      ['breakdown-vs-total', '\u22123'],
    ]);
  });

  it('name the claimed figure and who claimed it', () => {
    expect(rows.map((row) => row.claimedText)).toEqual([
      // Both claimants the article credits, and what the figure counts.
      "NUG and People's Embrace said around 3,000 defected",
      "NUG and People's Embrace said 453 defected",
      'NUG said a rise of 20% in those who defected',
      "NUG and People's Embrace said 453 defected",
    ]);
    // 453 / 0.2 = 2,265.
    expect(rows[2]?.impliedBase).toBeCloseTo(2265, 10);
    expect(rows.every((row) => row.claimIds.every((id) => data.claimById.has(id)))).toBe(true);
  });

  it('describe themselves from the data and end on verification', () => {
    const description = arithmeticChecksChart.describe(data);
    expect(description).toContain('2,953');
    expect(description).toMatch(/None of these figures has been independently verified\.$/);
  });
});

describe('every chart of this file describes itself without the word "chart"', () => {
  it.each([impliedDailyRatesChart, whoIsCountingChart, arithmeticChecksChart])('$id', (chart) => {
    const description = chart.describe(data);
    expect(description).not.toMatch(/\bchart\b/i);
    expect(description).toMatch(/independently verified\.$/);
  });
});
