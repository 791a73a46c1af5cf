/**
 * The claims list in pages (src/site/claims-pages.ts) and the bounded navigation around it
 * (facetNavValues): every claim on exactly one page, pages that stay small and a pager that does
 * not grow, at the curated size and at 10x and 100x the data from the seeded generator.
 */
import { describe, expect, it } from 'vitest';
import { earliestDay } from '../../src/lib/dates.ts';
import { FACET_NAV_LIMIT, facetNavValues, facetPages, FACETS } from '../../src/site/claim-facets.ts';
import {
  CLAIMS_PER_PAGE,
  claimListPath,
  inListOrder,
  linkClaimsToList,
  pageCount,
  paginate,
  pagerItems,
} from '../../src/site/claims-pages.ts';
import { routes } from '../../src/site/routes.ts';
import { scaledData } from './scaled-data.ts';

const scaled = scaledData('claims-pages-test');
const sizes = [1, 10, 100].map((scale) => ({ scale, data: scaled(scale) }));

describe('paginate', () => {
  it.each([0, 1, 49, 50, 51, 100, 2900])('puts each of %i items on exactly one page, in order', (count) => {
    const items = Array.from({ length: count }, (_, index) => index);
    const pages = paginate(items);
    expect(pages.length).toBe(pageCount(count));
    expect(pages.flatMap((page) => page.items)).toEqual(items);
    for (const page of pages) {
      expect(page.items.length).toBeLessThanOrEqual(CLAIMS_PER_PAGE);
      expect(page.pageCount).toBe(pages.length);
      expect(page.total).toBe(count);
      if (page.items.length) expect([page.first, page.last]).toEqual([page.items[0]! + 1, page.items.at(-1)! + 1]);
    }
  });

  it('keeps a list that fits as one page of all of it', () => {
    expect(paginate([1, 2, 3])).toEqual([{ page: 1, pageCount: 1, items: [1, 2, 3], first: 1, last: 3, total: 3 }]);
    expect(pageCount(0)).toBe(1);
  });
});

describe('pagerItems', () => {
  it('links the first, the last and two either side, with gaps, never a gap of one number', () => {
    expect(pagerItems(1, 1)).toEqual([1]);
    expect(pagerItems(1, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pagerItems(1, 58)).toEqual([1, 2, 3, 'gap', 58]);
    expect(pagerItems(5, 58)).toEqual([1, 2, 3, 4, 5, 6, 7, 'gap', 58]);
    expect(pagerItems(30, 58)).toEqual([1, 'gap', 28, 29, 30, 31, 32, 'gap', 58]);
    expect(pagerItems(58, 58)).toEqual([1, 'gap', 56, 57, 58]);
  });

  it('stays bounded however many pages there are, and always includes the current page', () => {
    for (const count of [1, 2, 7, 58, 580, 5800])
      for (const current of [1, 2, Math.ceil(count / 2), count - 1, count].filter(
        (page) => page >= 1 && page <= count,
      )) {
        const items = pagerItems(current, count);
        expect(items.length).toBeLessThanOrEqual(9);
        expect(items).toContain(current);
        const numbers = items.filter((item): item is number => item !== 'gap');
        expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      }
  });
});

describe.each(sizes)('the claims pages at x$scale', ({ scale, data }) => {
  it('list every claim once, oldest first, and keep the curated list on one page', () => {
    const pages = paginate(inListOrder(data.claims));
    const ids = pages.flatMap((page) => page.items.map((claim) => claim.id));
    expect(new Set(ids).size).toBe(data.claims.length);
    const days = pages.flatMap((page) => page.items.map((claim) => earliestDay(claim.claimed_on)));
    expect(days).toEqual([...days].sort((a, b) => a - b));
    if (scale === 1) expect(pages).toHaveLength(1);
    else expect(pages.length).toBe(Math.ceil(data.claims.length / CLAIMS_PER_PAGE));
  });

  it('send every link to a claim’s entry to the page that lists it', () => {
    const pages = paginate(inListOrder(data.claims));
    for (const page of pages)
      for (const claim of page.items) expect(claimListPath(data, claim.id)).toBe(routes.claims(page.page));
    const first = pages.at(-1)!.items[0]!.id;
    expect(linkClaimsToList(`<a href="#claim-${first}">`, data, (path) => `/base${path}`)).toBe(
      `<a href="/base${routes.claims(pages.length)}#claim-${first}">`,
    );
  });

  it('bound the browse navigation: at most FACET_NAV_LIMIT (+ the current) values a facet, the rest one link', () => {
    for (const facet of FACETS) {
      const pages = facetPages(data).filter((page) => page.facet === facet);
      const current = pages.at(-1) && routes.claimsFacet(facet.facet, pages.at(-1)!.value.value);
      const { shown, more } = facetNavValues(pages, current);
      if (pages.length <= FACET_NAV_LIMIT) {
        expect(shown).toEqual(pages);
        expect(more).toBeUndefined();
        continue;
      }
      if (!more) {
        // Only facets with an index may be cut; the others (years, hedges) are few by nature.
        expect(['year', 'action', 'personnel', 'qualifier']).toContain(facet.facet);
        expect(pages.length).toBeLessThan(40);
        continue;
      }
      expect(shown.length).toBeLessThanOrEqual(FACET_NAV_LIMIT + 1);
      expect(shown.length + more.count).toBe(pages.length);
      expect(shown.map((page) => routes.claimsFacet(facet.facet, page.value.value))).toContain(current);
      // The most-cited are the ones kept (and the current page, however few it lists).
      const ranked = shown.filter((page) => routes.claimsFacet(facet.facet, page.value.value) !== current);
      expect(ranked.length).toBe(FACET_NAV_LIMIT);
      const fewestShown = Math.min(...ranked.map((page) => page.claims.length));
      const hidden = pages.filter((page) => !shown.includes(page));
      expect(hidden.filter((page) => page.claims.length > fewestShown)).toEqual([]);
      expect(more.index).toBe(facet.facet === 'claimant' ? routes.claimants() : routes.sources());
    }
  });

  // The naive filter is values x claims: x100 (500 sources) would take seconds for no new case, so
  // the comparison is made at x1 and x10 only (not defined at x100, rather than reported skipped).
  if (scale <= 10)
    it('file each claim under every facet value it has, as the per-value filter would', () => {
      for (const page of facetPages(data))
        expect(page.claims.map((claim) => claim.id)).toEqual(
          data.claims.filter((claim) => page.facet.of(claim, data).includes(page.value.value)).map((claim) => claim.id),
        );
    });
});
