/**
 * The records of data/ that the site's own words and charts name by id. The pages and chart
 * modules read these ids from here, and the validator (dataset.ts) checks each one exists before
 * anything is built, so a renamed or deleted row fails with a data error that says which page needs
 * it and what to do, rather than with a stack trace halfway through the build.
 */
import { CHECK_CLAIM_IDS } from './checks.ts';
import type { DataFileKey } from './schema.ts';

/** The claims the explainer leads with (src/site/story.ts re-exports them for the page). */
export const HEADLINE_CLAIM_IDS = [
  'nug-defected-3000-2021-09',
  'nug-cdm-15000-2023-08',
  'nug-cdm-20000-2023-12',
  'anti-junta-alliance-deserted-750-2023-11',
] as const;

/** Claims and events the explainer's running text cites by id, beside the headline figures. */
export const NARRATIVE_IDS = {
  /** The April-July 2023 count compared with the offensive's rate in "What the totals imply per day". */
  aprilJulyClaim: 'nug-defected-500-2023-08',
  /** The start of Operation 1027, dated in the same section. */
  offensiveEvent: 'operation-1027-2023-10-27',
} as const;

/** The reports the explainer and the methodology link by name for the context around the figures. */
export const CONTEXT_SOURCE_IDS = {
  /** The NUG's cash rewards for defectors (the explainer's "What the reports leave out"; the methodology). */
  rewards: 'irrawaddy-2023-08',
  /** The junta's spokesman could not be reached; a military family on movement orders (the methodology). */
  juntaUnreached: 'rfa-2021-09-24',
  /** The regime's measures against deserters (the methodology). */
  juntaMeasures: 'irrawaddy-2023-12',
} as const;

export interface RequiredRecord {
  file: DataFileKey;
  id: string;
  /** Which page or chart needs the record, in words an editor can act on. */
  neededBy: string;
}

export const REQUIRED_RECORDS: readonly RequiredRecord[] = [
  ...HEADLINE_CLAIM_IDS.map((id) => ({
    file: 'claims' as const,
    id,
    neededBy: 'the headline figures of the explainer (src/pages/index.astro)',
  })),
  {
    file: 'claims',
    id: NARRATIVE_IDS.aprilJulyClaim,
    neededBy: 'the section "What the totals imply per day" of the explainer (src/pages/index.astro)',
  },
  {
    file: 'events',
    id: NARRATIVE_IDS.offensiveEvent,
    neededBy: 'the section "What the totals imply per day" of the explainer (src/pages/index.astro)',
  },
  ...Object.values(CONTEXT_SOURCE_IDS).map((id) => ({
    file: 'sources' as const,
    id,
    neededBy: 'the context around the figures (src/pages/index.astro and src/pages/methodology.astro)',
  })),
  ...Object.values(CHECK_CLAIM_IDS).map((id) => ({
    file: 'claims' as const,
    id,
    neededBy:
      'the arithmetic checks (src/lib/checks.ts): the chart "arithmetic-checks" and the section "Do the 2021 numbers add up?"',
  })),
];
