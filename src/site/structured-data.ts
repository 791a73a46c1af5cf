/**
 * schema.org descriptions of our pages, for search engines and other readers of JSON-LD: the
 * explainer as a NewsArticle, the claims as a Dataset, every other page as a WebPage of the site.
 * Dates come from the data's changelog (src/lib/release.ts), the time span from the claims, so that
 * nothing here is typed by hand and goes stale. Article.astro writes each object through
 * jsonForHtml, whatever text the data puts in it.
 */
import type { ChartData } from '../charts/types.ts';
import { earliestDay, latestDay } from '../lib/dates.ts';
import type { DataRelease } from '../lib/release.ts';
import { DATA_FILES, type DataFileKey } from '../lib/schema.ts';
import type { Claim } from '../lib/types.ts';
import { absoluteUrl } from './paths.ts';

/** The site's full name, as its pages' titles end. */
export const WEBSITE_NAME = 'Leaving the Tatmadaw: the defection claims';
/** The team that makes the site, credited as author, publisher and creator. */
export const TEAM_NAME = 'Leaving the Tatmadaw';
const LICENSE = 'https://creativecommons.org/licenses/by/4.0/';
const CONTEXT = 'https://schema.org';

export type JsonLd = Record<string, unknown>;

/**
 * The span the claims cover, as an ISO 8601 interval of partial dates as the data writes them:
 * from the earliest start (a claim's period_start, or its claimed_on when it gives no period) to
 * the latest claimed_on, e.g. "2021-02-01/2023-12".
 */
export function temporalCoverage(claims: readonly Pick<Claim, 'claimed_on' | 'period_start'>[]): string {
  if (claims.length === 0) throw new Error('temporalCoverage: there are no claims to take a time span from');
  const starts = claims.map((claim) => claim.period_start ?? claim.claimed_on);
  const first = starts.reduce((best, date) => (earliestDay(date) < earliestDay(best) ? date : best));
  const last = claims
    .map((claim) => claim.claimed_on)
    .reduce((best, date) => (latestDay(date) > latestDay(best) ? date : best));
  return `${first}/${last}`;
}

export function websiteLd(site: URL | undefined): JsonLd {
  return { '@type': 'WebSite', name: WEBSITE_NAME, url: absoluteUrl('/', site) };
}

export function teamLd(site: URL | undefined): JsonLd {
  return { '@type': 'Organization', name: TEAM_NAME, url: absoluteUrl('/about/', site) };
}

/** Any page of the site that is not the explainer: what it is and that it belongs to the site. */
export function webPageLd(page: { title: string; description: string; path: string; site: URL | undefined }): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'WebPage',
    name: page.title,
    description: page.description,
    url: absoluteUrl(page.path, page.site),
    inLanguage: 'en',
    isPartOf: websiteLd(page.site),
    publisher: teamLd(page.site),
  };
}

/** Reports the explainer's JSON-LD cites one by one (the curated data has 5): the page stays light at any size. */
export const CITED_REPORTS_LIMIT = 20;

/**
 * The reports the explainer cites: all of them, or past CITED_REPORTS_LIMIT the ones with the most
 * claims, in data order. The sources index (/sources/) and datapackage.json list every one.
 */
export function citedSources(data: Pick<ChartData, 'sources' | 'claims'>): ChartData['sources'] {
  if (data.sources.length <= CITED_REPORTS_LIMIT) return [...data.sources];
  const claimCount = new Map<string, number>();
  for (const claim of data.claims) claimCount.set(claim.source_id, (claimCount.get(claim.source_id) ?? 0) + 1);
  const kept = new Set(
    data.sources
      .map((source, order) => ({ source, order, count: claimCount.get(source.id) ?? 0 }))
      .sort((a, b) => b.count - a.count || a.order - b.order)
      .slice(0, CITED_REPORTS_LIMIT)
      .map(({ source }) => source),
  );
  return data.sources.filter((source) => kept.has(source));
}

/** The explainer: first published with the data, modified with its latest release. */
export function newsArticleLd(article: {
  headline: string;
  description: string;
  data: ChartData;
  release: DataRelease;
  site: URL | undefined;
}): JsonLd {
  const { site } = article;
  return {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    headline: article.headline,
    description: article.description,
    inLanguage: 'en',
    url: absoluteUrl('/', site),
    image: [absoluteUrl('/og/home.png', site)],
    datePublished: article.release.firstPublished,
    dateModified: article.release.version,
    author: teamLd(site),
    publisher: teamLd(site),
    isPartOf: websiteLd(site),
    isAccessibleForFree: true,
    license: LICENSE,
    citation: citedSources(article.data).map((source) => ({
      '@type': 'NewsArticle',
      headline: source.headline,
      url: source.url,
      publisher: source.outlet,
    })),
  };
}

const CSV_FILES = Object.keys(DATA_FILES) as DataFileKey[];

/** The claims as a dataset: its address (the claims table), release, time span and every download. */
export function datasetLd(dataset: {
  name: string;
  description: string;
  data: ChartData;
  release: DataRelease;
  site: URL | undefined;
}): JsonLd {
  const { site } = dataset;
  const url = absoluteUrl('/#claims', site);
  return {
    '@context': CONTEXT,
    '@type': 'Dataset',
    name: dataset.name,
    description: dataset.description,
    url,
    identifier: url,
    version: dataset.release.version,
    datePublished: dataset.release.firstPublished,
    dateModified: dataset.release.version,
    license: LICENSE,
    isAccessibleForFree: true,
    creator: teamLd(site),
    isPartOf: websiteLd(site),
    temporalCoverage: temporalCoverage(dataset.data.claims),
    spatialCoverage: { '@type': 'Place', name: 'Myanmar' },
    distribution: [
      ...CSV_FILES.map((key) => ({
        '@type': 'DataDownload',
        name: DATA_FILES[key].file,
        encodingFormat: 'text/csv',
        contentUrl: absoluteUrl(`/data/${DATA_FILES[key].file}`, site),
      })),
      {
        '@type': 'DataDownload',
        name: 'datapackage.json (Frictionless Tabular Data Package: the files, their schemas and sources)',
        encodingFormat: 'application/json',
        contentUrl: absoluteUrl('/data/datapackage.json', site),
      },
    ],
  };
}
