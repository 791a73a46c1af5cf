/**
 * SITE_URL and BASE_PATH, read and checked before Astro sees them. Every canonical link, Open Graph
 * image, oEmbed answer and sitemap entry is built from them, so a typo must stop the build with a
 * message naming the variable and its value, not publish a site whose links all point nowhere.
 *
 * SITE_URL is the origin only: https://host (a host name with a dot, an optional port), or
 * http://localhost / http://127.0.0.1 with a port for local previews. The sub-path goes in BASE_PATH,
 * which starts and ends with "/" and holds only letters, digits and - . _ ~ between its slashes.
 * An unset or empty variable takes the default.
 */

export const DEFAULT_SITE_URL = 'https://defections.example.org';
export const DEFAULT_BASE_PATH = '/';
/** Where readers send corrections (the about page's mailto link); set CORRECTIONS_EMAIL to your desk's address. */
export const DEFAULT_CORRECTIONS_EMAIL = 'corrections@defections.example.org';

export class SiteConfigError extends Error {
  constructor(variable: string, value: string, expected: string) {
    super(`${variable} is ${JSON.stringify(value)}; expected ${expected}. Nothing was built.`);
    this.name = 'SiteConfigError';
  }
}

const SITE_URL_EXPECTED =
  'an absolute https:// origin such as https://news.example.org (no path: put that in BASE_PATH), ' +
  'or http://localhost:<port> or http://127.0.0.1:<port> for a local preview';

function checkSiteUrl(value: string): string {
  // Checked before parsing: `new URL` would quietly percent-encode a quote or a space.
  if (!/^[A-Za-z0-9:/.[\]-]+$/.test(value)) throw new SiteConfigError('SITE_URL', value, SITE_URL_EXPECTED);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SiteConfigError('SITE_URL', value, SITE_URL_EXPECTED);
  }
  const originOnly = (url.pathname === '/' || url.pathname === '') && !url.search && !url.hash && !url.username;
  const https = url.protocol === 'https:' && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(url.hostname);
  const local = url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname) && url.port !== '';
  if (!originOnly || !(https || local)) throw new SiteConfigError('SITE_URL', value, SITE_URL_EXPECTED);
  return url.origin;
}

function checkBasePath(value: string): string {
  const segments = value.split('/').slice(1, -1);
  const safe =
    value.startsWith('/') &&
    value.endsWith('/') &&
    segments.every((segment) => /^[A-Za-z0-9._~-]+$/.test(segment) && segment !== '.' && segment !== '..');
  if (!safe) {
    throw new SiteConfigError(
      'BASE_PATH',
      value,
      'a path that starts and ends with "/", such as / or /graphics/defections/, with only letters, digits and - . _ ~ between single slashes',
    );
  }
  return value;
}

// A plain address: one @, a host name with a dot, nothing a mailto: link or an HTML attribute could
// misread (no spaces, quotes, angle brackets, commas, ? or #).
const EMAIL = /^[A-Za-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/;

function checkEmail(value: string): string {
  if (!EMAIL.test(value) || value.length > 254) {
    throw new SiteConfigError(
      'CORRECTIONS_EMAIL',
      value,
      'one plain e-mail address such as corrections@news.example.org (letters, digits and . _ % + - before the @, a lower-case host name with a dot after it)',
    );
  }
  return value;
}

/** The corrections address from the environment, checked; throws SiteConfigError otherwise. */
export function correctionsEmailFromEnv(env: Record<string, string | undefined>): string {
  return checkEmail(env.CORRECTIONS_EMAIL || DEFAULT_CORRECTIONS_EMAIL);
}

/**
 * Host names no one can publish at (RFC 2606 and RFC 6761: example domains, .test, .invalid,
 * localhost and loopback addresses): a site built for one of them is a local or test build.
 */
export function isReservedHost(hostname: string): boolean {
  return (
    /(^|\.)(example\.(com|net|org)|example|test|invalid|localhost)$/.test(hostname) ||
    /^127(\.\d{1,3}){3}$/.test(hostname) ||
    hostname === '[::1]'
  );
}

/** The site's origin and base path from the environment, checked; throws SiteConfigError otherwise. */
export function siteConfigFromEnv(env: Record<string, string | undefined>): {
  site: string;
  base: string;
  correctionsEmail: string;
} {
  const site = checkSiteUrl(env.SITE_URL || DEFAULT_SITE_URL);
  // A site built for a real address must not tell its readers to write to the placeholder.
  if (!env.CORRECTIONS_EMAIL && !isReservedHost(new URL(site).hostname)) {
    throw new SiteConfigError(
      'CORRECTIONS_EMAIL',
      '',
      `your desk's corrections address (the about page's mailto link): a site built for ${site} must not send corrections to the placeholder ${DEFAULT_CORRECTIONS_EMAIL}`,
    );
  }
  return {
    site,
    base: checkBasePath(env.BASE_PATH || DEFAULT_BASE_PATH),
    correctionsEmail: correctionsEmailFromEnv(env),
  };
}
