/** Test data: a claim with neutral defaults, so each test states only what it is about. */
import type { Claim } from '../../src/lib/types.ts';

export function claim(fields: Partial<Claim> & Pick<Claim, 'id'>): Claim {
  return {
    source_id: 's',
    claimant_id: 'nug',
    co_claimant_ids: [],
    claimed_on: '2021-09-24',
    period_start: null,
    period_end: null,
    stated_days: null,
    figure: 1,
    unit: 'people',
    qualifier: 'exact',
    vague_words: null,
    action: 'defected',
    personnel: 'soldiers',
    place: null,
    scope: 'period',
    quote: 'q',
    verification: 'unverified',
    notes: null,
    ...fields,
  };
}
