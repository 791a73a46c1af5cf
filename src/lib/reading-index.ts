/**
 * The readings of a claim, looked up through an index built once per readings array rather than by
 * filtering every reading for every claim: the claim pages, tables, cards and facets each ask this
 * for every claim they show, which at 100x the data (2,900 claims, 800 readings) made the build
 * quadratic. The data is read once per build and never changed, so an array's index never goes stale.
 */
import type { Claim, Reading } from './types.ts';

const EMPTY: readonly Reading[] = Object.freeze([]);
const indexes = new WeakMap<readonly Reading[], Map<string, Reading[]>>();

function indexOf(readings: readonly Reading[]): Map<string, Reading[]> {
  let index = indexes.get(readings);
  if (!index) {
    index = new Map();
    for (const reading of readings) {
      const own = index.get(reading.claim_id);
      if (own) own.push(reading);
      else index.set(reading.claim_id, [reading]);
    }
    indexes.set(readings, index);
  }
  return index;
}

/** A claim's readings, in the order readings.csv lists them (none: an empty array). */
export function readingsOfClaim(claimId: string | undefined, readings: readonly Reading[]): readonly Reading[] {
  if (claimId === undefined || readings.length === 0) return EMPTY;
  return indexOf(readings).get(claimId) ?? EMPTY;
}

/**
 * Everyone a claim is credited to: its claimant and co-claimants, then anyone a reading's wording is
 * credited to (EFE's unnamed opposition sources for the lede's "around 750"), each once. The one
 * definition of "a claimant's claims": /claimants/, each claimant's page and the claimant facet's
 * pages (/claims/claimant/<id>/) all count with it, so their numbers agree.
 */
export function creditedClaimantIds(
  claim: Pick<Claim, 'id' | 'claimant_id' | 'co_claimant_ids'>,
  readings: readonly Reading[],
): string[] {
  const fromReadings = readingsOfClaim(claim.id, readings).flatMap((reading) => reading.claimant_ids);
  return [...new Set([claim.claimant_id, ...claim.co_claimant_ids, ...fromReadings])];
}
