/**
 * Every admissible reading (data/readings.csv, src/lib/readings.ts) and the rates derived under each
 * (src/lib/rates.ts), with the arithmetic worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { loadDataset, validateDatasetTexts } from '../../src/lib/dataset.ts';
import { periodDays } from '../../src/lib/derive.ts';
import { formatCheckDifference, rateVsCountCheck } from '../../src/lib/checks.ts';
import { impliedDailyRates, periodDailyRates } from '../../src/lib/rates.ts';
import { figureWordings, periodWordings, readingsDifferInClaimants, readingsOf } from '../../src/lib/readings.ts';
import { formatClaimants } from '../../src/lib/format.ts';
import { readFileSync } from 'node:fs';

const data = loadDataset('data');
const real = (id: string) => data.claims.find((candidate) => candidate.id === id)!;

describe('the 453 and the 33 a day: two weeks or since 7 Sept', () => {
  const windows = readingsOf(real('nug-defected-453-2021-09'), data.readings).map((read) => periodDays(read.claim));

  it('reads the window as 14 days, or 17 to 18 days (7 to 24 Sept elapsed, and with both ends)', () => {
    expect(windows).toEqual([
      { min: 14, max: 14 },
      { min: 17, max: 18 },
    ]);
  });

  it('multiplies 33 a day by both: 462 (33 × 14), up to 594 (33 × 18)', () => {
    // 33 × 14 = 462; 33 × 17 = 561; 33 × 18 = 594.
    const check = rateVsCountCheck(data.claims, data.readings);
    expect(check.computed).toEqual({ point: 462, low: 462, high: 594 });
    expect(check.working).toBe('33 a day × 14 days (or 17 to 18 days) = 462, or 561 to 594');
    expect(check.explanation).toContain('since the 7 Sept call (17 to 18 days): 561 to 594');
  });

  it('gives the difference from the 453 under every reading, +9 to +141, and never calls it a match', () => {
    const check = rateVsCountCheck(data.claims, data.readings);
    // 462 − 453 = +9; 561 − 453 = +108; 594 − 453 = +141. All above the 453, so the sign is +.
    expect(check.differences).toEqual({ low: 9, high: 141 });
    expect(formatCheckDifference(check)).toBe('+9 to +141');
    expect(check.explanation).toContain('more than the 453 under every reading');
    expect(check.explanation).toContain('+9 over two weeks (14 days), +108 to +141 since the 7 Sept call');
    // The note on the 33 a day must agree with the chart: close under one reading, never a match.
    expect(check.explanation).not.toMatch(/\bmatch(es)?\b(?! it)/);
    expect(real('nug-contacted-33-per-day-2021-09').notes).not.toMatch(/\bmatch/);
    expect(real('nug-contacted-33-per-day-2021-09').notes).toContain('9 more');
  });

  it('the about 50 who joined the CDM: 3.2 to 3.9 a day over two weeks, 2.5 to 3.2 since 7 Sept', () => {
    const rate = periodDailyRates(data.claims, data.readings).find(
      (candidate) => candidate.claim.id === 'police-cdm-channel-cdm-50-2021-09',
    )!;
    // About 50 is 45 to 55. Two weeks: 45 / 14 = 3.214, 55 / 14 = 3.929. Since 7 Sept: 45 / 18 = 2.5,
    // 55 / 17 = 3.235. Across both: 2.5 to 3.929.
    expect(rate.readings[0]!.perDay.low).toBeCloseTo(3.214, 3);
    expect(rate.readings[0]!.perDay.high).toBeCloseTo(3.929, 3);
    expect(rate.readings[1]!.perDay.low).toBeCloseTo(2.5, 3);
    expect(rate.readings[1]!.perDay.high).toBeCloseTo(3.235, 3);
    expect(rate.perDay.low).toBeCloseTo(2.5, 3);
    expect(rate.perDay.high).toBeCloseTo(3.929, 3);
  });
});

describe('the 750: around 750 in 20 days, or at least 750 since 27 Oct', () => {
  const rate = periodDailyRates(data.claims, data.readings).find(
    (candidate) => candidate.claim.id === 'anti-junta-alliance-deserted-750-2023-11',
  )!;

  it('derives under both readings', () => {
    // At least 750 from 27 Oct to 17 Nov (the claim's own wording, first): 21 days elapsed, 22 with
    // both ends; 750 / 22 = 34.09, open.
    expect(rate.readings[0]!.days).toEqual({ min: 21, max: 22 });
    expect(rate.readings[0]!.perDay.low).toBeCloseTo(34.091, 3);
    expect(rate.readings[0]!.perDay.high).toBeNull();
    // Around 750 in 20 days: 675 / 20 = 33.75 to 825 / 20 = 41.25.
    expect(rate.readings[1]).toMatchObject({ days: { min: 20, max: 20 }, perDay: { low: 33.75, high: 41.25 } });
    expect(rate.perDay).toEqual({ low: 33.75, high: null });
  });

  it('shows both wordings wherever the figure is headlined, each with whoever EFE credits it to', () => {
    // Body: "According to the anti-junta alliance, at least 750 ..."; lede: "Around 750 ... opposition sources said".
    expect(figureWordings(real('anti-junta-alliance-deserted-750-2023-11'), data.readings, data.claimants)).toBe(
      'at least 750 (Anti-junta alliance) or around 750 (Opposition sources)',
    );
    // Where the credits are printed beside the figure, the wordings alone.
    expect(
      figureWordings(real('anti-junta-alliance-deserted-750-2023-11'), data.readings, data.claimants, 'none'),
    ).toBe('at least 750 or around 750');
    // A claim with one wording shows it once, and one claimant is not repeated after it.
    expect(figureWordings(real('nug-defected-453-2021-09'), data.readings, data.claimants)).toBe('453');
  });

  it('credits each reading to its own claimant, not the claim’s', () => {
    const [body, lede] = readingsOf(real('anti-junta-alliance-deserted-750-2023-11'), data.readings);
    expect([lede!.claim.claimant_id, lede!.claim.co_claimant_ids]).toEqual(['opposition-sources', []]);
    expect(body!.claim.claimant_id).toBe('anti-junta-alliance');
    // The 453's two windows are both the NUG's and People's Embrace's: a reading with no claimant_ids keeps theirs.
    const [twoWeeks] = readingsOf(real('nug-defected-453-2021-09'), data.readings);
    expect([twoWeeks!.claim.claimant_id, twoWeeks!.claim.co_claimant_ids]).toEqual(['nug', ['peoples-embrace']]);
  });

  it('names whose wording each is in the claimants and in the period', () => {
    const claim = real('anti-junta-alliance-deserted-750-2023-11');
    expect(formatClaimants(claim, data.claimants, 'short_name', data.readings)).toBe(
      'Anti-junta alliance for at least 750 and Opposition sources for around 750',
    );
    // Without the readings, the claim is filed under both parties EFE credits.
    expect(formatClaimants(claim, data.claimants, 'short_name')).toBe('Anti-junta alliance and Opposition sources');
    expect(periodWordings(claim, data.readings, data.claimants)).toBe(
      "at least 750 since 27 Oct (later in the article: the anti-junta alliance) or around 750 in the past 20 days (the article's opening: unnamed opposition sources)",
    );
    // A label that does not name its claimant gets the name appended.
    const bare = data.readings.map((reading) =>
      reading.claim_id === claim.id ? { ...reading, label: reading.reading_id } : reading,
    );
    expect(periodWordings(claim, bare, data.claimants)).toBe(
      'since-27-oct, according to Anti-junta alliance or past-20-days, according to Opposition sources',
    );
    // Readings that share the claim's claimants are worded as before.
    expect(periodWordings(real('nug-defected-453-2021-09'), data.readings, data.claimants)).toBe(
      'over two weeks (14 days) or since the 7 Sept call (17 to 18 days)',
    );
    expect(readingsDifferInClaimants(real('nug-defected-453-2021-09'), data.readings)).toBe(false);
  });
});

describe('the 20,000: since the coup, or over the past two years', () => {
  it('as a running total, the rise from the 15,000 is 23 a day or more', () => {
    const [rise] = impliedDailyRates(data.claims, data.readings).filter(
      (rate) => rate.to.id === 'nug-cdm-20000-2023-12',
    );
    // Aug 2023 to Dec 2023: 92 to 152 days; (20,001 − 16,500) / 152 = 23.033, open above.
    expect(rise!.readings.map((reading) => reading.label)).toEqual(['a running total since the coup (our inference)']);
    expect(rise!.perDay.low).toBeCloseTo(23.033, 3);
  });

  it('as a two-year count, it is 26.3 a day or more', () => {
    const rate = periodDailyRates(data.claims, data.readings).find(
      (candidate) => candidate.claim.id === 'nug-cdm-20000-2023-12',
    )!;
    // 20,001 / 761 days (1 Dec 2021 to 31 Dec 2023) = 26.283.
    expect(rate.readings.map((reading) => reading.label)).toEqual(['over the past two years (Dec 2021 to Dec 2023)']);
    expect(rate.perDay.low).toBeCloseTo(26.283, 3);
  });
});

describe('readings.csv is validated like the other files', () => {
  const texts = {
    claims: readFileSync('data/claims.csv', 'utf8'),
    claimants: readFileSync('data/claimants.csv', 'utf8'),
    sources: readFileSync('data/sources.csv', 'utf8'),
    events: readFileSync('data/events.csv', 'utf8'),
  };
  const header =
    'claim_id,reading_id,label,claimant_ids,qualifier,scope,period_start,period_end,stated_days,quote,note\n';

  it('names the file, row and column of an unknown qualifier', () => {
    expect(() =>
      validateDatasetTexts({
        ...texts,
        readings: `${header}nug-defected-453-2021-09,a,label,,roughly,,2021-09,,,q,\n`,
      }),
    ).toThrow('data/readings.csv, row 2, column "qualifier": found "roughly"');
  });

  it('names the file, row and column of a reading of an unknown claim', () => {
    expect(() =>
      validateDatasetTexts({ ...texts, readings: `${header}no-such-claim,a,label,,,,2021-09,,,q,\n` }),
    ).toThrow(
      'data/readings.csv, row 2, column "claim_id": found "no-such-claim"; expected an id from data/claims.csv',
    );
  });

  it('names the file, row and column of a reading credited to an unknown claimant', () => {
    const row = 'nug-defected-453-2021-09,a,label,nug no-such-group,,,2021-09,,,q,\n';
    expect(() => validateDatasetTexts({ ...texts, readings: header + row })).toThrow(
      /data\/readings\.csv, row 2, column "claimant_ids": found "no-such-group"; expected an id from data\/claimants\.csv/,
    );
    const twice = 'nug-defected-453-2021-09,a,label,nug nug,,,2021-09,,,q,\n';
    expect(() => validateDatasetTexts({ ...texts, readings: header + twice })).toThrow(
      'data/readings.csv, row 2, column "claimant_ids": found "nug nug"; expected each claimant named once',
    );
  });

  it('refuses the same reading id twice for one claim', () => {
    const row = 'nug-defected-453-2021-09,two-weeks,label,,,,2021-09-07,,14,q,\n';
    expect(() => validateDatasetTexts({ ...texts, readings: header + row + row })).toThrow(
      /readings\.csv, row 3, column "reading_id"/,
    );
  });

  it('treats a missing readings.csv as no second readings', () => {
    expect(validateDatasetTexts(texts).readings).toEqual([]);
  });
});

describe('a reading quotes its own claim’s article', () => {
  // The articles are not in the project, so the check is the one the data can make: a reading's
  // quote is never a claim quote (or part of one) from another source. The since-coup reading of the
  // 20,000 once quoted "since the February 2021 coup" from the August 2023 article.
  it.each(data.readings.map((reading) => [`${reading.claim_id} ${reading.reading_id}`, reading] as const))(
    '%s',
    (_name, reading) => {
      const own = real(reading.claim_id);
      const borrowed = data.claims.filter(
        (other) =>
          other.source_id !== own.source_id &&
          (other.quote.includes(reading.quote) || reading.quote.includes(other.quote)),
      );
      expect(borrowed.map((other) => other.id)).toEqual([]);
    },
  );

  it('a reading that is not the article’s own words says it is our inference', () => {
    const sinceCoup = data.readings.find(
      (reading) => reading.claim_id === 'nug-cdm-20000-2023-12' && reading.reading_id === 'since-coup',
    )!;
    expect(sinceCoup.label).toContain('(our inference)');
    expect(sinceCoup.quote).not.toContain('since the February 2021 coup');
  });
});
