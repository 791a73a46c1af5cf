/**
 * The home page's length as a phone and a desktop reader meet it: its height at 320 and 1280 px,
 * its visible word count, and where the first chart starts at 320x640 (the first screen). Cheap:
 * one page load per width, JavaScript on, no throttling. Used by the benchmark and by hand
 * (`npx node bench/home-height.ts <dist>`).
 */
import type { Browser } from 'playwright-core';

export interface HomeHeight {
  width: number;
  heightPx: number;
  words: number;
  /** The top of the first chart drawing (or headline graphic), in CSS px from the top of the page. */
  firstChartTopPx: number | null;
}

export const HOME_WIDTHS = [320, 1280] as const;
/**
 * Issue 12's target for the story's length: under half the 30,447 px the home page measured at 320 px
 * when the issue was filed.
 */
export const PHONE_HEIGHT_TARGET_PX = Math.floor(30_447 / 2);
/** A small phone's first screen: the first chart must start above this. */
export const FIRST_SCREEN = { width: 320, height: 640 };

export async function measureHome(browser: Browser, url: string): Promise<HomeHeight[]> {
  const results: HomeHeight[] = [];
  for (const width of HOME_WIDTHS) {
    const page = await browser.newPage({ viewport: { width, height: width === 320 ? FIRST_SCREEN.height : 900 } });
    await page.goto(url, { waitUntil: 'load' });
    results.push(
      await page.evaluate((w) => {
        const candidates = document.querySelectorAll('[data-first-screen-chart], figure.chart svg');
        const visible = [...candidates].find((el) => el.getBoundingClientRect().height > 0) ?? null;
        return {
          width: w,
          heightPx: Math.round(document.documentElement.scrollHeight),
          words: (document.body.innerText.match(/\S+/g) ?? []).length,
          firstChartTopPx: visible ? Math.round(visible.getBoundingClientRect().top + window.scrollY) : null,
        };
      }, width),
    );
    await page.close();
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { launchChromium } = await import('../tests/browser/lib/chromium.ts');
  const { serveStatic } = await import('../tests/browser/lib/server.ts');
  const server = await serveStatic({ root: process.argv[2] ?? 'dist' });
  const browser = await launchChromium();
  try {
    console.table(await measureHome(browser, server.baseUrl));
  } finally {
    await browser.close();
    await server.close();
  }
}
