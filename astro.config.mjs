// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { siteConfigFromEnv } from './src/integrations/site-config.ts';
import { validateData } from './src/integrations/validate-data.ts';

// SITE_URL and BASE_PATH let the same build be published anywhere, including under a sub-path;
// a malformed value stops the build with a message naming the variable (site-config.ts).
const { site, base } = siteConfigFromEnv(process.env);

export default defineConfig({
  site,
  base,
  output: 'static',
  trailingSlash: 'always',
  // Embed pages (/embed/<chart>/ and their option variants) are frames for other sites, noindex:
  // the sitemap keeps the /embed/ gallery and leaves them out.
  integrations: [validateData(), sitemap({ filter: (page) => !/\/embed\/[^/]+\/([^/]+\/)?$/.test(page) })],
  security: { csp: true },
  // Shiki highlights with inline styles, which our CSP forbids; we show no code anyway.
  markdown: { syntaxHighlight: false },
  build: { inlineStylesheets: 'never' },
  server: { port: 4321, host: 'localhost' },
});
