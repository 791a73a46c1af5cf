/**
 * The claim card embeds (/embed/claim/<id>/) as a journalist uses them, on a sample of claims (the
 * longest and shortest cards, and the first claim, which has readings): a host page on another
 * origin pastes the responsive and the iframe-only codes from each claim page, and Chromium checks
 *
 * - at 320 and 1280 px, the responsive iframe takes its card's height (within 2 px) with no inner
 *   scrollbar, through the charts' host snippet and resize protocol;
 * - the iframe-only form, with its fixed height, clips nothing;
 * - with JavaScript off the card shows its figure and status;
 * - axe finds 0 violations on one claim's card, light and dark, and on its claim page.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { chartData } from '../../src/charts/data.ts';
import { loadDataset } from '../../src/lib/dataset.ts';
import { claimCardFacts, fixedClaimEmbedHeight } from '../../src/site/claim-card.ts';
import { routes } from '../../src/site/routes.ts';
import {
  describeState,
  embedFrame,
  type FrameState,
  frameState,
  hostPage,
  poll,
  servePages,
} from './lib/embed-host.ts';
import { assertNoFailures } from './lib/page.ts';
import type { BrowserTest, BrowserTestContext } from './lib/types.ts';

const TOLERANCE_PX = 2;
const WIDTHS = [320, 1280];
/** Where a claim card's embed page lives: its frame has loaded once its address has this. */
const CARD_PATH = '/embed/claim/';
const projectRoot = new URL('../../', import.meta.url).pathname;
const data = chartData(loadDataset(`${projectRoot}data`));

/** The first claim, and the cards that come out tallest and shortest at the narrowest width. */
function sampleClaims(): string[] {
  const byHeight = [...data.claims].sort(
    (a, b) => fixedClaimEmbedHeight(claimCardFacts(a, data)) - fixedClaimEmbedHeight(claimCardFacts(b, data)),
  );
  return [...new Set([data.claims[0]!.id, byHeight.at(-1)!.id, byHeight[0]!.id])];
}

/** The codes as the claim page shows them, pointed at the local server. */
async function readCodes({ browser, baseUrl }: BrowserTestContext, id: string) {
  const page = await browser.newPage();
  try {
    await page.goto(new URL(routes.claim(id).slice(1), baseUrl).href, { waitUntil: 'load' });
    const canonical = (await page.getAttribute('link[rel="canonical"]', 'href')) ?? '';
    const siteRoot = canonical.slice(0, -routes.claim(id).length + 1);
    const rewrite = (code: string) =>
      code
        .replaceAll(siteRoot, baseUrl)
        .replaceAll(JSON.stringify(new URL(siteRoot).origin), JSON.stringify(new URL(baseUrl).origin));
    const read = (kind: string) =>
      page.$eval(
        `[data-claim-embed-codes] textarea[data-code="${kind}"]`,
        (area) => (area as HTMLTextAreaElement).value,
      );
    return { id, responsive: rewrite(await read('responsive')), iframe: rewrite(await read('iframe')) };
  } finally {
    await page.close();
  }
}

async function sizing(ctx: BrowserTestContext) {
  const codes = await Promise.all(sampleClaims().map((id) => readCodes(ctx, id)));
  const body = codes
    .map(
      (code) =>
        `<section data-responsive="${code.id}">${code.responsive}</section><section data-fixed="${code.id}">${code.iframe}</section>`,
    )
    .join('');
  const host = await servePages({ '/': hostPage(body) });
  const failures: string[] = [];
  try {
    for (const width of WIDTHS) {
      const context = await ctx.browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${host.origin}/`, { waitUntil: 'load' });
      for (const { id } of codes) {
        const responsive = `section[data-responsive="${id}"] iframe`;
        const fits = (s: FrameState) =>
          Math.abs(s.iframeHeight - s.contentHeight) <= TOLERANCE_PX && s.scrollHeight <= s.clientHeight + 1;
        const got = await poll(
          async () => frameState(page, responsive, await embedFrame(page, responsive, CARD_PATH)),
          fits,
        );
        if (!fits(got)) failures.push(`${id} responsive at ${width} px: ${describeState(got)}`);
        if (got.scrollWidth > got.clientWidth)
          failures.push(`${id} at ${width} px scrolls sideways: ${describeState(got)}`);
        const fixed = `section[data-fixed="${id}"] iframe`;
        const still = await frameState(page, fixed, await embedFrame(page, fixed, CARD_PATH));
        if (still.contentHeight > still.iframeHeight || still.scrollHeight > still.clientHeight)
          failures.push(`${id} iframe-only at ${width} px is clipped: ${describeState(still)}`);
      }
      await context.close();
    }
  } finally {
    await new Promise((resolve) => host.server.close(resolve));
  }
  assertNoFailures('claim cards in a host page', failures);
}

async function noJs({ browser, baseUrl }: BrowserTestContext) {
  const failures: string[] = [];
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 900 } });
  const page = await context.newPage();
  for (const id of sampleClaims()) {
    await page.goto(new URL(routes.claimEmbed(id).slice(1), baseUrl).href, { waitUntil: 'load' });
    for (const field of ['figure', 'counts', 'status', 'quote', 'credit'])
      if (!(await page.locator(`[data-field="${field}"]`).isVisible())) failures.push(`${id}: ${field} not visible`);
  }
  await context.close();
  assertNoFailures('claim cards with JavaScript off', failures);
}

async function axe({ browser, baseUrl }: BrowserTestContext, colorScheme: 'light' | 'dark') {
  const [id] = sampleClaims();
  const failures: string[] = [];
  const urls = [routes.claimEmbed(id!), routes.claimEmbed(id!, colorScheme), routes.claim(id!)];
  for (const path of urls) {
    const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(new URL(path.slice(1), baseUrl).href, { waitUntil: 'load' });
    const results = await new AxeBuilder({ page }).analyze();
    for (const violation of results.violations)
      failures.push(
        `${path} [${colorScheme}] ${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`,
      );
    await context.close();
  }
  assertNoFailures(`axe on a claim card (${colorScheme})`, failures);
}

export const tests: BrowserTest[] = [
  {
    name: 'claim cards size themselves in a host page at 320 and 1280 px, and the fixed form clips nothing',
    run: sizing,
  },
  { name: 'claim cards show every field with JavaScript off', run: noJs },
  { name: 'axe: 0 violations on a claim card and its claim page, light', run: (ctx) => axe(ctx, 'light') },
  { name: 'axe: 0 violations on a claim card and its claim page, dark', run: (ctx) => axe(ctx, 'dark') },
];
