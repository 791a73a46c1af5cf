import { describe, expect, it } from 'vitest';
import {
  ACTION_LABELS,
  whatItCounts,
  claimClause,
  formatClaimants,
  formatFigure,
  formatMeasure,
  formatVerifications,
  listInWords,
  listJoiners,
  VERIFICATION_LABELS,
  formatClaimCount,
  formatClaimPeriod,
  formatDailyRate,
  roundRangeOutward,
  formatPerDay,
  formatSpan,
  numberWord,
  formatEventDate,
} from '../../src/lib/format.ts';
import { ACTIONS } from '../../src/lib/types.ts';
import { loadDataset } from '../../src/lib/dataset.ts';
import { PERSONNEL_LABELS } from '../../src/lib/format.ts';

// The singular a count of exactly one uses ("1 police officer defected").
const SINGULAR_WORDS = {
  soldiers: 'soldier',
  police: 'police officer',
  soldiers_and_police: 'soldier or police officer',
  security_forces: 'member of the security forces',
  people: 'person',
} as const;

describe('spans and periods in words', () => {
  it('write spans briefly', () => {
    expect(formatSpan('2023-04', '2023-07')).toBe('April to July 2023');
    expect(formatSpan('2023-11-13', '2023-11-17')).toBe('13 to 17 Nov 2023');
    expect(formatSpan('2021-09-24', '2023-08')).toBe('24 Sept 2021 to Aug 2023');
    expect(formatSpan('2023-11-12', '2023-11-12')).toBe('12 Nov 2023');
  });

  it('give the period a claim counts, its stated length first', () => {
    const period = (period_start: string | null, period_end: string | null, stated_days: number | null = null) =>
      formatClaimPeriod({ period_start, period_end, stated_days });
    expect(period('2021-09-07', '2021-09-21', 14)).toBe('14 days from 7 Sept 2021');
    expect(period('2023-04', '2023-07')).toBe('April to July 2023');
    expect(period('2023-08', null)).toBe('since Aug 2023');
    expect(period(null, '2022-05')).toBe('until May 2022');
    expect(period(null, null)).toBe('no dates given');
  });
});

describe('people a day', () => {
  it('keep small rates readable', () => {
    // One person in 31 days: 1 / 31 = 0.0323.
    expect(formatPerDay(1 / 31)).toBe('0.032');
    expect(formatPerDay(32.357)).toBe('32');
    expect(formatPerDay(3.689)).toBe('3.7');
  });

  it('write a range of rates as the chart and the article both say it', () => {
    // Rounded outwards: the ceiling 20.414 shows as 21, so the range never understates what the figures allow.
    expect(formatDailyRate({ low: 14.448, high: 20.414 })).toBe('14 to 21 a day');
    expect(formatDailyRate({ low: 23.033, high: null })).toBe('23 or more a day');
    expect(formatDailyRate({ low: 33, high: 33 })).toBe('33 a day');
  });
});

describe('counts of claims', () => {
  it('agree in number', () => {
    expect(formatClaimCount(1)).toBe('1 claim');
    expect(formatClaimCount(8)).toBe('8 claims');
  });
});

describe('claimClause: what a claim says happened, in words', () => {
  const clause = (fields: Partial<Parameters<typeof claimClause>[0]>) =>
    claimClause({
      figure: 3000,
      qualifier: 'about',
      unit: 'people',
      personnel: 'soldiers_and_police',
      action: 'defected',
      ...fields,
    });

  it('keeps the hedge with the number and names who left', () => {
    expect(clause({})).toBe('around 3,000 soldiers and police defected');
    expect(clause({ figure: 750, qualifier: 'at_least', personnel: 'security_forces', action: 'deserted' })).toBe(
      'at least 750 security forces deserted',
    );
  });

  it('uses the singular for exactly one person', () => {
    expect(clause({ figure: 1, qualifier: 'exact', personnel: 'police' })).toBe('1 police officer defected');
    expect(clause({ figure: 1, qualifier: 'exact', personnel: 'soldiers', action: 'deserted' })).toBe(
      '1 soldier deserted',
    );
  });

  it('says when no number was given rather than inventing one, in the quote’s own words', () => {
    expect(clause({ figure: null, qualifier: 'vague', personnel: 'soldiers', action: 'surrendered' })).toBe(
      'an unstated number of soldiers surrendered (no number given)',
    );
    // The words as published, lower-cased only at the start, since the clause runs mid-sentence.
    const vague = { figure: null, qualifier: 'vague', personnel: 'soldiers', action: 'defected' } as const;
    expect(clause({ ...vague, vague_words: 'Dozens of' })).toBe('dozens of soldiers defected (no number given)');
    expect(clause({ ...vague, vague_words: 'an undisclosed number of' })).toBe(
      'an undisclosed number of soldiers defected (no number given)',
    );
    expect(clause({ ...vague, vague_words: 'Several' })).toBe('several soldiers defected (no number given)');
  });

  it('gives a vague figure its own words and says it is not a number', () => {
    expect(formatFigure({ figure: null, qualifier: 'vague', unit: 'people', vague_words: 'Hundreds of' })).toBe(
      'hundreds (no number given)',
    );
    expect(formatFigure({ figure: null, qualifier: 'vague', unit: 'people', vague_words: 'many' })).toBe(
      'many (no number given)',
    );
    expect(formatFigure({ figure: null, qualifier: 'vague', unit: 'people' })).toBe(
      'an unstated number (no number given)',
    );
  });

  it('reads percentages as a rise, and names the people in rates and battalions too', () => {
    expect(clause({ figure: 20, qualifier: 'exact', unit: 'percent' })).toBe(
      // A rise in the running total ("The 453 new personnel represented a 20 percent rise"), not in
      // the number who did the act.
      'a 20% rise in the total from new soldiers and police who defected',
    );
    expect(clause({ figure: 33, qualifier: 'exact', unit: 'people_per_day', action: 'contacted_resistance' })).toBe(
      '33 soldiers and police a day contacted the resistance',
    );
    expect(
      clause({ figure: 3, qualifier: 'exact', unit: 'battalions', personnel: 'soldiers', action: 'surrendered' }),
    ).toBe('3 battalions of soldiers surrendered');
  });
});

describe('roundRangeOutward: a shown range never claims more than the figures allow', () => {
  it('rounds floors down and ceilings up to the precision shown', () => {
    // 37.5 a day or more is shown as 37 or more, never 38; 14.45 to 20.41 as 14 to 21.
    expect(roundRangeOutward({ low: 37.5, high: null })).toEqual({ low: 37, high: null });
    expect(roundRangeOutward({ low: 14.448, high: 20.414 })).toEqual({ low: 14, high: 21 });
    // Below 10, tenths: 3.689 to 4.098 is shown as 3.6 to 4.1; an exact 3.2 stays 3.2.
    const tenths = roundRangeOutward({ low: 3.689, high: 4.098 });
    expect(tenths.low).toBeCloseTo(3.6, 10);
    expect(tenths.high).toBeCloseTo(4.1, 10);
    expect(roundRangeOutward({ low: 3.2, high: 3.2 }).low).toBeCloseTo(3.2, 10);
    expect(formatDailyRate({ low: 37.5, high: null })).toBe('37 or more a day');
  });
});

describe('roundRangeOutward on a single value', () => {
  it('leaves an exact rate as one number: 453 in 14 days is 32 a day', () => {
    // 453 / 14 = 32.357: one value, shown to the usual precision, not as "32 to 33".
    expect(formatDailyRate({ low: 453 / 14, high: 453 / 14 })).toBe('32 a day');
  });
});

describe('labels name the measure, the claimants and the status', () => {
  const claimants = [
    { id: 'nug', name: 'National Unity Government (NUG)', short_name: 'NUG' },
    { id: 'peoples-embrace', name: "People's Embrace", short_name: "People's Embrace" },
    { id: 'police-cdm-channel', name: 'Myanmar Police CDM Channel', short_name: 'Police CDM Channel' },
  ].map((claimant) => ({ ...claimant, kind: 'defector_group' as const, description: '', interest: '' }));

  it('write figure, hedge and measure together, so different measures never read as one count', () => {
    const measure = (fields: Partial<Parameters<typeof formatMeasure>[0]>) =>
      formatMeasure({
        figure: 3000,
        qualifier: 'about',
        unit: 'people',
        personnel: 'soldiers_and_police',
        action: 'defected',
        ...fields,
      });
    expect(measure({})).toBe('around 3,000 soldiers and police defected');
    expect(measure({ figure: 15000, action: 'joined_cdm' })).toBe('around 15,000 soldiers and police joined the CDM');
    // The review's finding: the jointly credited totals must say whose each is.
    expect(measure({ figure: 1500, personnel: 'soldiers' })).toBe('around 1,500 soldiers defected');
    expect(measure({ figure: 1000, personnel: 'police' })).toBe('around 1,000 police defected');
    // The 33 a day as its quote has it: "33 people a day have contacted us", us being the NUG.
    expect(
      measure({ figure: 33, qualifier: 'exact', unit: 'people_per_day', action: 'contacted_nug', personnel: 'people' }),
    ).toBe('33 people a day contacted the NUG');
    const contacts = loadDataset('data').claims.find((claim) => claim.id === 'nug-contacted-33-per-day-2021-09');
    expect(contacts && formatMeasure(contacts)).toBe('33 people a day contacted the NUG');
    expect(measure({ figure: 20, qualifier: 'exact', unit: 'percent' })).toBe(
      'a 20% rise in the total from new soldiers and police who defected',
    );
    // Whatever the act, the percentage never reads as a rise in the people who did it.
    expect(measure({ figure: 20, qualifier: 'exact', unit: 'percent', action: 'answered_call' })).not.toMatch(
      /in those who/,
    );
    expect(measure({ figure: null, qualifier: 'vague', action: 'deserted', vague_words: 'many' })).toBe(
      'many soldiers and police deserted (no number given)',
    );
  });

  it('have a word for every action, so a new action needs one entry in one map', () => {
    for (const action of ACTIONS) {
      expect(ACTION_LABELS[action], action).toMatch(/\w/);
      expect(formatMeasure({ figure: 10, qualifier: 'exact', unit: 'people', personnel: 'soldiers', action })).toBe(
        `10 soldiers ${ACTION_LABELS[action]}`,
      );
    }
  });

  it('name who and what for every claim in data/, whatever its unit', () => {
    const data = loadDataset('data');
    for (const claim of data.claims) {
      const label = formatMeasure(claim);
      const who = [PERSONNEL_LABELS[claim.personnel], SINGULAR_WORDS[claim.personnel]];
      expect(
        who.some((words) => label.includes(words)),
        `${claim.id}: "${label}" names ${claim.personnel}`,
      ).toBe(true);
      expect(label, claim.id).toContain(ACTION_LABELS[claim.action]);
    }
  });

  it('name every claimant, in claimants.csv order whichever one the row is filed under', () => {
    const joint = { claimant_id: 'nug', co_claimant_ids: ['peoples-embrace'] };
    expect(formatClaimants(joint, claimants)).toBe("National Unity Government (NUG) and People's Embrace");
    expect(formatClaimants(joint, claimants, 'short_name')).toBe("NUG and People's Embrace");
    // The 1,000 police are filed under the police channel, the 1,500 soldiers under People's Embrace:
    // both name the same two groups in the same order.
    const police = { claimant_id: 'police-cdm-channel', co_claimant_ids: ['peoples-embrace'] };
    const soldiers = { claimant_id: 'peoples-embrace', co_claimant_ids: ['police-cdm-channel'] };
    expect(formatClaimants(police, claimants)).toBe(formatClaimants(soldiers, claimants));
    expect(formatClaimants({ claimant_id: 'nug', co_claimant_ids: [] }, claimants)).toBe(
      'National Unity Government (NUG)',
    );
    expect(() => formatClaimants({ claimant_id: 'nobody', co_claimant_ids: [] }, claimants)).toThrow(/nobody/);
  });

  it('join names as English lists', () => {
    expect(listJoiners(1)).toEqual(['']);
    expect(listJoiners(2)).toEqual([' and ', '']);
    expect(listJoiners(3)).toEqual([', ', ' and ', '']);
    expect(listInWords(['A', 'B', 'C'])).toBe('A, B and C');
  });

  it('say once whether a figure is verified', () => {
    expect(VERIFICATION_LABELS.unverified).toBe('unverified');
    expect(VERIFICATION_LABELS.corroborated).toBe('independently verified');
    expect(formatVerifications(['unverified', 'unverified'])).toBe('unverified');
    expect(formatVerifications(['unverified', 'disputed'])).toBe('unverified / disputed');
  });
});

describe('numberWord', () => {
  it('spells small counts for headings and digits beyond ten', () => {
    expect(numberWord(5)).toBe('five');
    expect(numberWord(10)).toBe('ten');
    expect(numberWord(12)).toBe('12');
  });
});

describe('formatEventDate: an event is dated with how sure the date is', () => {
  it('words each certainty', () => {
    expect(formatEventDate({ date: '2021-09-07', date_certainty: 'stated' })).toBe('7 Sept 2021');
    expect(formatEventDate({ date: '2023-12-04', date_certainty: 'inferred' })).toBe('4 Dec 2023 (inferred)');
    expect(formatEventDate({ date: '2022-09', date_certainty: 'approximate' })).toBe('about Sept 2022');
    expect(formatEventDate({ date: '2023-08', date_certainty: 'no_later_than' })).toBe('by Aug 2023 (inferred)');
  });

  it('dates the NUG cabinet meeting, which the article calls only recent, as by Aug 2023 (inferred)', () => {
    const cabinet = loadDataset('data').events.find((event) => event.id === 'nug-cabinet-28-2023-08')!;
    expect(formatEventDate(cabinet)).toBe('by Aug 2023 (inferred)');
  });
});

describe('whatItCounts', () => {
  const base = { figure: 400, qualifier: 'about', unit: 'people', personnel: 'soldiers_and_police' } as const;
  it.each([
    [{ ...base, action: 'waiting_to_leave' }, 'Soldiers and police who are waiting to leave'],
    [{ ...base, action: 'joined_cdm' }, 'Soldiers and police who joined the CDM'],
    // A percentage counts a rise in a total, not a share of the forces.
    [
      { ...base, figure: 20, unit: 'percent', action: 'answered_call' },
      'The rise in the total from new soldiers and police who answered the NUG’s call',
    ],
    [
      { ...base, figure: 1, qualifier: 'exact', personnel: 'police', action: 'defected' },
      'Police officer who defected',
    ],
    [
      { ...base, figure: 33, unit: 'people_per_day', action: 'contacted_nug', personnel: 'people' },
      'People who contacted the NUG, per day',
    ],
    [
      { ...base, figure: 3, unit: 'battalions', personnel: 'soldiers', action: 'surrendered' },
      'Battalions of soldiers that surrendered',
    ],
  ] as const)('%o reads "%s"', (claim, words) => {
    expect(whatItCounts(claim)).toBe(words);
  });
});

describe('an outlet speaking in its own voice is named by its outlet wherever one claim is shown', () => {
  const data = loadDataset('data');
  const unattributed = data.claims.filter((claim) => claim.claimant_id === 'unattributed');
  it('names the outlet, in full and in short, and leaves every other claimant as named', () => {
    expect(unattributed.length).toBeGreaterThan(0);
    for (const claim of unattributed) {
      const outlet = data.sources.find((source) => source.id === claim.source_id)!.outlet;
      const named = formatClaimants(claim, data.claimants, 'name', data.readings, data.sources);
      expect(named).toContain(`${outlet}'s own statement (no source named)`);
      expect(named).not.toContain("Outlet's own statement");
      expect(formatClaimants(claim, data.claimants, 'short_name', [], data.sources)).toBe(
        `${outlet} (no source named)`,
      );
    }
    const nug = data.claims.find((claim) => claim.claimant_id === 'nug')!;
    expect(formatClaimants(nug, data.claimants, 'name', [], data.sources)).toBe(formatClaimants(nug, data.claimants));
  });
});
