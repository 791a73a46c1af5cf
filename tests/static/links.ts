/**
 * An offline link checker over a built site: every internal link, resource and #anchor must
 * resolve to a file in the build (under the base path); external links are collected, not fetched.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  cssUrls,
  fileForUrlPath,
  htmlFiles,
  listFiles,
  pageReferences,
  readPage,
  urlPathOf,
  type BuiltSite,
} from './dist.ts';

export interface LinkReport {
  broken: string[];
  /** Unique external URLs, sorted. */
  external: string[];
  /** How many internal references were resolved. */
  checked: number;
}

const SKIPPED_SCHEMES = /^(mailto|tel|sms|data|blob):/i;

export function checkLinks(site: BuiltSite): LinkReport {
  const broken: string[] = [];
  const external = new Set<string>();
  const anchorsByFile = new Map<string, Set<string>>();
  let checked = 0;

  const anchorsOf = (file: string): Set<string> => {
    let anchors = anchorsByFile.get(file);
    if (!anchors) {
      const { document } = readPage(site.outDir, file);
      anchors = new Set<string>();
      for (const element of document.querySelectorAll('[id]')) anchors.add(element.getAttribute('id') ?? '');
      for (const element of document.querySelectorAll('a[name]')) anchors.add(element.getAttribute('name') ?? '');
      anchorsByFile.set(file, anchors);
    }
    return anchors;
  };

  const check = (from: string, fromUrl: string, kind: string, value: string) => {
    if (SKIPPED_SCHEMES.test(value)) return;
    if (/^javascript:/i.test(value)) {
      broken.push(`${from}: ${kind} "${value}" is a javascript: URL`);
      return;
    }
    let url: URL;
    try {
      url = new URL(value, fromUrl);
    } catch {
      broken.push(`${from}: ${kind} "${value}" is not a valid URL`);
      return;
    }
    if (url.origin !== site.siteOrigin) {
      if (url.protocol === 'http:' || url.protocol === 'https:') external.add(url.href);
      return;
    }
    checked++;
    const target = fileForUrlPath(site, url.pathname);
    if (!target) {
      const hint = url.pathname.startsWith(site.basePath) ? 'no such file' : `outside the base path ${site.basePath}`;
      broken.push(`${from}: ${kind} "${value}" -> ${url.pathname} (${hint})`);
      return;
    }
    const fragment = url.hash.slice(1);
    if (!fragment || fragment === 'top' || !target.endsWith('.html')) return;
    let id: string;
    try {
      id = decodeURIComponent(fragment);
    } catch {
      id = fragment;
    }
    if (!anchorsOf(target).has(id)) broken.push(`${from}: ${kind} "${value}" -> no id="${id}" in ${target}`);
  };

  for (const file of htmlFiles(site.outDir)) {
    const pageUrl = site.siteOrigin + urlPathOf(file, site.basePath);
    const { document } = readPage(site.outDir, file);
    const baseElement = document.querySelector('base[href]')?.getAttribute('href');
    const resolveFrom = baseElement ? new URL(baseElement, pageUrl).href : pageUrl;
    for (const reference of pageReferences(document)) check(file, resolveFrom, reference.kind, reference.value);
  }
  for (const file of listFiles(site.outDir).filter((name) => name.endsWith('.css'))) {
    const cssUrl = site.siteOrigin + site.basePath + file;
    for (const value of cssUrls(readFileSync(join(site.outDir, file), 'utf8'))) check(file, cssUrl, 'css url()', value);
  }
  return { broken, external: [...external].sort(), checked };
}
