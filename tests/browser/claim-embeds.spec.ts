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
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import type { Frame, Page } from 'playwright-core';
import { chartData } from '../../src/charts/data.ts';
import { loadDataset } from '../../src/lib/dataset.ts';
import { claimCardFacts, fixedClaimEmbedHeight } from '../../src/site/claim-card.ts';
import { routes } from '../../src/site/routes.ts';
import { assertNoFailures } from './lib/page.ts';
import type { BrowserTest, BrowserTestContext } from './lib/types.ts';

const TOLERANCE_PX = 2;
const WIDTHS = [320, 1280];
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

function serve(html: string): Promise<{ origin: string; server: Server }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }),
    ),
  );
}

async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 8000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

async function frameOf(page: Page, selector: string): Promise<Frame> {
  const element = page.locator(selector);
  await element.scrollIntoViewIfNeeded();
  const handle = await element.elementHandle();
  const frame = await poll(
    async () => (await handle?.contentFrame()) ?? null,
    (candidate) => candidate !== null && candidate.url().includes('/embed/claim/'),
  );
  if (!frame) throw new Error(`${selector}: the card did not load`);
  await frame.waitForLoadState('load');
  return frame;
}

async function state(page: Page, selector: string, frame: Frame) {
  const iframeHeight = await page.locator(selector).evaluate((element) => element.getBoundingClientRect().height);
  const inside = await frame.evaluate(() => ({
    contentHeight: document.documentElement.getBoundingClientRect().height,
    scrollHeight: document.documentElement.scrollHeight,
    clientHeight: document.documentElement.clientHeight,
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  return { iframeHeight, ...inside };
}
type State = Awaited<ReturnType<typeof state>>;
const show = (s: State) =>
  `iframe ${s.iframeHeight.toFixed(1)} px, content ${s.contentHeight.toFixed(1)} px, scroll ${s.scrollWidth}×${s.scrollHeight} in ${s.clientWidth}×${s.clientHeight}`;

async function sizing(ctx: BrowserTestContext) {
  const codes = await Promise.all(sampleClaims().map((id) => readCodes(ctx, id)));
  const body = codes
    .map(
      (code) =>
        `<section data-responsive="${code.id}">${code.responsive}</section><section data-fixed="${code.id}">${code.iframe}</section>`,
    )
    .join('');
  const host = await serve(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title><style>body{margin:0;font:16px/1.5 serif}section{margin:0 0 48px}</style></head><body>${body}</body></html>`,
  );
  const failures: string[] = [];
  try {
    for (const width of WIDTHS) {
      const context = await ctx.browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${host.origin}/`, { waitUntil: 'load' });
      for (const { id } of codes) {
        const responsive = `section[data-responsive="${id}"] iframe`;
        const fits = (s: State) =>
          Math.abs(s.iframeHeight - s.contentHeight) <= TOLERANCE_PX && s.scrollHeight <= s.clientHeight + 1;
        const got = await poll(async () => state(page, responsive, await frameOf(page, responsive)), fits);
        if (!fits(got)) failures.push(`${id} responsive at ${width} px: ${show(got)}`);
        if (got.scrollWidth > got.clientWidth) failures.push(`${id} at ${width} px scrolls sideways: ${show(got)}`);
        const fixed = `section[data-fixed="${id}"] iframe`;
        const still = await state(page, fixed, await frameOf(page, fixed));
        if (still.contentHeight > still.iframeHeight || still.scrollHeight > still.clientHeight)
          failures.push(`${id} iframe-only at ${width} px is clipped: ${show(still)}`);
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
