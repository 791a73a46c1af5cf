/** The contract between the runner (run.ts) and every tests/browser/*.spec.ts. Import types from here, never from run.ts (importing it runs the tests). */
import type { Browser } from 'playwright-core';

export interface BrowserTestContext {
  browser: Browser;
  /** The served site's root, with base path and trailing slash, e.g. http://127.0.0.1:41234/ */
  baseUrl: string;
  /** The folder being served (the build output). */
  outDir: string;
}

export interface BrowserTest {
  name: string;
  run: (ctx: BrowserTestContext) => Promise<void>;
}
