/**
 * A claim page's related claims (src/site/claim-page.ts) come from indexes built once per dataset,
 * and the "same claimant" list is capped: at 100x the data one claimant has up to 800 claims, and
 * listing all of them on each of their claims' pages made the build quadratic. Checked against the
 * plain definition (every other claim of the same article; every claim sharing a claimant from
 * another article), on the curated data, where nothing is cut, and on the x10 synthetic data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateData, writeData } from '../../bench/generate-data.ts';
import { chartData } from '../../src/charts/data.ts';
import type { ChartData } from '../../src/charts/types.ts';
import { earliestDay } from '../../src/lib/dates.ts';
import { loadDataset } from '../../src/lib/dataset.ts';
import type { Claim } from '../../src/lib/types.ts';
import { claimantIdsOf } from '../../src/lib/format.ts';
import { claimsFromSource, relatedClaims, SAME_CLAIMANT_LIMIT } from '../../src/site/claim-page.ts';
import { DATA_DIR } from './data-texts.ts';

const scratch = mkdtempSync(join(tmpdir(), 'related-claims-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const day = (claim: Claim) => earliestDay(claim.claimed_on);

/** The definitions, by brute force over every claim. */
function plainRelated(claim: Claim, data: ChartData) {
  const claimants = new Set(claimantIdsOf(claim));
  return {
    sameArticle: data.claims.filter((other) => other.id !== claim.id && other.source_id === claim.source_id),
    sameClaimant: data.claims
      .filter(
        (other) =>
          other.id !== claim.id &&
          other.source_id !== claim.source_id &&
          claimantIdsOf(other).some((id) => claimants.has(id)),
      )
      .sort((a, b) => day(a) - day(b)),
  };
}

describe('related claims', () => {
  it('on the curated data, are exactly the plain definition (no list reaches the cap)', () => {
    const data = chartData(loadDataset(DATA_DIR));
    for (const claim of data.claims) {
      const related = relatedClaims(claim, data);
      const plain = plainRelated(claim, data);
      expect(plain.sameClaimant.length).toBeLessThanOrEqual(SAME_CLAIMANT_LIMIT);
      expect(related.sameArticle, claim.id).toEqual(plain.sameArticle);
      expect(related.sameClaimant, claim.id).toEqual(plain.sameClaimant);
      expect(related.sameClaimantTotal).toBe(plain.sameClaimant.length);
    }
    for (const source of data.sources)
      expect(claimsFromSource(source.id, data)).toEqual(data.claims.filter((claim) => claim.source_id === source.id));
  });

  it('at x10, list at most the cap: the nearest in date of all of them, oldest first, with the total', () => {
    const dir = join(scratch, 'x10');
    writeData(dir, generateData(10, 1));
    const data = chartData(loadDataset(dir));
    let capped = 0;
    for (const claim of data.claims) {
      const related = relatedClaims(claim, data);
      const plain = plainRelated(claim, data);
      expect(related.sameArticle).toEqual(plain.sameArticle);
      expect(related.sameClaimantTotal).toBe(plain.sameClaimant.length);
      expect(related.sameClaimant.length).toBe(Math.min(SAME_CLAIMANT_LIMIT, plain.sameClaimant.length));
      const listed = new Set(related.sameClaimant);
      for (const other of listed) expect(plain.sameClaimant).toContain(other);
      const days = related.sameClaimant.map(day);
      expect(days).toEqual([...days].sort((a, b) => a - b));
      // Nothing left out is nearer in date than the farthest one listed.
      const distance = (other: Claim) => Math.abs(day(other) - day(claim));
      const farthestListed = Math.max(0, ...related.sameClaimant.map(distance));
      for (const other of plain.sameClaimant.filter((candidate) => !listed.has(candidate)))
        expect(distance(other)).toBeGreaterThanOrEqual(farthestListed);
      if (plain.sameClaimant.length > SAME_CLAIMANT_LIMIT) capped += 1;
    }
    // The synthetic data does reach the cap, so the test above is not vacuous.
    expect(capped).toBeGreaterThan(data.claims.length / 2);
  });
});
