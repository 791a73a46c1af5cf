/**
 * Checks the built site (test-output/dist, built once by global-setup.ts) against data/: every
 * page exists, every figure printed matches claims.csv, every chart is complete and every chart
 * mark leads to a claim row that exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/dataset.ts';
import { formatFigure, formatMeasure } from '../../src/lib/format.ts';
import { chartData } from '../../src/charts/data.ts';
import { CHARTS } from '../../src/charts/index.ts';
import { renderChart, VARIANT_WIDTHS } from '../../src/charts/render.ts';
import { HEADLINE_CLAIM_IDS } from '../../src/site/story.ts';
import { BUILT_SITE, PROJECT_ROOT } from './build-site.ts';

const data = chartData(loadDataset(join(PROJECT_ROOT, 'data')));
const PAGES = [
  'index.html',
  'methodology/index.html',
  'sources/index.html',
  'claimants/index.html',
  'about/index.html',
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
});

describe('the home page and data/claims.csv agree', () => {
  const home = page('index.html');

  it('lists every claim once, with its anchor, figure, claimant, date and quote', () => {
    const rows = [...home.querySelectorAll('tr[id^="claim-"]')];
    expect(rows.map((row) => row.id).sort()).toEqual(data.claims.map((claim) => `claim-${claim.id}`).sort());
    for (const claim of data.claims) {
      const row = home.getElementById(`claim-${claim.id}`) as Element;
      const text = row.textContent ?? '';
      // The figure cell says what it counts: "around 3,000 defected", "an unstated number surrendered".
      expect(text).toContain(formatMeasure(claim));
      expect(text).toContain(data.claimantById.get(claim.claimant_id)?.name);
      expect(row.querySelector('time')?.getAttribute('datetime')).toBe(claim.claimed_on);
      expect(row.querySelector('q')?.textContent).toBe(claim.quote);
    }
  });

  it('prints every figure in the text exactly as the data has it', () => {
    const references = [...home.querySelectorAll('[data-claim-ref], [data-claim-figure]')];
    expect(references.length).toBeGreaterThan(data.claims.length);
    for (const element of references) {
      const id = element.getAttribute('data-claim-ref') ?? element.getAttribute('data-claim-figure');
      const claim = data.claimById.get(id as string);
      expect(claim, `claim ${id}`).toBeDefined();
      // Figures in the text as published; the claims table's figure cells with their measure too.
      const expected = element.hasAttribute('data-claim-figure') ? formatMeasure(claim!) : formatFigure(claim!);
      expect(element.textContent?.replace(/\s+/g, ' ').trim()).toContain(expected);
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
    expect(figure.querySelector('.chart-notes')?.textContent).toMatch(/Sources: .+ independently verified/s);
    expect(figure.querySelector(`#chart-${id}-description`)?.textContent).toBe(chart.describe(data));
    expect(figure.querySelectorAll('details table tbody tr')).toHaveLength(chart.rows(data).length);
  });

  it('carries both layout variants, drawn from the same data the tests load', () => {
    const svgs = [...figure.querySelectorAll('svg')];
    expect(svgs).toHaveLength(2);
    expect(svgs[1]?.outerHTML).toBe(
      parseHTML(`<div>${renderChart(chart, data, VARIANT_WIDTHS.wide)}</div>`).document.querySelector('svg')?.outerHTML,
    );
  });

  it('links every mark to a claim row on the page', () => {
    const links = [...figure.querySelectorAll('svg a')];
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const target = (link.getAttribute('href') ?? '').replace(/^#/, '');
      expect(home.getElementById(target), target).not.toBeNull();
    }
  });
});
