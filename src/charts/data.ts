import type { Dataset } from '../lib/dataset.ts';
import type { ChartData } from './types.ts';

/** Adds the look-ups charts need to a validated dataset. */
export function chartData(dataset: Dataset): ChartData {
  return {
    ...dataset,
    claimById: new Map(dataset.claims.map((claim) => [claim.id, claim])),
    claimantById: new Map(dataset.claimants.map((claimant) => [claimant.id, claimant])),
    sourceById: new Map(dataset.sources.map((source) => [source.id, source])),
  };
}

/** Looks up a record that validation guarantees exists; a miss is a programming error, not bad data. */
export function mustGet<T>(map: Map<string, T>, id: string, what: string): T {
  const value = map.get(id);
  if (value === undefined) throw new Error(`No ${what} with id "${id}"`);
  return value;
}
