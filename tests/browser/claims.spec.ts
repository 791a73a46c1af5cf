/**
 * The claims browser in a real browser: the filters show exactly the claims that match, as many as
 * the count announces, at phone, tablet and desktop widths; the state survives a reload from the
 * address; without JavaScript every claim shows and no control does; no page shows an element it
 * marks hidden; /claims/ and its facet pages never scroll sideways at 320 px.
 */
import type { Page } from 'playwright-core';
import { loadDataset } from '../../src/lib/dataset.ts';
import { yearOf } from '../../src/lib/dates.ts';
import type { Claim } from '../../src/lib/types.ts';
import { routes } from '../../src/site/routes.ts';
import { allPages, label, sitemapPages } from './lib/site.ts';
import { assertNoFailures } from './lib/page.ts';
import type { BrowserTest } from './lib/types.ts';

const projectRoot = new URL('../../', import.meta.url).pathname;
const { claims } = loadDataset(`${projectRoot}data`);

interface FilterCase {
  name: string;
  /** Form control name → value, as a reader would set them. */
  set: Record<string, string>;
  /** Worked out from the CSV here, not by the page's own code. */
  matches: (claim: Claim) => boolean;
}

const CASES: FilterCase[] = [
  {
    name: 'claimant Arakan Army',
    set: { claimant: 'arakan-army' },
    matches: (claim) => [claim.claimant_id, ...claim.co_claimant_ids].includes('arakan-army'),
  },
  {
    name: "co-claimant People's Embrace",
    set: { claimant: 'peoples-embrace' },
    matches: (claim) => [claim.claimant_id, ...claim.co_claimant_ids].includes('peoples-embrace'),
  },
  { name: 'year 2023', set: { year: '2023' }, matches: (claim) => yearOf(claim.claimed_on) === 2023 },
  {
    name: 'action defected and personnel police',
    set: { action: 'defected', personnel: 'police' },
    matches: (claim) => claim.action === 'defected' && claim.personnel === 'police',
  },
  { name: 'hedge at least', set: { qualifier: 'at-least' }, matches: (claim) => claim.qualifier === 'at_least' },
  { name: 'source EFE', set: { source: 'efe-2023-11-17' }, matches: (claim) => claim.source_id === 'efe-2023-11-17' },
  {
    name: 'search "Rakhine"',
    set: { q: 'Rakhine' },
    // The search reads the whole entry; the place, the quote and the note are where Rakhine can be.
    matches: (claim) => /rakhine/i.test(`${claim.place ?? ''} ${claim.quote} ${claim.notes ?? ''}`),
  },
];

/** The ids of the entries a reader can see, and the count the page announces. */
async function shown(page: Page): Promise<{ ids: string[]; announced: string }> {
  return page.evaluate(() => ({
    ids: [...document.querySelectorAll<HTMLElement>('li.claim-entry')]
      .filter((entry) => entry.checkVisibility() && entry.getBoundingClientRect().height > 0)
      .map((entry) => entry.id.replace(/^claim-/, '')),
    announced: document.querySelector('[aria-live="polite"].claim-count')?.textContent ?? '',
  }));
}

async function setFilters(page: Page, set: Record<string, string>) {
  const details = page.locator('details.claim-facets');
  if (
    Object.keys(set).some((name) => name !== 'q') &&
    !(await details.evaluate((box) => (box as HTMLDetailsElement).open))
  )
    await details.locator('summary').click();
  for (const [name, value] of Object.entries(set)) {
    if (name === 'q') await page.locator('input[name="q"]').fill(value);
    else await page.locator(`select[name="${name}"]`).selectOption(value);
  }
  // The count settles after typing (400 ms); wait until it says the same as the list.
  await page.waitForFunction(() => {
    const visible = [...document.querySelectorAll<HTMLElement>('li.claim-entry')].filter((entry) => !entry.hidden);
    return document.querySelector('.claim-count')?.textContent?.startsWith(`Showing ${visible.length} of`);
  });
}

function compare(where: string, expected: string[], got: { ids: string[]; announced: string }): string[] {
  const failures: string[] = [];
  const missing = expected.filter((id) => !got.ids.includes(id));
  const extra = got.ids.filter((id) => !expected.includes(id));
  if (missing.length) failures.push(`${where}: matching claims not visible: ${missing.join(', ')}`);
  if (extra.length) failures.push(`${where}: claims visible that do not match: ${extra.join(', ')}`);
  const announced = /^Showing (\d+) of (\d+) claims\.$/.exec(got.announced);
  if (!announced) failures.push(`${where}: the count reads "${got.announced}"`);
  else if (Number(announced[1]) !== got.ids.length || Number(announced[2]) !== claims.length)
    failures.push(`${where}: announces "${got.announced}" with ${got.ids.length} visible of ${claims.length}`);
  return failures;
}

/** /claims/ and its facet pages (/claims/<facet>/<value>/), not the one-claim pages (/claims/<id>/). */
function claimListPages(outDir: string, baseUrl: string): { claimsPath: string; pages: string[] } {
  const claimsPath = new URL(routes.claims().slice(1), baseUrl).pathname;
  const pages = sitemapPages(outDir, baseUrl).filter((url) => {
    const path = new URL(url).pathname;
    if (!path.startsWith(claimsPath)) return false;
    const depth = path.slice(claimsPath.length).split('/').filter(Boolean).length;
    return depth === 0 || depth === 2;
  });
  return { claimsPath, pages };
}

export const tests: BrowserTest[] = [
  {
    name: 'filters show exactly the matching claims, as many as announced, at 320, 768 and 1280 px',
    async run({ browser, baseUrl }) {
      const failures: string[] = [];
      const url = new URL(routes.claims().slice(1), baseUrl).href;
      for (const width of [320, 768, 1280]) {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        const page = await context.newPage();
        for (const filter of CASES) {
          await page.goto(url, { waitUntil: 'load' });
          const where = `${filter.name} at ${width} px`;
          const before = await shown(page);
          failures.push(
            ...compare(
              `${where}, before filtering`,
              claims.map((claim) => claim.id),
              before,
            ),
          );
          await setFilters(page, filter.set);
          const expected = claims.filter(filter.matches).map((claim) => claim.id);
          if (expected.length === 0 || expected.length === claims.length)
            failures.push(`${where}: the case does not filter (${expected.length} of ${claims.length})`);
          failures.push(...compare(where, expected, await shown(page)));
          // Show all brings every claim back.
          await page.locator('button.claim-reset').click();
          await page.waitForFunction(
            (total) => document.querySelector('.claim-count')?.textContent === `Showing ${total} of ${total} claims.`,
            claims.length,
          );
          failures.push(
            ...compare(
              `${where}, after Show all`,
              claims.map((claim) => claim.id),
              await shown(page),
            ),
          );
        }
        await context.close();
      }
      assertNoFailures('claims filters', failures);
    },
  },
  {
    name: 'filter state lives in the address: shared, reloaded and sorted the same',
    async run({ browser, baseUrl }) {
      const failures: string[] = [];
      const url = new URL(routes.claims().slice(1), baseUrl).href;
      const context = await browser.newContext({ viewport: { width: 320, height: 900 } });
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      await setFilters(page, { claimant: 'nug', year: '2023' });
      await page.locator('select[name="sort"]').selectOption('-figure');
      const address = new URL(page.url());
      const params = Object.fromEntries(address.searchParams);
      if (params.claimant !== 'nug' || params.year !== '2023' || params.sort !== '-figure')
        failures.push(`the address holds ${address.search}, expected claimant=nug, year=2023, sort=-figure`);
      const first = await shown(page);
      // A reader opening the shared address in a fresh page gets the same view, in the same order.
      const fresh = await context.newPage();
      await fresh.goto(address.href, { waitUntil: 'load' });
      const again = await shown(fresh);
      if (again.ids.join() !== first.ids.join())
        failures.push(`reloaded view ${again.ids.join(', ')} differs from ${first.ids.join(', ')}`);
      if ((await fresh.locator('select[name="claimant"]').inputValue()) !== 'nug')
        failures.push('the reloaded page does not show the claimant filter it applies');
      // Headcounts by size; a percentage, a rate, battalions or no number after them (as -1).
      const figures = again.ids.map((id) => {
        const claim = claims.find((each) => each.id === id);
        return claim?.unit === 'people' && claim.figure !== null ? claim.figure : -1;
      });
      if (figures.some((figure, index) => index > 0 && figure > figures[index - 1]!))
        failures.push(`sorted by figure, largest first, reads ${figures.join(', ')}`);
      const expected = claims
        .filter(
          (claim) => [claim.claimant_id, ...claim.co_claimant_ids].includes('nug') && yearOf(claim.claimed_on) === 2023,
        )
        .map((claim) => claim.id);
      failures.push(...compare('shared address', expected, again));
      // Values the form does not offer are ignored, not applied as an empty result.
      await fresh.goto(`${url}?claimant=%3Cscript%3E&year=1999`, { waitUntil: 'load' });
      failures.push(
        ...compare(
          'address with unknown values',
          claims.map((claim) => claim.id),
          await shown(fresh),
        ),
      );
      await context.close();
      assertNoFailures('claims URL state', failures);
    },
  },
  {
    name: 'JS off: /claims/ and its facet pages show every listed claim and no control',
    async run({ browser, baseUrl, outDir }) {
      const failures: string[] = [];
      const { claimsPath, pages } = claimListPages(outDir, baseUrl);
      if (pages.length < 2) failures.push(`only ${pages.length} list pages found under ${claimsPath}`);
      for (const width of [320, 1280]) {
        const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
        const page = await context.newPage();
        for (const url of pages) {
          await page.goto(url, { waitUntil: 'load' });
          const where = `${label(url, baseUrl)} at ${width} px`;
          const state = await page.evaluate(() => ({
            entries: document.querySelectorAll('li.claim-entry').length,
            visible: [...document.querySelectorAll('li.claim-entry')].filter((entry) => entry.checkVisibility()).length,
            controls: [...document.querySelectorAll('main select, main input, main button')].filter((control) =>
              control.checkVisibility(),
            ).length,
          }));
          if (state.entries === 0) failures.push(`${where}: no claims listed`);
          if (state.visible !== state.entries)
            failures.push(`${where}: ${state.visible} of ${state.entries} claims visible`);
          if (state.controls > 0) failures.push(`${where}: ${state.controls} form controls show without JavaScript`);
          if (url.endsWith(claimsPath) && state.entries !== claims.length)
            failures.push(`${where}: lists ${state.entries} claims, not ${claims.length}`);
        }
        await context.close();
      }
      assertNoFailures('claims without JavaScript', failures);
    },
  },
  {
    name: 'no element marked hidden is displayed, on any page, at 320 and 1280 px, with and without JavaScript',
    async run({ browser, baseUrl, outDir }) {
      const failures: string[] = [];
      let checked = 0;
      // Without JavaScript the controls a script would reveal are hidden; with it, the filtered-out entries.
      for (const [width, javaScriptEnabled] of [
        [320, false],
        [1280, false],
        [320, true],
        [1280, true],
      ] as const) {
        const context = await browser.newContext({ javaScriptEnabled, viewport: { width, height: 900 } });
        const page = await context.newPage();
        for (const url of allPages(outDir, baseUrl, { variants: false })) {
          await page.goto(url, { waitUntil: 'load' });
          const shownHidden = await page.evaluate(() =>
            [...document.querySelectorAll<HTMLElement>('body [hidden]')].map((element) => ({
              what: `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ')[0]}` : ''}`,
              display: getComputedStyle(element).display,
            })),
          );
          checked += shownHidden.length;
          for (const element of shownHidden.filter((candidate) => candidate.display !== 'none'))
            failures.push(
              `${label(url, baseUrl)} at ${width} px: ${element.what} has hidden but display: ${element.display}`,
            );
        }
        await context.close();
      }
      if (checked === 0) failures.push('no page had an element marked hidden: the check checked nothing');
      assertNoFailures('[hidden] elements', failures);
    },
  },
  {
    name: 'no horizontal overflow at 320 px on /claims/ and its facet pages, with and without JavaScript',
    async run({ browser, baseUrl, outDir }) {
      const failures: string[] = [];
      const { claimsPath, pages } = claimListPages(outDir, baseUrl);
      if (pages.length < 2) failures.push(`only ${pages.length} list pages found under ${claimsPath}`);
      for (const javaScriptEnabled of [true, false]) {
        const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 320, height: 900 } });
        const page = await context.newPage();
        for (const url of pages) {
          await page.goto(url, { waitUntil: 'load' });
          // With JS, open the folded filters too: they must fit as well.
          if (javaScriptEnabled)
            await page.evaluate(() => document.querySelector('details.claim-facets')?.setAttribute('open', ''));
          const { scroll, client } = await page.evaluate(() => ({
            scroll: document.documentElement.scrollWidth,
            client: document.documentElement.clientWidth,
          }));
          if (scroll > client)
            failures.push(
              `${label(url, baseUrl)} (JS ${javaScriptEnabled ? 'on' : 'off'}): ${scroll} px wide in ${client} px`,
            );
        }
        await context.close();
      }
      assertNoFailures('overflow at 320 px', failures);
    },
  },
];
