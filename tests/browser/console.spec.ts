/**
 * Every page of the sitemap and every embed, with JavaScript on and off: no console error, no
 * uncaught exception, no Content Security Policy violation, no failed request, and no request to
 * any host but our own (such requests are blocked and reported).
 */
import { allPages, label } from './lib/site.ts';
import { assertNoFailures, openWatchedPage } from './lib/page.ts';
import type { BrowserTest, BrowserTestContext } from './lib/types.ts';

async function cleanConsole({ browser, baseUrl, outDir }: BrowserTestContext, javaScriptEnabled: boolean) {
  const failures: string[] = [];
  for (const url of allPages(outDir, baseUrl)) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const watched = await openWatchedPage(browser, url, { javaScriptEnabled, colorScheme });
      try {
        // Let late work (resize observers, deferred scripts) run and report.
        await watched.page.waitForTimeout(250);
        for (const problem of await watched.problems())
          failures.push(`${label(url, baseUrl)} [${colorScheme}] ${problem}`);
      } finally {
        await watched.close();
      }
    }
  }
  assertNoFailures(`console, CSP and requests (JS ${javaScriptEnabled ? 'on' : 'off'})`, failures);
}

export const tests: BrowserTest[] = [
  {
    name: 'JS on: no console error, CSP violation or third-party request on any page',
    run: (ctx) => cleanConsole(ctx, true),
  },
  {
    name: 'JS off: no console error, CSP violation or third-party request on any page',
    run: (ctx) => cleanConsole(ctx, false),
  },
];
