/**
 * The claims browser as built: /claims/ lists every claim with its links, every facet page lists
 * exactly its claims (worked out here from data/, not with the registry that built the pages), each
 * facet page is its own page in the sitemap, no reader sees a code, and no control is live in the
 * HTML (the script reveals the form).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { chartData } from '../../src/charts/data.ts';
import { loadDataset } from '../../src/lib/dataset.ts';
import { yearOf } from '../../src/lib/dates.ts';
import { ACTIONS, PERSONNEL, QUALIFIERS, type Claim } from '../../src/lib/types.ts';
import { CLAIM_FACETS, routes, type ClaimFacet } from '../../src/site/routes.ts';
import { BUILT_SITE, PROJECT_ROOT } from './build-site.ts';

const data = chartData(loadDataset(join(PROJECT_ROOT, 'data')));
const read = (path: string) => readFileSync(join(BUILT_SITE, path), 'utf8');
const page = (path: string) => parseHTML(read(path)).document as unknown as Document;
const fileOf = (path: string) => join(path.replace(/^\//, ''), 'index.html');
const idsOn = (document: Document) =>
  [...document.querySelectorAll('li.claim-entry[id^="claim-"]')].map((entry) => entry.id.replace(/^claim-/, ''));

/** A claim's value(s) for a facet, straight from the CSV's columns (slugs: underscores as hyphens). */
function facetValues(claim: Claim, facet: ClaimFacet): string[] {
  const slug = (code: string) => code.replaceAll('_', '-');
  switch (facet) {
    case 'claimant':
      // Every claimant it is credited to, a reading's too (the 750's "around": unnamed opposition sources).
      return [
        ...new Set([
          claim.claimant_id,
          ...claim.co_claimant_ids,
          ...data.readings.filter((r) => r.claim_id === claim.id).flatMap((r) => r.claimant_ids),
        ]),
      ];
    case 'source':
      return [claim.source_id];
    case 'year':
      return [String(yearOf(claim.claimed_on))];
    case 'action':
      return [slug(claim.action)];
    case 'personnel':
      return [slug(claim.personnel)];
    case 'qualifier':
      // Every hedge it is published with: its readings' too (the 750: "at least" and "about").
      return [
        ...new Set(
          [
            claim.qualifier,
            ...data.readings.filter((r) => r.claim_id === claim.id).map((r) => r.qualifier ?? claim.qualifier),
          ].map(slug),
        ),
      ];
  }
}

const expectedPages = CLAIM_FACETS.flatMap((facet) =>
  [...new Set(data.claims.flatMap((claim) => facetValues(claim, facet)))].map((value) => ({
    facet,
    value,
    path: routes.claimsFacet(facet, value),
    ids: data.claims.filter((claim) => facetValues(claim, facet).includes(value)).map((claim) => claim.id),
  })),
);

/** The codes of the data (at_least, soldiers_and_police, joined_cdm…): never text a reader sees. */
const CODES = [...ACTIONS, ...PERSONNEL, ...QUALIFIERS].filter((code) => code.includes('_'));

/**
 * The text our pages put around the data: the body without scripts and JSON-LD, and without our
 * curators' notes, which are free text from claims.csv (one names a code as it explains the coding;
 * that is the data's wording, checked with the data, not the page's).
 */
function visibleText(document: Document): string {
  const body = document.body.cloneNode(true) as HTMLElement;
  for (const element of body.querySelectorAll('script, style, .claim-note')) element.remove();
  return body.textContent ?? '';
}

describe('/claims/', () => {
  const list = page('claims/index.html');

  it('lists every claim once, oldest first, each with a link to itself', () => {
    expect(idsOn(list).sort()).toEqual(data.claims.map((claim) => claim.id).sort());
    for (const claim of data.claims) {
      const entry = list.getElementById(`claim-${claim.id}`) as Element;
      expect(entry.querySelector(`a[href="#claim-${claim.id}"]`), claim.id).not.toBeNull();
      const source = data.sourceById.get(claim.source_id)!;
      expect(entry.querySelector('blockquote')?.getAttribute('cite')).toBe(source.url);
      expect(entry.querySelector(`blockquote footer a[href="${source.url}"]`)?.textContent).toBe(source.outlet);
      expect(entry.querySelector('.verification')?.textContent).toBe(claim.verification);
    }
  });

  it('links each claim to its own page wherever the build has one', () => {
    for (const claim of data.claims) {
      const link = list.querySelector(`#claim-${claim.id} a[href$="${routes.claim(claim.id)}"]`);
      expect(link !== null, claim.id).toBe(existsSync(join(BUILT_SITE, fileOf(routes.claim(claim.id)))));
    }
  });

  it('sends the controls hidden (the script reveals them), with a polite count', () => {
    const form = list.querySelector('form.claim-filters');
    expect(form?.hasAttribute('hidden')).toBe(true);
    expect(form?.querySelector('[aria-live="polite"]')).not.toBeNull();
    const names = [...(form?.querySelectorAll('select, input') ?? [])].map((control) => control.getAttribute('name'));
    expect(names).toEqual(expect.arrayContaining([...CLAIM_FACETS, 'q', 'sort']));
  });

  it('links every facet page from its facet navigation', () => {
    const links = [...list.querySelectorAll('nav.claim-facet-nav a')].map((link) => link.getAttribute('href'));
    for (const expected of expectedPages) expect(links).toContain(expected.path);
  });
});

describe('the facet pages', () => {
  const sitemap = read('sitemap-0.xml');
  const builtFacetPages = readdirSync(join(BUILT_SITE, 'claims'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && (CLAIM_FACETS as readonly string[]).includes(entry.name))
    .flatMap((facet) =>
      readdirSync(join(BUILT_SITE, 'claims', facet.name)).map((value) =>
        routes.claimsFacet(facet.name as ClaimFacet, value),
      ),
    );

  it('exist for every value of every facet, and for no other', () => {
    expect(builtFacetPages.sort()).toEqual(expectedPages.map((expected) => expected.path).sort());
  });

  it.each(expectedPages.map((expected) => [expected.path, expected] as const))(
    '%s lists exactly its claims, with its own title, canonical and sitemap entry',
    (path, expected) => {
      const document = page(fileOf(path));
      expect(idsOn(document).sort()).toEqual([...expected.ids].sort());
      expect(document.querySelector('link[rel="canonical"]')?.getAttribute('href')).toMatch(new RegExp(`${path}$`));
      expect(sitemap).toContain(`${path}</loc>`);
      expect(document.querySelectorAll('h1')).toHaveLength(1);
      expect(document.querySelector('nav.claim-facet-nav a[aria-current="page"]')?.getAttribute('href')).toMatch(
        new RegExp(`${path}$`),
      );
    },
  );

  it('have titles of their own', () => {
    const titles = expectedPages.map((expected) => page(fileOf(expected.path)).querySelector('title')?.textContent);
    expect(new Set(titles).size).toBe(expectedPages.length);
  });
});

describe('words, not codes', () => {
  it.each(['/', routes.claims(), ...expectedPages.map((expected) => expected.path)])(
    '%s shows no data code',
    (path) => {
      const text = visibleText(page(fileOf(path)));
      expect(CODES.filter((code) => text.includes(code))).toEqual([]);
    },
  );
});

describe('the [hidden] root rule', () => {
  it('is in the site CSS and the embed CSS', () => {
    const css = readdirSync(join(BUILT_SITE, '_astro'))
      .filter((file) => file.endsWith('.css'))
      .map((file) => read(join('_astro', file)))
      .join('\n');
    const rule = /\[hidden\]\s*\{\s*display:\s*none\s*!important;?\s*\}/;
    expect(css).toMatch(rule);
    expect(read('embed.css')).toMatch(rule);
  });
});
