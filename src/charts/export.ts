/**
 * Charts as files that travel without our pages: a standalone SVG and PNGs (light and dark, 1x and
 * 2x). Whatever a reader sees of the page frame travels inside the image: title, subtitle, the
 * source and credit line, the "unverified claims" note, the date the data runs to and the licence,
 * so that a screenshot or a pasted PNG still says whose numbers these are.
 *
 * The SVG is the chart's wide variant (render.ts) nested in a frame drawn here, with the theme's
 * colours written in (palette.ts resolveThemeColors) because a file has no /theme.css. PNGs are
 * that SVG rasterised by resvg with DejaVu Sans, the font text-metrics.ts measures with (and Noto
 * Sans Myanmar for Burmese text).
 */
import { crc32 } from 'node:zlib';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { composeAltText } from '../lib/alt-text.ts';
import { formatPartialDate, latestDay } from '../lib/dates.ts';
import { chartCredits, creditLine, UNVERIFIED_NOTE, type ChartCredits } from './credits.ts';
import { mustGet } from './data.ts';
import { resolveThemeColors, THEMES, type Theme } from './palette.ts';
import { renderChart, VARIANT_WIDTHS } from './render.ts';
import { cachedPng, cachedPngAsync } from './png-cache.ts';
import { rasterise } from './png-workers.ts';
import { escapeXml } from './svg-xml.ts';
import { woffToSfnt } from './woff.ts';
import { linkClaimsToList } from '../site/claims-pages.ts';
import { wrapText } from './text-metrics.ts';
import type { AnyChart, ChartData } from './types.ts';

/** With no-break spaces, so that it never wraps as "CC BY" / "4.0". */
export const LICENCE_NAME = 'CC\u00a0BY\u00a04.0';
export const LICENCE_URL = 'https://creativecommons.org/licenses/by/4.0/';

/** What every copy of a chart says about itself, wherever it goes. */
export interface ChartFacts {
  credits: ChartCredits;
  /** "Sources: … Figures claimed by …." */
  creditText: string;
  /** The latest date a drawn claim was made, as a partial date, and in words ("December 2023"). */
  dataAsOf: string;
  dataAsOfText: string;
  /** Alt text written from the data, naming outlets and claimants and saying the figures are unverified. */
  altText: string;
}

const factsByData = new WeakMap<ChartData, WeakMap<AnyChart, ChartFacts>>();

/**
 * What a chart says about itself, worked out once per chart and dataset: every download, embed page,
 * share card and gallery entry asks for it (exportPng twice), and at 100x the data the timeline's
 * took 80 s on a loaded machine, so it was most of the x100 build.
 */
export function chartFacts(chart: AnyChart, data: ChartData): ChartFacts {
  let perData = factsByData.get(data);
  if (!perData) factsByData.set(data, (perData = new WeakMap()));
  let facts = perData.get(chart);
  if (!facts) perData.set(chart, (facts = computeChartFacts(chart, data)));
  return facts;
}

function computeChartFacts(chart: AnyChart, data: ChartData): ChartFacts {
  const credits = chartCredits(chart, data);
  const claims = credits.claimIds.map((id) => mustGet(data.claimById, id, 'claim'));
  const latest = claims.reduce<string | null>(
    (best, claim) => (best === null || latestDay(claim.claimed_on) > latestDay(best) ? claim.claimed_on : best),
    null,
  );
  const dataAsOf =
    latest ??
    data.claims
      .map((claim) => claim.claimed_on)
      .sort()
      .at(-1) ??
    '';
  return {
    credits,
    creditText: creditLine(credits),
    dataAsOf,
    dataAsOfText: dataAsOf ? formatPartialDate(dataAsOf, 'long') : 'unknown',
    altText: composeAltText({
      title: chart.title,
      description: (chart.summarise ?? chart.describe)(data),
      // Said when the alt text has to leave sentences out: the page has them, and every claim.
      rest: `Shortened to fit: the chart's page has the full description and a table of ${claims.length === 1 ? 'the one claim' : `all ${claims.length} claims`} it draws on.`,
      outlets: credits.sources.map((source) => source.outlet),
      claimants: credits.claimants.map((claimant) => claimant.name),
    }),
  };
}

// One escape for every SVG and HTML string (svg-xml.ts); re-exported for the modules that import it here.
export { escapeXml };

/**
 * The frame around the chart, in CSS pixels of the 1x image, per layout. The wide image is the
 * chart's 640 px layout; the narrow one its 320 px layout with a thinner frame, 336 px in all, so
 * that shown in a 288 px phone column its 14 px chart text is still 12 px (288 / 336 × 14), and its
 * notes, drawn at 14 px for the same reason, too.
 */
export const EXPORT_FRAMES = {
  wide: {
    padding: 16,
    title: { size: 20, line: 26, after: 4 },
    subtitle: { size: 15, line: 21, after: 10 },
    notes: { size: 12, line: 17, before: 8 },
    bottom: 14,
  },
  narrow: {
    padding: 8,
    title: { size: 20, line: 26, after: 4 },
    subtitle: { size: 15, line: 21, after: 10 },
    notes: { size: 14, line: 19, before: 8 },
    bottom: 10,
  },
} as const;

export type ExportLayout = keyof typeof EXPORT_FRAMES;

export interface ExportOptions {
  theme: Theme;
  /** Absolute URL of the explainer: chart marks link to its claims table, and the image names it. */
  explainerUrl: string;
  /** The name the image credits: "Chart: <siteName>". */
  siteName: string;
  /** The chart's wide (640 px) layout unless told otherwise; the narrow one is for phones. */
  layout?: ExportLayout;
}

/**
 * The fonts a downloaded SVG names, for design tools (Illustrator, Inkscape, Figma), which resolve
 * `font-family` against the fonts installed on the designer's machine and know nothing of
 * `system-ui`. Verdana comes with Windows and macOS and has nearly the widths of DejaVu Sans (both
 * descend from the same humanist design, Bitstream Vera), the font we measure every label with, so
 * labels keep their room; DejaVu Sans next (Linux, and what resvg draws the PNGs with), then the
 * everywhere fonts; then Burmese fonts (Noto Sans Myanmar, and the ones Windows and macOS ship)
 * for the glyphs the others lack. Text stays text, editable and searchable: no outlined copy.
 */
export const EXPORT_FONT_FAMILY =
  "Verdana, 'DejaVu Sans', 'Bitstream Vera Sans', Arial, Helvetica, 'Noto Sans Myanmar', 'Myanmar Text', 'Myanmar Sangam MN', sans-serif";

export interface ExportedSvg {
  svg: string;
  width: number;
  height: number;
}

/** Reads the size Plot or D3 gave the root <svg>. */
export function svgSize(markup: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(markup)?.[0] ?? '';
  const attribute = (name: string) => Number(new RegExp(`\\s${name}="([\\d.]+)"`).exec(root)?.[1]);
  let width = attribute('width');
  let height = attribute('height');
  const viewBox = /\sviewBox="([^"]+)"/
    .exec(root)?.[1]
    ?.split(/[\s,]+/)
    .map(Number);
  if (!(width > 0) && viewBox) width = viewBox[2] ?? NaN;
  if (!(height > 0) && viewBox) height = viewBox[3] ?? NaN;
  if (!(width > 0) || !(height > 0))
    throw new Error('A chart must give its root <svg> a width and height (or a viewBox)');
  return { width, height };
}

function textLines(lines: string[], x: number, firstBaseline: number, lineHeight: number, attributes: string): string {
  return lines
    .map(
      (line, index) =>
        `<text x="${x}" y="${firstBaseline + index * lineHeight}" ${attributes}>${escapeXml(line)}</text>`,
    )
    .join('');
}

/** The chart as one self-contained SVG file in one theme, frame and credits included. */
export function exportSvg(chart: AnyChart, data: ChartData, options: ExportOptions): ExportedSvg {
  const facts = chartFacts(chart, data);
  const colors = THEMES[options.theme];
  const layout = options.layout ?? 'wide';
  const FRAME = EXPORT_FRAMES[layout];
  const chartMarkup = renderChart(chart, data, VARIANT_WIDTHS[layout]);
  const chartSize = svgSize(chartMarkup);
  const width = Math.ceil(chartSize.width) + 2 * FRAME.padding;
  const textWidth = width - 2 * FRAME.padding;
  const font = `font-family="${escapeXml(EXPORT_FONT_FAMILY)}"`;

  const titleLines = wrapText(chart.title, textWidth, FRAME.title.size, 'bold');
  const subtitleLines = wrapText(chart.subtitle, textWidth, FRAME.subtitle.size);
  const noteLines = [
    facts.creditText,
    UNVERIFIED_NOTE,
    `Chart: ${options.siteName}, ${options.explainerUrl} · Data as of ${facts.dataAsOfText} · ${LICENCE_NAME}`,
  ].flatMap((paragraph) => wrapText(paragraph, textWidth, FRAME.notes.size));

  let y = FRAME.padding;
  // Baselines sit about 0.8 of the font size below the top of a line box, as in a browser.
  const baseline = (size: number, line: number) => y + (line - size) / 2 + size * 0.8;
  const title = textLines(
    titleLines,
    FRAME.padding,
    baseline(FRAME.title.size, FRAME.title.line),
    FRAME.title.line,
    `font-size="${FRAME.title.size}" font-weight="700" fill="${colors.text}"`,
  );
  y += titleLines.length * FRAME.title.line + FRAME.title.after;
  const subtitle = textLines(
    subtitleLines,
    FRAME.padding,
    baseline(FRAME.subtitle.size, FRAME.subtitle.line),
    FRAME.subtitle.line,
    `font-size="${FRAME.subtitle.size}" fill="${colors.muted}"`,
  );
  y += subtitleLines.length * FRAME.subtitle.line + FRAME.subtitle.after;
  const chartY = y;
  y += Math.ceil(chartSize.height) + FRAME.notes.before;
  const notes = textLines(
    noteLines,
    FRAME.padding,
    baseline(FRAME.notes.size, FRAME.notes.line),
    FRAME.notes.line,
    `font-size="${FRAME.notes.size}" fill="${colors.muted}"`,
  );
  y += noteLines.length * FRAME.notes.line + FRAME.bottom;
  const height = Math.ceil(y);

  // The nested chart keeps its own coordinates; it only moves in by the padding and down under the title.
  // Like on our pages (chart.css), it may draw past its box: axis labels at the edges do.
  const nested = resolveThemeColors(chartMarkup, options.theme)
    .replace(/^<svg\b/, `<svg x="${FRAME.padding}" y="${chartY}" overflow="visible"`)
    // The chart's own font-family (the site's stack, system-ui first) would override the file's.
    .replace(/^(<svg\b[^>]*?) font-family="[^"]*"/, '$1')
    .replace(/\saria-describedby="[^"]*"/, '');
  // Each mark links to its entry on the page of /claims/ that lists it.
  const linkedNested = linkClaimsToList(nested, data, (path) =>
    escapeXml(new URL(path.slice(1), options.explainerUrl).href),
  );
  const id = layout === 'wide' ? `${chart.id}-export` : `${chart.id}-export-${layout}`;
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" ${font}>`,
    `<title id="${id}-title">${escapeXml(chart.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(facts.altText)}</desc>`,
    `<rect width="100%" height="100%" fill="${colors.background}"/>`,
    title,
    subtitle,
    linkedNested,
    notes,
    '</svg>',
  ].join('\n');
  return { svg, width, height };
}

// -------------------------------------------------------------------------------------------------
// Rasterising
// -------------------------------------------------------------------------------------------------

/** Where DejaVu Sans may be: Debian's package (fonts-dejavu-core), or a copy named by DEJAVU_FONT_DIR. */
const FONT_DIRECTORIES = [
  process.env.DEJAVU_FONT_DIR,
  '/usr/share/fonts/truetype/dejavu',
  '/usr/share/fonts/TTF',
  '/usr/share/fonts/dejavu',
].filter((directory): directory is string => Boolean(directory));
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];

/**
 * Fonts resvg falls back to, glyph by glyph, for scripts DejaVu Sans lacks: Burmese claimant names,
 * places and quotes would otherwise be drawn as empty boxes. Noto Sans Myanmar comes with the
 * project (the npm package @fontsource/noto-sans-myanmar, as WOFF), so every machine that ran
 * `npm ci` draws Burmese the same way, with nothing to install from the system (a system-wide Noto
 * would also change the browsers' system-ui font, which the embed heights are measured against).
 */
export const FALLBACK_FONTS = [
  {
    family: 'Noto Sans Myanmar',
    package: '@fontsource/noto-sans-myanmar',
    // The package's Myanmar subset, regular and bold, and the names they are unwrapped to.
    files: [
      { woff: 'files/noto-sans-myanmar-myanmar-400-normal.woff', ttf: 'NotoSansMyanmar-Regular.ttf' },
      { woff: 'files/noto-sans-myanmar-myanmar-700-normal.woff', ttf: 'NotoSansMyanmar-Bold.ttf' },
    ],
  },
] as const;

const require = createRequire(import.meta.url);
/** Unwrapped fonts live with the other build caches; a clean checkout simply unwraps them again. */
const FONT_CACHE_DIR = join(process.cwd(), 'node_modules', '.cache', 'defections-fonts');

/** The fallback fonts as plain font files resvg can read: each WOFF unwrapped once into the cache. */
function fallbackFontFiles(): string[] {
  return FALLBACK_FONTS.flatMap((font) =>
    font.files.map((file) => {
      const woff = readFileSync(require.resolve(`${font.package}/${file.woff}`));
      const target = join(FONT_CACHE_DIR, file.ttf);
      const sfnt = woffToSfnt(woff);
      if (!existsSync(target) || !readFileSync(target).equals(sfnt)) {
        // Written beside and renamed into place, so a parallel build never reads half a font.
        mkdirSync(FONT_CACHE_DIR, { recursive: true });
        const partial = `${target}.${process.pid}.partial`;
        writeFileSync(partial, sfnt);
        renameSync(partial, target);
      }
      return target;
    }),
  );
}

let fontOptions: ResvgRenderOptions['font'] | undefined;

/**
 * resvg draws no text without fonts. DejaVu Sans is what we measure with, so we load it by file,
 * with the fallback fonts after it for the scripts it lacks. Without it we fall back to whatever
 * the system has (text may then run wider or narrower than measured) and say so once, rather than
 * fail the build or ship images without words.
 */
export function resvgFontOptions(): NonNullable<ResvgRenderOptions['font']> {
  if (fontOptions) return fontOptions;
  const directory = FONT_DIRECTORIES.find((candidate) => FONT_FILES.every((file) => existsSync(join(candidate, file))));
  if (directory) {
    fontOptions = {
      // The cache key (png-cache.ts) reads every file listed here, fallbacks included.
      fontFiles: [...FONT_FILES.map((file) => join(directory, file)), ...fallbackFontFiles()],
      loadSystemFonts: false,
      defaultFontFamily: 'DejaVu Sans',
    };
  } else {
    console.warn(
      '[export] DejaVu Sans not found (install fonts-dejavu-core or set DEJAVU_FONT_DIR); PNG text uses system fonts and may not match the measured layout.',
    );
    fontOptions = { loadSystemFonts: true, defaultFontFamily: 'sans-serif', sansSerifFamily: 'DejaVu Sans' };
  }
  return fontOptions;
}

/**
 * The most pixels a PNG gets: 2^23 (8.4 Mpx), twice the largest image the curated data needs (the
 * timeline at 2x, 1344 × 3090 = 4.2 Mpx). Rasterising costs time in proportion to the pixels, and at
 * 100x the data a chart's 2x PNG was 1344 × 100,000 px (134 Mpx, 90 s of the build, larger than
 * browsers decode at full size): no reader needs that. An image that would be larger is drawn at
 * the largest scale that fits, keeping its proportions: the embed codes give its display size in
 * CSS pixels, so it shows at the same size, less sharp.
 */
export const MAX_PNG_PIXELS = 2 ** 23;

/**
 * The pixel width an SVG of this size is rasterised at for `scale`: its width times the scale, or
 * for an image that would pass MAX_PNG_PIXELS the widest that keeps it within (height rounded up).
 */
export function pngWidthFor(size: { width: number; height: number }, scale: number): number {
  const wanted = Math.round(size.width * scale);
  const pixels = (width: number) => width * Math.ceil((width * size.height) / size.width);
  if (pixels(wanted) <= MAX_PNG_PIXELS) return wanted;
  let width = Math.floor(Math.sqrt((MAX_PNG_PIXELS * size.width) / size.height));
  while (width > 1 && pixels(width) > MAX_PNG_PIXELS) width -= 1;
  return width;
}

/** Rasterises an SVG at `scale` times its own size (a very large one smaller: pngWidthFor). */
function pngOptions(svg: string, scale: number, background?: string): ResvgRenderOptions {
  return {
    fitTo: { mode: 'width' as const, value: pngWidthFor(svgSize(svg), scale) },
    font: resvgFontOptions(),
    ...(background ? { background } : {}),
  };
}

export function svgToPng(svg: string, scale = 1, background?: string): { png: Buffer; width: number; height: number } {
  const options = pngOptions(svg, scale, background);
  // Unchanged SVGs are not rasterised again (png-cache.ts).
  const png = cachedPng(svg, options, () => new Resvg(svg, options).render().asPng());
  return { png, ...pngSize(png) };
}

/**
 * svgToPng with the drawing on a worker thread (png-workers.ts): the same cache, options and bytes.
 * The build's many images (claim cards, share cards, chart downloads) use it, so both cores draw.
 */
export async function svgToPngAsync(
  svg: string,
  scale = 1,
  background?: string,
): Promise<{ png: Buffer; width: number; height: number }> {
  const options = pngOptions(svg, scale, background);
  const png = await cachedPngAsync(svg, options, () => rasterise(svg, options));
  return { png, ...pngSize(png) };
}

// -------------------------------------------------------------------------------------------------
// PNG text chunks: the alt text and credit travel inside the file's metadata too
// -------------------------------------------------------------------------------------------------

/** An iTXt chunk (UTF-8, uncompressed) with one of PNG's registered keywords. */
function itxtChunk(keyword: string, text: string): Buffer {
  const body = Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0, 0, 0, 0, 0]), Buffer.from(text, 'utf8')]);
  const type = Buffer.from('iTXt', 'latin1');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([type, body])));
  return Buffer.concat([length, type, body, crc]);
}

/** Adds text chunks (Title, Description, Source, Copyright, Disclaimer...) after the PNG header chunk. */
export function withPngText(png: Buffer, entries: Record<string, string>): Buffer {
  const afterHeader = 8 + 4 + 4 + 13 + 4; // signature, then IHDR's length, type, 13 data bytes and CRC
  if (png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('Not a PNG: IHDR must come first');
  const chunks = Object.entries(entries).map(([keyword, text]) => itxtChunk(keyword, text));
  return Buffer.concat([png.subarray(0, afterHeader), ...chunks, png.subarray(afterHeader)]);
}

/** Width and height from a PNG's header, without decoding it. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const buffer = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  const signature = buffer.subarray(0, 8).toString('hex');
  if (signature !== '89504e470d0a1a0a' || buffer.toString('latin1', 12, 16) !== 'IHDR') throw new Error('Not a PNG');
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

export interface ExportedPng {
  png: Buffer;
  width: number;
  height: number;
}

/** One PNG of a chart, with its credit and alt text both drawn in and written into the file's metadata. */
export function exportPng(chart: AnyChart, data: ChartData, options: ExportOptions & { scale: 1 | 2 }): ExportedPng {
  const { svg } = exportSvg(chart, data, options);
  return taggedPng(chart, data, options, svgToPng(svg, options.scale));
}

/** exportPng, drawn on a worker thread (svgToPngAsync). */
export async function exportPngAsync(
  chart: AnyChart,
  data: ChartData,
  options: ExportOptions & { scale: 1 | 2 },
): Promise<ExportedPng> {
  const { svg } = exportSvg(chart, data, options);
  return taggedPng(chart, data, options, await svgToPngAsync(svg, options.scale));
}

function taggedPng(chart: AnyChart, data: ChartData, options: ExportOptions, drawn: ExportedPng): ExportedPng {
  const facts = chartFacts(chart, data);
  const tagged = withPngText(drawn.png, {
    Title: chart.title,
    Description: facts.altText,
    Source: `${facts.creditText} Chart: ${options.siteName}, ${options.explainerUrl}`,
    Copyright: `${LICENCE_NAME} (${LICENCE_URL}); credit the original outlets and ${options.siteName}.`,
    Disclaimer: UNVERIFIED_NOTE,
  });
  return { png: tagged, width: drawn.width, height: drawn.height };
}
