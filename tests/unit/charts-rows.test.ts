import { describe, expect, it } from 'vitest';
import arithmeticChecksChart, { checkRows } from '../../src/charts/arithmetic-checks.ts';
import { chartData } from '../../src/charts/data.ts';
import impliedDailyRatesChart, { rateRows } from '../../src/charts/implied-daily-rates.ts';
import whoIsCountingChart, { figureRows, vagueCounts } from '../../src/charts/who-is-counting.ts';
import { loadDataset } from '../../src/lib/dataset.ts';
import { SPAN_WORDS, timelineRows } from '../../src/charts/timeline/rows.ts';
import { isPeriodInferred } from '../../src/lib/derive.ts';

const data = chartData(loadDataset('data'));

describe('implied-daily-rates rows', () => {
  const rows = rateRows(data);
  const byKey = (key: string) => rows.find((row) => row.key === key);

  it('puts the rates implied by totals first, then period counts; no stated rate of leaving exists', () => {
    const groups = rows.map((row) => row.group);
    expect(groups.indexOf('periods')).toBe(groups.lastIndexOf('totals') + 1);
    expect(groups).not.toContain('stated');
  });

  it('computes no rate across measures: around 3,000 defected, then around 15,000 joined the CDM', () => {
    expect(byKey('nug-defected-3000-2021-09--nug-cdm-15000-2023-08')).toBeUndefined();
    expect(rows.flatMap((row) => row.claimIds)).not.toContain('nug-defected-3000-2021-09');
  });

  it('leaves the rise to more than 20,000 open at the top, and says which reading it rests on', () => {
    const pair = byKey('nug-cdm-15000-2023-08--nug-cdm-20000-2023-12');
    // (20,001 − 16,500) / 152 days = 3,501 / 152 = 23.03.
    expect(pair?.perDay.low).toBeCloseTo(23.033, 3);
    expect(pair?.perDay.high).toBeNull();
    expect(pair?.description).toContain('a running total since the coup');
  });

  it('shows the 20,000 under its own words too: over the past two years', () => {
    const row = byKey('nug-cdm-20000-2023-12');
    // Dec 2021 to Dec 2023, both known to the month: 700 days at the least (31 Dec 2021 to 1 Dec 2023), 761 at the most.
    // More than 20,000 is 20,001 or more: 20,001 / 761 = 26.283 a day or more.
    expect(row?.days).toEqual({ min: 700, max: 761 });
    expect(row?.perDay.low).toBeCloseTo(26.283, 3);
    expect(row?.perDay.high).toBeNull();
    expect(row?.period).toBe('over the past two years (Dec 2021 to Dec 2023)');
  });

  it('turns eligible period counts into people a day, under every reading', () => {
    // Nearly 500 over 1 April to 31 July 2023 (122 days): 450 / 122 = 3.689, 500 / 122 = 4.098.
    const nearly500 = byKey('nug-defected-500-2023-08');
    expect(nearly500?.perDay.low).toBeCloseTo(3.689, 3);
    expect(nearly500?.perDay.high).toBeCloseTo(4.098, 3);
    expect(nearly500?.period).toBe('April to July 2023');
    // The 750: around 750 in 20 days is 675 / 20 = 33.75 to 825 / 20 = 41.25; at least 750 in 21 to 22
    // days is 750 / 22 = 34.09 or more. Across both: 33.75 or more.
    const offensive = byKey('anti-junta-alliance-deserted-750-2023-11');
    expect(offensive?.perDay).toEqual({ low: 33.75, high: null });
    expect(offensive?.days).toEqual({ min: 20, max: 22 });
    expect(offensive?.what).toBe(
      'at least 750 (Anti-junta alliance) or around 750 (Opposition sources) security forces deserted',
    );
    expect(offensive?.readings).toBe(
      "at least 750 since 27 Oct (later in the article: the anti-junta alliance): 34 or more a day; around 750 in the past 20 days (the article's opening: unnamed opposition sources): 33 to 42 a day",
    );
  });

  it('never rates a single incident, people who had not left, or the 453', () => {
    for (const id of [
      'anti-junta-alliance-defected-200-kokang-2023-11',
      'unattributed-deserted-40-india-2023-11',
      'nug-defected-453-2021-09',
      'police-cdm-channel-waiting-400-2021-09',
      'nug-contacted-33-per-day-2021-09',
    ]) {
      expect(byKey(id), id).toBeUndefined();
    }
  });

  it('labels each row with the short name from claimants.csv, and keeps the full name for the table', () => {
    const row = byKey('nug-defected-500-2023-08');
    expect(row?.claimantShort).toBe(data.claimantById.get('nug')?.short_name);
    expect(row?.claimant).toBe(data.claimantById.get('nug')?.name);
  });

  it('says in its description why figures have no rate', () => {
    const description = impliedDailyRatesChart.describe(data);
    expect(description).toContain('It reports a single incident');
    expect(description).toContain(
      'The two figures count different things: people who defected and people who joined the CDM',
    );
  });

  it('skips what cannot be dated: the Arakan Army count with no start', () => {
    expect(byKey('arakan-army-surrendered-100-2022-06')).toBeUndefined();
  });

  it('has a table value for every column of every row', () => {
    for (const row of rows) {
      for (const column of impliedDailyRatesChart.columns.filter(
        (column) => !['days', 'per_day_high', 'readings'].includes(column.key),
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
    expect(total?.published).toBe('more than 20,000 soldiers and police joined the CDM');
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
      ['rate-vs-count', '+9 to +141'],
      ['percent-rise', '\u22121.88 points'],
      ['breakdown-vs-total', '\u22123'],
    ]);
  });

  it('name the claimed figure and who claimed it', () => {
    expect(rows.map((row) => row.claimedText)).toEqual([
      // Both claimants the article credits, and what the figure counts.
      "NUG and People's Embrace said around 3,000 soldiers and police defected",
      // The 453 and the 20% are coded as answering the call (issue 9): the article does not say they left.
      "NUG and People's Embrace said 453 soldiers and police answered the NUG’s call",
      'NUG said a 20% rise in the total from new soldiers and police who answered the NUG’s call',
      "NUG and People's Embrace said 453 soldiers and police answered the NUG’s call",
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

describe('the timeline says which periods the articles give and which we inferred', () => {
  const data = chartData(loadDataset('data'));
  const rows = timelineRows(data);
  it('labels a period "inferred" exactly when its note marks it, and "stated" otherwise', () => {
    const closed = rows.filter((row) => row.span === 'period' || row.span === 'inferred_period');
    for (const row of closed) {
      const claim = data.claimById.get(row.claimId)!;
      expect(row.span, row.claimId).toBe(isPeriodInferred(claim) ? 'inferred_period' : 'period');
    }
    const inferred = closed.filter((row) => row.span === 'inferred_period').map((row) => row.claimId);
    // The standards desk's four: the Rathedaung police, the Letpadaung constable, the hundreds and the 3 battalions.
    expect(inferred.sort()).toEqual([
      'locals-deserted-3-rathedaung-2022-09',
      'unattributed-defected-1-letpadaung-2023-08',
      'unattributed-surrendered-3-battalions-kokang-2023-12',
      'unattributed-surrendered-hundreds-2023-12',
    ]);
    // "between April and July" is the article's own.
    expect(rows.find((row) => row.claimId === 'nug-defected-500-2023-08')?.span).toBe('period');
    expect(SPAN_WORDS.inferred_period).toBe('inferred period');
  });

  it('reads the marker only as a sentence of its own', () => {
    expect(isPeriodInferred({ notes: 'Period inferred: from the sentence before.' })).toBe(true);
    expect(isPeriodInferred({ notes: 'A note. Period inferred: as for the hundreds.' })).toBe(true);
    expect(isPeriodInferred({ notes: 'The period was not inferred.' })).toBe(false);
    expect(isPeriodInferred({ notes: null })).toBe(false);
  });
});

describe('the CDM rise between two totals says what it rests on', () => {
  it('names our inference and how the floor moves when "around" is read as ±20%', () => {
    const data = chartData(loadDataset('data'));
    const rise = rateRows(data).find((row) => row.key === 'nug-cdm-15000-2023-08--nug-cdm-20000-2023-12');
    // ±10%: (20,001 − 16,500) ÷ 152 days = 23.03 a day; ±20%: (20,001 − 18,000) ÷ 152 = 13.2.
    expect(rise?.readings).toContain(
      'rests on reading the later figure as a running total since the coup (our inference)',
    );
    expect(rise?.readings).toContain('reads "around" as ±10%; at ±20%: 13 or more a day');
  });
});
