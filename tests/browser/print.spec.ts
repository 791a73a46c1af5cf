/**
 * The explainer printed (issue 12): with Chromium's print emulation, in a reader's dark mode too,
 * every chart prints with its drawing, title, caption, credit line and sources on a light page,
 * and navigation, the skip link, disclosures ("Describe this chart", "The numbers behind this
 * chart"), and the share/embed and cite widgets do not print. Writes the PDF and a screenshot to
 * PRINT_OUT_DIR (default the system's temp folder) for a look.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserTest, BrowserTestContext } from './lib/types.ts';

const HIDDEN = ['.skip-link', '.site-header nav', '.chart-share', '.cite-this', '.chart details'];

async function explainerPrints({ browser, baseUrl }: BrowserTestContext) {
  const context = await browser.newContext({ viewport: { width: 800, height: 1100 }, colorScheme: 'dark' });
  const failures: string[] = [];
  try {
    const page = await context.newPage();
    await page.goto(baseUrl, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const state = await page.evaluate((hidden) => {
      const shown = (element: Element) => {
        const box = element.getBoundingClientRect();
        return getComputedStyle(element).display !== 'none' && box.width > 0 && box.height > 0;
      };
      const charts = [...document.querySelectorAll('figure.chart')].map((figure) => ({
        id: figure.id,
        drawing: [...figure.querySelectorAll('.chart-variant svg')].some(shown),
        title: [...figure.querySelectorAll('.chart-title')].some(shown),
        caption: [...figure.querySelectorAll('.chart-subtitle')].some(shown),
        credit: [...figure.querySelectorAll('.chart-credit')].some(shown),
        sources: (figure.querySelector('.chart-credit')?.textContent ?? '').includes('Sources'),
        sourceAddress: getComputedStyle(
          figure.querySelector('.chart-credit a[href^="http"]') ?? figure,
          '::after',
        ).content.includes('http'),
      }));
      const visible = hidden.filter((selector) => [...document.querySelectorAll(selector)].some(shown));
      return {
        charts,
        visible,
        background: getComputedStyle(document.body).backgroundColor,
        chartText: getComputedStyle(document.querySelector('.chart-svg') ?? document.body).color,
      };
    }, HIDDEN);
    if (state.charts.length < 3) failures.push(`only ${state.charts.length} charts on the explainer`);
    for (const chart of state.charts) {
      for (const [part, ok] of Object.entries(chart)) {
        if (part !== 'id' && !ok) failures.push(`${chart.id}: its ${part} does not print`);
      }
    }
    for (const selector of state.visible) failures.push(`${selector} prints`);
    if (state.background !== 'rgb(255, 255, 255)') failures.push(`page background ${state.background} in print`);
    // Light-theme chart text in a dark-mode reader's printout: dark on white.
    const [r = 255, g = 255, b = 255] = (state.chartText.match(/\d+/g) ?? []).map(Number);
    if (r + g + b > 300) failures.push(`chart text ${state.chartText} is light on the printed page`);
    const out = process.env.PRINT_OUT_DIR ?? tmpdir();
    await page.pdf({ path: join(out, 'explainer-print.pdf'), format: 'A4', printBackground: true });
    await page.screenshot({ path: join(out, 'explainer-print.png'), fullPage: true });
    console.log(`print: ${state.charts.length} charts; PDF and screenshot in ${out}`);
  } finally {
    await context.close();
  }
  if (failures.length) throw new Error(failures.join('\n'));
}

export const tests: BrowserTest[] = [
  { name: 'the explainer prints charts, captions and sources without navigation or widgets', run: explainerPrints },
];
