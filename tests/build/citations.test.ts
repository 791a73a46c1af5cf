/**
 * The citation files the build wrote (test-output/dist/cite/, built once by global-setup.ts), read
 * back with citation-js's BibTeX and CSL-JSON parsers: one .bib and one .json for every claim, every
 * chart and the dataset, each with the permanent URL, the data's version date and, for a claim, the
 * outlet's article it comes from. And every "Cite this" on a page links to files that exist.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cite, type CSL } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { chartData } from '../../src/charts/data.ts';
import { CHARTS } from '../../src/charts/index.ts';
import { loadDataset } from '../../src/lib/dataset.ts';
import { formatClaimants, VERIFICATION_LABELS } from '../../src/lib/format.ts';
import { dataRelease } from '../../src/lib/release.ts';
import { DEFAULT_SITE_URL } from '../../src/integrations/site-config.ts';
import { routes } from '../../src/site/routes.ts';
import { BUILT_SITE, PROJECT_ROOT } from './build-site.ts';

const data = chartData(loadDataset(join(PROJECT_ROOT, 'data')));
const version = dataRelease(readFileSync(join(PROJECT_ROOT, 'data', 'README.md'), 'utf8')).version;
const versionParts = version.split('-').map(Number);
// The test build runs without SITE_URL: the absolute URLs in citations start with the default.
const SITE = DEFAULT_SITE_URL;

const targets = [
  ...data.claims.map((claim) => ({ kind: 'claim', id: claim.id, url: `${SITE}${routes.claim(claim.id)}` })),
  ...CHARTS.map((chart) => ({ kind: 'chart', id: chart.id, url: `${SITE}${routes.chart(chart.id)}` })),
  { kind: 'dataset', id: 'claims', url: `${SITE}${routes.dataset()}` },
];
const file = (path: string) => join(BUILT_SITE, path);
const parse = (text: string) => new Cite(text).data as CSL[];

describe.each(targets)('citation of $kind $id', ({ kind, id, url }) => {
  const formats = {
    bib: () => parse(readFileSync(file(routes.citation(kind, id, 'bib')), 'utf8')),
    json: () => parse(JSON.parse(readFileSync(file(routes.citation(kind, id, 'json')), 'utf8'))),
  };

  it.each(['bib', 'json'] as const)('%s parses, with the permanent URL and the data’s version date', (format) => {
    const [cited] = formats[format]();
    expect(cited?.URL).toBe(url);
    expect(cited?.issued?.['date-parts']?.[0]).toEqual(versionParts);
    expect(cited?.title).toBeTruthy();
  });

  if (kind === 'claim') {
    const claim = data.claimById.get(id)!;
    const source = data.sourceById.get(claim.source_id)!;
    it.each(['bib', 'json'] as const)(
      '%s names every claimant and the status, and carries the outlet’s article',
      (format) => {
        const [cited, original] = formats[format]();
        expect(cited?.title).toContain(formatClaimants(claim, data.claimants, 'name', data.readings, data.sources));
        expect(cited?.title).toContain(`(${VERIFICATION_LABELS[claim.verification]})`);
        expect(cited?.note).toContain(source.outlet);
        expect(original?.['container-title']).toBe(source.outlet);
        expect(original?.title).toBe(source.headline);
        expect(original?.URL).toBe(source.url);
      },
    );
  }
});

describe('the cite folder', () => {
  it('holds exactly the citations of the data: none missing, none stale', () => {
    const written = ['claim', 'chart', 'dataset'].flatMap((kind) =>
      readdirSync(file(`/cite/${kind}/`)).map((name) => `/cite/${kind}/${name}`),
    );
    const expected = targets.flatMap(({ kind, id }) => [
      routes.citation(kind, id, 'bib'),
      routes.citation(kind, id, 'json'),
    ]);
    expect(written.sort()).toEqual(expected.sort());
  });

  it('every "Cite this" on a page links to citation files that exist, and the about page cites the dataset', () => {
    const pages = ['index.html', 'about/index.html'];
    for (const path of pages) {
      const document = parseHTML(readFileSync(file(path), 'utf8')).document;
      const links = [...document.querySelectorAll('.cite-this a[href]')].map((link) => link.getAttribute('href')!);
      expect(links.length, path).toBeGreaterThan(0);
      for (const href of links) expect(existsSync(file(href)), `${path} -> ${href}`).toBe(true);
    }
    const about = readFileSync(file('about/index.html'), 'utf8');
    expect(about).toContain(`href="${routes.citation('dataset', 'claims', 'bib')}"`);
    const home = readFileSync(file('index.html'), 'utf8');
    for (const chart of CHARTS) expect(home).toContain(`href="${routes.citation('chart', chart.id, 'bib')}"`);
  });
});
