/**
 * Page weight as a reader's browser receives it: the HTML plus every stylesheet, script, image,
 * icon and font the page loads (followed through CSS url()/@import and static JS imports), each
 * gzipped at zlib's default level 6 as a static host or CDN would serve it. Third-party
 * resources cannot be weighed and are reported by the host check instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import {
  cssUrls,
  executableInlineScripts,
  fileForUrlPath,
  gzipSize,
  jsImports,
  pageReferences,
  readPage,
  urlPathOf,
  type BuiltSite,
} from './dist.ts';

/** Budgets in bytes, gzipped; 1 KB = 1,000 bytes, the stricter reading. */
export const BUDGETS = {
  embedTotal: 10_000,
  homeHtmlCssJs: 60_000,
  jsPerPage: 10_000,
} as const;

export interface PageWeight {
  page: string;
  html: number;
  css: number;
  js: number;
  /** Images, icons, fonts. */
  other: number;
  /** Inline executable scripts inside the HTML, already counted in html. */
  inlineJs: number;
  total: number;
  files: { file: string; gzip: number }[];
  /** References the page loads that are not in the build. */
  missing: string[];
}

function kindOf(file: string): 'css' | 'js' | 'other' {
  const extension = extname(file).toLowerCase();
  if (extension === '.css') return 'css';
  if (extension === '.js' || extension === '.mjs') return 'js';
  return 'other';
}

export function pageWeight(site: BuiltSite, file: string): PageWeight {
  const { html, document } = readPage(site.outDir, file);
  const pageUrl = site.siteOrigin + urlPathOf(file, site.basePath);
  const loaded = new Map<string, number>();
  const missing: string[] = [];

  const visit = (value: string, fromUrl: string) => {
    if (/^(data|blob):/i.test(value)) return;
    const url = new URL(value, fromUrl);
    if (url.origin !== site.siteOrigin) return;
    const target = fileForUrlPath(site, url.pathname);
    if (!target) {
      missing.push(url.pathname);
      return;
    }
    if (loaded.has(target) || target === file) return;
    const full = join(site.outDir, target);
    if (!existsSync(full)) return;
    const content = readFileSync(full);
    loaded.set(target, gzipSize(content));
    const targetUrl = site.siteOrigin + site.basePath + target;
    if (kindOf(target) === 'css') for (const next of cssUrls(content.toString('utf8'))) visit(next, targetUrl);
    if (kindOf(target) === 'js') for (const next of jsImports(content.toString('utf8'))) visit(next, targetUrl);
  };

  for (const reference of pageReferences(document)) if (reference.loads) visit(reference.value, pageUrl);
  for (const script of executableInlineScripts(html)) for (const next of jsImports(script)) visit(next, pageUrl);

  const files = [...loaded].map(([name, gzip]) => ({ file: name, gzip }));
  const sum = (kind: 'css' | 'js' | 'other') =>
    files.filter((entry) => kindOf(entry.file) === kind).reduce((total, entry) => total + entry.gzip, 0);
  const inline = executableInlineScripts(html);
  const weight = {
    page: urlPathOf(file, site.basePath),
    html: gzipSize(html),
    css: sum('css'),
    js: sum('js'),
    other: sum('other'),
    inlineJs: inline.length ? gzipSize(inline.join('\n')) : 0,
    total: 0,
    files,
    missing,
  };
  weight.total = weight.html + weight.css + weight.js + weight.other;
  return weight;
}

/** All JavaScript a page runs: its inline scripts plus the script files it loads. */
export function javascriptOf(weight: PageWeight): number {
  return weight.inlineJs + weight.js;
}
