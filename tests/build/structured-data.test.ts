/**
 * What search engines read, in the built site (test-output/dist): each page's JSON-LD, dated from
 * the data's changelog and spanning the claims' dates; robots.txt and the sitemap's lastmod.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/dataset.ts';
import { dataRelease } from '../../src/lib/release.ts';
import { checkRobots, checkSitemapLastmod, jsonLdOf } from '../static/crawlers.ts';
import { fileForUrlPath, siteOriginOf, type BuiltSite } from '../static/dist.ts';
import { BUILT_SITE, PROJECT_ROOT } from './build-site.ts';

const release = dataRelease(readFileSync(join(PROJECT_ROOT, 'data', 'README.md'), 'utf8'));
const claims = loadDataset(join(PROJECT_ROOT, 'data')).claims;
const site: BuiltSite = { outDir: BUILT_SITE, basePath: '/', siteOrigin: siteOriginOf(BUILT_SITE) };
const home = `${site.siteOrigin}/`;
const ld = (file: string) => jsonLdOf(readFileSync(join(BUILT_SITE, file), 'utf8'), file);
const ofType = (file: string, type: string) => {
  const found = ld(file).find((item) => item['@type'] === type);
  if (!found) throw new Error(`${file} has no ${type} JSON-LD`);
  return found;
};
const team = { '@type': 'Organization', name: 'Leaving the Tatmadaw', url: `${home}about/` };
const website = { '@type': 'WebSite', name: 'Leaving the Tatmadaw: the defection claims', url: home };

describe('JSON-LD', () => {
  it('dates the explainer (NewsArticle) from the changelog and names the team as author', () => {
    const article = ofType('index.html', 'NewsArticle');
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      headline: expect.stringMatching(/soldiers and police/),
      datePublished: release.firstPublished,
      dateModified: release.version,
      author: team,
      isPartOf: website,
    });
    expect(article.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('describes the claims as a Dataset with release, address, downloads that exist, and the span of the data', () => {
    const dataset = ofType('index.html', 'Dataset');
    expect(dataset).toMatchObject({
      version: release.version,
      datePublished: release.firstPublished,
      dateModified: release.version,
      identifier: `${home}#claims`,
      url: `${home}#claims`,
      creator: team,
    });
    // By hand from data/claims.csv: the earliest start is the coup, 2021-02-01 (the running totals'
    // period_start); the latest claimed_on is the Irrawaddy's December 2023 report, known to the month.
    expect(dataset.temporalCoverage).toBe('2021-02-01/2023-12');
    expect(claims.some((claim) => claim.period_start === '2021-02-01')).toBe(true);
    const downloads = dataset.distribution as { contentUrl: string; encodingFormat: string }[];
    expect(downloads.map((download) => download.contentUrl.slice(home.length))).toEqual([
      'data/claims.csv',
      'data/claimants.csv',
      'data/sources.csv',
      'data/events.csv',
      'data/readings.csv',
      'data/relations.csv',
      'data/datapackage.json',
    ]);
    for (const download of downloads) {
      expect(fileForUrlPath(site, new URL(download.contentUrl).pathname), download.contentUrl).not.toBeNull();
    }
  });

  it.each(['methodology', 'sources', 'claimants', 'about', 'embed'])(
    'gives /%s/ a WebPage that is part of the site',
    (page) => {
      expect(ofType(`${page}/index.html`, 'WebPage')).toMatchObject({
        '@context': 'https://schema.org',
        url: `${home}${page}/`,
        name: expect.any(String),
        isPartOf: website,
      });
    },
  );
});

describe('crawlers', () => {
  it('robots.txt names the sitemap by its absolute address, and it exists', () => {
    expect(readFileSync(join(BUILT_SITE, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${home}sitemap-index.xml`);
    expect(checkRobots(site)).toEqual([]);
  });

  it('every sitemap entry has the data release as lastmod', () => {
    expect(checkSitemapLastmod(site, `${release.version}T00:00:00.000Z`)).toEqual([]);
  });

  it('the checks catch a robots.txt or sitemap that is wrong', () => {
    expect(checkRobots({ ...site, siteOrigin: 'https://elsewhere.example' })).toEqual([
      `robots.txt: the sitemap ${home}sitemap-index.xml is not under https://elsewhere.example/`,
    ]);
    expect(checkSitemapLastmod(site, '1999-01-01T00:00:00.000Z')[0]).toMatch(/has no <lastmod>1999/);
  });
});
