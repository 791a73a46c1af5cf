/**
 * Fails the build before anything is written when data/ (or DATA_DIR, data-dir.ts) has a defect, and makes the build atomic:
 * a build that fails at any later point (a page that throws, a chart that cannot render) leaves no
 * output folder either, so no partial or stale site is left in dist/ to be deployed by mistake.
 *
 * Astro's content layer alone only logs an unknown reference or a missing file and still exits 0,
 * and its schema errors stop at the first bad row. This integration validates every file ourselves
 * (src/lib/dataset.ts) as the build starts.
 *
 * Why "remove on failure" rather than "build elsewhere, then move into place": Astro empties the
 * output folder when it starts writing, so an earlier good build is gone either way; building into
 * a temporary folder would change the paths other integrations (the sitemap) are handed and the
 * --outDir that the test and browser runners pass. Removing the folder when the process ends without
 * a finished build works for `npm run build`, `npm start` and every runner that passes --outDir, and
 * changes no byte of a successful build. The check runs on process exit, so it also catches failures
 * after the last hook; only a process killed by a signal can leave files behind.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { DataValidationError, loadDataset } from '../lib/dataset.ts';
import { dataDirFromEnv } from './data-dir.ts';
import { REQUIRED_RECORDS } from '../lib/required-records.ts';

/**
 * `configError`: what astro.config.mjs failed on while reading its settings (SITE_URL, DATA_DIR, the
 * data README's changelog). It is reported here, after the exit handler is registered, so that
 * failure removes the output folder too.
 */
export function validateData(options: { configError?: unknown } = {}): AstroIntegration {
  let outDir: string | null = null;
  let finished = false;
  return {
    name: 'validate-data',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        if (command === 'build') {
          outDir = fileURLToPath(config.outDir);
          // A build that did not reach its end, or whose process exits with an error, leaves nothing.
          process.once('exit', (code) => {
            if (outDir && (!finished || code !== 0)) rmSync(outDir, { recursive: true, force: true });
          });
        }
        if (options.configError !== undefined) {
          const error = options.configError;
          const message = error instanceof Error ? error.message : String(error);
          // Each of these messages names the file or setting; a stack trace would add only noise.
          logger.error(/Nothing was built\.$/.test(message) ? message : `${message}. Nothing was built.`);
          process.exit(1);
        }
        try {
          loadDataset(dataDirFromEnv(process.env, fileURLToPath(config.root)), { required: REQUIRED_RECORDS });
        } catch (error) {
          if (!(error instanceof DataValidationError)) throw error;
          // Our message is complete (file, row, column, expectation). Thrown, Astro would add a stack
          // trace and guess a hint from words in it ("window" in a quote gives "Browser APIs...").
          logger.error(error.message);
          process.exit(1);
        }
      },
      'astro:config:done': ({ config }) => {
        // --outDir on the command line is applied after setup; the resolved folder is the one to guard.
        if (outDir !== null) outDir = fileURLToPath(config.outDir);
      },
      'astro:build:done': () => {
        finished = true;
      },
    },
  };
}
