/**
 * The claims list in pages, so /claims/ and every facet page stay light however many claims there
 * are (issue 13): CLAIMS_PER_PAGE entries a page, in the list's order (date claimed, oldest first).
 * A list that fits on one page is exactly the page it always was; longer lists get /page/2/ and so
 * on, each a complete page of its own (canonical, rel=prev/next, numbered links), so a reader
 * without JavaScript still reaches every claim. `claimListPath` says which page holds a claim, for
 * every link to its entry (#claim-<id>).
 */
import type { ChartData } from '../charts/types.ts';
import type { Claim } from '../lib/types.ts';
import { earliestDay } from '../lib/dates.ts';

/** At about 0.1 KB gzipped an entry, 50 keep a page near 20 KB gz; the curated 29 stay on one. */
export const CLAIMS_PER_PAGE = 50;

/** Claims in the order every list shows them: date claimed, oldest first (stable for ties). */
export function inListOrder(claims: readonly Claim[]): Claim[] {
  return [...claims].sort((a, b) => earliestDay(a.claimed_on) - earliestDay(b.claimed_on));
}

/** How many pages a list of `count` entries takes: at least one, an empty list included. */
export function pageCount(count: number, perPage = CLAIMS_PER_PAGE): number {
  return Math.max(1, Math.ceil(count / perPage));
}

/** One page of a list: its number (from 1), the entries and their positions (from 1) in the whole. */
export interface ListPage<Item> {
  page: number;
  pageCount: number;
  items: Item[];
  first: number;
  last: number;
  total: number;
}

/** Every page of a list, in order; a list that fits is one page holding all of it. */
export function paginate<Item>(items: readonly Item[], perPage = CLAIMS_PER_PAGE): ListPage<Item>[] {
  const count = pageCount(items.length, perPage);
  return Array.from({ length: count }, (_, index) => {
    const pageItems = items.slice(index * perPage, (index + 1) * perPage);
    return {
      page: index + 1,
      pageCount: count,
      items: pageItems,
      first: pageItems.length ? index * perPage + 1 : 0,
      last: index * perPage + pageItems.length,
      total: items.length,
    };
  });
}

/** What a page's title and description add when the list runs to more pages: ", page 2 of 7", else nothing. */
export function pageOfPages({ page, pageCount }: Pick<ListPage<unknown>, 'page' | 'pageCount'>): string {
  return pageCount > 1 ? `, page ${page} of ${pageCount}` : '';
}

/** The rel=prev/next links of a list page, from the path of page n. */
export function pageLinks(
  { page, pageCount }: Pick<ListPage<unknown>, 'page' | 'pageCount'>,
  pathOf: (page: number) => string,
): { prev?: string; next?: string } {
  return {
    prev: page > 1 ? pathOf(page - 1) : undefined,
    next: page < pageCount ? pathOf(page + 1) : undefined,
  };
}

/**
 * The page numbers a pager links to: the first, the last, and `around` either side of the current
 * one, with "gap" where numbers are left out. Bounded (at most 2 × around + 5 items) however many
 * pages there are, so the pager does not grow with the data.
 */
export function pagerItems(current: number, count: number, around = 2): (number | 'gap')[] {
  const wanted = new Set([1, count]);
  for (let page = current - around; page <= current + around; page++) if (page >= 1 && page <= count) wanted.add(page);
  const pages = [...wanted].sort((a, b) => a - b);
  const items: (number | 'gap')[] = [];
  pages.forEach((page, index) => {
    const previous = pages[index - 1];
    // A gap of one number is shown as that number: "1 2 3", never "1 … 3".
    if (previous !== undefined && page - previous === 2) items.push(previous + 1);
    else if (previous !== undefined && page - previous > 2) items.push('gap');
    items.push(page);
  });
  return items;
}

/** The path of page `page` of a list whose first page is `firstPath` ("/claims/" -> "/claims/page/2/"). */
export function listPagePath(firstPath: string, page: number): string {
  return page <= 1 ? firstPath : `${firstPath}page/${page}/`;
}

const pageOfClaim = new WeakMap<ChartData, Map<string, number>>();

/**
 * The path of the /claims/ page that lists a claim, for links to its entry (`${path}#claim-<id>`):
 * "/claims/" while every claim fits on one page. Built once per dataset.
 */
export function claimListPath(data: ChartData, id: string, firstPath = '/claims/'): string {
  let pages = pageOfClaim.get(data);
  if (!pages) {
    pages = new Map();
    for (const listPage of paginate(inListOrder(data.claims)))
      for (const claim of listPage.items) pages.set(claim.id, listPage.page);
    pageOfClaim.set(data, pages);
  }
  return listPagePath(firstPath, pages.get(id) ?? 1);
}

/** Points every "#claim-<id>" link in markup (chart SVG) at the page of /claims/ listing it. */
export function linkClaimsToList(markup: string, data: ChartData, prefix: (path: string) => string): string {
  return markup.replace(
    /href="#claim-([^"]+)"/g,
    (_, id: string) => `href="${prefix(claimListPath(data, id))}#claim-${id}"`,
  );
}
