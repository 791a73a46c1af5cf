/**
 * Builds the site once, before any test file runs, into test-output/dist, so that every build test
 * reads the same output and none has to build again. A failed build fails the run here, with
 * Astro's own output.
 */
import { BUILT_SITE, buildSite } from './build-site.ts';

export default async function setup(): Promise<void> {
  const result = await buildSite({ outDir: BUILT_SITE });
  if (result.code !== 0) throw new Error(`The site did not build:\n${result.output}`);
}
