// @ts-check
import { defineConfig } from 'astro/config';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import { siteConfigFromEnv } from './src/integrations/site-config.ts';
import { validateData } from './src/integrations/validate-data.ts';
import { dataDirFromEnv, dataFileLabel } from './src/integrations/data-dir.ts';
import { cspMetaFirst } from './src/integrations/csp-meta-first.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { dataRelease } from './src/lib/release.ts';

// SITE_URL and BASE_PATH let the same build be published anywhere, including under a sub-path;
// a malformed value stops the build with a message naming the variable (site-config.ts).
// Every page is regenerated from the data, so a page changes when the data does: the sitemap's
// lastmod is the data's release, the newest date in data/README.md's changelog. DATA_DIR (checked
// like SITE_URL, data-dir.ts) puts another folder in data/'s place, e.g. the benchmark's synthetic data.
// A failure here is not thrown: validateData reports it once it guards the output folder, so a
// stale dist/ is removed for a bad setting as for bad data.
/** @type {{ site?: string; base?: string; dataVersion?: string; configError?: unknown }} */
const settings = {};
try {
  Object.assign(settings, siteConfigFromEnv(process.env));
  const root = fileURLToPath(new URL('.', import.meta.url));
  const dataDir = dataDirFromEnv(process.env, root);
  const readme = readFileSync(join(dataDir, 'README.md'), 'utf8');
  settings.dataVersion = dataRelease(readme, dataFileLabel(dataDir, 'README.md', root)).version;
} catch (error) {
  settings.configError = error;
}
const { site, base, dataVersion, configError } = settings;

export default defineConfig({
  site,
  base,
  output: 'static',
  trailingSlash: 'always',
  integrations: [
    // First, so that it rewrites the pages where Astro wrote them, before any other build:done step
    // moves or reads them: each page's CSP <meta> goes right after <meta charset>.
    cspMetaFirst(),
    validateData({ configError }),
    // Embed pages (/embed/<chart>/ and their option variants) are frames for other sites, noindex:
    // the sitemap keeps the /embed/ gallery and leaves them out.
    sitemap({
      filter: (page) => !/\/embed\/[^/]+\/([^/]+\/)?$/.test(page),
      lastmod: dataVersion ? new Date(`${dataVersion}T00:00:00Z`) : undefined,
    }),
    // Last: Pagefind reads the pages as they are published, CSP moved and all.
    searchIndex(),
  ],
  security: { csp: true },
  // Astro 7's default, 'jsx', drops any whitespace holding a line break next to an element, so
  // "the\n<a>download page</a>" (as Prettier wraps .astro files) printed "thedownload page".
  // true is the HTML-aware, lossless compression of earlier versions (tests/build/copy.test.ts).
  compressHTML: true,
  // Shiki highlights with inline styles, which our CSP forbids; we show no code anyway.
  markdown: { syntaxHighlight: false },
  // Pages and images are generated a few at a time, not one by one: the PNGs are drawn on worker
  // threads (src/charts/png-workers.ts), so the main thread renders pages while both cores draw.
  // 4 keeps two workers busy with a job queued behind each; the output does not depend on the order.
  build: { inlineStylesheets: 'never', concurrency: 4 },
  server: { port: 4321, host: 'localhost' },
});
