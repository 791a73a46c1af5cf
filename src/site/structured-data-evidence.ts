/**
 * schema.org descriptions of the evidence pages: each claim as a `Claim` that appeared in its source's
 * `NewsArticle` and is authored by its claimants; each source and claimant page as a page of the site
 * about that article or that organisation. Written through jsonForHtml by Article.astro.
 */
import { mustGet } from '../charts/data.ts';
import type { ChartData } from '../charts/types.ts';
import { claimantsOf, VERIFICATION_LABELS } from '../lib/format.ts';
import { claimHeadline } from './claim-page.ts';
import type { Claim, Claimant, Source } from '../lib/types.ts';
import { absoluteUrl } from './paths.ts';
import { routes } from './routes.ts';
import { teamLd, websiteLd, type JsonLd } from './structured-data.ts';

const CONTEXT = 'https://schema.org';

export function sourceArticleLd(source: Source): JsonLd {
  return {
    '@type': 'NewsArticle',
    headline: source.headline,
    url: source.url,
    datePublished: source.published,
    inLanguage: source.language,
    publisher: { '@type': 'Organization', name: source.outlet },
  };
}

/**
 * Who made a claim, as schema.org sees it: a lone unnamed insider is a Person; groups, governments
 * and residents are organisations. A figure an outlet states in its own voice is the outlet's.
 */
export function claimantLd(claimant: Claimant, source?: Source): JsonLd {
  if (claimant.kind === 'unattributed' && source) return { '@type': 'Organization', name: source.outlet };
  return { '@type': claimant.kind === 'anonymous_insider' ? 'Person' : 'Organization', name: claimant.name };
}

export function claimLd(claim: Claim, data: ChartData, site: URL | undefined): JsonLd {
  const source = mustGet(data.sourceById, claim.source_id, 'source');
  const article = sourceArticleLd(source);
  const url = absoluteUrl(routes.claim(claim.id), site);
  return {
    '@context': CONTEXT,
    '@type': 'Claim',
    name: claimHeadline(claim, data),
    text: claim.quote,
    url,
    mainEntityOfPage: url,
    datePublished: claim.claimed_on,
    author: claimantsOf(claim, data.claimants).map((claimant) => claimantLd(claimant, source)),
    appearance: article,
    firstAppearance: article,
    // Every figure travels with its status: schema.org has no field for it, so the description says it.
    description: `A claim, ${VERIFICATION_LABELS[claim.verification]}: ${claim.quote}`,
    isPartOf: websiteLd(site),
    publisher: teamLd(site),
  };
}

function evidencePageLd(
  type: 'WebPage' | 'ProfilePage',
  page: { title: string; description: string; path: string; site: URL | undefined },
  subject: JsonLd,
): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': type,
    name: page.title,
    description: page.description,
    url: absoluteUrl(page.path, page.site),
    inLanguage: 'en',
    isPartOf: websiteLd(page.site),
    publisher: teamLd(page.site),
    [type === 'ProfilePage' ? 'mainEntity' : 'about']: subject,
  };
}

export function sourcePageLd(source: Source, page: { title: string; description: string; site: URL | undefined }) {
  return evidencePageLd('WebPage', { ...page, path: routes.source(source.id) }, sourceArticleLd(source));
}

export function claimantPageLd(
  claimant: Claimant,
  page: { title: string; description: string; site: URL | undefined },
): JsonLd {
  return evidencePageLd('ProfilePage', { ...page, path: routes.claimant(claimant.id) }, claimantLd(claimant));
}
