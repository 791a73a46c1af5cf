/**
 * The readings of a claim, looked up through an index built once per readings array rather than by
 * filtering every reading for every claim: the claim pages, tables, cards and facets each ask this
 * for every claim they show, which at 100x the data (2,900 claims, 800 readings) made the build
 * quadratic. The data is read once per build and never changed, so an array's index never goes stale.
 */
import type { Reading } from './types.ts';

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
