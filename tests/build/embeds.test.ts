/**
 * Static checks on the embeds, downloads and share images in the built site (issue 5): every chart
 * in the registry has its embed pages, oEmbed response, downloads and share image; the oEmbed JSON
 * follows the oEmbed 1.0 spec and a real oEmbed client (@extractus/oembed-extractor) finds it from
 * the explainer and the embed pages; every PNG decodes at the size we state; every CSV matches the
 * chart; the Data Package describes data/ exactly.
 *
 * It reads two builds: test-output/dist (global-setup.ts, at the site root) and one of its own, of
 * a copy of the project published at https://news.example.test/graphics/defections/, so that every
 * address in the codes, the oEmbed JSON and the pages is checked under a sub-path and a different
 * origin too. The browser half (sizing, sandbox, origins) is tests/browser/embeds.spec.ts.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { extract } from '@extractus/oembed-extractor';
import { csvParseRows } from 'd3-dsv';
import { chartCsv, csvColumns } from '../../src/charts/csv.ts';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNVERIFIED_NOTE } from '../../src/charts/credits.ts';
import { chartData } from '../../src/charts/data.ts';
import { chartFacts } from '../../src/charts/export.ts';
import { CHARTS } from '../../src/charts/index.ts';
import { THEMES } from '../../src/charts/palette.ts';
import { loadDataset } from '../../src/lib/dataset.ts';
import { DATA_FILES, type DataFileKey } from '../../src/lib/schema.ts';
import {
  creditSentence,
  EMBED_OPTION_SETS,
  embedHeightAt,
  fixedEmbedHeight,
  hostSnippet,
  MIN_EMBED_WIDTH,
  NARROW_IMAGE_MEDIA,
  EMBED_COLUMN_WIDTHS,
  OEMBED_CACHE_AGE,
  OEMBED_WIDTHS,
  variantSlug,
} from '../../src/site/embed.ts';
import { allOgCards, PAGE_CARDS } from '../../src/site/og-cards.ts';
import { BUILT_SITE, buildSite, PROJECT_ROOT } from './build-site.ts';
import { decodePng } from './png.ts';

const data = chartData(loadDataset(join(PROJECT_ROOT, 'data')));

interface Site {
  label: string;
  outDir: string;
  /** Absolute URL of the site root, with its base path: https://defections.example.org/ */
  root: string;
  /** "/" or "/graphics/defections/" */
  basePath: string;
}

const SUB_PATH_SITE = { url: 'https://news.example.test', base: '/graphics/defections/' };
const copy = mkdtempSync(join(tmpdir(), 'embeds-site-'));
const sites: Site[] = [];

/** The site's root URL as the build states it: the sitemap index lists absolute URLs on `site` + base. */
function siteRoot(outDir: string): string {
  const loc = /<loc>\s*([^<\s]+)\s*<\/loc>/.exec(readFileSync(join(outDir, 'sitemap-index.xml'), 'utf8'))?.[1];
  if (!loc) throw new Error(`${outDir}/sitemap-index.xml lists no sitemap`);
  return new URL('./', loc).href;
}

beforeAll(async () => {
  sites.push({ label: 'root', outDir: BUILT_SITE, root: siteRoot(BUILT_SITE), basePath: '/' });
  // A copy, not the project itself: two astro builds in one root would share .astro/ mid-build.
  for (const entry of ['src', 'public', 'data', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    if (existsSync(join(PROJECT_ROOT, entry)))
      cpSync(join(PROJECT_ROOT, entry), join(copy, entry), { recursive: true });
  }
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(copy, 'node_modules'));
  const outDir = join(copy, 'dist');
  const result = await buildSite({
    root: copy,
    outDir,
    env: { SITE_URL: SUB_PATH_SITE.url, BASE_PATH: SUB_PATH_SITE.base },
  });
  if (result.code !== 0) throw new Error(`The sub-path build failed:\n${result.output}`);
  sites.push({
    label: 'sub-path',
    outDir,
    root: `${SUB_PATH_SITE.url}${SUB_PATH_SITE.base}`,
    basePath: SUB_PATH_SITE.base,
  });
  expect(siteRoot(outDir)).toBe(`${SUB_PATH_SITE.url}${SUB_PATH_SITE.base}`);
}, 600_000);

afterAll(() => rmSync(copy, { recursive: true, force: true }));

// --------------------------------------------------------------------------------------------------
// Reading the builds
// --------------------------------------------------------------------------------------------------

/** The file an absolute URL on the site is served from, or null when it is not on the site. */
function fileForUrl(site: Site, url: string): string | null {
  const parsed = new URL(url);
  const root = new URL(site.root);
  if (parsed.origin !== root.origin || !parsed.pathname.startsWith(root.pathname)) return null;
  const inside = decodeURIComponent(parsed.pathname.slice(root.pathname.length));
  const path = join(site.outDir, inside);
  return inside === '' || inside.endsWith('/') ? join(path, 'index.html') : path;
}

function read(site: Site, path: string): Buffer {
  return readFileSync(join(site.outDir, path));
}

function page(site: Site, path: string): Document {
  return parseHTML(read(site, path).toString('utf8')).document as unknown as Document;
}

/** Like fetch, but answered from the build output: what a real client would get from the live site. */
function fetcherFor(site: Site) {
  return async (url: string): Promise<Response> => {
    const file = fileForUrl(site, url.split('?')[0] as string);
    if (!file || !existsSync(file)) return new Response('not found', { status: 404 });
    return new Response(readFileSync(file));
  };
}

function embedFile(chartId: string, slug: string): string {
  return slug ? `embed/${chartId}/${slug}/index.html` : `embed/${chartId}/index.html`;
}

/** The embed codes as the gallery prints them, by chart id and kind. */
function galleryCodes(site: Site): Map<string, Record<string, string>> {
  const document = page(site, 'embed/index.html');
  const codes = new Map<string, Record<string, string>>();
  for (const area of document.querySelectorAll('textarea[data-code]')) {
    const [, chartId, kind] = /^embed-code-(.+)-(responsive|iframe|image|text|oembed)$/.exec(area.id) ?? [];
    if (!chartId || !kind) continue;
    // linkedom keeps a textarea's character references as written; a browser decodes them.
    codes.set(chartId, { ...codes.get(chartId), [kind]: decodeEntities(area.innerHTML) });
  }
  return codes;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}

/** The size the static image code states for a chart's 1x PNG (and so for its SVG). */
function statedSize(
  site: Site,
  chartId: string,
  layout: 'wide' | 'narrow' = 'wide',
): { width: number; height: number } {
  const code = snippet(galleryCodes(site).get(chartId)?.image ?? '');
  // The narrow PNG's size is on the image code's phone <source>, the wide one's on the <img>.
  const element = layout === 'narrow' ? code.querySelector('source[width]') : code.querySelector('img');
  return { width: Number(element?.getAttribute('width')), height: Number(element?.getAttribute('height')) };
}

function snippet(html: string) {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document as unknown as Document;
}

const OEMBED_REQUIRED = [
  'type',
  'version',
  'html',
  'width',
  'height',
  'title',
  'provider_name',
  'provider_url',
  'thumbnail_url',
  'thumbnail_width',
  'thumbnail_height',
];

describe.each(['root', 'sub-path'])('embeds in the %s build', (label) => {
  const site = () => sites.find((candidate) => candidate.label === label) as Site;

  describe('embed pages', () => {
    it('exist for every chart in the registry and every option set, with the theme fixed in the markup', () => {
      const failures: string[] = [];
      for (const chart of CHARTS) {
        for (const options of EMBED_OPTION_SETS) {
          const file = embedFile(chart.id, variantSlug(options));
          if (!existsSync(join(site().outDir, file))) {
            failures.push(`missing ${file}`);
            continue;
          }
          const html = page(site(), file).documentElement;
          const theme = html.getAttribute('data-theme');
          if ((options.theme === 'auto' ? null : options.theme) !== theme)
            failures.push(`${file}: data-theme is ${theme}`);
          if ((html.getAttribute('data-background') === 'transparent') !== options.transparent)
            failures.push(`${file}: transparent option not applied`);
          const title = html.querySelector('.chart-title');
          if (!title || title.classList.contains('visually-hidden') !== options.plain)
            failures.push(`${file}: plain option not applied to the title`);
        }
      }
      expect(failures).toEqual([]);
    });

    it('carry the chart, the linked credit line, the unverified note, data date, licence and alt text, and nothing else', () => {
      for (const chart of CHARTS) {
        const document = page(site(), embedFile(chart.id, ''));
        const facts = chartFacts(chart, data);
        const text = document.body.textContent ?? '';
        expect(document.querySelectorAll('h1'), chart.id).toHaveLength(1);
        expect(document.querySelector('header, nav, footer'), `${chart.id}: no site chrome`).toBeNull();
        expect(document.querySelectorAll('svg.chart-svg'), `${chart.id}: both layouts`).toHaveLength(2);
        const links = [...document.querySelectorAll('.chart-credit a')];
        for (const source of facts.credits.sources) {
          // An outlet links to its report, or, with several reports in the chart, to them on the sources page.
          const siblings = facts.credits.sources.filter((other) => other.outlet === source.outlet);
          const link = links.find((candidate) => candidate.textContent === source.outlet);
          const href = link?.getAttribute('href') ?? '';
          const expected =
            siblings.length === 1
              ? [source.url]
              : siblings.map((other) => `${site().basePath}sources/#source-${other.id}`);
          expect(expected, `${chart.id} links ${source.outlet}`).toContain(href);
        }
        for (const claimant of facts.credits.claimants) expect(text, chart.id).toContain(claimant.name);
        expect(text).toContain(UNVERIFIED_NOTE);
        expect(text).toContain(`Data as of ${facts.dataAsOfText}`);
        expect(document.querySelector('a[href="https://creativecommons.org/licenses/by/4.0/"]')).not.toBeNull();
        expect(
          document.querySelector(`a[href="${site().basePath}#chart-${chart.id}"]`),
          `${chart.id} links the explainer`,
        ).not.toBeNull();
        const describedBy = document.querySelector('svg.chart-svg')?.getAttribute('aria-describedby') ?? '';
        expect(document.getElementById(describedBy)?.textContent?.length ?? 0, `${chart.id} alt text`).toBeGreaterThan(
          60,
        );
        expect(document.querySelector('base')?.getAttribute('target')).toBe('_blank');
      }
    });

    it('load one stylesheet of ours and no script file, and link only under the base path', () => {
      for (const chart of CHARTS) {
        const document = page(site(), embedFile(chart.id, 'dark-plain'));
        const stylesheets = [...document.querySelectorAll('link[rel="stylesheet"]')].map((link) =>
          link.getAttribute('href'),
        );
        expect(stylesheets).toEqual([`${site().basePath}embed.css`]);
        expect(document.querySelectorAll('script[src]')).toHaveLength(0);
        expect(document.querySelectorAll('[style]'), 'no inline style attributes (CSP)').toHaveLength(0);
        expect(document.querySelectorAll('style')).toHaveLength(0);
        for (const link of document.querySelectorAll('a[href]')) {
          const href = link.getAttribute('href') ?? '';
          expect(href.startsWith(site().basePath) || /^https:\/\//.test(href), `${chart.id}: ${href}`).toBe(true);
        }
      }
    });

    it('point their share image and oEmbed discovery link at files that exist', () => {
      for (const chart of CHARTS) {
        const document = page(site(), embedFile(chart.id, ''));
        const image = document.querySelector('meta[property="og:image"]')?.getAttribute('content') ?? '';
        expect(image).toBe(`${site().root}og/chart-${chart.id}.png`);
        const discovery =
          document.querySelector('link[rel="alternate"][type="application/json+oembed"]')?.getAttribute('href') ?? '';
        expect(discovery).toBe(`${site().root}oembed/${chart.id}.json`);
        expect(existsSync(fileForUrl(site(), discovery) ?? '')).toBe(true);
      }
    });
  });

  describe('oEmbed', () => {
    it('answers oEmbed 1.0 (type rich) for every chart, with a thumbnail that exists at its stated size', () => {
      for (const chart of CHARTS) {
        const response = JSON.parse(read(site(), `oembed/${chart.id}.json`).toString('utf8')) as Record<
          string,
          unknown
        >;
        for (const field of OEMBED_REQUIRED) expect(response, `${chart.id}.${field}`).toHaveProperty(field);
        expect(response.version).toBe('1.0');
        expect(response.type).toBe('rich');
        expect(response.title).toBe(chart.title);
        for (const field of ['width', 'height', 'thumbnail_width', 'thumbnail_height']) {
          expect(Number.isInteger(response[field]) && (response[field] as number) > 0, `${chart.id}.${field}`).toBe(
            true,
          );
        }
        expect(response.provider_url).toBe(site().root);
        const html = snippet(response.html as string);
        const iframe = html.querySelector('iframe');
        expect(iframe?.getAttribute('src')).toBe(`${site().root}embed/${chart.id}/light/`);
        expect(iframe?.getAttribute('title')).toBe(chart.title);
        expect(iframe?.getAttribute('height')).toBe(String(response.height));
        expect(html.querySelector('script')?.textContent).toBe(hostSnippet(new URL(site().root).origin));
        const thumbnail = decodePng(readFileSync(fileForUrl(site(), response.thumbnail_url as string) ?? ''));
        expect([thumbnail.width, thumbnail.height]).toEqual([response.thumbnail_width, response.thumbnail_height]);
        expect(response.description).toBe(chartFacts(chart, data).altText);
      }
    });

    it("prebuilds a response per common maxwidth, with the height at that width and README's cache time", () => {
      for (const chart of CHARTS) {
        const full = JSON.parse(read(site(), `oembed/${chart.id}.json`).toString('utf8')) as Record<string, unknown>;
        expect(full.width).toBe(800);
        expect(full.cache_age).toBe(OEMBED_CACHE_AGE);
        const heights: number[] = [];
        for (const width of OEMBED_WIDTHS) {
          const file = `oembed/${chart.id}/${width}.json`;
          const response = JSON.parse(read(site(), file).toString('utf8')) as Record<string, unknown>;
          expect(response.width, file).toBe(width);
          expect(response.cache_age, file).toBe(OEMBED_CACHE_AGE);
          expect(
            snippet(response.html as string)
              .querySelector('iframe')
              ?.getAttribute('height'),
            file,
          ).toBe(String(response.height));
          heights.push(response.height as number);
        }
        // A phone column is taller than a wide one: the heights are per width, not one for all.
        expect(heights[0], chart.id).toBeGreaterThan(heights.at(-1) as number);
      }
      const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
      expect(readme).toContain(`max-age=${OEMBED_CACHE_AGE}`);
    });

    it('is discovered from the explainer and from every embed page by a real oEmbed client', async () => {
      const fetcher = fetcherFor(site());
      const explainer = await extract(site().root, {}, fetcher);
      expect(explainer.method).toBe('auto-discovery');
      expect(explainer.type).toBe('rich');
      const home = page(site(), 'index.html');
      const advertised = [...home.querySelectorAll('link[type="application/json+oembed"]')].map((link) =>
        link.getAttribute('href'),
      );
      // One discovery link, for the lead chart (the first on the page): consumers take the first.
      const leadChart = home.querySelector('figure.chart')?.id.replace(/^chart-/, '');
      expect(advertised).toEqual([`${site().root}oembed/${leadChart}.json`]);
      for (const chart of CHARTS) {
        const found = await extract(`${site().root}embed/${chart.id}/`, {}, fetcher);
        expect(found.method).toBe('auto-discovery');
        expect(found.title).toBe(chart.title);
        expect(found.html).toContain(`src="${site().root}embed/${chart.id}/light/"`);
      }
    });
  });

  describe('embed codes', () => {
    it('are on the gallery for every chart: responsive with the snippet, iframe only, static image, text and oEmbed', () => {
      const codes = galleryCodes(site());
      const origin = new URL(site().root).origin;
      for (const chart of CHARTS) {
        const chartCodes = codes.get(chart.id);
        expect(chartCodes, chart.id).toBeDefined();
        const { responsive = '', iframe = '', image = '', oembed = '' } = chartCodes ?? {};
        const height = fixedEmbedHeight(chart, data);
        const responsiveFrame = snippet(responsive).querySelector('iframe');
        // Light by default: a reader in dark mode must not get a dark slab inside a light article.
        expect(responsiveFrame?.getAttribute('src')).toBe(`${site().root}embed/${chart.id}/light/`);
        expect(snippet(iframe).querySelector('iframe')?.getAttribute('src')).toBe(
          `${site().root}embed/${chart.id}/light/`,
        );
        expect(responsiveFrame?.getAttribute('loading')).toBe('lazy');
        expect(responsiveFrame?.getAttribute('title')).toBe(chart.title);
        expect(responsiveFrame?.getAttribute('width')).toBe('100%');
        expect(responsive).toContain(`<script>${hostSnippet(origin)}</script>`);
        const fixedFrame = snippet(iframe).querySelector('iframe');
        expect(fixedFrame?.getAttribute('height')).toBe(String(height));
        expect(iframe).not.toContain('<script');
        const picture = snippet(image);
        // The link is text beside the image, not around it (sanitisers that drop images left it empty).
        const link = picture.querySelector('a');
        expect(link?.getAttribute('href')).toBe(`${site().root}#chart-${chart.id}`);
        expect(link?.querySelector('img')).toBeNull();
        expect(link?.textContent?.trim()).not.toBe('');
        // Light by default, and only light: no dark picture swapped in by the reader's setting; the
        // one <source> is the narrow light PNG for phones.
        const sources = [...picture.querySelectorAll('source')];
        expect(sources.map((source) => source.getAttribute('media'))).toEqual([NARROW_IMAGE_MEDIA]);
        expect(sources[0]?.getAttribute('srcset')).toContain(`${chart.id}-light-narrow.png`);
        expect(image).not.toContain('-dark');
        expect(chartCodes?.text).toBe(`${creditSentence(chart, data)} ${site().root}#chart-${chart.id}`);
        const img = picture.querySelector('img');
        expect(img?.getAttribute('alt')).toBe(chartFacts(chart, data).altText);
        expect(Number(img?.getAttribute('width'))).toBeGreaterThan(300);
        expect(Number(img?.getAttribute('height'))).toBeGreaterThan(200);
        expect(oembed).toBe(`${site().root}oembed/${chart.id}.json`);
        for (const url of [
          img?.getAttribute('src') ?? '',
          ...(img?.getAttribute('srcset') ?? '').split(/,\s*/).map((entry) => entry.split(' ')[0] ?? ''),
        ]) {
          expect(existsSync(fileForUrl(site(), url) ?? ''), url).toBe(true);
        }
      }
    });

    it('have a share control on each figure of the explainer, read-only and selectable without JavaScript', () => {
      const home = page(site(), 'index.html');
      for (const figure of home.querySelectorAll('figure.chart')) {
        const share = figure.querySelector('details.chart-share');
        expect(share?.querySelector('summary')?.textContent?.trim(), figure.id).toBe('Share / embed');
        const areas = share?.querySelectorAll('textarea[data-code]') ?? [];
        // Responsive, iframe only, one per column width, image, text, oEmbed.
        expect(areas.length, figure.id).toBe(5 + EMBED_COLUMN_WIDTHS.length);
        for (const area of areas) {
          expect(area.hasAttribute('readonly')).toBe(true);
          expect(share?.querySelector(`label[for="${area.id}"]`), `${area.id} is labelled`).not.toBeNull();
        }
      }
    });

    it('have a fixed height no lower than the embed page gets at any width from 320 px', () => {
      for (const chart of CHARTS) {
        const height = fixedEmbedHeight(chart, data);
        for (let width = MIN_EMBED_WIDTH; width <= 1600; width += 7) {
          expect(height, `${chart.id} at ${width}px`).toBeGreaterThanOrEqual(
            embedHeightAt(chart, data, EMBED_OPTION_SETS[0]!, width),
          );
        }
      }
    });

    it('ship a host snippet under 0.5 KB gzipped, also served as embed.js', () => {
      const origin = new URL(site().root).origin;
      const code = hostSnippet(origin);
      expect(gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(500);
      expect(read(site(), 'embed.js').toString('utf8').trim()).toBe(code);
    });
  });

  describe('downloads', () => {
    it('every PNG, wide and narrow, decodes at its stated size and carries its alt text and credit', () => {
      for (const chart of CHARTS) {
        const facts = chartFacts(chart, data);
        for (const [theme, layout] of ['light', 'dark'].flatMap((t) =>
          (['wide', 'narrow'] as const).map((l) => [t, l] as const),
        )) {
          const { width, height } = statedSize(site(), chart.id, layout);
          expect(width, `${chart.id} ${layout}`).toBe(layout === 'narrow' ? 336 : 672);
          for (const scale of [1, 2]) {
            const file = `charts/${chart.id}-${theme}${layout === 'narrow' ? '-narrow' : ''}${scale === 2 ? '@2x' : ''}.png`;
            const png = decodePng(read(site(), file));
            expect([png.width, png.height], file).toEqual([width * scale, height * scale]);
            expect(png.text.Description, file).toBe(facts.altText);
            expect(png.text.Source, file).toContain(facts.creditText);
            expect(png.text.Disclaimer, file).toBe(UNVERIFIED_NOTE);
          }
        }
        expect(read(site(), `charts/${chart.id}.png`).equals(read(site(), `charts/${chart.id}-light.png`))).toBe(true);
      }
    });

    it('every SVG stands alone: namespace, size, theme colours written in, credits inside', () => {
      for (const chart of CHARTS) {
        const facts = chartFacts(chart, data);
        const { width, height } = statedSize(site(), chart.id);
        const narrow = statedSize(site(), chart.id, 'narrow');
        for (const [file, theme, size] of [
          [`charts/${chart.id}.svg`, 'light', { width, height }],
          [`charts/${chart.id}-dark.svg`, 'dark', { width, height }],
          [`charts/${chart.id}-narrow.svg`, 'light', narrow],
          [`charts/${chart.id}-narrow-dark.svg`, 'dark', narrow],
        ] as const) {
          const svg = read(site(), file).toString('utf8');
          expect(
            svg.startsWith(`<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}"`),
            file,
          ).toBe(true);
          expect(svg, file).not.toMatch(/var\(--|currentColor|<style/);
          expect(svg).toContain(`fill="${THEMES[theme].background}"`);
          // Each line of wrapped text is its own <text>: read them as a reader would, line after line.
          const parts = [...parseHTML(`<div>${svg}</div>`).document.querySelectorAll('title, desc, text')].map(
            (element) => element.textContent,
          );
          const text = parts.join(' ').replace(/\s+/g, ' ');
          expect(text).toContain(chart.title);
          expect(text).toContain(facts.altText);
          for (const source of facts.credits.sources) expect(text).toContain(source.outlet);
          expect(text).toContain('none has been independently verified');
          expect(text).toContain(`Data as of ${facts.dataAsOfText}`);
          // Marks lead to the claim's entry on the claims list.
          expect(svg).toContain(`href="${site().root}claims/#claim-`);
        }
      }
    });

    it('every chart CSV parses and holds exactly the rows the chart draws', () => {
      for (const chart of CHARTS) {
        const text = read(site(), `charts/${chart.id}.csv`).toString('utf8');
        const [header, ...rows] = csvParseRows(text);
        expect(header).toEqual(csvColumns(chart, data).map((column) => column.key));
        expect(text).toBe(chartCsv(chart, data));
        expect(rows.length, chart.id).toBe(chart.rows(data).length);
      }
    });
  });

  describe('share images', () => {
    it('exist at 1200×630 for every page and chart, and each page points at its own', () => {
      for (const card of allOgCards()) {
        const png = decodePng(read(site(), `og/${card.slug}.png`));
        expect([png.width, png.height], card.slug).toEqual([1200, 630]);
      }
      for (const card of PAGE_CARDS) {
        const file = card.path === '/' ? 'index.html' : `${card.path.slice(1)}index.html`;
        if (!existsSync(join(site().outDir, file))) continue;
        const image = page(site(), file).querySelector('meta[property="og:image"]')?.getAttribute('content');
        expect(image, file).toBe(`${site().root}og/${card.slug}.png`);
      }
    });
  });

  describe('the dataset', () => {
    it('serves each CSV of data/ byte for byte, with its README', () => {
      for (const { file } of Object.values(DATA_FILES)) {
        expect(read(site(), `data/${file}`).equals(readFileSync(join(PROJECT_ROOT, 'data', file))), file).toBe(true);
      }
      expect(read(site(), 'data/README.md').equals(readFileSync(join(PROJECT_ROOT, 'data', 'README.md')))).toBe(true);
    });

    it('describes it as a valid Frictionless Data Package: every field, the licence, the sources', () => {
      const descriptor = JSON.parse(read(site(), 'data/datapackage.json').toString('utf8'));
      const failures = validateDataPackage(descriptor, (path) => read(site(), `data/${path}`).toString('utf8'));
      expect(failures).toEqual([]);
      expect(descriptor.licenses).toEqual([
        expect.objectContaining({ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/' }),
      ]);
      expect(descriptor.sources.map((source: { path: string }) => source.path)).toEqual(
        data.sources.map((source) => source.url),
      );
      expect(descriptor.homepage).toBe(site().root);
      expect(descriptor.resources.map((resource: { path: string }) => resource.path)).toEqual(
        Object.values(DATA_FILES).map(({ file }) => file),
      );
    });
  });
});

// --------------------------------------------------------------------------------------------------
// Data Package validation: the descriptor's shape (Data Package and Tabular Data Resource profiles)
// and every row of every CSV against its Table Schema, keys included.
// --------------------------------------------------------------------------------------------------

interface Field {
  name: string;
  description?: string;
  type: string;
  format?: string;
  constraints?: { required?: boolean; unique?: boolean; enum?: string[]; pattern?: string; minimum?: number };
}

interface Resource {
  name: string;
  path: string;
  profile: string;
  bytes?: number;
  hash?: string;
  schema: {
    fields: Field[];
    primaryKey?: string | string[];
    missingValues?: string[];
    foreignKeys?: { fields: string; reference: { resource: string; fields: string } }[];
  };
}

function validateDataPackage(
  descriptor: { profile?: string; name?: string; resources?: Resource[]; licenses?: unknown[] },
  readResource: (path: string) => string,
): string[] {
  const failures: string[] = [];
  if (descriptor.profile !== 'tabular-data-package') failures.push('profile is not tabular-data-package');
  if (!/^[a-z0-9._-]+$/.test(descriptor.name ?? ''))
    failures.push('name must be lowercase letters, digits, ".", "_" or "-"');
  if (!Array.isArray(descriptor.licenses) || descriptor.licenses.length === 0) failures.push('no licence');
  const resources = descriptor.resources ?? [];
  if (resources.length === 0) failures.push('no resources');
  const tables = new Map<string, Record<string, string>[]>();
  for (const resource of resources) {
    const where = `resource ${resource.name}`;
    if (resource.profile !== 'tabular-data-resource') failures.push(`${where}: profile`);
    if (!/^[a-z0-9._-]+$/.test(resource.name)) failures.push(`${where}: name`);
    const text = readResource(resource.path);
    if (resource.bytes !== Buffer.byteLength(text))
      failures.push(`${where}: bytes ${resource.bytes} for ${Buffer.byteLength(text)}`);
    const [header = [], ...rows] = csvParseRows(text);
    const fields = resource.schema.fields;
    if (JSON.stringify(header) !== JSON.stringify(fields.map((field) => field.name)))
      failures.push(`${where}: fields are not the CSV header (${header.join(',')})`);
    for (const field of fields) {
      if (!field.description || field.description.length < 10) failures.push(`${where}.${field.name}: no description`);
      if (!['string', 'integer'].includes(field.type))
        failures.push(`${where}.${field.name}: unexpected type ${field.type}`);
    }
    const records = rows.map((cells) => Object.fromEntries(header.map((name, index) => [name, cells[index] ?? ''])));
    tables.set(resource.name, records);
    const missing = new Set(resource.schema.missingValues ?? ['']);
    records.forEach((record, index) => {
      for (const field of fields) {
        const value = record[field.name] ?? '';
        const at = `${where} row ${index + 2} ${field.name}=${JSON.stringify(value)}`;
        const constraints = field.constraints ?? {};
        if (missing.has(value)) {
          if (constraints.required) failures.push(`${at}: required`);
          continue;
        }
        if (field.type === 'integer' && !/^-?\d+$/.test(value)) failures.push(`${at}: not an integer`);
        if (constraints.minimum !== undefined && Number(value) < constraints.minimum)
          failures.push(`${at}: below ${constraints.minimum}`);
        if (constraints.enum && !constraints.enum.includes(value))
          failures.push(`${at}: not one of ${constraints.enum.join(', ')}`);
        if (constraints.pattern && !new RegExp(`^(?:${constraints.pattern})$`).test(value))
          failures.push(`${at}: does not match ${constraints.pattern}`);
        if (field.format === 'uri' && !URL.canParse(value)) failures.push(`${at}: not a URI`);
      }
    });
    for (const field of fields.filter((candidate) => candidate.constraints?.unique)) {
      const values = records.map((record) => record[field.name]);
      if (new Set(values).size !== values.length) failures.push(`${where}.${field.name}: not unique`);
    }
    // A primary key is one field or several together (Table Schema allows both).
    const key = resource.schema.primaryKey;
    const keyOf = (record: Record<string, string>) =>
      (Array.isArray(key) ? key : [key]).map((name) => record[name as string]).join('\u0000');
    if (key && new Set(records.map(keyOf)).size !== records.length)
      failures.push(`${where}: primary key ${key} not unique`);
  }
  for (const resource of resources) {
    for (const foreignKey of resource.schema.foreignKeys ?? []) {
      const targets = new Set(
        (tables.get(foreignKey.reference.resource) ?? []).map((record) => record[foreignKey.reference.fields]),
      );
      for (const record of tables.get(resource.name) ?? []) {
        const value = record[foreignKey.fields] ?? '';
        if (value && !targets.has(value))
          failures.push(`${resource.name}.${foreignKey.fields}=${value}: no such ${foreignKey.reference.resource}`);
      }
    }
  }
  const keys = Object.keys(DATA_FILES) as DataFileKey[];
  if (resources.map((resource) => resource.name).join() !== keys.join())
    failures.push(`resources are not ${keys.join(', ')}`);
  return failures;
}
