/**
 * Embeds as a journalist uses them (issue 5): a host page on another origin pastes every chart in
 * each of the three HTML forms the /embed/ gallery offers, and Chromium checks that
 *
 * - the responsive iframe takes its content's height (within 2 px) at 320, 600 and 1000 px, with no
 *   inner scrollbar, and follows when the width changes;
 * - the iframe-only form, with its fixed height, clips nothing from 320 px up, and each column-width
 *   code fits every column of its layout up to its width, and is as tall as its model promises;
 * - the static image shows, with alt text, light in a light or a dark reader theme (light by default),
 *   and at 320 px in its phone layout, with chart text at 12 px or more;
 * - a light host page read in dark mode gets light iframes by default, not a dark slab;
 * - every oEmbed response's height is the embed page's height at its width, within 2 px;
 * - the responsive form still sizes itself inside <iframe sandbox="allow-scripts allow-popups">;
 * - resize messages from another origin are ignored, and so are heights that are not numbers
 *   within 50..20,000 px even from our own frame, and a frame of ours asking for another's size;
 * - the embed page speaks all three message formats (ours, AMP, embed.ly), its option pages show
 *   the right theme, and the gallery's options and Copy buttons work.
 *
 * The codes are read from the built gallery and pointed at the local server; the host pages are
 * served by small servers of this file's own, each on another port and so another origin.
 */
import type { BrowserContext, Frame } from 'playwright-core';
import { EXPORT_FRAMES } from '../../src/charts/export.ts';
import { THEMES } from '../../src/charts/palette.ts';
import { CHART_FONT_SIZE } from '../../src/charts/render.ts';
import { MESSAGE_NAMESPACE, RESIZE_MESSAGE_TYPE } from '../../src/site/embed-protocol.ts';
import {
  columnWidthRange,
  EMBED_LAYOUT,
  EXACT_WRAP,
  FONT_WIDTH_MARGIN,
  OEMBED_WIDTHS,
  oembedPath,
} from '../../src/site/embed.ts';
import {
  describeState,
  embedFrame,
  type FrameState,
  frameState,
  hostPage,
  poll,
  servePages,
} from './lib/embed-host.ts';
import type { BrowserTest, BrowserTestContext } from './lib/types.ts';

const MARKER = `data-${MESSAGE_NAMESPACE}-chart`;
const TOLERANCE_PX = 2;

interface ChartCodes {
  chart: string;
  responsive: string;
  iframe: string;
  image: string;
  /** The fixed-height iframe code for each offered column width. */
  columns: Record<string, string>;
}

/** The codes as the gallery shows them, rewritten from the configured site to the local server. */
async function readCodes({ browser, baseUrl }: BrowserTestContext): Promise<ChartCodes[]> {
  const page = await browser.newPage();
  try {
    await page.goto(`${baseUrl}embed/`, { waitUntil: 'load' });
    const canonical = await page.getAttribute('link[rel="canonical"]', 'href');
    if (!canonical?.endsWith('embed/')) throw new Error(`the gallery's canonical link is ${canonical}`);
    const siteRoot = canonical.slice(0, -'embed/'.length);
    const rewrite = (code: string) =>
      code
        .replaceAll(siteRoot, baseUrl)
        .replaceAll(JSON.stringify(new URL(siteRoot).origin), JSON.stringify(new URL(baseUrl).origin));
    const areas = await page.$$eval('textarea[data-code]', (elements) =>
      elements.map((element) => ({ id: element.id, value: (element as HTMLTextAreaElement).value })),
    );
    const byChart = new Map<string, ChartCodes>();
    for (const { id, value } of areas) {
      const [, chart, kind, column] =
        /^embed-code-(.+?)-(responsive|iframe|image|oembed|text)(?:-(\d+))?$/.exec(id) ?? [];
      if (!chart || !kind || kind === 'oembed' || kind === 'text') continue;
      const entry = byChart.get(chart) ?? { chart, responsive: '', iframe: '', image: '', columns: {} };
      if (column) entry.columns[column] = rewrite(value);
      else entry[kind as 'responsive' | 'iframe' | 'image'] = rewrite(value);
      byChart.set(chart, entry);
    }
    if (byChart.size === 0) throw new Error('no embed codes on /embed/');
    return [...byChart.values()];
  } finally {
    await page.close();
  }
}

interface Hosts {
  /** Origin of the page that pastes the codes, e.g. http://127.0.0.1:40001 */
  host: string;
  /** Origin of a third party that tries to resize itself through our snippet. */
  evil: string;
  context: BrowserContext;
  close: () => Promise<void>;
}

/**
 * A host origin and a hostile one, each a real server on the loopback address with a port of its
 * own, so that each is its own origin and Chromium's private network rules see no public page
 * framing a local one. `pages` builds each origin's pages once both origins are known.
 */
async function hosts(
  browser: BrowserTestContext['browser'],
  pages: (origins: { host: string; evil: string }) => { host: Record<string, string>; evil?: Record<string, string> },
  options: Parameters<BrowserTestContext['browser']['newContext']>[0] = {},
): Promise<Hosts> {
  const hostPages: Record<string, string> = {};
  const evilPages: Record<string, string> = {};
  const host = await servePages(hostPages);
  const evil = await servePages(evilPages);
  const built = pages({ host: host.origin, evil: evil.origin });
  Object.assign(hostPages, built.host);
  Object.assign(evilPages, built.evil ?? {});
  const context = await browser.newContext(options);
  return {
    host: host.origin,
    evil: evil.origin,
    context,
    close: async () => {
      await context.close();
      await Promise.all([host, evil].map(({ server }) => new Promise((resolve) => server.close(resolve))));
    },
  };
}

function fits(state: FrameState): boolean {
  return (
    Math.abs(state.iframeHeight - state.contentHeight) <= TOLERANCE_PX && state.scrollHeight <= state.clientHeight + 1
  );
}

const RESPONSIVE_WIDTHS = [320, 600, 1000];

async function responsiveSizing(ctx: BrowserTestContext) {
  const codes = await readCodes(ctx);
  const body = codes
    .map(
      (code) =>
        `<section data-chart="${code.chart}"><h2>Responsive</h2>${code.responsive}</section><section><h2>Iframe only</h2>${code.iframe}</section><section><h2>Image</h2>${code.image}</section>`,
    )
    .join('');
  const served = await hosts(ctx.browser, () => ({ host: { '/all.html': hostPage(body) } }), {
    viewport: { width: RESPONSIVE_WIDTHS[0] as number, height: 900 },
  });
  const failures: string[] = [];
  try {
    const page = await served.context.newPage();
    await page.goto(`${served.host}/all.html`, { waitUntil: 'load' });
    // One page, three widths in turn: the embeds must follow each change, not only size once.
    for (const width of RESPONSIVE_WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      for (const { chart } of codes) {
        const selector = `section[data-chart="${chart}"] iframe`;
        const frame = await embedFrame(page, selector);
        const state = await poll(() => frameState(page, selector, frame), fits);
        if (!fits(state)) failures.push(`${chart} at ${width} px: ${describeState(state)}`);
        if (state.scrollWidth > state.clientWidth)
          failures.push(`${chart} at ${width} px scrolls sideways: ${describeState(state)}`);
      }
    }
  } finally {
    await served.close();
  }
  if (failures.length) throw new Error(`responsive iframes do not match their content:\n${failures.join('\n')}`);
}

const FIXED_WIDTHS = [320, 375, 600, 1000];

async function fixedHeightClipsNothing(ctx: BrowserTestContext) {
  const codes = await readCodes(ctx);
  const body = codes.map((code) => `<section data-chart="${code.chart}">${code.iframe}</section>`).join('');
  const failures: string[] = [];
  for (const width of FIXED_WIDTHS) {
    const served = await hosts(ctx.browser, () => ({ host: { '/fixed.html': hostPage(body) } }), {
      viewport: { width, height: 900 },
    });
    try {
      const page = await served.context.newPage();
      await page.goto(`${served.host}/fixed.html`, { waitUntil: 'load' });
      for (const { chart } of codes) {
        const selector = `section[data-chart="${chart}"] iframe`;
        const frame = await embedFrame(page, selector);
        const state = await frameState(page, selector, frame);
        if (state.contentHeight > state.iframeHeight || state.scrollHeight > state.clientHeight)
          failures.push(`${chart} at ${width} px is clipped: ${describeState(state)}`);
        if (state.scrollWidth > state.clientWidth)
          failures.push(`${chart} at ${width} px scrolls sideways: ${describeState(state)}`);
      }
    } finally {
      await served.close();
    }
  }
  if (failures.length) throw new Error(failures.join('\n'));
}

/**
 * The embed page's height at each iframe width in `widths`: as served (in whatever font system-ui
 * is here: Noto Sans on the CI image), and as the fixed heights model it. The model measures text
 * in DejaVu Sans (src/charts/text-metrics.ts) wrapped at FONT_WIDTH_MARGIN of the column, and its
 * metrics ignore kerning, so its wrap at a share of the column is Chromium's at that share divided
 * by EXACT_WRAP: DejaVu Sans and a max-width on each text block reproduce it. The page's layout
 * answers only to its container's width (an @container query, no media queries or viewport units),
 * so setting the root element's width stands in for resizing the iframe, hundreds of times quicker;
 * the caller checks that the two agree at the named width.
 */
async function heightsOverWidths(
  context: BrowserContext,
  src: string,
  widths: number[],
): Promise<{ width: number; served: number; modelled: number; chartAspect: number }[]> {
  const page = await context.newPage();
  try {
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(src, { waitUntil: 'load' });
    const layout = { maxWidth: EMBED_LAYOUT.maxWidth, paddingX: EMBED_LAYOUT.paddingX };
    return await page.evaluate(
      ({ widths, layout, share }) => {
        const root = document.documentElement;
        const texts = [...document.querySelectorAll<HTMLElement>('.chart-title, .chart-subtitle, .chart-notes p')];
        return widths.map((width) => {
          // CSSOM, not a <style>: the embed page's Content-Security-Policy refuses inline styles.
          root.style.width = `${width}px`;
          const served = root.getBoundingClientRect().height;
          const column = Math.min(width, layout.maxWidth) - 2 * layout.paddingX;
          document.body.style.fontFamily = "'DejaVu Sans'";
          for (const text of texts) text.style.maxWidth = `${column * share}px`;
          const modelled = root.getBoundingClientRect().height;
          document.body.style.fontFamily = '';
          for (const text of texts) text.style.maxWidth = '';
          const charts = [...document.querySelectorAll('.chart-variant svg')].map((svg) => svg.getBoundingClientRect());
          const shown = charts.find((box) => box.width > 0);
          return { width, served, modelled, chartAspect: shown ? shown.height / shown.width : 0 };
        });
      },
      { widths, layout, share: FONT_WIDTH_MARGIN / EXACT_WRAP },
    );
  } finally {
    await page.close();
  }
}

/**
 * Each column-width code in a column of that width, and the promise it is computed to keep
 * (columnEmbedHeight), measured in Chromium over its range of widths (columnWidthRange):
 * - nothing clipped in a column of its width, nor in any narrower column of its range;
 * - exactly as tall (within TOLERANCE_PX) as the tallest the page gets over that range as the model
 *   lays it out (DejaVu Sans, text at the font margin), plus the layout's `slack`.
 * So the blank below the chart at the named width is measured, not allowed for by a constant: it
 * is the slack, plus the lines DejaVu Sans at the font margin (the widest font we promise to fit)
 * or a narrower column of the range wraps sooner than the page as served. A code a few pixels
 * taller than its promise fails as surely as one that clips.
 */
async function columnCodesFit(ctx: BrowserTestContext) {
  const codes = await readCodes(ctx);
  const widths = [...new Set(codes.flatMap((code) => Object.keys(code.columns)))].map(Number);
  const failures: string[] = [];
  const measured: string[] = [];
  if (widths.length < 3) failures.push(`expected codes for three column widths, found ${widths.join(', ')}`);
  for (const width of widths) {
    const body = codes
      .map((code) => `<section data-chart="${code.chart}">${code.columns[String(width)] ?? ''}</section>`)
      .join('');
    const served = await hosts(ctx.browser, () => ({ host: { '/columns.html': hostPage(body) } }), {
      viewport: { width, height: 900 },
    });
    try {
      const page = await served.context.newPage();
      await page.goto(`${served.host}/columns.html`, { waitUntil: 'load' });
      const { from, to } = columnWidthRange(width);
      const range = Array.from({ length: to - from + 1 }, (_, index) => from + index);
      for (const { chart, columns } of codes) {
        const selector = `section[data-chart="${chart}"] iframe`;
        const frame = await embedFrame(page, selector);
        const state = await frameState(page, selector, frame);
        const code = state.iframeHeight;
        const gap = code - state.contentHeight;
        if (state.contentHeight > code || state.scrollHeight > state.clientHeight)
          failures.push(`${chart}, ${width} px code in a ${width} px column, is clipped: ${describeState(state)}`);
        const src = /src="([^"]+)"/.exec(columns[String(width)] ?? '')?.[1];
        if (!src) {
          failures.push(`${chart}, ${width} px code: no iframe src`);
          continue;
        }
        const heights = await heightsOverWidths(served.context, src, range);
        const atWidth = heights.find((height) => height.width === width)?.served ?? NaN;
        if (!(Math.abs(atWidth - state.contentHeight) <= TOLERANCE_PX))
          failures.push(
            `${chart}: the page resized in place is ${atWidth.toFixed(1)} px tall at ${width} px, but ${state.contentHeight.toFixed(1)} px in a ${width} px iframe`,
          );
        const clipped = heights.filter((height) => height.served > code);
        if (clipped.length)
          failures.push(
            `${chart}, ${width} px code (${code} px) clips the page in a narrower column of its range: ${clipped.map((height) => `${height.served.toFixed(1)} px at ${height.width}`).join(', ')}`,
          );
        const tallest = heights.reduce((a, b) => (b.modelled > a.modelled ? b : a));
        const promised = tallest.modelled + EMBED_LAYOUT.slack;
        // EXACT_WRAP puts Chromium's wrap point within a pixel of column width (kerning takes
        // 0.17-0.44% off a line), so over a range of widths the model's tallest can be one pixel
        // wider than Chromium's (a line that wraps there in the model fits in Chromium), and the
        // chart grows by its aspect ratio a pixel. A one-width range has no such neighbour.
        const allowed = TOLERANCE_PX + (range.length > 1 ? tallest.chartAspect : 0);
        measured.push(
          `${chart} at ${width}: ${describeState(state)}, gap ${gap.toFixed(0)} px; as modelled the page is tallest at ${tallest.width} px (${tallest.modelled.toFixed(1)} px), so the code should be ${promised.toFixed(1)} px`,
        );
        if (Math.abs(code - promised) > allowed)
          failures.push(
            `${chart}, ${width} px code is ${code} px, not the ${promised.toFixed(1)} px (± ${allowed.toFixed(1)}) it promises (the page as modelled at its tallest, ${tallest.width} px, plus ${EMBED_LAYOUT.slack} px slack); at ${width} px it leaves ${gap.toFixed(0)} px blank`,
          );
      }
    } finally {
      await served.close();
    }
  }
  console.log(`column codes:\n  ${measured.join('\n  ')}`);
  if (failures.length) throw new Error(failures.join('\n'));
}

/** Each prebuilt oEmbed response's height is the embed page's height at its width, within 2 px. */
async function oembedHeights({ browser, baseUrl }: BrowserTestContext) {
  const failures: string[] = [];
  const measured: string[] = [];
  const gallery = await browser.newPage();
  await gallery.goto(`${baseUrl}embed/`, { waitUntil: 'load' });
  const charts = await gallery.$$eval('section.embed-card', (cards) =>
    cards.map((card) => card.id.replace(/^embed-/, '')),
  );
  await gallery.close();
  for (const width of [...OEMBED_WIDTHS, undefined]) {
    const context = await browser.newContext({ viewport: { width: width ?? EMBED_LAYOUT.maxWidth, height: 900 } });
    try {
      const page = await context.newPage();
      for (const chart of charts) {
        const path = oembedPath(chart, width).slice(1);
        const response = (await (await page.goto(`${baseUrl}${path}`))?.json()) as {
          width: number;
          height: number;
          html: string;
        };
        const src = /src="([^"]+)"/.exec(response.html)?.[1] ?? '';
        await page.goto(src.replace(/^https?:\/\/[^/]+\//, baseUrl), { waitUntil: 'load' });
        const height = await page.evaluate(() => document.documentElement.getBoundingClientRect().height);
        measured.push(`${path}: width ${response.width}, height ${response.height}, page ${height.toFixed(1)}`);
        if (response.width !== (width ?? EMBED_LAYOUT.maxWidth)) failures.push(`${path}: width ${response.width}`);
        if (Math.abs(response.height - height) > TOLERANCE_PX)
          failures.push(
            `${path}: height ${response.height}, the page measures ${height.toFixed(1)} px at ${response.width} px`,
          );
      }
    } finally {
      await context.close();
    }
  }
  console.log(`oEmbed heights:\n  ${measured.join('\n  ')}`);
  if (failures.length) throw new Error(failures.join('\n'));
}

async function staticImages(ctx: BrowserTestContext) {
  const codes = await readCodes(ctx);
  const body = codes.map((code) => `<section data-chart="${code.chart}">${code.image}</section>`).join('');
  const failures: string[] = [];
  const measured: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    const served = await hosts(ctx.browser, () => ({ host: { '/images.html': hostPage(body) } }), {
      viewport: { width: 320, height: 900 },
      colorScheme: scheme,
    });
    try {
      const page = await served.context.newPage();
      await page.goto(`${served.host}/images.html`, { waitUntil: 'load' });
      for (const { chart } of codes) {
        const img = page.locator(`section[data-chart="${chart}"] img`);
        await img.scrollIntoViewIfNeeded();
        const state = await poll(
          () =>
            img.evaluate((element: HTMLImageElement) => ({
              complete: element.complete,
              natural: element.naturalWidth,
              width: element.getBoundingClientRect().width,
              src: element.currentSrc,
              alt: element.alt,
            })),
          (value) => value.complete && value.natural > 0,
        );
        if (!(state.natural > 0)) failures.push(`${chart} (${scheme}): the image did not load`);
        if (state.width > 320)
          failures.push(`${chart} (${scheme}): the image is ${state.width} px wide in a 320 px page`);
        if (state.alt.length < 100) failures.push(`${chart} (${scheme}): alt text "${state.alt}"`);
        // The PNG's layout width is its pixel width over its density (@2x files are drawn twice over);
        // chart text is drawn at CHART_FONT_SIZE in that layout, so it shows at this size on screen.
        const layoutWidth = state.natural / (state.src.includes('@2x') ? 2 : 1);
        const shownText = (CHART_FONT_SIZE * state.width) / layoutWidth;
        const notesSize = state.src.includes('-narrow')
          ? EXPORT_FRAMES.narrow.notes.size
          : EXPORT_FRAMES.wide.notes.size;
        const shownNotes = (notesSize * state.width) / layoutWidth;
        if (!state.src.includes('-narrow'))
          failures.push(`${chart} (${scheme}): not the phone layout at 320 px: ${state.src}`);
        if (shownText < 12 || shownNotes < 12)
          failures.push(
            `${chart} (${scheme}): chart text ${shownText.toFixed(1)} px, notes ${shownNotes.toFixed(1)} px at 320 px (${layoutWidth} px layout shown ${state.width} px wide)`,
          );
        measured.push(
          `${chart} ${scheme}: ${layoutWidth} px layout at ${state.width.toFixed(0)} px, chart text ${shownText.toFixed(1)} px`,
        );
        // Light by default, whatever the reader's setting: the host page is light.
        if (!state.src.includes('-light')) failures.push(`${chart} (${scheme}): shows ${state.src}`);
        const href = await page.locator(`section[data-chart="${chart}"] a`).getAttribute('href');
        if (href !== `${ctx.baseUrl}#chart-${chart}`) failures.push(`${chart}: the image links to ${href}`);
      }
    } finally {
      await served.close();
    }
  }
  console.log(`static images at 320 px:\n  ${measured.join('\n  ')}`);
  if (failures.length) throw new Error(failures.join('\n'));
}

/** A light host page (the host's own white), read with the device in dark mode. */
async function lightByDefault(ctx: BrowserTestContext) {
  const codes = await readCodes(ctx);
  const body = codes.map((code) => `<section data-chart="${code.chart}">${code.responsive}</section>`).join('');
  const light = rgb(THEMES.light.background as string);
  const failures: string[] = [];
  const served = await hosts(ctx.browser, () => ({ host: { '/light.html': hostPage(body) } }), {
    viewport: { width: 600, height: 900 },
    colorScheme: 'dark',
  });
  try {
    const page = await served.context.newPage();
    await page.goto(`${served.host}/light.html`, { waitUntil: 'load' });
    for (const { chart } of codes) {
      const frame = await embedFrame(page, `section[data-chart="${chart}"] iframe`);
      await frame.waitForLoadState('load');
      const seen = await frame.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      if (seen !== light) failures.push(`${chart}: background ${seen} in a dark-mode reader, expected ${light}`);
    }
  } finally {
    await served.close();
  }
  if (failures.length) throw new Error(failures.join('\n'));
}

async function sandboxedHost(ctx: BrowserTestContext) {
  const codes = await readCodes(ctx);
  const failures: string[] = [];
  for (const code of codes) {
    const served = await hosts(
      ctx.browser,
      ({ host }) => ({
        host: {
          '/outer.html': hostPage(
            `<iframe id="preview" sandbox="allow-scripts allow-popups" src="${host}/inner.html" style="width:600px;height:5000px;border:0"></iframe>`,
          ),
          '/inner.html': hostPage(`<p>A CMS preview.</p>${code.responsive}`),
        },
      }),
      { viewport: { width: 800, height: 900 } },
    );
    try {
      const page = await served.context.newPage();
      await page.goto(`${served.host}/outer.html`, { waitUntil: 'load' });
      const embed = await poll(
        async () => page.frames().find((frame) => frame.url().includes('/embed/')) ?? null,
        (frame) => frame !== null,
      );
      if (!embed) {
        failures.push(`${code.chart}: the embed did not load in the sandbox`);
        continue;
      }
      await embed.waitForLoadState('load');
      const iframe = await embed.frameElement();
      const read = async () => ({
        iframeHeight: await iframe.evaluate((element) => (element as Element).getBoundingClientRect().height),
        contentHeight: await embed.evaluate(() => document.documentElement.getBoundingClientRect().height),
        origin: await embed.evaluate(() => window.origin),
        // Its stylesheet still applies with an opaque origin (embed.css sets this).
        styled: await embed.evaluate(
          () => getComputedStyle(document.querySelector('.embed') as Element).maxWidth === '800px',
        ),
      });
      const state = await poll(read, (value) => Math.abs(value.iframeHeight - value.contentHeight) <= TOLERANCE_PX);
      if (Math.abs(state.iframeHeight - state.contentHeight) > TOLERANCE_PX) {
        failures.push(
          `${code.chart}: iframe ${state.iframeHeight} px for ${state.contentHeight} px of content (embed origin ${state.origin})`,
        );
      }
      // The sandbox passes on to our frame: it runs with an opaque origin, which is the case the snippet allows for.
      if (!state.styled) failures.push(`${code.chart}: the embed's stylesheet did not apply in the sandbox`);
      if (state.origin !== 'null')
        failures.push(`${code.chart}: expected the embed to inherit the sandbox, origin ${state.origin}`);
    } finally {
      await served.close();
    }
  }
  if (failures.length) throw new Error(`inside <iframe sandbox="allow-scripts allow-popups">:\n${failures.join('\n')}`);
}

async function otherOriginsIgnored(ctx: BrowserTestContext) {
  const [code] = await readCodes(ctx);
  if (!code) throw new Error('no chart to embed');
  const spoof = (height: number) => JSON.stringify({ type: RESIZE_MESSAGE_TYPE, chart: code.chart, height });
  // A frame from another origin that poses as one of ours and keeps asking to be resized, and a
  // script of the host page posting the same message to itself.
  const served = await hosts(
    ctx.browser,
    ({ evil }) => ({
      host: {
        '/host.html': hostPage(
          `${code.responsive}<iframe id="evil" ${MARKER}="${code.chart}" src="${evil}/spoof.html" style="width:100%;height:150px;border:0"></iframe>` +
            `<script>setInterval(function(){window.postMessage(${spoof(33)},"*")},50)</script>`,
        ),
      },
      evil: {
        '/spoof.html': hostPage(`<script>setInterval(function(){parent.postMessage(${spoof(77)},"*")},50)</script>`),
      },
    }),
    { viewport: { width: 600, height: 900 } },
  );
  try {
    const page = await served.context.newPage();
    await page.goto(`${served.host}/host.html`, { waitUntil: 'load' });
    const selector = `iframe[${MARKER}="${code.chart}"]:not(#evil)`;
    const frame = await embedFrame(page, selector);
    await poll(() => frameState(page, selector, frame), fits);
    await page.locator('#evil').scrollIntoViewIfNeeded();
    await page.waitForTimeout(1500);
    const ours = await frameState(page, selector, frame);
    const evilHeight = await page.locator('#evil').evaluate((element) => element.getBoundingClientRect().height);
    const spoofed = page.frames().some((candidate) => candidate.url().endsWith('/spoof.html'));
    const failures: string[] = [];
    if (!spoofed) failures.push('the other origin’s frame did not load, so the test proves nothing');
    if (evilHeight !== 150) failures.push(`the other origin's iframe was resized to ${evilHeight} px`);
    if (!fits(ours)) failures.push(`our iframe did not keep its content's height: ${describeState(ours)}`);
    if (failures.length) throw new Error(failures.join('\n'));
  } finally {
    await served.close();
  }
}

/**
 * Heights a host must refuse even from our own frame (a fault, or a page that took over the frame):
 * 1e9 made the host page 33 million px tall, "0x400" became 1024 px and true became 1 px. They are
 * posted from inside our embed, so origin and source are right and only the height is wrong; then a
 * frame of ours names another chart, which must not resize that chart's iframe. A last good height
 * shows the listener was alive all along.
 */
async function badHeightsFromOurFrameIgnored(ctx: BrowserTestContext) {
  const [first, second] = await readCodes(ctx);
  if (!first || !second) throw new Error('two charts are needed to embed');
  const served = await hosts(
    ctx.browser,
    () => ({
      host: {
        '/host.html': hostPage(
          `<section id="a">${first.responsive}</section><section id="b">${second.responsive.replace(/<script>[\s\S]*<\/script>$/, '')}</section>`,
        ),
      },
    }),
    { viewport: { width: 600, height: 900 } },
  );
  try {
    const page = await served.context.newPage();
    await page.goto(`${served.host}/host.html`, { waitUntil: 'load' });
    const [a, b] = ['#a iframe', '#b iframe'];
    const frameA = await embedFrame(page, a);
    const frameB = await embedFrame(page, b);
    const fitted = await poll(() => frameState(page, a, frameA), fits);
    await poll(() => frameState(page, b, frameB), fits);
    const heightOf = (selector: string) =>
      page.locator(selector).evaluate((element) => element.getBoundingClientRect().height);
    const before = { a: await heightOf(a), b: await heightOf(b) };
    const post = (frame: Frame, height: unknown, chart: string) =>
      frame.evaluate(
        ([type, value, id]) => {
          // NaN and Infinity do not survive Playwright's argument passing as numbers; named, they do.
          const height = value === 'NaN' ? NaN : value === 'Infinity' ? Infinity : value;
          parent.postMessage({ type, chart: id, height }, '*');
        },
        [RESIZE_MESSAGE_TYPE, height, chart] as const,
      );
    const failures: string[] = [];
    for (const bad of [1e9, '0x400', true, -5, 'NaN', 'Infinity', 20_001, 49, '700', null]) {
      await post(frameA, bad, first.chart);
      await page.waitForTimeout(150);
      const now = await heightOf(a);
      if (now !== before.a) failures.push(`height ${JSON.stringify(bad)} resized our iframe to ${now} px`);
    }
    await post(frameA, 321, second.chart);
    await page.waitForTimeout(150);
    if ((await heightOf(b)) !== before.b)
      failures.push(`a message from frame A resized frame B to ${await heightOf(b)} px`);
    await post(frameA, 400.2, first.chart);
    const last = await poll(
      () => heightOf(a),
      (height) => height === 401,
    );
    if (last !== 401) failures.push(`a good height (400.2) gave ${last} px, not 401: the listener is not working`);
    if (!fits(fitted)) failures.push(`our iframe did not fit its content first: ${describeState(fitted)}`);
    if (failures.length) throw new Error(failures.join('\n'));
  } finally {
    await served.close();
  }
}

async function messageFormats(ctx: BrowserTestContext) {
  const [code] = await readCodes(ctx);
  if (!code) throw new Error('no chart to embed');
  const iframe = code.iframe.replace(/\sloading="lazy"/, '');
  const body = `<script>window.seen=[];addEventListener("message",function(e){seen.push({data:e.data,origin:e.origin})})</script>${iframe}`;
  const served = await hosts(ctx.browser, () => ({ host: { '/listen.html': hostPage(body) } }), {
    viewport: { width: 600, height: 900 },
  });
  try {
    const page = await served.context.newPage();
    await page.goto(`${served.host}/listen.html`, { waitUntil: 'load' });
    const origin = new URL(ctx.baseUrl).origin;
    const seen = await poll(
      () => page.evaluate(() => (window as unknown as { seen: { data: unknown; origin: string }[] }).seen),
      (messages) => messages.length >= 3,
    );
    const from = seen.filter((message) => message.origin === origin).map((message) => message.data);
    const ours = from.find(
      (data) => typeof data === 'object' && data !== null && (data as { type?: string }).type === RESIZE_MESSAGE_TYPE,
    ) as { chart: string; height: number } | undefined;
    const amp = from.find(
      (data) => typeof data === 'object' && data !== null && (data as { sentinel?: string }).sentinel === 'amp',
    ) as { type: string; height: number } | undefined;
    const embedly = from
      .filter((data) => typeof data === 'string')
      .map((data) => JSON.parse(data as string) as { context: string; src: string; height: number })[0];
    const failures: string[] = [];
    if (ours?.chart !== code.chart || !(ours.height > 100)) failures.push(`our message: ${JSON.stringify(ours)}`);
    if (amp?.type !== 'embed-size' || amp.height !== ours?.height)
      failures.push(`AMP's message: ${JSON.stringify(amp)}`);
    if (
      embedly?.context !== 'iframe.resize' ||
      embedly.height !== ours?.height ||
      !embedly.src.includes(`/embed/${code.chart}/`)
    ) {
      failures.push(`embed.ly's message: ${JSON.stringify(embedly)}`);
    }
    if (failures.length) throw new Error(`${failures.join('\n')}\nseen: ${JSON.stringify(seen).slice(0, 600)}`);
  } finally {
    await served.close();
  }
}

function rgb(hex: string): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255})`;
}

async function optionPages({ browser, baseUrl }: BrowserTestContext) {
  const codes = await readCodes({ browser, baseUrl, outDir: '' });
  const chart = codes[0]?.chart ?? '';
  const cases = [
    { path: '', scheme: 'light', background: rgb(THEMES.light.background as string) },
    { path: '', scheme: 'dark', background: rgb(THEMES.dark.background as string) },
    { path: 'dark/', scheme: 'light', background: rgb(THEMES.dark.background as string) },
    { path: 'light/', scheme: 'dark', background: rgb(THEMES.light.background as string) },
    { path: 'dark-transparent/', scheme: 'light', background: 'rgba(0, 0, 0, 0)' },
  ] as const;
  const failures: string[] = [];
  for (const js of [true, false]) {
    for (const { path, scheme, background } of cases) {
      const context = await browser.newContext({
        viewport: { width: 400, height: 800 },
        colorScheme: scheme,
        javaScriptEnabled: js,
      });
      try {
        const page = await context.newPage();
        await page.goto(`${baseUrl}embed/${chart}/${path}`, { waitUntil: 'load' });
        const seen = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
        if (seen !== background)
          failures.push(`/embed/${chart}/${path} (${scheme}, JS ${js}): background ${seen}, expected ${background}`);
        const chartBox = await page.locator('.chart-variant--narrow svg').boundingBox();
        if (!chartBox || chartBox.height < 100)
          failures.push(`/embed/${chart}/${path} (JS ${js}): the chart does not show`);
      } finally {
        await context.close();
      }
    }
  }
  const context = await browser.newContext({ viewport: { width: 400, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}embed/${chart}/plain/`, { waitUntil: 'load' });
    const title = await page.locator('.chart-title').boundingBox();
    if (!title || title.height > 1) failures.push(`/embed/${chart}/plain/ shows its title (${JSON.stringify(title)})`);
  } finally {
    await context.close();
  }
  if (failures.length) throw new Error(failures.join('\n'));
}

async function galleryOptionsAndCopy({ browser, baseUrl }: BrowserTestContext) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl).origin });
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}embed/`, { waitUntil: 'load' });
    const box = page.locator('[data-embed-codes]').first();
    const responsive = box.locator('textarea[data-code="responsive"]');
    const iframe = box.locator('textarea[data-code="iframe"]:not([data-column])');
    const column = box.locator('textarea[data-code="iframe"][data-column="760"]');
    const image = box.locator('textarea[data-code="image"]');
    const before = await iframe.inputValue();
    const columnBefore = await column.inputValue();
    const failures: string[] = [];
    if (!/\/embed\/[^/]+\/light\/"/.test(before)) failures.push(`the default iframe code is not light: ${before}`);
    if ((await image.inputValue()).includes('-dark')) failures.push('the default image code has a dark picture');
    await box.locator('input[type="radio"][value="auto"]').check();
    if (!/\/embed\/[^/]+\/"/.test(await iframe.inputValue()))
      failures.push(`"follow the reader" iframe code: ${await iframe.inputValue()}`);
    if (!(await image.inputValue()).includes('<source media="(prefers-color-scheme: dark)"'))
      failures.push(`"follow the reader" image code: ${await image.inputValue()}`);
    await box.locator('input[type="radio"][value="dark"]').check();
    await box.locator('input[name="plain"]').check();
    const after = await iframe.inputValue();
    const darkImage = await image.inputValue();
    if (!darkImage.includes('-dark.png') || darkImage.includes('-light') || darkImage.includes('prefers-color-scheme'))
      failures.push(`the image code after choosing dark: ${darkImage}`);
    if (!/\/embed\/[^/]+\/dark-plain\/"/.test(after))
      failures.push(`iframe code after choosing dark + no title: ${after}`);
    const heightOf = (code: string) => Number(/ height="(\d+)"/.exec(code)?.[1]);
    if (!(heightOf(after) < heightOf(before)))
      failures.push(`the plain embed's height (${heightOf(after)}) should be below the default (${heightOf(before)})`);
    const columnAfter = await column.inputValue();
    if (!/\/embed\/[^/]+\/dark-plain\/"/.test(columnAfter) || !(heightOf(columnAfter) < heightOf(columnBefore)))
      failures.push(`the 760 px column code after choosing dark + no title: ${columnBefore} -> ${columnAfter}`);
    if (!(heightOf(columnBefore) < heightOf(before)))
      failures.push(
        `the 760 px column code (${heightOf(columnBefore)}) is not shorter than the any-width one (${heightOf(before)})`,
      );
    if (!(await responsive.inputValue()).includes('/dark-plain/"'))
      failures.push('the responsive code did not follow the options');
    await box.locator(`button[data-copy-for="${await responsive.getAttribute('id')}"]`).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    if (copied !== (await responsive.inputValue()))
      failures.push('Copy did not put the responsive code on the clipboard');
    const status = await box.locator('.embed-copy-status').textContent();
    if (!status?.includes('copied')) failures.push(`status after copying: "${status}"`);
    if (failures.length) throw new Error(failures.join('\n'));
  } finally {
    await context.close();
  }
}

export const tests: BrowserTest[] = [
  {
    name: 'responsive iframes take their content height at 320, 600 and 1000 px, no inner scrollbar',
    run: responsiveSizing,
  },
  { name: 'iframe-only embeds clip nothing from 320 px up', run: fixedHeightClipsNothing },
  { name: 'column-width iframe codes fit their range of columns and are as tall as they promise', run: columnCodesFit },
  { name: 'oEmbed height is the embed page height at the response width, within 2 px', run: oembedHeights },
  {
    name: 'static images show, with alt text, light in light and dark reader themes, chart text >= 12 px at 320 px',
    run: staticImages,
  },
  { name: 'a light host page in dark mode gets light embeds by default', run: lightByDefault },
  { name: 'the responsive embed sizes itself inside a sandboxed iframe', run: sandboxedHost },
  { name: 'resize messages from another origin are ignored', run: otherOriginsIgnored },
  {
    name: 'resize messages from our own frame with a bad height, or for another frame, are ignored',
    run: badHeightsFromOurFrameIgnored,
  },
  { name: 'the embed page reports its height in our, AMP and embed.ly formats', run: messageFormats },
  { name: 'embed option pages show the right theme, with and without JavaScript', run: optionPages },
  { name: 'the gallery options rewrite the codes and Copy copies', run: galleryOptionsAndCopy },
];
