/**
 * What crawlers read: robots.txt and the sitemap it names, each page's JSON-LD. Each check returns
 * what is wrong, one line per problem.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileForUrlPath, type BuiltSite } from './dist.ts';

/** robots.txt exists, names the sitemap by an absolute URL on the site (base path included), and that file exists. */
export function checkRobots(site: BuiltSite): string[] {
  const path = join(site.outDir, 'robots.txt');
  if (!existsSync(path)) return ['robots.txt is missing'];
  const sitemaps = [...readFileSync(path, 'utf8').matchAll(/^Sitemap:\s*(\S+)\s*$/gim)].map((match) => match[1] ?? '');
  if (sitemaps.length === 0) return ['robots.txt names no Sitemap'];
  return sitemaps.flatMap((address) => {
    let url: URL;
    try {
      url = new URL(address);
    } catch {
      return [`robots.txt: the sitemap "${address}" is not an absolute URL`];
    }
    if (url.origin !== site.siteOrigin || !url.pathname.startsWith(site.basePath))
      return [`robots.txt: the sitemap ${address} is not under ${site.siteOrigin}${site.basePath}`];
    return fileForUrlPath(site, url.pathname) ? [] : [`robots.txt: the sitemap ${address} is not in the build`];
  });
}

/** Every <url> of every sitemap file carries this <lastmod>. */
export function checkSitemapLastmod(site: BuiltSite, lastmod: string): string[] {
  const index = readFileSync(join(site.outDir, 'sitemap-index.xml'), 'utf8');
  const files = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) =>
    fileForUrlPath(site, new URL(match[1] ?? '').pathname),
  );
  if (files.length === 0) return ['sitemap-index.xml lists no sitemap'];
  return files.flatMap((file) => {
    if (!file) return ['sitemap-index.xml lists a sitemap that is not in the build'];
    const entries = [...readFileSync(join(site.outDir, file), 'utf8').matchAll(/<url>([\s\S]*?)<\/url>/g)];
    if (entries.length === 0) return [`${file} lists no page`];
    return entries
      .filter((entry) => !(entry[1] ?? '').includes(`<lastmod>${lastmod}</lastmod>`))
      .map((entry) => `${file}: ${/<loc>([^<]+)/.exec(entry[1] ?? '')?.[1]} has no <lastmod>${lastmod}</lastmod>`);
  });
}

/** The JSON-LD objects of a page, parsed (a parse error throws, naming the page). */
export function jsonLdOf(html: string, file: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => {
    try {
      return JSON.parse(match[1] ?? '') as Record<string, unknown>;
    } catch (error) {
      throw new Error(`${file}: JSON-LD that does not parse: ${String(error)}`);
    }
  });
}
