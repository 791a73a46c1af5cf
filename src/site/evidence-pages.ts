/**
 * The evidence pages, one kind per record type: a page per claim, per source and per claimant.
 * Routes, share cards, the sitemap and the tests all iterate this one registry, as the chart pages
 * iterate src/charts/index.ts; a kind's path comes from routes.ts.
 */
import type { ChartData } from '../charts/types.ts';
import { routes } from './routes.ts';

export interface EvidencePageKind {
  /** "claim", "source", "claimant": also the share card's slug prefix (/og/claim-<id>.png). */
  kind: 'claim' | 'source' | 'claimant';
  /** Every id that gets a page, in file order. */
  ids: (data: ChartData) => string[];
  path: (id: string) => string;
  /** The index page that lists every page of the kind. */
  indexPath: string;
}

export const EVIDENCE_PAGE_KINDS: readonly EvidencePageKind[] = [
  {
    kind: 'claim',
    ids: (data) => data.claims.map((claim) => claim.id),
    path: routes.claim,
    indexPath: routes.claims(),
  },
  {
    kind: 'source',
    ids: (data) => data.sources.map((source) => source.id),
    path: routes.source,
    indexPath: routes.sources(),
  },
  {
    kind: 'claimant',
    ids: (data) => data.claimants.map((claimant) => claimant.id),
    path: routes.claimant,
    indexPath: routes.claimants(),
  },
];

export function evidencePageKind(kind: EvidencePageKind['kind']): EvidencePageKind {
  return EVIDENCE_PAGE_KINDS.find((candidate) => candidate.kind === kind) as EvidencePageKind;
}

/** The share card of one evidence page, path from the site root. */
export function evidenceOgImage(kind: EvidencePageKind['kind'], id: string): string {
  return `/og/${kind}-${id}.png`;
}

/** Every evidence page: kind, id and path. */
export function allEvidencePages(data: ChartData): { kind: EvidencePageKind['kind']; id: string; path: string }[] {
  return EVIDENCE_PAGE_KINDS.flatMap((kind) =>
    kind.ids(data).map((id) => ({ kind: kind.kind, id, path: kind.path(id) })),
  );
}
