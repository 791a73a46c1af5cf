/**
 * Checks the built site (test-output/dist, built once by global-setup.ts) against data/: every
 * page exists, every figure printed matches claims.csv, every chart is complete and every chart
 * mark leads to a claim row that exists.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/dataset.ts';
import { claimantName, claimantsOf, formatFigure } from '../../src/lib/format.ts';
import { measureWordings } from '../../src/charts/shared.ts';
import { chartData } from '../../src/charts/data.ts';
import { CHARTS } from '../../src/charts/index.ts';
import { renderChart, VARIANT_WIDTHS } from '../../src/charts/render.ts';
import { HEADLINE_CLAIM_IDS } from '../../src/site/story.ts';
import { routes } from '../../src/site/routes.ts';
import { BUILT_SITE, PROJECT_ROOT } from './build-site.ts';

const data = chartData(loadDataset(join(PROJECT_ROOT, 'data')));
const PAGES = [
  'index.html',
  'methodology/index.html',
  'sources/index.html',
  'claimants/index.html',
  'about/index.html',
  'claims/index.html',
  'claims/claimant/nug/index.html',
];

function page(path: string): Document {
  return parseHTML(readFileSync(join(BUILT_SITE, path), 'utf8')).document as unknown as Document;
}

describe('the built site', () => {
  it.each(PAGES)('has %s with a title, a description, a canonical link and one h1', (path) => {
    expect(existsSync(join(BUILT_SITE, path))).toBe(true);
    const document = page(path);
    expect(document.querySelector('title')?.textContent?.length).toBeGreaterThan(5);
    expect(document.querySelector('meta[name="description"]')?.getAttribute('content')?.length).toBeGreaterThan(40);
    expect(document.querySelector('link[rel="canonical"]')?.getAttribute('href')).toMatch(/^https:\/\//);
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    expect(document.documentElement.getAttribute('lang')).toBe('en');
  });

  it('says on the about page as many data files as the downloads publish', () => {
    const published = readdirSync(join(BUILT_SITE, 'data')).filter((name) => name.endsWith('.csv')).length;
    const words = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
    const text = page('about/index.html').querySelector('#data + p')?.textContent ?? '';
    expect(text).toMatch(new RegExp(`\\bThe ${words[published] ?? published} data files\\b`));
  });
});

describe('the home page and data/claims.csv agree', () => {
  const home = page('index.html');

  it('lists every claim once on /claims/, with its anchor, figure, claimant, date and quote', () => {
    const list = page('claims/index.html');
    const entries = [...list.querySelectorAll('li[id^="claim-"]')];
    expect(entries.map((entry) => entry.id).sort()).toEqual(data.claims.map((claim) => `claim-${claim.id}`).sort());
    for (const claim of data.claims) {
      const entry = list.getElementById(`claim-${claim.id}`) as Element;
      const text = (entry.textContent ?? '').replace(/\s+/g, ' ');
      // The figure line says what it counts, in every wording: "around 3,000 soldiers and police defected".
      expect(text.toLowerCase()).toContain(measureWordings(data, claim, true).toLowerCase());
      // An outlet's own statement is named by its outlet ("The Irrawaddy's own statement (no source named)").
      const outlet = data.sourceById.get(claim.source_id)?.outlet;
      for (const claimant of claimantsOf(claim, data.claimants)) expect(text).toContain(claimantName(claimant, outlet));
      expect(entry.querySelector('dd time')?.getAttribute('datetime')).toBe(claim.claimed_on);
      expect(entry.querySelector('blockquote p')?.textContent).toBe(`“${claim.quote}”`);
    }
  });

  it('keeps a short summary of the claims, not a copy of them, linked to /claims/', () => {
    expect(home.querySelectorAll('[id^="claim-"]')).toHaveLength(0);
    expect(home.querySelectorAll('blockquote, q').length).toBeLessThan(data.claims.length);
    const summary = home.querySelector('.claims-summary');
    expect(summary?.textContent).toContain(`${data.claims.length} claims`);
    expect(summary?.querySelector('a.claims-summary-link')?.getAttribute('href')).toMatch(/\/claims\/$/);
  });

  it('prints every figure in the text exactly as the data has it', () => {
    const references = [home, page('claims/index.html')].flatMap((document) => [
      ...document.querySelectorAll('[data-claim-ref], [data-claim-figure]'),
    ]);
    expect(references.length).toBeGreaterThan(data.claims.length);
    for (const element of references) {
      const id = element.getAttribute('data-claim-ref') ?? element.getAttribute('data-claim-figure');
      const claim = data.claimById.get(id as string);
      expect(claim, `claim ${id}`).toBeDefined();
      // Figures in the text as published; the claims list's figure lines with their measure too.
      const expected = element.hasAttribute('data-claim-figure')
        ? measureWordings(data, claim!, true)
        : formatFigure(claim!);
      expect(element.textContent?.replace(/\s+/g, ' ').trim().toLowerCase()).toContain(expected.toLowerCase());
    }
  });

  it('leads with the four headline figures, each with claimant and date', () => {
    const cards = [...home.querySelectorAll('[data-headline-claim]')];
    expect(cards.map((card) => card.getAttribute('data-headline-claim'))).toEqual([...HEADLINE_CLAIM_IDS]);
    for (const card of cards) {
      const claim = data.claimById.get(card.getAttribute('data-headline-claim') as string)!;
      expect(card.textContent).toContain(formatFigure(claim));
      expect(card.textContent).toContain(data.claimantById.get(claim.claimant_id)!.name);
      expect(card.querySelector('time')?.getAttribute('datetime')).toBe(claim.claimed_on);
      expect(card.querySelector('a[href^="https://"]')?.getAttribute('href')).toBe(
        data.sourceById.get(claim.source_id)!.url,
      );
    }
  });
});

describe.each(CHARTS.map((chart) => [chart.id, chart] as const))('chart %s on the home page', (id, chart) => {
  const home = page('index.html');
  const figure = home.getElementById(`chart-${id}`) as Element;

  it('is a figure with a title, subtitle, credit line, description and table', () => {
    expect(figure?.tagName.toLowerCase()).toBe('figure');
    expect(figure.querySelector('.chart-title')?.textContent).toBe(chart.title);
    expect(figure.querySelector('.chart-subtitle')?.textContent).toBe(chart.subtitle);
    // The explainer says "independently verified" once, above; each frame shows the status compactly.
    expect(figure.querySelector('.chart-notes')?.textContent).toMatch(/Sources: .+ unverified/s);
    expect(figure.querySelector(`#chart-${id}-description`)?.textContent).toBe(chart.describe(data));
    expect(figure.querySelectorAll('details table tbody tr')).toHaveLength(chart.rows(data).length);
  });

  it('carries both layout variants, drawn from the same data the tests load', () => {
    const svgs = [...figure.querySelectorAll('svg')];
    expect(svgs).toHaveLength(2);
    expect(svgs[1]?.outerHTML).toBe(
      parseHTML(
        // The page points the marks at the claims list, where each claim has its entry.
        `<div>${renderChart(chart, data, VARIANT_WIDTHS.wide).replaceAll('href="#claim-', `href="${routes.claims()}#claim-`)}</div>`,
      ).document.querySelector('svg')?.outerHTML,
    );
  });

  it("links every mark to the claim's entry on the claims list", () => {
    const list = page('claims/index.html');
    const links = [...figure.querySelectorAll('svg a')];
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const [path, target = ''] = (link.getAttribute('href') ?? '').split('#');
      expect(path).toBe(routes.claims());
      expect(list.getElementById(target), target).not.toBeNull();
    }
  });
});
