/**
 * What the built site contains, read from the build output: the pages its sitemap lists (absolute
 * URLs on the configured `site`, mapped to our local server) and the embed pages (not in the
 * sitemap on purpose, found on disk), plus the claims data the accessibility checks compare with.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { csvParse } from 'd3-dsv';

function locs(xml: string): string[] {
  return [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((match) => decodeXml(match[1] ?? ''));
}

function decodeXml(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');
}

/** The file in the build output that a URL path under the base path is served from. */
function fileForPath(outDir: string, basePath: string, pathname: string): string {
  const inside = pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname.replace(/^\//, '');
  return join(outDir, decodeURIComponent(inside));
}

/** Every page URL the sitemap lists, rewritten to the local server. */
export function sitemapPages(outDir: string, baseUrl: string): string[] {
  const base = new URL(baseUrl);
  const indexFile = join(outDir, 'sitemap-index.xml');
  if (!existsSync(indexFile)) throw new Error(`${indexFile} is missing: is @astrojs/sitemap configured?`);
  const pages: string[] = [];
  for (const sitemapUrl of locs(readFileSync(indexFile, 'utf8'))) {
    const sitemapFile = fileForPath(outDir, base.pathname, new URL(sitemapUrl).pathname);
    if (!existsSync(sitemapFile))
      throw new Error(`sitemap-index.xml lists ${sitemapUrl}, but ${sitemapFile} does not exist`);
    for (const pageUrl of locs(readFileSync(sitemapFile, 'utf8'))) {
      const { pathname, search } = new URL(pageUrl);
      pages.push(new URL(pathname + search, base.origin).href);
    }
  }
  if (pages.length === 0) throw new Error('The sitemap lists no pages');
  return pages;
}

function htmlFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...htmlFilesUnder(path));
    else if (entry === 'index.html') found.push(path);
  }
  return found.sort();
}

/**
 * Every embed page (/embed/<chart-id>/ and the prebuilt variants below it, such as
 * /embed/<chart-id>/dark-plain/), but not the /embed/ gallery. With `variants: false`, only the
 * default embed of each chart.
 */
export function embedPages(outDir: string, baseUrl: string, { variants = true } = {}): string[] {
  const embedDir = join(outDir, 'embed');
  // The claim cards (/embed/claim/<id>/...) share one template, as the evidence pages do: the first
  // claim's three themes stand for the rest (tests/browser/claim-embeds.spec.ts samples its own).
  const [firstClaim] = csvParse(
    readFileSync(join(new URL('../../../', import.meta.url).pathname, 'data', 'claims.csv'), 'utf8'),
  );
  return htmlFilesUnder(embedDir)
    .filter((file) => file !== join(embedDir, 'index.html'))
    .filter((file) => {
      const [first, second] = relative(embedDir, file).split(sep);
      return first !== 'claim' || second === firstClaim?.id;
    })
    .filter((file) => variants || relative(embedDir, file).split(sep).length === 2)
    .map((file) => {
      const path = relative(outDir, file).split(sep).slice(0, -1).join('/');
      return new URL(`${path}/`, baseUrl).href;
    });
}

/**
 * The evidence pages (/claims/<id>/, /sources/<id>/, /claimants/<id>/) share one template per kind,
 * and there are some 40 of them: a full axe, console and screenshot pass over each would add several
 * minutes for little. By default one page of each kind stands for the rest: the first row of its
 * file (the first claim is the one with readings, relations and most charts). The overflow check at
 * 320 px, which is cheap, asks for them all. The facet pages of the claims list are sampled the same way.
 */
const EVIDENCE_KINDS = [
  { path: '/claims/', file: 'claims.csv' },
  { path: '/sources/', file: 'sources.csv' },
  { path: '/claimants/', file: 'claimants.csv' },
] as const;

function evidencePageKind(url: string, baseUrl: string): (typeof EVIDENCE_KINDS)[number] | undefined {
  const path = label(url, baseUrl);
  return EVIDENCE_KINDS.find((kind) => new RegExp(`^${kind.path}[a-z0-9-]+/$`).test(path));
}

function evidenceSample(baseUrl: string): Set<string> {
  const projectRoot = new URL('../../../', import.meta.url).pathname;
  return new Set(
    EVIDENCE_KINDS.map((kind) => {
      const [first] = csvParse(readFileSync(join(projectRoot, 'data', kind.file), 'utf8'));
      return new URL(`${kind.path.slice(1)}${first?.id ?? ''}/`, baseUrl).href;
    }),
  );
}

/** The sitemap's pages and every embed page (or only each chart's default embed), without repeats. */
export function allPages(
  outDir: string,
  baseUrl: string,
  { variants = true, evidence = 'sample' }: { variants?: boolean; evidence?: 'sample' | 'all' } = {},
): string[] {
  const sample = evidence === 'sample' ? evidenceSample(baseUrl) : null;
  // The prebuilt facet pages (/claims/<facet>/<value>/, some 35) share one template too: the first
  // page of each facet stands for the others, as one evidence page does for its kind.
  const facetsSeen = new Set<string>();
  const isSampledFacet = (url: string) => {
    const facet = /^\/claims\/([a-z]+)\/[a-z0-9-]+\/$/.exec(label(url, baseUrl))?.[1];
    if (!facet) return true;
    if (facetsSeen.has(facet)) return false;
    facetsSeen.add(facet);
    return true;
  };
  const pages = [...new Set([...sitemapPages(outDir, baseUrl), ...embedPages(outDir, baseUrl)])].filter(
    (url) => !sample || ((!evidencePageKind(url, baseUrl) || sample.has(url)) && isSampledFacet(url)),
  );
  if (variants) return pages;
  const defaults = new Set(embedPages(outDir, baseUrl, { variants: false }));
  const allEmbeds = new Set(embedPages(outDir, baseUrl));
  return pages.filter((url) => !allEmbeds.has(url) || defaults.has(url));
}

/** A short label for a page in failure messages: its path below the base. */
export function label(url: string, baseUrl: string): string {
  const path = url.startsWith(baseUrl) ? `/${url.slice(baseUrl.length)}` : url;
  return path;
}

export interface ClaimFacts {
  id: string;
  figure: string;
  claimant: string;
  quote: string;
}

/** The claims as data/ has them, with the claimant's display name, keyed by claim id. */
export function claimFacts(projectRoot: string): Map<string, ClaimFacts> {
  const claimants = new Map(
    csvParse(readFileSync(join(projectRoot, 'data', 'claimants.csv'), 'utf8')).map((row) => [row.id ?? '', row]),
  );
  const facts = new Map<string, ClaimFacts>();
  for (const row of csvParse(readFileSync(join(projectRoot, 'data', 'claims.csv'), 'utf8'))) {
    const id = row.id ?? '';
    facts.set(id, {
      id,
      figure: row.figure ?? '',
      claimant: claimants.get(row.claimant_id ?? '')?.name ?? row.claimant_id ?? '',
      quote: row.quote ?? '',
    });
  }
  return facts;
}
