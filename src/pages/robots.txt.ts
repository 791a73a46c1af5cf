// robots.txt: every page may be crawled, and the sitemap is named by its absolute address (with
// BASE_PATH). Crawlers read robots.txt only at a host's root: under a sub-path, copy the Sitemap
// line into the root robots.txt of the host (README, Deploying).
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../site/paths.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl('/sitemap-index.xml', site)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
