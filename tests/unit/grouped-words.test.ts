/**
 * The words of who-is-counting's grouped marks (src/charts/grouped-words.ts), on made claims: each
 * test is one way a grouped mark once said less, or other, than the figures it stands for.
 */
import { describe, expect, it } from 'vitest';
import { chartData } from '../../src/charts/data.ts';
import whoIsCounting, { figureRows, groupedMarkLabel } from '../../src/charts/who-is-counting.ts';
import { dateSpan, figuresSpread, hedgesInWords } from '../../src/charts/grouped-words.ts';
import { loadDataset } from '../../src/lib/dataset.ts';
import type { Claim } from '../../src/lib/types.ts';
import { claim } from './make-claim.ts';

const curated = loadDataset('data');
const SEVEN_50 = 'anti-junta-alliance-deserted-750-2023-11';

/** The curated data with only these claims (and the 750, whose readings differ in their hedge). */
function withClaims(claims: Claim[]) {
  const seven50 = curated.claims.find((each) => each.id === SEVEN_50)!;
  return chartData({ ...curated, claims: [...claims, seven50] });
}

/** The name of the grouped mark of these claims, as who-is-counting draws it. */
function labelOf(claims: Claim[], ids = claims.map((each) => each.id)) {
  const data = withClaims(claims);
  const rows = figureRows(data).filter((row) => ids.includes(row.claimId));
  return groupedMarkLabel('Other claimants (3)', rows, rows[0]!.action);
}

describe('a grouped mark of who-is-counting', () => {
  it('never calls people who had not left "leaving"', () => {
    const answered = labelOf([1, 2, 3, 4].map((n) => claim({ id: `a${n}`, figure: 453, action: 'answered_call' })));
    expect(answered).toContain('4 figures of people who answered the NUG’s call, 453,');
    const waiting = labelOf([claim({ id: 'w1', figure: 400, qualifier: 'about', action: 'waiting_to_leave' })]);
    expect(waiting).toContain('one figure of people who are waiting to leave');
    for (const label of [answered, waiting]) expect(label).not.toMatch(/leaving/);
  });

  it('carries the hedges of every figure it groups', () => {
    const around = labelOf([1, 2, 3, 4].map((n) => claim({ id: `d${n}`, figure: 3000, qualifier: 'about' })));
    expect(around).toContain('2,700 to 3,300 (as published: each around 3,000), hedged: around,');
    // The 750 is "at least 750" in one reading, "around 750" in the other: both hedges, open above.
    const deserted = labelOf(
      [claim({ id: 'd750', figure: 750, qualifier: 'at_least', action: 'deserted' })],
      ['d750', SEVEN_50],
    );
    expect(deserted).toContain('675 or more (as published: at least 750 or around 750), hedged: around or at least,');
    const cdm = labelOf([
      claim({ id: 'c1', figure: 15000, qualifier: 'about', action: 'joined_cdm' }),
      claim({ id: 'c2', figure: 20000, qualifier: 'more_than', action: 'joined_cdm' }),
    ]);
    const cdmBoth = labelOf([
      claim({ id: 'b1', figure: 15000, qualifier: 'about', action: 'joined_cdm' }),
      claim({ id: 'b2', figure: 20000, qualifier: 'about', action: 'joined_cdm' }),
      claim({ id: 'b3', figure: 20000, qualifier: 'more_than', action: 'joined_cdm' }),
    ]);
    expect(cdmBoth).toContain('(as published: around 15,000 to around 20,000 or more than 20,000)');
    expect(cdm).toContain(
      '13,500 or more (as published: around 15,000 to more than 20,000), hedged: around or more than,',
    );
    const mixed = labelOf([claim({ id: 'e1', figure: 10 }), claim({ id: 'e2', figure: 12, qualifier: 'nearly' })]);
    expect(mixed).toContain('hedged: nearly; some exact');
    expect(labelOf([claim({ id: 'x1', figure: 10 }), claim({ id: 'x2', figure: 20 })])).toContain(
      '2 figures of people who defected, 10 to 20, not hedged,',
    );
  });

  it('takes its range from what the figures allow, open-ended where one is', () => {
    const label = labelOf([
      claim({ id: 'm1', figure: 200, qualifier: 'more_than' }),
      claim({ id: 'm2', figure: 500, qualifier: 'nearly' }),
    ]);
    expect(label).toContain('201 or more (as published: more than 200 to nearly 500)');
    expect(label).not.toMatch(/\b200 to 500\b/);
    const nearly = labelOf([
      claim({ id: 'n1', figure: 100, qualifier: 'nearly' }),
      claim({ id: 'n2', figure: 500, qualifier: 'nearly' }),
    ]);
    expect(nearly).toContain('90 to 500 (as published: nearly 100 to nearly 500)');
  });

  it('gives the span of its dates, earliest to latest, and links to the earliest', () => {
    const label = labelOf([
      claim({ id: 'l1', claimed_on: '2023-12', figure: 40 }),
      claim({ id: 'l2', claimed_on: '2021-09-24', figure: 20 }),
      claim({ id: 'l3', claimed_on: '2022-05', figure: 30 }),
    ]);
    expect(label).toMatch(/Sept 2021 to Dec 2023, as claimed \(unverified\)/);
    expect(label).toMatch(/links to the earliest, 20 soldiers defected \(24 Sept 2021\)/);
  });
});

describe('a grouped row in the description of who-is-counting', () => {
  it('gives its measures, range, hedges and dates as the marks do', () => {
    const claims = [
      ...Array.from({ length: 8 }, (_, n) =>
        claim({ id: `g${n}`, figure: 3000, qualifier: 'about', claimed_on: `2022-0${n + 1}` }),
      ),
      claim({ id: 'g8', figure: 453, action: 'answered_call', claimed_on: '2023-12' }),
    ];
    const description = whoIsCounting.describe(withClaims(claims));
    expect(description).toContain(
      '9 figures of people who defected or answered the NUG’s call, 453 to 3,300 (as published: 453 to around 3,000), hedged: around; some exact, Jan 2022 to Dec 2023, drawn grouped',
    );
    expect(description).not.toMatch(/leaving/);
  });
});

describe('the shared words', () => {
  it('word hedges, spans and spreads alone', () => {
    expect(hedgesInWords(['about', 'more_than', 'about'])).toBe('hedged: around or more than');
    expect(hedgesInWords(['exact'])).toBe('not hedged');
    expect(dateSpan(['2023-08', '2023-08'])).toBe('Aug 2023');
    expect(
      figuresSpread([
        { figure: 5, qualifiers: ['exact'], wordings: ['5'], range: { low: 5, high: 5 }, date: '2023' },
        { figure: 5, qualifiers: ['about'], wordings: ['around 5'], range: { low: 4.5, high: 5.5 }, date: '2023' },
      ]),
    ).toBe('5 (as published: 5 or around 5)');
    // Whole people: "around 15" (13.5 to 16.5) allows 14 to 16.
    expect(
      figuresSpread([
        { figure: 15, qualifiers: ['about'], wordings: ['around 15'], range: { low: 13.5, high: 16.5 }, date: '2023' },
      ]),
    ).toBe('14 to 16 (as published: around 15)');
  });
});
