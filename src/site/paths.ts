/** Site-relative links that keep working when the site is published under a sub-path (BASE_PATH). */
export function withBase(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}${path.startsWith('/') ? path : `/${path}`}`;
}

/** An absolute URL on the published site, for canonical links, Open Graph and oEmbed. */
export function absoluteUrl(path: string, site: URL | undefined): string {
  if (!site) throw new Error('astro.config.mjs must set `site` for absolute URLs');
  return new URL(withBase(path), site).href;
}
