/**
 * The site-relative path of every kind of page, in one place: pages, links, embeds, citations,
 * sitemaps and tests build their URLs from these (then withBase/absoluteUrl from paths.ts), so a
 * route changes here or nowhere.
 */

/** The facets the claims list can be cut by, each a prebuilt page of its own. */
export const CLAIM_FACETS = ['claimant', 'source', 'year', 'action', 'personnel', 'qualifier'] as const;
export type ClaimFacet = (typeof CLAIM_FACETS)[number];

/** The claim card PNGs (src/site/claim-card.ts CLAIM_CARD_SIZES). */
export type ClaimCardSize = 'wide' | 'square' | 'narrow';

export const routes = {
  home: () => '/',
  methodology: () => '/methodology/',
  about: () => '/about/',
  search: () => '/search/',
  /** The claims list; page 2 on of a long list: /claims/page/<n>/ (src/site/claims-pages.ts). */
  claims: (page = 1) => (page <= 1 ? '/claims/' : `/claims/page/${page}/`),
  claim: (id: string) => `/claims/${id}/`,
  claimsFacet: (facet: ClaimFacet, value: string, page = 1) =>
    page <= 1 ? `/claims/${facet}/${value}/` : `/claims/${facet}/${value}/page/${page}/`,
  sources: () => '/sources/',
  source: (id: string) => `/sources/${id}/`,
  claimants: () => '/claimants/',
  claimant: (id: string) => `/claimants/${id}/`,
  embedGallery: () => '/embed/',
  chartEmbed: (chartId: string) => `/embed/${chartId}/`,
  /** A claim's card: /embed/claim/<id>/ follows the reader's theme, .../light/ and .../dark/ are fixed. */
  claimEmbed: (id: string, theme?: 'light' | 'dark') => `/embed/claim/${id}/${theme ? `${theme}/` : ''}`,
  claimOembed: (id: string) => `/oembed/claim/${id}.json`,
  /** A claim card PNG, light (the default) or dark: /cards/claim/<id>-<size>[-dark].png. */
  claimCard: (id: string, size: ClaimCardSize, theme: 'light' | 'dark' = 'light') =>
    `/cards/claim/${id}-${size}${theme === 'dark' ? '-dark' : ''}.png`,
  /** A chart at its place in the explainer: the address its citation gives. */
  chart: (chartId: string) => `/#chart-${chartId}`,
  /** The dataset's section of the about page: the address its citation gives. */
  dataset: () => '/about/#data',
  /** A citation file: kind "claim", "chart" or "dataset"; format "bib" (BibTeX) or "json" (CSL-JSON). */
  citation: (kind: string, id: string, format: 'bib' | 'json') => `/cite/${kind}/${id}.${format}`,
} as const;
