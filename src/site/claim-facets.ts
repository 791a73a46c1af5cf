/**
 * The claims list's facets, in one registry: the /claims/ filters, the data attributes the filter
 * script matches, the facet navigation and the prebuilt facet pages (/claims/<facet>/<value>/) all
 * iterate it, so a facet is added here or nowhere. Values are URL slugs (underscores become
 * hyphens), never shown to readers: every value has its words.
 */
import type { ChartData } from '../charts/types.ts';
import { formatPartialDate, yearOf } from '../lib/dates.ts';
import { ACTION_LABELS, capitalise, PERSONNEL_LABELS } from '../lib/format.ts';
import { creditedClaimantIds, readingsOfClaim } from '../lib/reading-index.ts';
import { ACTIONS, PERSONNEL, QUALIFIERS, type Claim, type Qualifier } from '../lib/types.ts';
import { CLAIM_FACETS, routes, type ClaimFacet } from './routes.ts';

export interface FacetValue {
  /** The slug in the URL and in the rows' data attributes. */
  value: string;
  /** The words for readers: "Arakan Army (AA)", "joined the CDM", "2023". */
  label: string;
}

export interface FacetDefinition {
  facet: ClaimFacet;
  /** The control's label and the facet page's heading word. */
  label: string;
  /** Every value the facet can take, in reading order (data order, or chronological). */
  values: (data: ChartData) => FacetValue[];
  /** The value(s) one claim has: several for a claim credited jointly. */
  of: (claim: Claim, data: ChartData) => string[];
  /** How a facet page's title names its cut: "Claims by Arakan Army (AA)". */
  title: (label: string) => string;
}

const slug = (code: string): string => code.replaceAll('_', '-');

/** The hedge as a facet: the words of QUALIFIER_WORDS, with names for the two that have none. */
export const QUALIFIER_FACET_LABELS: Record<Qualifier, string> = {
  exact: 'exact figure',
  about: 'around',
  nearly: 'nearly',
  at_least: 'at least',
  more_than: 'more than',
  vague: 'no number given',
};

// Sentence case inside a title, keeping acronyms: "Joined the CDM" -> "joined the CDM".
const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

/** Values the data actually has, in the order `all` lists them. */
function present<Code extends string>(
  all: readonly Code[],
  data: ChartData,
  pick: (claim: Claim, data: ChartData) => Code | Code[],
  label: (code: Code) => string,
): FacetValue[] {
  const used = new Set(data.claims.flatMap((claim) => pick(claim, data)));
  return all.filter((code) => used.has(code)).map((code) => ({ value: slug(code), label: label(code) }));
}

/** Every hedge a claim is published with: its own and its readings' (the 750: "at least" and "about"). */
function hedgesOf(claim: Claim, data: ChartData): Qualifier[] {
  const readings = readingsOfClaim(claim.id, data.readings);
  return [...new Set([claim.qualifier, ...readings.map((reading) => reading.qualifier ?? claim.qualifier)])];
}

export const FACETS: readonly FacetDefinition[] = [
  {
    facet: 'claimant',
    label: 'Claimant',
    // Credited as /claimants/ counts: filed, joint or through a reading's wording (creditedClaimantIds).
    values: (data) => {
      const credited = new Set(data.claims.flatMap((claim) => creditedClaimantIds(claim, data.readings)));
      return data.claimants
        .filter((claimant) => credited.has(claimant.id))
        .map((claimant) => ({ value: claimant.id, label: claimant.name }));
    },
    of: (claim, data) => creditedClaimantIds(claim, data.readings),
    title: (label) => `Claims by ${label}`,
  },
  {
    facet: 'action',
    label: 'Action',
    values: (data) =>
      present(
        ACTIONS,
        data,
        (claim) => claim.action,
        (code) => capitalise(ACTION_LABELS[code]),
      ),
    of: (claim) => [slug(claim.action)],
    title: (label) => `Claims: ${lowerFirst(label)}`,
  },
  {
    facet: 'personnel',
    label: 'Personnel',
    values: (data) =>
      present(
        PERSONNEL,
        data,
        (claim) => claim.personnel,
        (code) => capitalise(PERSONNEL_LABELS[code]),
      ),
    of: (claim) => [slug(claim.personnel)],
    title: (label) => `Claims about ${lowerFirst(label)}`,
  },
  {
    facet: 'year',
    label: 'Year claimed',
    values: (data) =>
      [...new Set(data.claims.map((claim) => yearOf(claim.claimed_on)))]
        .sort((a, b) => a - b)
        .map((year) => ({ value: String(year), label: String(year) })),
    of: (claim) => [String(yearOf(claim.claimed_on))],
    title: (label) => `Claims made in ${label}`,
  },
  {
    facet: 'qualifier',
    label: 'Hedge',
    values: (data) => present(QUALIFIERS, data, hedgesOf, (code) => capitalise(QUALIFIER_FACET_LABELS[code])),
    of: (claim, data) => hedgesOf(claim, data).map(slug),
    title: (label) => `Claims hedged “${lowerFirst(label)}”`,
  },
  {
    facet: 'source',
    label: 'Source',
    values: (data) =>
      data.sources
        .filter((source) => data.claims.some((claim) => claim.source_id === source.id))
        .map((source) => ({ value: source.id, label: `${source.outlet}, ${formatPartialDate(source.published)}` })),
    of: (claim) => [claim.source_id],
    title: (label) => `Claims reported by ${label}`,
  },
];

// The registry covers exactly the facets routes.ts declares: a facet added there and not here fails at load.
for (const facet of CLAIM_FACETS) {
  if (!FACETS.some((definition) => definition.facet === facet)) throw new Error(`No facet definition for "${facet}"`);
}

export function facetDefinition(facet: ClaimFacet): FacetDefinition {
  const definition = FACETS.find((candidate) => candidate.facet === facet);
  if (!definition) throw new Error(`No facet "${facet}"`);
  return definition;
}

/** One prebuilt facet page: its facet, value and the claims it lists (in the list's order). */
export interface FacetPage {
  facet: FacetDefinition;
  value: FacetValue;
  claims: Claim[];
}

const facetPagesOf = new WeakMap<ChartData, FacetPage[]>();

/** Every facet page of a dataset, worked out once per dataset (every claims page's navigation reads them). */
export function facetPages(data: ChartData): FacetPage[] {
  const known = facetPagesOf.get(data);
  if (known) return known;
  const pages = FACETS.flatMap((facet) => {
    // One pass over the claims per facet, not one per value: at 100x there are 500 sources.
    const byValue = new Map<string, Claim[]>();
    for (const claim of data.claims)
      for (const value of new Set(facet.of(claim, data))) {
        const claims = byValue.get(value);
        if (claims) claims.push(claim);
        else byValue.set(value, [claim]);
      }
    return facet.values(data).map((value) => ({ facet, value, claims: byValue.get(value.value) ?? [] }));
  });
  facetPagesOf.set(data, pages);
  return pages;
}

/** How many values of one facet the claims pages' navigation links before it points to an index. */
export const FACET_NAV_LIMIT = 12;

/** The index page listing every value of a facet that can outgrow the navigation. */
const FACET_INDEXES: Partial<Record<ClaimFacet, { path: string; noun: { one: string; many: string } }>> = {
  claimant: { path: routes.claimants(), noun: { one: 'claimant', many: 'claimants' } },
  source: { path: routes.sources(), noun: { one: 'source', many: 'sources' } },
};

/**
 * The values of one facet the navigation links: all of them up to FACET_NAV_LIMIT; past it, the
 * most-cited (and the current page's), in reading order, and a link to the facet's index for the
 * rest. A facet without an index (years, hedges: few by nature) always shows every value.
 */
export function facetNavValues(
  pages: readonly FacetPage[],
  current?: string,
  limit = FACET_NAV_LIMIT,
): { shown: FacetPage[]; more?: { count: number; index: string; noun: { one: string; many: string } } } {
  const index = pages[0] && FACET_INDEXES[pages[0].facet.facet];
  if (pages.length <= limit || !index) return { shown: [...pages] };
  const isCurrent = (page: FacetPage) => routes.claimsFacet(page.facet.facet, page.value.value) === current;
  const ranked = pages
    .map((page, order) => ({ page, order }))
    .sort((a, b) => b.page.claims.length - a.page.claims.length || a.order - b.order);
  const kept = new Set(ranked.slice(0, limit).map(({ page }) => page));
  const currentPage = pages.find(isCurrent);
  if (currentPage) kept.add(currentPage);
  const shown = pages.filter((page) => kept.has(page));
  return { shown, more: { count: pages.length - shown.length, index: index.path, noun: index.noun } };
}
