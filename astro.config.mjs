// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { validateData } from './src/integrations/validate-data.ts';
import { cspMetaFirst } from './src/integrations/csp-meta-first.ts';

// SITE_URL and BASE_PATH let the same build be published anywhere, including under a sub-path.
const site = process.env.SITE_URL ?? 'https://defections.example.org';
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site,
  base,
  output: 'static',
  trailingSlash: 'always',
  integrations: [
    // First, so that it rewrites the pages where Astro wrote them, before any other build:done step
    // moves or reads them: each page's CSP <meta> goes right after <meta charset>.
    cspMetaFirst(),
    validateData(),
    // Embed pages (/embed/<chart>/ and their option variants) are frames for other sites, noindex:
    // the sitemap keeps the /embed/ gallery and leaves them out.
    sitemap({ filter: (page) => !/\/embed\/[^/]+\/([^/]+\/)?$/.test(page) }),
  ],
  security: { csp: true },
  // Shiki highlights with inline styles, which our CSP forbids; we show no code anyway.
  markdown: { syntaxHighlight: false },
  build: { inlineStylesheets: 'never' },
  server: { port: 4321, host: 'localhost' },
});
