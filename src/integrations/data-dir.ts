/**
 * DATA_DIR: the folder the build reads its CSV files and data README from, instead of data/. It lets
 * the benchmark build synthetic datasets (bench/generate-data.ts) without touching the curated data.
 * Every reader of the data (the validator, the content collections, the data downloads, the release
 * date and the sitemap's lastmod) takes its folder from here, so one setting moves them all.
 *
 * A relative value is read from the project root; unset or empty means data/. A folder that does not
 * exist, or holds no claims.csv or README.md, stops the build with a message naming the variable, as SITE_URL does:
 * a typo must not build the site from nothing.
 */
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { SiteConfigError } from './site-config.ts';

export const DEFAULT_DATA_DIR = 'data';

const EXPECTED =
  'a folder holding the data files (claims.csv, claimants.csv, sources.csv, events.csv, readings.csv, ' +
  'relations.csv and README.md), absolute or relative to the project root; unset means data/';

/** The data folder, absolute and without a trailing slash; throws SiteConfigError if it is missing or empty. */
export function dataDirFromEnv(env: Record<string, string | undefined>, root: string = process.cwd()): string {
  const value = env.DATA_DIR || DEFAULT_DATA_DIR;
  const folder = resolve(root, value);
  // claims.csv says it is a data folder (the validator names any other missing CSV); README.md is read
  // for the release date before validation, so its absence is named here rather than as ENOENT.
  const missing = ['claims.csv', 'README.md'].some((file) => !existsSync(join(folder, file)));
  if (!existsSync(folder) || !statSync(folder).isDirectory() || missing) {
    throw new SiteConfigError('DATA_DIR', value, EXPECTED);
  }
  return folder;
}

/** How messages name a file of the data folder: relative to the project root ("data/README.md") when inside it, else absolute. */
export function dataFileLabel(dataDir: string, file: string, root: string = process.cwd()): string {
  const path = relative(root, join(dataDir, file));
  return path.startsWith('..') || isAbsolute(path) ? join(dataDir, file) : path;
}
