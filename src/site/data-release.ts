/**
 * The data's release dates for the pages being built, read once from data/README.md's changelog
 * (src/lib/release.ts). Relative to the project root, where astro build runs.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { dataRelease, type DataRelease } from '../lib/release.ts';

let cached: DataRelease | undefined;

export function siteRelease(): DataRelease {
  cached ??= dataRelease(readFileSync(new URL('data/README.md', pathToFileURL(`${process.cwd()}/`)), 'utf8'));
  return cached;
}
