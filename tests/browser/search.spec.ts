/**
 * Search and "Cite this" in a real browser. With JavaScript, the search page finds a claim by its
 * id under the page's strict CSP (WebAssembly allowed there only), keeps the query in the address
 * and fits 320 px; without it, the search box is absent and the page points to the lists instead.
 * "Cite this" shows its Copy buttons only with JavaScript.
 */
import { loadDataset } from '../../src/lib/dataset.ts';
import { assertNoFailures } from './lib/page.ts';
import type { BrowserTest } from './lib/types.ts';

const projectRoot = new URL('../../', import.meta.url).pathname;

export const tests: BrowserTest[] = [
  {
    name: 'search finds a claim by its id, under the CSP, at 320 and 1280 px, with the query in the address',
    async run({ browser, baseUrl }) {
      const failures: string[] = [];
      const claim = loadDataset(`${projectRoot}data`).claims[0]!;
      for (const width of [320, 1280]) {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        const page = await context.newPage();
        const problems: string[] = [];
        page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
        page.on('pageerror', (error) => problems.push(String(error)));
        page.on('request', (request) => {
          if (!request.url().startsWith(new URL(baseUrl).origin)) problems.push(`request to ${request.url()}`);
        });
        await page.goto(`${baseUrl}search/`);
        if (await page.locator('[data-search-nojs]').isVisible()) failures.push(`${width} px: the no-JS note shows`);
        await page.fill('#search-input', claim.id);
        await page.waitForSelector('.search-results li', { timeout: 20_000 }).catch(() => undefined);
        const results = await page.locator('.search-results li').count();
        if (results === 0) failures.push(`${width} px: no result for "${claim.id}"`);
        // The index holds the article (<main data-pagefind-body>), not the skip link and navigation.
        const chrome = await page.locator('.search-results li', { hasText: 'Skip to content' }).count();
        if (chrome > 0) failures.push(`${width} px: ${chrome} results quote the page chrome ("Skip to content")`);
        const query = new URL(page.url()).searchParams.get('q');
        if (query !== claim.id) failures.push(`${width} px: the address has q=${query}, not the query`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) failures.push(`${width} px: ${overflow} px of horizontal overflow`);
        failures.push(...problems.map((problem) => `${width} px: ${problem}`));
        await context.close();
      }
      assertNoFailures('search', failures);
    },
  },
  {
    name: 'JS off: no search box, a note linking to the claims; Cite this has no dead Copy buttons',
    async run({ browser, baseUrl }) {
      const failures: string[] = [];
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${baseUrl}search/`);
      if (await page.locator('#search-input').isVisible()) failures.push('the search box shows without JavaScript');
      if (!(await page.locator('[data-search-nojs] a').first().isVisible()))
        failures.push('no visible link to the claims');
      await page.goto(`${baseUrl}about/`);
      if ((await page.locator('.cite-this .cite-text').count()) === 0) failures.push('about: no citation');
      if (await page.locator('.cite-copy').first().isVisible())
        failures.push('about: a Copy button shows without JavaScript');
      await context.close();
      const withJs = await browser.newContext({ viewport: { width: 320, height: 900 } });
      const about = await withJs.newPage();
      await about.goto(`${baseUrl}about/`);
      if (!(await about.locator('.cite-copy').first().isVisible()))
        failures.push('about: no Copy button with JavaScript');
      await withJs.close();
      assertNoFailures('search and citations without JavaScript', failures);
    },
  },
];
