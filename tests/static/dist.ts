/**
 * Reading a built site (dist/) for the static checks: its files, its pages as parsed HTML, the URL
 * each file is served at under the base path, and what each page references or loads.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';

export interface BuiltSite {
  outDir: string;
  /** "/" or "/defections/". */
  basePath: string;
  /** The configured `site` origin, read from the sitemap, e.g. https://defections.example.org */
  siteOrigin: string;
}

export function listFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current).sort()) {
      const path = join(current, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return files;
}

export function htmlFiles(outDir: string): string[] {
  return listFiles(outDir).filter((file) => file.endsWith('.html'));
}

/** The site's origin as the sitemap index states it (absolute URLs on the configured `site`). */
export function siteOriginOf(outDir: string): string {
  const index = join(outDir, 'sitemap-index.xml');
  if (!existsSync(index)) throw new Error(`${index} is missing`);
  const loc = /<loc>\s*([^<\s]+)\s*<\/loc>/.exec(readFileSync(index, 'utf8'))?.[1];
  if (!loc) throw new Error('sitemap-index.xml lists no sitemap');
  return new URL(loc).origin;
}

/** The URL path a file in the build output is served at: "about/index.html" -> "/base/about/". */
export function urlPathOf(file: string, basePath: string): string {
  const path = file.endsWith('index.html') ? file.slice(0, -'index.html'.length) : file;
  return basePath + path;
}

/** The file a URL path is served from, as a static host resolves it; null when it is outside the base or missing. */
export function fileForUrlPath(site: BuiltSite, pathname: string): string | null {
  if (!pathname.startsWith(site.basePath)) return null;
  let inside: string;
  try {
    inside = decodeURIComponent(pathname.slice(site.basePath.length));
  } catch {
    return null;
  }
  const normalised = posix.normalize(inside || '.');
  if (normalised.startsWith('..')) return null;
  const candidates =
    inside === '' || inside.endsWith('/')
      ? [posix.join(normalised, 'index.html')]
      : [normalised, posix.join(normalised, 'index.html')];
  for (const candidate of candidates) {
    const full = join(site.outDir, candidate);
    if (existsSync(full) && statSync(full).isFile()) return candidate.replace(/^\.\//, '');
  }
  return null;
}

export function readPage(outDir: string, file: string): { html: string; document: Document } {
  const html = readFileSync(join(outDir, file), 'utf8');
  const { document } = parseHTML(html) as unknown as { document: Document };
  return { html, document };
}

export interface Reference {
  /** e.g. "a[href]", "link[rel=stylesheet][href]", "img[srcset]", "css url()" */
  kind: string;
  value: string;
  /** True when a browser fetches it while loading the page (not a navigation link or metadata). */
  loads: boolean;
}

const LOADING_LINK_RELS = new Set([
  'stylesheet',
  'icon',
  'apple-touch-icon',
  'preload',
  'modulepreload',
  'prefetch',
  'manifest',
  'mask-icon',
  'preconnect',
  'dns-prefetch',
]);

function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

/** Every URL a page refers to, with whether loading the page fetches it. */
export function pageReferences(document: Document): Reference[] {
  const references: Reference[] = [];
  const add = (kind: string, value: string | null | undefined, loads: boolean) => {
    if (value !== null && value !== undefined) references.push({ kind, value: value.trim(), loads });
  };
  for (const element of document.querySelectorAll('a[href], area[href]'))
    add(`${element.localName}[href]`, element.getAttribute('href'), false);
  for (const element of document.querySelectorAll('link[href]')) {
    const rels = (element.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const loads = rels.some((rel) => LOADING_LINK_RELS.has(rel));
    add(`link[rel=${rels.join(' ')}][href]`, element.getAttribute('href'), loads);
    if (element.hasAttribute('imagesrcset'))
      for (const url of srcsetUrls(element.getAttribute('imagesrcset') ?? '')) add('link[imagesrcset]', url, loads);
  }
  for (const element of document.querySelectorAll('script[src]')) add('script[src]', element.getAttribute('src'), true);
  for (const element of document.querySelectorAll(
    'img[src], iframe[src], embed[src], source[src], track[src], audio[src], video[src]',
  )) {
    add(
      `${element.localName}[src]`,
      element.getAttribute('src'),
      element.localName !== 'iframe' || element.getAttribute('loading') !== 'lazy',
    );
  }
  for (const element of document.querySelectorAll('img[srcset], source[srcset]')) {
    for (const url of srcsetUrls(element.getAttribute('srcset') ?? '')) add(`${element.localName}[srcset]`, url, true);
  }
  for (const element of document.querySelectorAll('video[poster]'))
    add('video[poster]', element.getAttribute('poster'), true);
  for (const element of document.querySelectorAll('object[data]'))
    add('object[data]', element.getAttribute('data'), true);
  for (const element of document.querySelectorAll('form[action]'))
    add('form[action]', element.getAttribute('action'), false);
  // SVG references: <use href>, <image href>, <a href> inside inline SVG.
  for (const element of document.querySelectorAll('use, image, feImage')) {
    add(`svg ${element.localName}[href]`, element.getAttribute('href') ?? element.getAttribute('xlink:href'), true);
  }
  for (const element of document.querySelectorAll('svg a')) {
    const href = element.getAttribute('xlink:href');
    if (href && !element.hasAttribute('href')) add('svg a[xlink:href]', href, false);
  }
  for (const element of document.querySelectorAll(
    'meta[property="og:image"], meta[name="twitter:image"], meta[property="og:url"]',
  )) {
    add(
      `meta[${element.getAttribute('property') ?? element.getAttribute('name')}]`,
      element.getAttribute('content'),
      false,
    );
  }
  for (const style of document.querySelectorAll('style'))
    for (const url of cssUrls(style.textContent ?? '')) add('style url()', url, true);
  return references;
}

/** url(...) and @import targets in a stylesheet. */
export function cssUrls(css: string): string[] {
  const urls: string[] = [];
  for (const match of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) urls.push(match[2] ?? '');
  for (const match of css.matchAll(/@import\s+(['"])([^'"]+)\1/g)) urls.push(match[2] ?? '');
  return urls.filter((url) => url && !url.startsWith('#'));
}

/** Static import specifiers in a JavaScript module: import … from "x", import "x", export … from "x". */
export function jsImports(js: string): string[] {
  const found: string[] = [];
  for (const match of js.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+\s*from\s*)?(['"`])([^'"`]+)\1/g))
    found.push(match[2] ?? '');
  return found;
}

export function gzipSize(content: string | Buffer): number {
  return gzipSync(content, { level: 6 }).length;
}

/** Inline scripts a browser executes (not JSON-LD or other data blocks), in document order. */
export function executableInlineScripts(html: string): string[] {
  const scripts: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attributes = match[1] ?? '';
    if (/\ssrc\s*=/i.test(attributes)) continue;
    const type = /\stype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase() ?? '';
    if (type && type !== 'module' && !/(java|ecma)script/.test(type)) continue;
    scripts.push(match[2] ?? '');
  }
  return scripts;
}
