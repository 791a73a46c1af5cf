/**
 * The eligibility rules, checked on what was actually built (test-output/dist): no chart CSV, chart
 * mark or page may show a rate for a claim the rules refuse. The unit tests prove the rules; this
 * proves that nothing between the rules and the reader (a chart module, a sentence, a download)
 * routes around them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/dataset.ts';
import { perDay, periodDays, claimRange } from '../../src/lib/derive.ts';
import { rateEligibility, sameMeasure, statedRateEligibility } from '../../src/lib/eligibility.ts';
import { formatDailyRate } from '../../src/lib/format.ts';
import { readingsOf } from '../../src/lib/readings.ts';
import type { Claim } from '../../src/lib/types.ts';
import { BUILT_SITE, PROJECT_ROOT } from './build-site.ts';

const data = loadDataset(join(PROJECT_ROOT, 'data'));
const claimById = new Map(data.claims.map((claim) => [claim.id, claim]));
const sameArticle = (claim: Claim) => data.claims.filter((other) => other.source_id === claim.source_id);

/** Whether the rules allow a rate from this claim under at least one of its readings. */
function mayRate(claim: Claim): boolean {
  if (claim.unit === 'people_per_day') return statedRateEligibility(claim).eligible;
  return readingsOf(claim, data.readings).some((read) => rateEligibility(read.claim, sameArticle(claim)).eligible);
}

/** Whether the rules allow a rate between two totals under at least one pair of their readings. */
function mayPair(from: Claim, to: Claim): boolean {
  return readingsOf(from, data.readings).some((early) =>
    readingsOf(to, data.readings).some((late) => sameMeasure(early.claim, late.claim).eligible),
  );
}

function citesOnlyEligible(claimIds: string[]): boolean {
  const claims = claimIds.map((id) => claimById.get(id));
  if (claims.some((claim) => claim === undefined)) return false;
  if (claims.length === 1) return mayRate(claims[0]!);
  if (claims.length === 2) return mayPair(claims[0]!, claims[1]!);
  return false;
}

const chartCsvs = readdirSync(join(BUILT_SITE, 'charts')).filter((file) => file.endsWith('.csv'));
const rateCsvs = chartCsvs
  .map((file) => ({ file, rows: csvParse(readFileSync(join(BUILT_SITE, 'charts', file), 'utf8')) }))
  .filter(({ rows }) => rows.columns.some((column) => column.startsWith('per_day')));

/** Every built HTML page, embeds included. */
function htmlPages(dir = BUILT_SITE): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlPages(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}
const pages = htmlPages();
const builtText = [
  ...pages.map((path) => ({ path, text: readFileSync(path, 'utf8') })),
  ...chartCsvs.map((file) => ({ path: file, text: readFileSync(join(BUILT_SITE, 'charts', file), 'utf8') })),
];

describe('chart CSVs with rates', () => {
  it('exist (the rates chart is built)', () => {
    expect(rateCsvs.map(({ file }) => file)).toContain('implied-daily-rates.csv');
  });

  it.each(rateCsvs.map(({ file, rows }) => [file, rows] as const))(
    '%s cites only claims the rules allow',
    (_file, rows) => {
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        const ids = (row.claim_ids ?? '').split(' ').filter(Boolean);
        expect(citesOnlyEligible(ids), `${row.what} (${ids.join(', ')})`).toBe(true);
      }
    },
  );
});

describe('rate marks on every page and embed', () => {
  it('link only to claims the rules allow a rate for', () => {
    let marks = 0;
    for (const path of pages) {
      const { document } = parseHTML(readFileSync(path, 'utf8'));
      const figures = document.querySelectorAll('#chart-implied-daily-rates, [data-chart="implied-daily-rates"]');
      const scope = figures.length > 0 ? [...figures] : path.includes('/embed/implied-daily-rates/') ? [document] : [];
      for (const root of scope) {
        for (const mark of root.querySelectorAll('a[href*="#claim-"]')) {
          const id = (mark.getAttribute('href') ?? '').split('#claim-')[1] ?? '';
          const claim = claimById.get(id);
          expect(claim, `${path}: ${id}`).toBeDefined();
          // A mark for a rise between totals links to its totals: each must pair with the other, as the
          // earlier (which must set an upper bound) or the later.
          const pairs = data.claims.some(
            (other) => other.id !== id && (mayPair(other, claim!) || mayPair(claim!, other)),
          );
          expect(mayRate(claim!) || pairs, `${path}: mark for ${id}`).toBe(true);
          marks++;
        }
      }
    }
    expect(marks).toBeGreaterThan(0);
  });
});

describe('no page, embed or download shows a rate the rules refuse', () => {
  // For each claim the rules refuse under every reading, the rate a naive division would give
  // ("453 in 14 days is 32 a day"; "more than 200 on one day is 201 or more a day").
  const refused = data.claims.filter(
    (claim) =>
      claim.unit === 'people' && claim.figure !== null && claim.scope !== 'cumulative_since_coup' && !mayRate(claim),
  );
  const naive = refused.flatMap((claim) => {
    const days = periodDays(claim);
    return days === null ? [] : [{ claim, text: formatDailyRate(perDay(claimRange(claim), days)) }];
  });

  it('knows the cases the issue names', () => {
    const ids = refused.map((claim) => claim.id);
    for (const id of [
      'nug-defected-453-2021-09',
      'anti-junta-alliance-defected-200-kokang-2023-11',
      'unattributed-deserted-40-india-2023-11',
    ]) {
      expect(ids).toContain(id);
    }
    // 453 / 14 = 32.4, shown as "32 a day"; 201 / 1 = "201 or more a day"; 41 / 5 days = "8.2 or more a day".
    expect(naive.map(({ text }) => text)).toEqual(
      expect.arrayContaining(['32 a day', '201 or more a day', '8.2 or more a day']),
    );
  });

  it.each(naive.map(({ claim, text }) => [claim.id, text] as const))('%s: never "%s"', (_id, text) => {
    const found = builtText.filter(({ text: body }) =>
      new RegExp(`(?<![\\d.,])${text.replace(/[.]/g, '\\.')}`).test(body),
    );
    expect(found.map(({ path }) => path)).toEqual([]);
  });

  it('never calls the 453 defectors', () => {
    const found = builtText.filter(({ text }) =>
      /\b453 (?:soldiers and police |people |new )?(?:defected|defectors)\b/.test(text),
    );
    expect(found.map(({ path }) => path)).toEqual([]);
  });

  it('never computes a rate between the 3,000 defectors and the CDM totals', () => {
    const csv = rateCsvs.flatMap(({ rows }) => rows.map((row) => row.claim_ids ?? ''));
    expect(csv.filter((ids) => ids.includes('nug-defected-3000-2021-09'))).toEqual([]);
  });
});
