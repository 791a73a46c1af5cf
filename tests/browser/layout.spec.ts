/**
 * Layout at phone, tablet and desktop widths, light and dark, JavaScript on and off: full-page
 * screenshots for people to look at (test-output/screenshots/, not committed; the sitemap's pages
 * and each chart's default embed, not every embed variant), no horizontal
 * scrolling at 320 px, and no chart text rendered smaller than 12 px (font size × the SVG's scale).
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { allPages, label } from './lib/site.ts';
import { assertNoFailures } from './lib/page.ts';
import type { BrowserTest, BrowserTestContext } from './lib/types.ts';

const projectRoot = new URL('../../', import.meta.url).pathname;
const SCREENSHOT_DIR = join(projectRoot, 'test-output', 'screenshots');
const WIDTHS = [320, 768, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;
const MIN_CHART_TEXT_PX = 12;

function slug(url: string, baseUrl: string): string {
  const path = label(url, baseUrl).replace(/^\/|\/$/g, '');
  return path ? path.replace(/[^a-z0-9]+/gi, '-') : 'home';
}

/** Runs `check` on every page in every combination of width, theme and JavaScript. */
async function everyCombination(
  { browser, baseUrl, outDir }: BrowserTestContext,
  {
    widths,
    schemes = SCHEMES,
    variants,
    evidence = 'sample',
  }: { widths: readonly number[]; schemes?: readonly string[]; variants: boolean; evidence?: 'sample' | 'all' },
  check: (page: Page, url: string, variant: { width: number; scheme: string; js: boolean }) => Promise<void>,
) {
  const pages = allPages(outDir, baseUrl, { variants, evidence });
  for (const width of widths) {
    for (const scheme of schemes) {
      for (const js of [true, false]) {
        const context = await browser.newContext({
          viewport: { width, height: 800 },
          colorScheme: scheme as 'light' | 'dark',
          javaScriptEnabled: js,
        });
        const page = await context.newPage();
        try {
          for (const url of pages) {
            await page.goto(url, { waitUntil: 'load' });
            await check(page, url, { width, scheme, js });
          }
        } finally {
          await context.close();
        }
      }
    }
  }
}

/** Elements that stick out to the right of the viewport outside any scrolling container. */
function overflowingElements(page: Page) {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const insideScroller = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const overflow = getComputedStyle(parent).overflowX;
        if (overflow === 'auto' || overflow === 'scroll' || overflow === 'hidden' || overflow === 'clip') return true;
      }
      return false;
    };
    const describe = (element: Element) => {
      const classes =
        typeof element.className === 'string' ? element.className.trim().split(/\s+/).filter(Boolean) : [];
      const href = element.getAttribute('href');
      const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30);
      return (
        element.tagName.toLowerCase() +
        (element.id ? `#${element.id}` : '') +
        classes.map((name) => `.${name}`).join('') +
        (href ? `[href="${href.slice(0, 60)}"]` : '') +
        (text ? ` "${text}"` : '')
      );
    };
    const offenders = [...document.body.querySelectorAll('*')].filter((element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.right > viewport + 0.5 && !insideScroller(element);
    });
    return {
      scrollWidth: document.documentElement.scrollWidth,
      viewport,
      offenders: offenders
        .slice(0, 4)
        .map((element) => `${describe(element)} (right edge ${Math.round(element.getBoundingClientRect().right)} px)`),
    };
  });
}

interface SmallText {
  chart: string;
  text: string;
  size: number;
}

/** Every visible SVG text in the page rendered smaller than `minimum` CSS px, and how many were measured. */
function smallChartText(page: Page, minimum: number): Promise<{ small: SmallText[]; measured: number }> {
  return page.evaluate((min) => {
    const small: SmallText[] = [];
    let measured = 0;
    for (const text of document.querySelectorAll('svg text')) {
      if (!text.textContent?.trim() || !text.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
        continue;
      const box = text.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const matrix = (text as SVGTextElement).getScreenCTM();
      const scale = matrix ? Math.hypot(matrix.a, matrix.b) : 1;
      for (const element of [text, ...text.querySelectorAll('tspan')]) {
        if (!element.textContent?.trim()) continue;
        measured++;
        const size = parseFloat(getComputedStyle(element).fontSize) * scale;
        if (size < min - 0.01) {
          const chart = element.closest('figure')?.id || element.closest('svg')?.getAttribute('data-chart') || 'svg';
          small.push({ chart, text: element.textContent.trim().slice(0, 30), size: Math.round(size * 100) / 100 });
        }
      }
    }
    return { small, measured };
  }, minimum);
}

export const tests: BrowserTest[] = [
  {
    name: 'screenshots at 320, 768 and 1280 px, light and dark, JS on and off',
    async run(ctx) {
      await rm(SCREENSHOT_DIR, { recursive: true, force: true }); // no stale pictures of pages that are gone
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      let count = 0;
      await everyCombination(ctx, { widths: WIDTHS, variants: false }, async (page, url, { width, scheme, js }) => {
        const file = join(SCREENSHOT_DIR, `${slug(url, ctx.baseUrl)}-${width}-${scheme}-${js ? 'js' : 'nojs'}.png`);
        await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
        count++;
      });
      if (count === 0) throw new Error('No screenshot taken');
      console.log(`    ${count} screenshots in ${SCREENSHOT_DIR}`);
    },
  },
  {
    name: 'no horizontal scrolling at 320 px on any page, every evidence page included (light/dark, JS on/off)',
    async run(ctx) {
      const failures: string[] = [];
      // Every evidence page, not a sample: a long headline or address in any of them could overflow.
      await everyCombination(
        ctx,
        { widths: [320], variants: true, evidence: 'all' },
        async (page, url, { scheme, js }) => {
          const result = await overflowingElements(page);
          if (result.scrollWidth > result.viewport) {
            failures.push(
              `${label(url, ctx.baseUrl)} [${scheme}, JS ${js ? 'on' : 'off'}]: page is ${result.scrollWidth} px wide in a ${result.viewport} px viewport; sticking out: ${result.offenders.join(', ') || 'unknown'}`,
            );
          }
        },
      );
      assertNoFailures('horizontal scrolling at 320 px', failures);
    },
  },
  {
    name: `no chart text rendered below ${MIN_CHART_TEXT_PX} px at 320, 768 or 1280 px`,
    async run(ctx) {
      // One line per page, width and chart, however many texts and modes share the problem.
      const grouped = new Map<string, { texts: Set<string>; smallest: number; modes: Set<string> }>();
      let measured = 0;
      // The theme changes colours, not sizes: light only.
      await everyCombination(
        ctx,
        { widths: WIDTHS, schemes: ['light'], variants: true },
        async (page, url, { width, js }) => {
          const result = await smallChartText(page, MIN_CHART_TEXT_PX);
          measured += result.measured;
          for (const text of result.small) {
            const key = `${label(url, ctx.baseUrl)} at ${width} px, ${text.chart}`;
            const entry = grouped.get(key) ?? {
              texts: new Set<string>(),
              smallest: Infinity,
              modes: new Set<string>(),
            };
            entry.texts.add(text.text);
            entry.smallest = Math.min(entry.smallest, text.size);
            entry.modes.add(js ? 'JS on' : 'JS off');
            grouped.set(key, entry);
          }
        },
      );
      const failures = [...grouped].map(([key, entry]) => {
        const texts = [...entry.texts];
        const shown =
          texts
            .slice(0, 6)
            .map((text) => `"${text}"`)
            .join(', ') + (texts.length > 6 ? `, … (${texts.length})` : '');
        return `${key}: ${texts.length} text(s) down to ${entry.smallest.toFixed(2)} px (${[...entry.modes].join(', ')}): ${shown}`;
      });
      if (measured === 0) failures.push('no chart text was found to measure');
      assertNoFailures(`chart text below ${MIN_CHART_TEXT_PX} px`, failures);
    },
  },
];
