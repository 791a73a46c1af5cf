/**
 * Every citation the site offers, built from the data: one per claim, one per chart and one for
 * the dataset, each with its permanent URL (routes.ts) and the data's version date. The CiteThis
 * component and the /cite/<kind>/<id>.bib|.json files both read from here, so they agree.
 */
import { chartCredits, creditLine, UNVERIFIED_NOTE } from '../charts/credits.ts';
import { mustGet } from '../charts/data.ts';
import { CHARTS, chartById } from '../charts/index.ts';
import type { ChartData } from '../charts/types.ts';
import { claimItems, chartItem, datasetItem, type CitationKind } from '../lib/citation-items.ts';
import type { DataRelease } from '../lib/release.ts';
import type { CSL } from '@citation-js/core';
import { absoluteUrl } from './paths.ts';
import { routes } from './routes.ts';
import { TEAM_NAME, WEBSITE_NAME } from './structured-data.ts';

/** The dataset's title in its citation. */
export const DATASET_TITLE = "Claims of soldiers and police leaving Myanmar's security forces since the 2021 coup";
/** The one dataset's id in /cite/dataset/<id>.bib. */
export const DATASET_ID = 'claims';

export interface CitationTarget {
  kind: CitationKind;
  id: string;
}

/** Everything that can be cited: every claim, every chart, the dataset. */
export function citationTargets(data: ChartData): CitationTarget[] {
  return [
    ...data.claims.map((claim) => ({ kind: 'claim' as const, id: claim.id })),
    ...CHARTS.map((chart) => ({ kind: 'chart' as const, id: chart.id })),
    { kind: 'dataset', id: DATASET_ID },
  ];
}

/**
 * The CSL-JSON items of one citation: the thing cited first, then (for a claim) the outlet's
 * article the claim comes from.
 */
export function citationItems(
  target: CitationTarget,
  data: ChartData,
  release: DataRelease,
  site: URL | undefined,
): CSL[] {
  const publisher = { team: TEAM_NAME, website: WEBSITE_NAME, version: release.version };
  switch (target.kind) {
    case 'claim': {
      const claim = mustGet(data.claimById, target.id, 'claim');
      const source = mustGet(data.sourceById, claim.source_id, 'source');
      return claimItems(
        claim,
        source,
        data.claimants,
        publisher,
        absoluteUrl(routes.claim(claim.id), site),
        data.readings,
      );
    }
    case 'chart': {
      const chart = chartById(target.id);
      const credits = `${creditLine(chartCredits(chart, data))} ${UNVERIFIED_NOTE}`;
      return [chartItem(chart, credits, publisher, absoluteUrl(routes.chart(chart.id), site))];
    }
    case 'dataset':
      return [datasetItem(DATASET_TITLE, data.sources, publisher, absoluteUrl(routes.dataset(), site))];
  }
}
