/**
 * The browser test runner behind `npm run test:browser`.
 *
 * It builds the site (or reuses the build when BROWSER_TESTS_SKIP_BUILD=1), serves it on
 * 127.0.0.1 under its base path with our own static server, launches Debian's Chromium through
 * playwright-core and runs every test exported by tests/browser/*.spec.ts:
 *
 *   export const tests: { name: string; run: (ctx: BrowserTestContext) => Promise<void> }[];
 *
 * It prints one line per test and closes with "N passed, N failed"; any failure exits 1. With no
 * Chromium it fails (never skips) and says how to install one.
 *
 * Environment:
 *   BROWSER_TESTS_SKIP_BUILD=1   reuse the existing build
 *   BROWSER_TESTS_OUT_DIR=dir    build into / serve this folder instead of dist/
 *   BROWSER_TESTS_FILTER=text    run only tests whose "file › name" contains text
 *   BROWSER_TEST_TIMEOUT_MS=n    per-test time limit (default 600000)
 *   BASE_PATH=/sub/              build and serve under a sub-path, as astro.config.mjs reads it
 *   CHROME_PATH=/path/to/chrome  use this browser
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findChromium, launchChromium, NO_CHROMIUM_MESSAGE } from './lib/chromium.ts';
import { normaliseBasePath, serveStatic } from './lib/server.ts';
import type { BrowserTest, BrowserTestContext } from './lib/types.ts';

interface Result {
  name: string;
  passed: boolean;
  ms: number;
  error?: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(here, '../..');
const outDir = resolve(projectRoot, process.env.BROWSER_TESTS_OUT_DIR ?? 'dist');
const basePath = normaliseBasePath(process.env.BASE_PATH);
const filter = process.env.BROWSER_TESTS_FILTER ?? '';
const timeoutMs = Number(process.env.BROWSER_TEST_TIMEOUT_MS ?? 600_000);
const resultsFile = join(projectRoot, 'test-output', 'browser-results.json');

async function finish(results: Result[]): Promise<never> {
  const passed = results.filter((result) => result.passed).length;
  const failed = results.length - passed;
  await mkdir(dirname(resultsFile), { recursive: true });
  await writeFile(resultsFile, JSON.stringify({ passed, failed, tests: results }, null, 2) + '\n');
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || results.length === 0 ? 1 : 0);
}

function fatal(name: string, message: string): Promise<never> {
  console.error(`\n✗ ${name}\n${indent(message)}`);
  return finish([{ name, passed: false, ms: 0, error: message }]);
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || String(error);
  return String(error);
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function loadSpecs(): Promise<{ file: string; tests: BrowserTest[]; error?: string }[]> {
  const files = (await readdir(here)).filter((file) => file.endsWith('.spec.ts')).sort();
  const specs = [];
  for (const file of files) {
    try {
      const module = (await import(pathToFileURL(join(here, file)).href)) as { tests?: unknown };
      const tests = module.tests;
      const valid =
        Array.isArray(tests) &&
        tests.every(
          (test: unknown) =>
            typeof test === 'object' &&
            test !== null &&
            typeof (test as BrowserTest).name === 'string' &&
            typeof (test as BrowserTest).run === 'function',
        );
      if (!valid) throw new Error('must export `tests: { name: string; run: (ctx) => Promise<void> }[]`');
      specs.push({ file, tests: tests as BrowserTest[] });
    } catch (error) {
      specs.push({ file, tests: [], error: errorText(error) });
    }
  }
  return specs;
}

async function main() {
  if (!findChromium()) return fatal('Chromium is installed', NO_CHROMIUM_MESSAGE);

  if (process.env.BROWSER_TESTS_SKIP_BUILD === '1') {
    if (!existsSync(join(outDir, 'index.html'))) {
      return fatal('reuse the build', `BROWSER_TESTS_SKIP_BUILD=1 but ${outDir} has no index.html: build first.`);
    }
    console.log(`Reusing the build in ${outDir}`);
  } else {
    console.log(`Building the site into ${outDir} (base path ${basePath})`);
    const build = spawnSync('npm', ['run', 'build', '--', '--outDir', outDir], {
      cwd: projectRoot,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    if (build.status !== 0)
      return fatal('the site builds', `npm run build exited with ${build.status ?? build.signal}`);
  }

  const specs = await loadSpecs();
  const server = await serveStatic({ root: outDir, basePath });
  let browser = await launchChromium();
  const ctx = (): BrowserTestContext => ({ browser, baseUrl: server.baseUrl, outDir });
  console.log(`Serving ${outDir} at ${server.baseUrl}; Chromium ${browser.version()}\n`);

  const results: Result[] = [];
  for (const spec of specs) {
    const specName = basename(spec.file, '.spec.ts');
    if (spec.error) {
      const name = `${specName} › loads`;
      results.push({ name, passed: false, ms: 0, error: spec.error });
      console.log(`✗ ${name}\n${indent(spec.error)}`);
      continue;
    }
    for (const test of spec.tests) {
      const name = `${specName} › ${test.name}`;
      if (filter && !name.includes(filter)) continue;
      if (!browser.isConnected()) browser = await launchChromium();
      const started = performance.now();
      try {
        await withTimeout(test.run(ctx()), timeoutMs, name);
        const ms = Math.round(performance.now() - started);
        results.push({ name, passed: true, ms });
        console.log(`✓ ${name} (${(ms / 1000).toFixed(1)} s)`);
      } catch (error) {
        const ms = Math.round(performance.now() - started);
        const message = errorText(error);
        results.push({ name, passed: false, ms, error: message });
        console.log(`✗ ${name} (${(ms / 1000).toFixed(1)} s)\n${indent(message)}`);
      }
    }
  }

  await browser.close().catch(() => undefined);
  await server.close();
  if (results.length === 0) console.log(filter ? `No test matches "${filter}".` : 'No browser tests found.');
  return finish(results);
}

main().catch((error: unknown) => fatal('the browser test runner', errorText(error)));
