/**
 * Everything a host needs to show one of our charts on its own page: the embed page's address and
 * options, its fixed height, the three HTML codes (responsive, iframe only, static image), the host
 * snippet that resizes responsive iframes, and the oEmbed response.
 *
 * Options are prebuilt pages, not query parameters: /embed/<id>/ follows the reader's colour scheme,
 * and /embed/<id>/<options>/ sets any of `light` or `dark`, `plain`, `transparent`, joined by hyphens
 * in that order (/embed/<id>/dark-plain/). Each is a static HTML page with its theme in the markup,
 * so it shows the right colours from the first paint, with JavaScript off and under our CSP.
 */
import {
  LICENCE_NAME,
  chartFacts,
  escapeXml,
  exportSvg,
  svgSize,
  type ExportLayout,
  type ExportOptions,
} from '../charts/export.ts';
import { creditedClaimants, UNVERIFIED_NOTE } from '../charts/credits.ts';
import { renderVariants } from '../charts/render.ts';
import { wrapText } from '../charts/text-metrics.ts';
import type { AnyChart, ChartData } from '../charts/types.ts';
import { listInWords } from '../lib/format.ts';
import { jsonForHtml } from '../lib/json-for-html.ts';
import { MAX_RESIZE_HEIGHT, MESSAGE_NAMESPACE, MIN_RESIZE_HEIGHT, RESIZE_MESSAGE_TYPE } from './embed-protocol.ts';
import { hostSafeAttribute } from './host-safe.ts';
import { absoluteUrl, withBase } from './paths.ts';

/** The name hosts credit (oEmbed provider_name, "Chart: …" lines). */
export const SITE_NAME = 'Leaving the Tatmadaw';

// -------------------------------------------------------------------------------------------------
// Options and addresses
// -------------------------------------------------------------------------------------------------

export const EMBED_THEMES = ['auto', 'light', 'dark'] as const;
export type EmbedTheme = (typeof EMBED_THEMES)[number];

export interface EmbedOptions {
  /** `auto` follows the reader's prefers-color-scheme. */
  theme: EmbedTheme;
  /** No visible title or subtitle, for hosts that write their own headline (both stay for screen readers). */
  plain: boolean;
  /** No page background: the host's shows through. */
  transparent: boolean;
}

export const DEFAULT_EMBED_OPTIONS: EmbedOptions = { theme: 'auto', plain: false, transparent: false };

/**
 * The options the embed codes use unless the journalist picks others: light, as most host pages
 * are. A page that follows the reader's setting drew a dark slab inside a white article for every
 * reader in dark mode; "follow the reader's setting" (theme `auto`) is an explicit choice.
 */
export const DEFAULT_CODE_OPTIONS: EmbedOptions = { theme: 'light', plain: false, transparent: false };

/** Every combination, default first: each is one prebuilt page per chart. */
export const EMBED_OPTION_SETS: readonly EmbedOptions[] = EMBED_THEMES.flatMap((theme) =>
  [false, true].flatMap((plain) => [false, true].map((transparent) => ({ theme, plain, transparent }))),
);

/** "" for the default page, else "dark", "plain", "light-plain-transparent"... */
export function variantSlug(options: EmbedOptions): string {
  return [
    options.theme === 'auto' ? null : options.theme,
    options.plain ? 'plain' : null,
    options.transparent ? 'transparent' : null,
  ]
    .filter(Boolean)
    .join('-');
}

export function optionsFromSlug(slug: string): EmbedOptions {
  const options = EMBED_OPTION_SETS.find((candidate) => variantSlug(candidate) === slug);
  if (!options)
    throw new Error(
      `Unknown embed options "${slug}": use light or dark, plain, transparent, joined by hyphens in that order`,
    );
  return options;
}

/** Site path of a chart's embed page: /embed/<id>/ or /embed/<id>/<options>/. */
export function embedPath(chartId: string, options: EmbedOptions = DEFAULT_EMBED_OPTIONS): string {
  const slug = variantSlug(options);
  return slug ? `/embed/${chartId}/${slug}/` : `/embed/${chartId}/`;
}

/**
 * Site path of a chart's oEmbed response: /oembed/<id>.json for a host that names no maxwidth (the
 * chart at the embed page's full width, 800 px), /oembed/<id>/<width>.json for each of
 * OEMBED_WIDTHS. Static files cannot read ?maxwidth=; README ("oEmbed on a static host") shows the
 * rewrite rule that routes a request to the widest prebuilt response that fits.
 */
export function oembedPath(chartId: string, width?: number): string {
  return width === undefined ? `/oembed/${chartId}.json` : `/oembed/${chartId}/${width}.json`;
}

/** The maxwidth values with a prebuilt oEmbed response: phone, article column, wide column, full width. */
export const OEMBED_WIDTHS = [320, 600, 760, 1000] as const;

/**
 * How long a consumer may cache an oEmbed response, in seconds: README's advice for every file
 * outside /_astro/ (max-age=300), so a data correction reaches embeds as quickly as pages.
 */
export const OEMBED_CACHE_AGE = 300;

/** Where the chart sits in the explainer. */
export function explainerChartPath(chartId: string): string {
  return `/#chart-${chartId}`;
}

export function ogImagePath(chartId: string): string {
  return `/og/chart-${chartId}.png`;
}

export const IMAGE_THEMES = ['light', 'dark'] as const;
export type ImageTheme = (typeof IMAGE_THEMES)[number];

/**
 * The download files of one chart, by site path. Images come in the chart's wide (640 px) layout
 * and its narrow (320 px) one, for phones: `-narrow` in the name.
 */
export function downloadPaths(chartId: string) {
  const narrow = (layout: ExportLayout) => (layout === 'narrow' ? '-narrow' : '');
  return {
    svg: `/charts/${chartId}.svg`,
    svgDark: `/charts/${chartId}-dark.svg`,
    /** The SVG in either theme and layout (svg and svgDark are the wide ones). */
    svgOf: (theme: ImageTheme, layout: ExportLayout) =>
      `/charts/${chartId}${narrow(layout)}${theme === 'dark' ? '-dark' : ''}.svg`,
    png: `/charts/${chartId}.png`,
    csv: `/charts/${chartId}.csv`,
    image: (theme: ImageTheme, scale: 1 | 2, layout: ExportLayout = 'wide') =>
      `/charts/${chartId}-${theme}${narrow(layout)}${scale === 2 ? '@2x' : ''}.png`,
  };
}

/**
 * Where images switch to the narrow layout: viewports up to 640 px. The wide image (672 px) keeps
 * its 14 px chart text at 12 px or more down to a 576 px column; below that, the narrow one (336 px)
 * does down to a 288 px column. A media query sees the viewport, not the column, so this is the
 * phone breakpoint, not a column width.
 */
export const NARROW_IMAGE_MEDIA = '(max-width: 640px)';

// -------------------------------------------------------------------------------------------------
// The credit lines under an embedded chart
// -------------------------------------------------------------------------------------------------

export interface EmbedNote {
  text: string;
  href?: string;
}

/**
 * The line under the chart in an embed, after the credit line Chart.astro prints. Links are
 * site-relative (`link`, withBase by default): the embed page is on our origin whatever frames it.
 */
export function embedMetaLine(
  chart: AnyChart,
  data: ChartData,
  link: (path: string) => string = withBase,
): EmbedNote[] {
  const facts = chartFacts(chart, data);
  return [
    { text: 'Chart: ' },
    { text: SITE_NAME, href: link(explainerChartPath(chart.id)) },
    { text: ` · Data as of ${facts.dataAsOfText} · ` },
    { text: LICENCE_NAME, href: 'https://creativecommons.org/licenses/by/4.0/' },
    { text: ' · ' },
    { text: 'Get the data', href: link(downloadPaths(chart.id).csv) },
  ];
}

// -------------------------------------------------------------------------------------------------
// The fixed height: measured at build time from the layout of src/styles/embed.css
// -------------------------------------------------------------------------------------------------

/**
 * The embed page's layout in CSS pixels. src/styles/embed.css sets exactly these values; a change
 * there must be made here too (tests/browser/embeds.spec.ts fails if the two disagree).
 */
export const EMBED_LAYOUT = {
  maxWidth: 800,
  paddingX: 12,
  paddingTop: 12,
  paddingBottom: 12,
  title: { size: 20, line: 26, after: 4 },
  subtitle: { size: 15, line: 21, after: 8 },
  notes: { size: 13, line: 18, before: 8, after: 4 },
  /** The closed "Describe this chart" disclosure under the notes: one line of body text (15/21). */
  describe: { line: 21 },
  /**
   * Below this container width the narrow variant shows (as in chart-core.css), at most this wide:
   * 400 px rather than chart-core.css's 480, because the iframe-only code must be as tall as the page
   * ever gets, and a narrow layout scaled up 1.5 times is the tallest it gets.
   */
  narrowBelow: 560,
  narrowMaxWidth: 400,
  /** Rounding of each box to whole pixels, line-height quirks of fallback fonts. */
  slack: 8,
} as const;

/** The narrowest host column we promise to fit without clipping. */
export const MIN_EMBED_WIDTH = 320;

interface LayoutInput {
  title: string;
  subtitle: string;
  notes: string[];
  narrow: { width: number; height: number };
  wide: { width: number; height: number };
}

/**
 * A cache of values computed from one dataset, by key: every page of the build asks for the same
 * few layouts and sizes, and each costs a render. A new dataset (a test's fixture) starts afresh.
 */
function perDataCache<T>(): (data: ChartData, key: string, compute: () => T) => T {
  const cache = new WeakMap<ChartData, Map<string, T>>();
  return (data, key, compute) => {
    let perData = cache.get(data);
    if (!perData) cache.set(data, (perData = new Map()));
    let value = perData.get(key);
    if (value === undefined) perData.set(key, (value = compute()));
    return value;
  };
}

const cachedLayoutInput = perDataCache<LayoutInput>();

function layoutInput(chart: AnyChart, data: ChartData): LayoutInput {
  return cachedLayoutInput(data, chart.id, () => {
    const variants = renderVariants(chart, data);
    const facts = chartFacts(chart, data);
    return {
      title: chart.title,
      subtitle: chart.subtitle,
      // The two paragraphs under the chart: Chart.astro's credit line with the note, then embedMetaLine.
      notes: [
        `${facts.creditText} ${UNVERIFIED_NOTE}`,
        embedMetaLine(chart, data, (path) => path)
          .map((part) => part.text)
          .join(''),
      ],
      narrow: svgSize(variants.narrow),
      wide: svgSize(variants.wide),
    };
  });
}

/**
 * Our text metrics sum advance widths and ignore kerning, which only narrows a line: measured in
 * Chromium, a line our metrics put 0.17% over the column still fits, one 0.44% over wraps.
 */
export const EXACT_WRAP = 1.0025;

/**
 * Fixed heights wrap text at this share of the column, so that a reader's system font up to 4%
 * wider than DejaVu Sans (FONT_STACK starts with system-ui) still fits without clipping.
 */
export const FONT_WIDTH_MARGIN = 0.96;

/**
 * The embed page's content height at one iframe width, from the layout above. By default with a
 * margin (text wrapped a little short of the column, so that a font a little wider than DejaVu Sans
 * still fits, and `slack`), for fixed heights that must never clip; `exact` is the height with
 * DejaVu Sans as measured, for oEmbed's `height`, which states the size rather than bounds it.
 */
export function embedHeightAt(
  chart: AnyChart,
  data: ChartData,
  options: EmbedOptions,
  iframeWidth: number,
  exact = false,
): number {
  const layout = EMBED_LAYOUT;
  const input = layoutInput(chart, data);
  const column = Math.min(iframeWidth, layout.maxWidth) - 2 * layout.paddingX;
  const lines = (text: string, size: number, weight: 'regular' | 'bold' = 'regular') =>
    wrapText(text, column * (exact ? EXACT_WRAP : FONT_WIDTH_MARGIN), size, weight).length;
  let height = layout.paddingTop + layout.paddingBottom;
  if (!options.plain) {
    height += lines(input.title, layout.title.size, 'bold') * layout.title.line + layout.title.after;
    height += lines(input.subtitle, layout.subtitle.size) * layout.subtitle.line + layout.subtitle.after;
  }
  const shown = column < layout.narrowBelow ? input.narrow : input.wide;
  const shownWidth = column < layout.narrowBelow ? Math.min(column, layout.narrowMaxWidth) : column;
  height += Math.ceil((shownWidth * shown.height) / shown.width);
  height += layout.notes.before;
  for (const note of input.notes) height += lines(note, layout.notes.size) * layout.notes.line + layout.notes.after;
  height += layout.describe.line;
  return exact ? height : height + layout.slack;
}

/**
 * The height an iframe needs so that nothing is clipped at any width from 320 px up: the tallest
 * the page gets over every whole-pixel width up to where it stops growing (maxWidth, plus margin).
 */
export function fixedEmbedHeight(
  chart: AnyChart,
  data: ChartData,
  options: EmbedOptions = DEFAULT_EMBED_OPTIONS,
): number {
  // Hundreds of widths, each wrapping the credit line (which names every outlet): worked out once
  // per chart and dataset, not on each of the pages that show the codes (2x the whole x1 build).
  return cachedHeight(data, `${chart.id} ${heightKey(options)} fixed`, () => {
    let tallest = 0;
    for (let width = MIN_EMBED_WIDTH; width <= EMBED_LAYOUT.maxWidth + 100; width++) {
      tallest = Math.max(tallest, embedHeightAt(chart, data, options, width));
    }
    return tallest;
  });
}

const cachedHeight = perDataCache<number>();

/** What of the options decides the embed page's height (embedHeightAt): only whether it is plain. */
const heightKey = (options: EmbedOptions): string => (options.plain ? 'plain' : 'framed');

/**
 * Column widths a journalist can pick a fixed-height iframe for: a phone-wide column, a common
 * article column and a wide one. The universal fixed height must fit every width from 320 px up, so
 * in a wide column it leaves the space the narrow layout needs blank below the chart (745 px for
 * the timeline at 1000 px); a code for one width is exactly as tall as the page at that width.
 */
export const EMBED_COLUMN_WIDTHS = [320, 600, 760] as const;

/**
 * The iframe widths a column code for `width` px must fit: from where the page's layout switches
 * (a 584 px iframe: a 560 px column inside the page's padding) up to `width`, or from 320 px for a
 * column narrower than that. Within a layout the page mostly grows with the width (the chart scales
 * up), but text wraps a line sooner in a narrower column, so the tallest width can be any of these.
 */
export function columnWidthRange(width: number): { from: number; to: number } {
  const wideFrom = EMBED_LAYOUT.narrowBelow + 2 * EMBED_LAYOUT.paddingX;
  return { from: width >= wideFrom ? wideFrom : MIN_EMBED_WIDTH, to: width };
}

/**
 * The height of the iframe for a column of `width` px: the tallest the page gets (with the font
 * margin and slack of embedHeightAt) over columnWidthRange(width), so that no narrower column of
 * the same layout clips. That is why a code can leave more than `slack` blank at its own width: a
 * note that wraps one line sooner at 592 px (with the font margin) adds that line to the 600 px
 * code. In a column narrower still (the same article on a phone) the frame keeps its scrollbar;
 * the iframe-only code (fixedEmbedHeight) is the one that never clips anywhere from 320 px up.
 */
export function columnEmbedHeight(chart: AnyChart, data: ChartData, options: EmbedOptions, width: number): number {
  return cachedHeight(data, `${chart.id} ${heightKey(options)} column ${width}`, () => {
    const { from, to } = columnWidthRange(width);
    let tallest = 0;
    for (let narrower = from; narrower <= to; narrower++) {
      tallest = Math.max(tallest, embedHeightAt(chart, data, options, narrower));
    }
    return tallest;
  });
}

// -------------------------------------------------------------------------------------------------
// The host snippet
// -------------------------------------------------------------------------------------------------

/**
 * The script a host pastes after a responsive iframe (written small by hand; tests check it stays
 * under 0.5 KB gzipped). It listens for our resize message and sets the height of the one iframe
 * whose window sent it (event.source is that iframe's contentWindow), and only when the message
 * comes from our origin. The height must be a number between MIN_RESIZE_HEIGHT and
 * MAX_RESIZE_HEIGHT; it is rounded up to a whole pixel. This is acceptedResizeHeight
 * (embed-protocol.ts) written out by hand, and the unit tests run both on the same messages.
 *
 * One exception: a host page in a sandboxed iframe without allow-same-origin (some CMS previews)
 * passes its sandbox on to our iframe, whose messages then come from the opaque origin "null". The
 * snippet accepts that only when the host page is itself sandboxed ("null"), and only from an
 * iframe whose src is on our origin. That is as far as the platform lets a page check: an opaque
 * origin names nobody, and the host cannot read a cross-origin frame's location, so it cannot tell
 * whether that iframe has since navigated elsewhere. The residual risk: in such a sandboxed host, a
 * page the iframe navigated to could size that one iframe, within the accepted range, and nothing
 * else (README, "Sizing itself").
 *
 * Pasting it twice is harmless: the second copy sees the first and does nothing.
 */
export function hostSnippet(origin: string): string {
  const o = jsonForHtml(origin);
  const n = jsonForHtml(MESSAGE_NAMESPACE);
  return (
    `(function(w,o,n){if(w[n]===1)return;w[n]=1;w.addEventListener("message",function(e){` +
    `var d=e.data,f=document.getElementsByTagName("iframe"),i=0,h;` +
    `if(!d||d.type!==${jsonForHtml(RESIZE_MESSAGE_TYPE)}||typeof(h=d.height)!="number"||!(h>=${MIN_RESIZE_HEIGHT}&&h<=${MAX_RESIZE_HEIGHT}))return;` +
    `for(;i<f.length;i++)if(f[i].contentWindow===e.source&&(e.origin===o||e.origin=="null"&&w.origin=="null"&&f[i].src.indexOf(o+"/")==0))` +
    `f[i].style.height=Math.ceil(h)+"px"})})(window,${o},${n});`
  );
}

// -------------------------------------------------------------------------------------------------
// Embed codes and oEmbed
// -------------------------------------------------------------------------------------------------

export interface EmbedCodes {
  embedUrl: string;
  /** Fixed height of the iframe-only code, also the starting height of the responsive one. */
  height: number;
  responsive: string;
  iframe: string;
  /** The iframe-only code for one column width each (EMBED_COLUMN_WIDTHS), no gap below the chart. */
  columns: { width: number; height: number; iframe: string }[];
  /** The static image with its alt text, and the credit line as a paragraph of its own. */
  image: string;
  /** One line of plain text with the credit and the address: survives any editor. */
  text: string;
  oembedUrl: string;
}

/** The data attribute that marks our iframes in a host page (tests and hosts can find them by it). */
export const IFRAME_MARKER = `data-${MESSAGE_NAMESPACE}-chart`;

/** The iframe of every embed code, a chart's or a claim card's; `marker` names it in the host page. */
export function embedIframe(url: string, title: string, marker: string, height: number, responsive: boolean): string {
  const attributes = [
    `src="${escapeXml(url)}"`,
    `title="${hostSafeAttribute(title)}"`,
    `${IFRAME_MARKER}="${escapeXml(marker)}"`,
    'loading="lazy"',
    // The responsive iframe is always as tall as its page, so it never needs a scrollbar; the
    // fixed one keeps the browser's, so that in the worst case it scrolls rather than clips.
    ...(responsive ? ['scrolling="no"'] : []),
    'width="100%"',
    `height="${height}"`,
    'frameborder="0"',
    'style="width:100%;min-width:100%;border:0"',
  ];
  return `<iframe ${attributes.join(' ')}></iframe>`;
}

function iframeCode(chart: AnyChart, url: string, height: number, responsive: boolean): string {
  return embedIframe(url, chart.title, chart.id, height, responsive);
}

export function embedCodes(
  chart: AnyChart,
  data: ChartData,
  site: URL | undefined,
  options: EmbedOptions = DEFAULT_CODE_OPTIONS,
): EmbedCodes {
  const embedUrl = absoluteUrl(embedPath(chart.id, options), site);
  const height = fixedEmbedHeight(chart, data, options);
  const origin = new URL(absoluteUrl('/', site)).origin;
  return {
    embedUrl,
    height,
    responsive: `${iframeCode(chart, embedUrl, height, true)}<script>${hostSnippet(origin)}</script>`,
    iframe: iframeCode(chart, embedUrl, height, false),
    columns: EMBED_COLUMN_WIDTHS.map((width) => {
      const columnHeight = columnEmbedHeight(chart, data, options, width);
      return { width, height: columnHeight, iframe: iframeCode(chart, embedUrl, columnHeight, false) };
    }),
    image: imageCode(chart, data, site, options.theme),
    text: textCode(chart, data, site),
    oembedUrl: absoluteUrl(oembedPath(chart.id), site),
  };
}

/**
 * "Chart: <title>. Source: <claimants>, via <outlets>. Unverified claims." The credit that every
 * code carries as text, so that it stays when a sanitiser drops the image or the frame.
 */
export function creditSentence(chart: AnyChart, data: ChartData): string {
  const { credits } = chartFacts(chart, data);
  const { named, others } = creditedClaimants(credits);
  const claimants = listInWords(others ? [...named, others] : named);
  const outlets = listInWords(credits.sources.map((source) => source.outlet));
  // A title that ends in its own punctuation ("Do the 2021 numbers add up?") takes no full stop.
  const title = /[.?!]$/.test(chart.title) ? chart.title : `${chart.title}.`;
  return `Chart: ${title} Source: ${claimants}, via ${outlets}. Unverified claims.`;
}

/**
 * The static image code. The <img> stands on its own, not inside the link: sanitize-html (and the
 * CMSs built on it) drop images by default, and an image inside a link left an empty, invisible
 * link behind. The credit is a paragraph of text with a visible link, so it survives whatever
 * happens to the image. style="" is dropped by most sanitisers; width and height then still keep
 * the proportions, and hosts' own img { max-width: 100% } rules fit it to the column. On phones a
 * <picture> source swaps in the chart's narrow layout, whose text stays readable in a 320 px page
 * where the wide image's would shrink to 6 px; sanitisers that drop <picture> leave the wide <img>.
 */
export function imageCode(chart: AnyChart, data: ChartData, site: URL | undefined, theme: EmbedTheme): string {
  const facts = chartFacts(chart, data);
  const size = exportSize(chart, data, site);
  const fixed: ImageTheme = theme === 'dark' ? 'dark' : 'light';
  const img =
    `<img src="${escapeXml(absoluteUrl(downloadPaths(chart.id).image(fixed, 1), site))}" srcset="${imageSrcset(chart.id, fixed, 'wide', site)}" ` +
    `width="${size.width}" height="${size.height}" alt="${hostSafeAttribute(facts.altText)}" style="max-width:100%;height:auto">`;
  const link = absoluteUrl(explainerChartPath(chart.id), site);
  return (
    `<p><picture>${pictureSources(chart, data, site, theme).join('')}${img}</picture></p>\n` +
    `<p>${escapeXml(creditSentence(chart, data))} <a href="${escapeXml(link)}">Live chart and data: ${escapeXml(SITE_NAME)}</a></p>`
  );
}

/** "<1x url>, <2x url> 2x" for one theme and layout of a chart's PNG, escaped for an attribute. */
function imageSrcset(chartId: string, theme: ImageTheme, layout: ExportLayout, site: URL | undefined): string {
  const files = downloadPaths(chartId);
  return escapeXml(
    `${absoluteUrl(files.image(theme, 1, layout), site)}, ${absoluteUrl(files.image(theme, 2, layout), site)} 2x`,
  );
}

/**
 * The <source> elements of the image code's <picture>: the narrow PNG on phones, with its own width
 * and height so the browser keeps its proportions; and, only for "follow the reader's setting", the
 * dark PNGs for readers in dark mode (a chosen theme is that theme's PNGs alone). The first source
 * whose media matches wins, so the dark phone one comes first. A sanitiser that drops <picture> and
 * <source> leaves the <img>, the wide light (or dark) PNG.
 */
function pictureSources(chart: AnyChart, data: ChartData, site: URL | undefined, theme: EmbedTheme): string[] {
  const narrow = exportSize(chart, data, site, 'narrow');
  const fixed: ImageTheme = theme === 'dark' ? 'dark' : 'light';
  const source = (media: string, shown: ImageTheme, layout: ExportLayout) =>
    `<source media="${media}" srcset="${imageSrcset(chart.id, shown, layout, site)}"` +
    (layout === 'narrow' ? ` width="${narrow.width}" height="${narrow.height}">` : '>');
  const dark = '(prefers-color-scheme: dark)';
  return theme === 'auto'
    ? [
        source(`${dark} and ${NARROW_IMAGE_MEDIA}`, 'dark', 'narrow'),
        source(dark, 'dark', 'wide'),
        source(NARROW_IMAGE_MEDIA, 'light', 'narrow'),
      ]
    : [source(NARROW_IMAGE_MEDIA, fixed, 'narrow')];
}

/** The plain-text code: the credit sentence and the address, for editors that keep no HTML at all. */
function textCode(chart: AnyChart, data: ChartData, site: URL | undefined): string {
  return plainTextCode(`${creditSentence(chart, data)} ${absoluteUrl(explainerChartPath(chart.id), site)}`);
}

/**
 * The "plain text" code is for text boxes, but a journalist may paste it into an HTML box: angle
 * brackets from the data (an outlet's name) are dropped so it can never become markup there.
 */
export function plainTextCode(text: string): string {
  return text.replace(/[<>]/g, '');
}

/** The options the downloads are drawn with (src/pages/charts/[file].ts): the image names the explainer's address. */
export function exportOptions(theme: ImageTheme, site: URL | undefined, layout: ExportLayout = 'wide'): ExportOptions {
  return { theme, explainerUrl: absoluteUrl('/', site), siteName: SITE_NAME, layout };
}

const cachedExportSize = perDataCache<{ width: number; height: number }>();

/**
 * Size of the 1x PNG and the SVG download (the 2x PNG is twice each). Light and dark share a
 * layout; the site's address is printed in the image, so its length can add a line.
 */
export function exportSize(
  chart: AnyChart,
  data: ChartData,
  site: URL | undefined,
  layout: ExportLayout = 'wide',
): { width: number; height: number } {
  return cachedExportSize(data, `${chart.id} ${layout} ${absoluteUrl('/', site)}`, () => {
    const { width, height } = exportSvg(chart, data, exportOptions('light', site, layout));
    return { width, height };
  });
}

/**
 * The oEmbed 1.0 response (type "rich") for one chart: https://oembed.com/#section2.3. `width` is the
 * consumer's maxwidth (one of OEMBED_WIDTHS) or, with none, the embed page's full width; `height` is
 * the page's height at that width, and the responsive code's iframe starts at it (its script then
 * follows the page as the column changes).
 */
export function oembedResponse(chart: AnyChart, data: ChartData, site: URL | undefined, maxwidth?: number) {
  const width = maxwidth ?? EMBED_LAYOUT.maxWidth;
  const height = embedHeightAt(chart, data, DEFAULT_CODE_OPTIONS, width, true);
  const embedUrl = absoluteUrl(embedPath(chart.id, DEFAULT_CODE_OPTIONS), site);
  const origin = new URL(absoluteUrl('/', site)).origin;
  const facts = chartFacts(chart, data);
  const thumbnail = exportSize(chart, data, site);
  return {
    version: '1.0',
    type: 'rich',
    title: chart.title,
    width,
    height,
    html: `${iframeCode(chart, embedUrl, height, true)}<script>${hostSnippet(origin)}</script>`,
    provider_name: SITE_NAME,
    provider_url: absoluteUrl('/', site),
    cache_age: OEMBED_CACHE_AGE,
    thumbnail_url: absoluteUrl(downloadPaths(chart.id).image('light', 1), site),
    thumbnail_width: thumbnail.width,
    thumbnail_height: thumbnail.height,
    // Not in the oEmbed spec, which allows extra fields: the alt text and credit for hosts that show them.
    description: facts.altText,
    license: LICENCE_NAME.replace(/\u00a0/g, ' '),
    license_url: 'https://creativecommons.org/licenses/by/4.0/',
  };
}
