/**
 * Opening a page while watching for everything that should never happen on our site: console
 * errors, uncaught exceptions, Content Security Policy violations, failed or 4xx/5xx requests,
 * and any request to a host other than our own server (which is blocked and reported).
 */
import type { BrowserContext, BrowserContextOptions, Page, Browser } from 'playwright-core';

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Human-readable problems seen so far; read after the page has settled. */
  problems: () => Promise<string[]>;
  close: () => Promise<void>;
}

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Recorded by an init script, which the browser runs outside the page's CSP. */
function recordCspViolations() {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations?.push(
      `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile || 'document'}:${event.lineNumber})`,
    );
  });
}

export async function openWatchedPage(
  browser: Browser,
  url: string,
  options: BrowserContextOptions = {},
): Promise<WatchedPage> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const seen: string[] = [];
  if (options.javaScriptEnabled !== false) await page.addInitScript(recordCspViolations);
  await context.route('**/*', async (route) => {
    const requestUrl = route.request().url();
    if (requestUrl.startsWith('data:') || requestUrl.startsWith('blob:') || requestUrl.startsWith(origin + '/')) {
      await route.continue();
    } else {
      seen.push(`request to another host blocked: ${requestUrl}`);
      await route.abort('blockedbyclient');
    }
  });
  page.on('console', (message) => {
    if (message.type() === 'error') seen.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => seen.push(`uncaught exception: ${error.message}`));
  page.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? 'failed';
    if (failure !== 'net::ERR_BLOCKED_BY_CLIENT') seen.push(`request failed: ${request.url()} (${failure})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) seen.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response || !response.ok()) seen.push(`the page answered HTTP ${response?.status() ?? 'nothing'}`);
  return {
    page,
    context,
    problems: async () => {
      const csp =
        options.javaScriptEnabled === false
          ? []
          : await page.evaluate(() => window.__cspViolations ?? []).catch(() => [] as string[]);
      return [...new Set([...seen, ...csp.map((violation) => `CSP violation: ${violation}`)])];
    },
    close: () => context.close(),
  };
}

/** Throws one error listing every failure, or returns when there are none. */
export function assertNoFailures(what: string, failures: string[]) {
  if (failures.length === 0) return;
  const shown = failures.slice(0, 60);
  const more = failures.length > shown.length ? `\n… and ${failures.length - shown.length} more` : '';
  throw new Error(`${what}: ${failures.length} failure(s)\n${shown.map((line) => `- ${line}`).join('\n')}${more}`);
}
