/**
 * The evidence pages in the built site (test-output/dist): one page per claim, source and claimant,
 * iterated from the registry (src/site/evidence-pages.ts). Each claim page links back to its source
 * and to every chart that draws it, shows each relation of relations.csv (and the other end shows
 * it inverted), and carries JSON-LD, a canonical URL and its own share card.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { chartData } from '../../src/charts/data.ts';
import { CHARTS } from '../../src/charts/index.ts';
import { loadDataset } from '../../src/lib/dataset.ts';
import { VERIFICATION_LABELS } from '../../src/lib/format.ts';
import { RELATION_WORDING } from '../../src/lib/relations.ts';
import { waybackUrl } from '../../src/lib/wayback.ts';
import { claimHeadline, claimMeasure } from '../../src/site/claim-page.ts';
import { allEvidencePages, EVIDENCE_PAGE_KINDS, evidenceOgImage } from '../../src/site/evidence-pages.ts';
import { routes } from '../../src/site/routes.ts';
import { jsonLdOf } from '../static/crawlers.ts';
import { siteOriginOf } from '../static/dist.ts';
import { BUILT_SITE, PROJECT_ROOT } from './build-site.ts';
import { decodePng } from './png.ts';

const data = chartData(loadDataset(join(PROJECT_ROOT, 'data')));
const origin = siteOriginOf(BUILT_SITE);
const fileOf = (path: string) => join(BUILT_SITE, path, 'index.html');
const html = (path: string) => readFileSync(fileOf(path), 'utf8');
const documentOf = (path: string) => parseHTML(html(path)).document as unknown as Document;
const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
const hrefs = (document: Document) => [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'));
const pages = allEvidencePages(data);

describe('the evidence page registry', () => {
  it('has a page for every claim, source and claimant', () => {
    const count = (kind: string) => pages.filter((page) => page.kind === kind).length;
    expect(count('claim')).toBe(data.claims.length);
    expect(count('source')).toBe(data.sources.length);
    expect(count('claimant')).toBe(data.claimants.length);
  });
});

describe.each(EVIDENCE_PAGE_KINDS.map((kind) => [kind.kind, kind] as const))('%s pages', (kindName, kind) => {
  const ofKind = pages.filter((page) => page.kind === kindName);

  it.each(ofKind.map((page) => [page.path, page] as const))(
    '%s: one h1, a canonical URL, its own share card (a 1200×630 PNG), JSON-LD and a place in the sitemap',
    (path, page) => {
      expect(existsSync(fileOf(path)), `${path} was built`).toBe(true);
      const document = documentOf(path);
      expect(document.querySelectorAll('h1')).toHaveLength(1);
      expect(document.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${origin}${path}`);
      const image = evidenceOgImage(page.kind, page.id);
      expect(document.querySelector('meta[property="og:image"]')?.getAttribute('content')).toBe(`${origin}${image}`);
      const png = decodePng(readFileSync(join(BUILT_SITE, image)));
      expect([png.width, png.height]).toEqual([1200, 630]);
      expect(jsonLdOf(html(path), path).length).toBeGreaterThan(0);
      expect(readFileSync(join(BUILT_SITE, 'sitemap-0.xml'), 'utf8')).toContain(`<loc>${origin}${path}</loc>`);
    },
  );

  it(`the index ${kind.indexPath} links to every ${kindName} page`, () => {
    if (kindName === 'claim') return expect(routes.claims()).toBe(kind.indexPath); // the claims list is its own page
    const links = hrefs(documentOf(kind.indexPath));
    for (const page of ofKind) expect(links, page.path).toContain(page.path);
  });
});

describe.each(data.claims.map((claim) => [claim.id, claim] as const))('claim page %s', (id, claim) => {
  const path = routes.claim(id);
  const document = documentOf(path);
  const links = hrefs(document);
  const source = data.sourceById.get(claim.source_id)!;

  it('says the figure in every wording, every claimant, the date, the quote and the status', () => {
    const main = text(document.querySelector('main'));
    expect(text(document.querySelector('h1'))).toBe(claimHeadline(claim, data));
    // Every claimant, and whoever the article credits one of the figure's wordings to.
    const credited = new Set([
      claim.claimant_id,
      ...claim.co_claimant_ids,
      ...data.readings.filter((reading) => reading.claim_id === claim.id).flatMap((reading) => reading.claimant_ids),
    ]);
    for (const claimant of data.claimants.filter(({ id: claimantId }) => credited.has(claimantId)))
      expect(main).toContain(claimant.name);
    expect(document.querySelector('main time')?.getAttribute('datetime')).toBe(claim.claimed_on);
    expect(main).toContain(`“${claim.quote.replace(/\s+/g, ' ')}”`);
    expect(text(document.querySelector('.verification'))).toBe(VERIFICATION_LABELS[claim.verification]);
    if (claim.notes) expect(main).toContain(claim.notes.replace(/\s+/g, ' '));
    for (const claimantId of [claim.claimant_id, ...claim.co_claimant_ids]) {
      expect(links).toContain(routes.claimant(claimantId));
    }
  });

  it('links back to its article, the archived copy and its source page', () => {
    expect(links).toContain(source.url);
    expect(links).toContain(waybackUrl(source.url, source.published));
    expect(links).toContain(routes.source(source.id));
  });

  it('links to each chart that draws it, and to no other', () => {
    const drawing = CHARTS.filter((chart) => chart.rows(data).some((row) => chart.claimIds(row).includes(id)));
    const linked = [...document.querySelectorAll('[data-chart-link]')].map((a) => a.getAttribute('data-chart-link'));
    expect(linked).toEqual(drawing.map((chart) => chart.id));
    for (const chart of drawing) expect(links).toContain(`/#chart-${chart.id}`);
  });

  it('shows the permalink as text, and no copy button without JavaScript', () => {
    expect(text(document.querySelector('[data-copy-link]'))).toBe(`${origin}${path}`);
    // Copy buttons (link, embed codes, Cite this) stay hidden until their script shows them.
    expect(document.querySelector('main button:not([hidden])')).toBeNull();
  });

  it('has Claim JSON-LD: appearance in the source NewsArticle, every claimant as author, datePublished', () => {
    const claimLd = jsonLdOf(html(path), path).find((item) => item['@type'] === 'Claim');
    expect(claimLd).toMatchObject({
      '@context': 'https://schema.org',
      url: `${origin}${path}`,
      datePublished: claim.claimed_on,
      text: claim.quote,
      appearance: { '@type': 'NewsArticle', url: source.url, headline: source.headline },
    });
    const authors = (claimLd?.author as { name: string }[]).map((author) => author.name);
    expect(authors).toHaveLength(1 + claim.co_claimant_ids.length);
  });
});

describe('relations.csv, shown on both ends', () => {
  it.each(
    data.relations.map((relation) => [`${relation.from} ${relation.relation} ${relation.to}`, relation] as const),
  )('%s', (_name, relation) => {
    const wording = RELATION_WORDING[relation.relation];
    for (const [here, there, words] of [
      [relation.from, relation.to, wording.forward],
      [relation.to, relation.from, wording.inverse],
    ] as const) {
      const item = documentOf(routes.claim(here)).querySelector(
        `[data-relation="${relation.relation}"][data-related-claim="${there}"]`,
      );
      expect(item, `${here}'s page shows its relation to ${there}`).not.toBeNull();
      expect(text(item)).toContain(`This claim ${words} ${claimMeasure(data.claimById.get(there)!, data)}`);
      expect(item?.querySelector('a')?.getAttribute('href')).toBe(routes.claim(there));
    }
  });
});

describe('source and claimant pages list their claims, each linking to its page', () => {
  it.each(data.sources.map((source) => [source.id] as const))('source %s', (id) => {
    const listed = [...documentOf(routes.source(id)).querySelectorAll('[data-claim-link]')].map((a) =>
      a.getAttribute('data-claim-link'),
    );
    expect(listed).toEqual(data.claims.filter((claim) => claim.source_id === id).map((claim) => claim.id));
  });

  it.each(data.claimants.map((claimant) => [claimant.id] as const))('claimant %s, alone or jointly', (id) => {
    const listed = [...documentOf(routes.claimant(id)).querySelectorAll('[data-claim-link]')].map((a) =>
      a.getAttribute('data-claim-link'),
    );
    // A claim one of whose readings the article credits to them is theirs too (EFE's unnamed opposition sources).
    const credited = new Set(
      data.readings.filter((reading) => reading.claimant_ids.includes(id)).map((reading) => reading.claim_id),
    );
    const theirs = data.claims.filter(
      (claim) => claim.claimant_id === id || claim.co_claimant_ids.includes(id) || credited.has(claim.id),
    );
    expect([...listed].sort()).toEqual(theirs.map((claim) => claim.id).sort());
  });

  it('the indexes no longer print the claims in full', () => {
    for (const path of [routes.sources(), routes.claimants()]) {
      expect(documentOf(path).querySelectorAll('table, q')).toHaveLength(0);
    }
  });
});
