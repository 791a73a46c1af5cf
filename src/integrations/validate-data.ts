/**
 * Fails the build before anything is written when data/ has a defect.
 *
 * Astro's content layer alone only logs an unknown reference or a missing file and still exits 0,
 * and its schema errors stop at the first bad row. This integration validates every file ourselves
 * (src/lib/dataset.ts) as the build starts; on failure it removes the output folder, so no partial or
 * stale site is left in dist/ to be deployed by mistake.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadDataset } from '../lib/dataset.ts';

export function validateData(): AstroIntegration {
  return {
    name: 'validate-data',
    hooks: {
      'astro:config:setup': ({ config, command }) => {
        try {
          loadDataset(fileURLToPath(new URL('data/', config.root)));
        } catch (error) {
          if (command === 'build') rmSync(fileURLToPath(config.outDir), { recursive: true, force: true });
          throw error;
        }
      },
    },
  };
}
