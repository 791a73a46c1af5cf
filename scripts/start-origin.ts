/**
 * What `npm start` builds for and where it serves: its own local origin. Every embed code, oEmbed
 * file, "live chart" link and citation carries the build's SITE_URL, so a site built for the
 * placeholder address and served on localhost hands out codes that show nothing when pasted. Kept
 * apart from scripts/start.ts (which runs the build and the server) so a unit test can check it.
 */

export const DEFAULT_PORT = 4321;

export class StartConfigError extends Error {
  constructor(value: string) {
    super(`PORT is ${JSON.stringify(value)}; expected a whole number from 1024 to 65535. Nothing was built.`);
    this.name = 'StartConfigError';
  }
}

export interface StartPlan {
  port: number;
  /** The origin the site is built for and served on. */
  siteUrl: string;
  /** The environment for the build: SITE_URL set to siteUrl, everything else (BASE_PATH...) as given. */
  env: Record<string, string | undefined>;
  /** Set when the environment's SITE_URL was replaced, to say so. */
  replacedSiteUrl?: string;
}

/** The port (PORT, default 4321) and the build environment for `npm start`. */
export function startPlan(env: Record<string, string | undefined>): StartPlan {
  const raw = env.PORT?.trim() ?? '';
  let port = DEFAULT_PORT;
  if (raw !== '') {
    if (!/^\d{4,5}$/.test(raw)) throw new StartConfigError(raw);
    port = Number(raw);
    if (port < 1024 || port > 65535) throw new StartConfigError(raw);
  }
  const siteUrl = `http://localhost:${port}`;
  const given = env.SITE_URL?.trim();
  return {
    port,
    siteUrl,
    env: { ...env, SITE_URL: siteUrl },
    ...(given && given !== siteUrl ? { replacedSiteUrl: given } : {}),
  };
}
