/**
 * axe-core on every page of the sitemap and every embed page, in the light and the dark theme:
 * zero violations of axe's default rule set (WCAG 2.x A/AA plus best practices). axe runs with
 * JavaScript on, as readers see the page (it needs JS itself; with JS off it never returns).
 * Transparent embeds are checked over the background of a host that matches their theme.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { allPages, label } from './lib/site.ts';
import { assertNoFailures } from './lib/page.ts';
import type { BrowserTest, BrowserTestContext } from './lib/types.ts';

/**
 * A transparent embed (html[data-background="transparent"]) takes the host page's background, and
 * its theme is chosen to match that host. On its own it would sit on the browser's default white,
 * which no host with a dark theme has; so we give it, as a matching host would, its own theme's
 * background colour. (CSSOM writes are not inline styles: the page's CSP still applies.)
 */
async function standInForHost(page: Page) {
  await page.evaluate(() => {
    const root = document.documentElement;
    if (root.dataset.background !== 'transparent') return;
    const dark = matchMedia('(prefers-color-scheme: dark)').matches;
    const own = getComputedStyle(root).getPropertyValue('--background').trim();
    root.style.backgroundColor = own && own !== 'transparent' ? own : dark ? '#15171a' : '#ffffff';
  });
}

async function axeEverywhere({ browser, baseUrl, outDir }: BrowserTestContext, colorScheme: 'light' | 'dark') {
  const failures: string[] = [];
  for (const url of allPages(outDir, baseUrl)) {
    const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      await standInForHost(page);
      const results = await new AxeBuilder({ page }).analyze();
      for (const violation of results.violations) {
        const targets = violation.nodes
          .slice(0, 5)
          .map((node) => node.target.join(' '))
          .join(' | ');
        const more = violation.nodes.length > 5 ? ` (+${violation.nodes.length - 5} more)` : '';
        failures.push(
          `${label(url, baseUrl)} [${colorScheme}] ${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.length} node(s): ${targets}${more}`,
        );
      }
    } finally {
      await context.close();
    }
  }
  assertNoFailures(`axe (${colorScheme})`, failures);
}

export const tests: BrowserTest[] = [
  { name: 'axe: 0 violations on every sitemap page and embed, light', run: (ctx) => axeEverywhere(ctx, 'light') },
  { name: 'axe: 0 violations on every sitemap page and embed, dark', run: (ctx) => axeEverywhere(ctx, 'dark') },
];
