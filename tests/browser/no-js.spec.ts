/**
 * With JavaScript off, the site loses nothing a reader needs: every chart is a visible server-drawn
 * SVG on every page, the explainer shows every chart in the registry and links to the claims list,
 * which shows every claim, and the headline figures are in the HTML as sent.
 */
import type { Page } from 'playwright-core';
import { CHARTS } from '../../src/charts/index.ts';
import { loadDataset } from '../../src/lib/dataset.ts';
import { formatFigure } from '../../src/lib/format.ts';
import { HEADLINE_CLAIM_IDS } from '../../src/site/story.ts';
import { routes } from '../../src/site/routes.ts';
import { allPages, embedPages, label } from './lib/site.ts';
import { assertNoFailures } from './lib/page.ts';
import type { BrowserTest } from './lib/types.ts';

const projectRoot = new URL('../../', import.meta.url).pathname;

/** For each figure.chart on the page: its id and whether one of its SVGs is visible with a real size. */
function chartVisibility(page: Page) {
  return page.$$eval('figure.chart', (figures) =>
    figures.map((figure) => {
      const visible = [...figure.querySelectorAll('svg')].some((svg) => {
        const box = svg.getBoundingClientRect();
        return (
          box.width > 50 && box.height > 50 && svg.checkVisibility({ opacityProperty: true, visibilityProperty: true })
        );
      });
      return { id: figure.id || '(figure without id)', visible };
    }),
  );
}

export const tests: BrowserTest[] = [
  {
    name: 'JS off: every chart on every page is a visible SVG at 320 and 1280 px',
    async run({ browser, baseUrl, outDir }) {
      const failures: string[] = [];
      const embeds = new Set(embedPages(outDir, baseUrl));
      for (const width of [320, 1280]) {
        const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
        const page = await context.newPage();
        for (const url of allPages(outDir, baseUrl)) {
          await page.goto(url, { waitUntil: 'load' });
          const figures = await chartVisibility(page);
          for (const figure of figures.filter((candidate) => !candidate.visible)) {
            failures.push(`${label(url, baseUrl)} at ${width} px: ${figure.id} shows no visible chart`);
          }
          // A claim card has no chart; claim-embeds.spec.ts checks it with JS off.
          if (embeds.has(url) && !label(url, baseUrl).startsWith('/embed/claim/') && figures.length === 0)
            failures.push(`${label(url, baseUrl)}: embed page has no figure.chart`);
          if (url === baseUrl) {
            const ids = new Set(figures.map((figure) => figure.id));
            for (const chart of CHARTS) {
              if (!ids.has(`chart-${chart.id}`))
                failures.push(`/ : registry chart "${chart.id}" has no figure#chart-${chart.id}`);
            }
          }
        }
        await context.close();
      }
      assertNoFailures('charts without JavaScript', failures);
    },
  },
  {
    name: 'JS off: /claims/ shows every claim, and the explainer links to it',
    async run({ browser, baseUrl }) {
      const { claims } = loadDataset(`${projectRoot}data`);
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const failures: string[] = [];
      await page.goto(baseUrl, { waitUntil: 'load' });
      if (!(await page.locator('.claims-summary a.claims-summary-link').isVisible()))
        failures.push('the explainer has no visible link to the claims list');
      await page.goto(new URL(routes.claims().slice(1), baseUrl).href, { waitUntil: 'load' });
      const visibleEntries = new Set(
        await page.$$eval('li.claim-entry[id^="claim-"]', (entries) =>
          entries.filter((entry) => entry.checkVisibility()).map((entry) => entry.id.slice('claim-'.length)),
        ),
      );
      for (const claim of claims) {
        if (!visibleEntries.has(claim.id)) failures.push(`claim ${claim.id} has no visible entry li#claim-${claim.id}`);
      }
      await context.close();
      assertNoFailures('claims list without JavaScript', failures);
    },
  },
  {
    name: 'JS off: the headline figures are in the HTML as sent and visible',
    async run({ browser, baseUrl }) {
      const { claims } = loadDataset(`${projectRoot}data`);
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 900 } });
      const page = await context.newPage();
      const response = await page.goto(baseUrl, { waitUntil: 'load' });
      const html = (await response?.text()) ?? '';
      const failures: string[] = [];
      for (const id of HEADLINE_CLAIM_IDS) {
        const claim = claims.find((candidate) => candidate.id === id);
        if (!claim) {
          failures.push(`headline claim ${id} is not in data/claims.csv`);
          continue;
        }
        const figure = formatFigure(claim);
        const item = page.locator(`[data-headline-claim="${id}"]`);
        if (!html.includes(`data-headline-claim="${id}"`))
          failures.push(`the HTML has no [data-headline-claim="${id}"]`);
        else if (!(await item.isVisible())) failures.push(`headline ${id} is not visible`);
        else if (!(await item.innerText()).includes(figure)) failures.push(`headline ${id} does not read "${figure}"`);
        if (!html.includes(figure)) failures.push(`the HTML does not contain the headline figure "${figure}" (${id})`);
      }
      await context.close();
      assertNoFailures('headline figures', failures);
    },
  },
];
