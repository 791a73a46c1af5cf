/**
 * The search index, built by Pagefind over the finished pages (astro:build:done) into
 * <outDir>/pagefind/: claims, sources, claimants and the explainer's pages, nothing from a third
 * party. Only the search page loads it (src/pages/search.astro), so no other page carries its
 * JavaScript. Embed pages, the embed gallery and the search page itself are left out: they repeat
 * the explainer's words or have none.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/** The pages searched, relative to the output folder. */
export const SEARCHED_PAGES =
  '{index.html,about/**/*.html,methodology/**/*.html,sources/**/*.html,claimants/**/*.html,claims/**/*.html}';

export function searchIndex(): AstroIntegration {
  return {
    name: 'search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        try {
          const added = await index.addDirectory({ path: outDir, glob: SEARCHED_PAGES });
          if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: `${outDir}pagefind` });
          if (written.errors.length > 0)
            throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
          logger.info(`Search index: ${added.page_count} pages`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
